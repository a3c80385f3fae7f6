//! Client-side checks of what the vendor documents constrain.

use crate::error::Error;

/// A number inside an inclusive range.
pub fn range(field: &str, value: u64, min: u64, max: u64) -> Result<(), Error> {
    if value < min || value > max {
        return Err(Error::invalid(
            field,
            format!("must be between {min} and {max}, got {value}"),
        ));
    }
    Ok(())
}

/// An optional number inside an inclusive range.
pub fn range_opt(field: &str, value: Option<u64>, min: u64, max: u64) -> Result<(), Error> {
    value.map_or(Ok(()), |v| range(field, v, min, max))
}

/// A string whose length in characters is inside an inclusive range.
pub fn length(field: &str, value: &str, min: usize, max: usize) -> Result<(), Error> {
    let n = value.chars().count();
    if n < min || n > max {
        return Err(Error::invalid(
            field,
            format!("must be {min} to {max} characters long, got {n}"),
        ));
    }
    Ok(())
}

/// A non-blank string.
pub fn non_empty(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Every id in a list non-empty; the list itself non-empty when `required`.
pub fn ids(field: &str, values: &[String], required: bool) -> Result<(), Error> {
    if required && values.is_empty() {
        return Err(Error::invalid(field, "must list at least one id"));
    }
    for (i, v) in values.iter().enumerate() {
        if v.trim().is_empty() {
            return Err(Error::invalid(format!("{field}[{i}]"), "must not be empty"));
        }
    }
    Ok(())
}

/// No two equal strings (compared exactly, so case matters).
pub fn unique(field: &str, values: &[String]) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for v in values {
        if !seen.insert(v.as_str()) {
            return Err(Error::invalid(field, format!("lists {v:?} more than once")));
        }
    }
    Ok(())
}
