//! The arithmetic of a page walk, shared by the typed pagers and the by-id
//! pager: where the next page starts, when the walk is over, and whether the
//! server is going round in circles.

use super::{PageStyle, MAX_PAGES};
use crate::Error;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// What one page said, as far as paging cares.
pub(crate) struct PageInfo<'a> {
    pub(crate) items: usize,
    pub(crate) first: Option<&'a str>,
    pub(crate) last: Option<&'a str>,
    pub(crate) page: Option<u64>,
    pub(crate) offset: Option<u64>,
    pub(crate) total: Option<u64>,
    pub(crate) size: Option<u64>,
}

#[derive(Clone, Debug)]
pub(crate) struct PageCursor {
    id: &'static str,
    style: PageStyle,
    /// Page number (PageNumber) or offset (the others) of the next request.
    position: u64,
    size: u64,
    /// Items received so far.
    items: u64,
    pages: u32,
    max_pages: u32,
    /// A digest of every page seen: (first key, last key, item count).
    seen: HashSet<u64>,
    done: bool,
}

impl PageCursor {
    pub(crate) fn new(id: &'static str, style: PageStyle, position: u64, size: u64) -> Self {
        PageCursor {
            id,
            style,
            position,
            size,
            items: 0,
            pages: 0,
            max_pages: MAX_PAGES,
            seen: HashSet::new(),
            done: false,
        }
    }

    pub(crate) fn set_max_pages(&mut self, max_pages: u32) {
        self.max_pages = max_pages.max(1);
    }

    /// `(position, size)` of the next page, or `None` when the walk is over.
    pub(crate) fn next(&self) -> Option<(u64, u64)> {
        (!self.done).then_some((self.position, self.size))
    }

    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    pub(crate) fn pages(&self) -> u32 {
        self.pages
    }

    pub(crate) fn advance(&mut self, info: &PageInfo<'_>) -> Result<(), Error> {
        self.pages += 1;
        let n = info.items as u64;
        if self.style == PageStyle::Unpaged {
            self.done = true;
            return Ok(());
        }
        // A server that answers another page than asked ignores the parameter.
        match (self.style, info.page, info.offset) {
            (PageStyle::PageNumber, Some(page), _) if page != self.position => {
                return Err(self.loop_error(&format!(
                    "asked for page {} and got page {page}",
                    self.position
                )));
            }
            (PageStyle::OffsetLimitTotal, _, Some(offset)) if offset != self.position => {
                return Err(self.loop_error(&format!(
                    "asked for offset {} and got offset {offset}",
                    self.position
                )));
            }
            _ => {}
        }
        if n > 0 {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (info.first, info.last, n).hash(&mut h);
            if !self.seen.insert(h.finish()) {
                return Err(self.loop_error(&format!(
                    "page {} repeats a page already returned",
                    self.pages
                )));
            }
        }
        self.items = self.items.saturating_add(n);
        match self.style {
            PageStyle::PageNumber => {
                // A server that caps the page size says so; page numbers then
                // count its pages, so the next request asks for its size.
                if let Some(size) = info.size.filter(|s| *s > 0 && *s < self.size) {
                    self.size = size;
                }
                self.done = n == 0 || info.total.map_or(n < self.size, |t| self.items >= t);
                self.position += 1;
            }
            PageStyle::OffsetLimitTotal => {
                self.position += n;
                self.done = n == 0 || info.total.map_or(n < self.size, |t| self.position >= t);
            }
            PageStyle::LimitOffsetArray => {
                self.position += n;
                self.done = n < self.size;
            }
            PageStyle::Unpaged => {}
        }
        if !self.done && self.pages >= self.max_pages {
            return Err(Error::Decode {
                message: format!(
                    "paging {} stopped after {} pages, the ceiling; raise max_pages if the directory is really this large",
                    self.id, self.max_pages
                ),
                excerpt: String::new(),
            });
        }
        Ok(())
    }

    fn loop_error(&self, why: &str) -> Error {
        Error::Decode {
            message: format!(
                "paging {} did not advance: {why}; stopped to avoid a loop",
                self.id
            ),
            excerpt: String::new(),
        }
    }
}
