//! `Retry-After`, read from delta-seconds or an HTTP date without reading a clock.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::{Duration, UNIX_EPOCH};

/// When a server asked to be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all_fields = "camelCase"))]
pub enum RetryAfter {
    /// A delay from the moment the response arrived.
    Delay {
        /// Milliseconds to wait.
        millis: u64,
    },
    /// An absolute instant, when the server sent an HTTP date and no `Date`
    /// header to measure it against; the host resolves it with its own clock.
    At {
        /// Milliseconds since the Unix epoch.
        unix_millis: u64,
    },
}

impl RetryAfter {
    /// Reads a `Retry-After` value. `date` is the response's `Date` header, used
    /// to turn an HTTP date into a delay measured on the server's own clock.
    pub fn parse(value: &str, date: Option<&str>) -> Option<RetryAfter> {
        let value = value.trim();
        if let Ok(secs) = value.parse::<u64>() {
            return Some(RetryAfter::Delay {
                millis: secs.saturating_mul(1000),
            });
        }
        let at = unix_millis(value)?;
        match date.and_then(unix_millis) {
            Some(now) => Some(RetryAfter::Delay {
                millis: at.saturating_sub(now),
            }),
            None => Some(RetryAfter::At { unix_millis: at }),
        }
    }

    /// The delay to wait, given the host's current time for the `At` form.
    pub fn delay_millis(&self, now_unix_millis: u64) -> u64 {
        match *self {
            RetryAfter::Delay { millis } => millis,
            RetryAfter::At { unix_millis } => unix_millis.saturating_sub(now_unix_millis),
        }
    }
}

fn unix_millis(http_date: &str) -> Option<u64> {
    let t = httpdate::parse_http_date(http_date.trim()).ok()?;
    let d: Duration = t.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(d.as_millis()).ok()
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryAfter::Delay { millis } => write!(f, "{} s", (*millis).div_ceil(1000)),
            RetryAfter::At { unix_millis } => write!(f, "unix time {} s", unix_millis / 1000),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_dates() {
        assert_eq!(
            RetryAfter::parse("7", None),
            Some(RetryAfter::Delay { millis: 7000 })
        );
        assert_eq!(
            RetryAfter::parse(
                "Wed, 21 Oct 2015 07:28:30 GMT",
                Some("Wed, 21 Oct 2015 07:28:00 GMT")
            ),
            Some(RetryAfter::Delay { millis: 30_000 })
        );
        assert_eq!(
            RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT", None),
            Some(RetryAfter::At {
                unix_millis: 1_445_412_480_000
            })
        );
        assert_eq!(RetryAfter::parse("soon", None), None);
    }
}
