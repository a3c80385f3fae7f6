//! Page arithmetic shared by the page-numbered APIs.

/// The zero-based offset of a one-based `page` of `page_size` items,
/// saturating instead of overflowing on absurd inputs.
pub(crate) fn page_offset(page: usize, page_size: usize) -> usize {
    page.saturating_sub(1).saturating_mul(page_size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(page_offset(1, 30), 0);
        assert_eq!(page_offset(3, 4), 8);
        assert_eq!(page_offset(usize::MAX, usize::MAX), usize::MAX);
    }
}
