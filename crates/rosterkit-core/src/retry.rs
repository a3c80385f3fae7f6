//! Retry decisions as pure logic: the host reports what happened, the time
//! elapsed and a random seed; the policy says whether and when to try again.
//! Nothing here reads a clock or a random source.

use crate::http::Response;
use crate::retry_after::RetryAfter;
use serde::{Deserialize, Serialize};

/// How hard to retry. The defaults suit interactive admin tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 disables retries.
    #[cfg_attr(feature = "uniffi", uniffi(default = 4))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub max_attempts: u32,
    /// First backoff step in milliseconds; it doubles per attempt.
    #[cfg_attr(feature = "uniffi", uniffi(default = 250))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub base_delay_ms: u64,
    /// Cap on one backoff step.
    #[cfg_attr(feature = "uniffi", uniffi(default = 8000))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub max_delay_ms: u64,
    /// Longest `Retry-After` honoured; a server asking for longer is not waited for.
    #[cfg_attr(feature = "uniffi", uniffi(default = 60000))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub max_retry_after_ms: u64,
    /// Overall deadline for one operation, retries and waits included.
    #[cfg_attr(feature = "uniffi", uniffi(default = 120000))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub deadline_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay_ms: 250,
            max_delay_ms: 8_000,
            max_retry_after_ms: 60_000,
            deadline_ms: 120_000,
        }
    }
}

/// What came of one attempt.
#[derive(Clone, Copy, Debug)]
pub enum Attempt<'a> {
    /// The server answered.
    Response(&'a Response),
    /// No answer. `sent` is false only when the request provably never left
    /// (connection refused, DNS failure): then even a create is safe to repeat.
    Transport {
        /// Whether the request may have reached the server.
        sent: bool,
    },
}

/// The policy's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Wait this long, then send the same request again.
    Retry {
        /// Milliseconds to wait.
        after_ms: u64,
    },
    /// Do not retry; report the outcome.
    Stop,
}

impl RetryPolicy {
    /// Refuses a policy that could not work: no attempt at all.
    pub fn check(&self) -> Result<(), crate::Error> {
        if self.max_attempts == 0 {
            return Err(crate::Error::invalid(
                "max_attempts",
                "must be at least 1 (1 disables retries)",
            ));
        }
        Ok(())
    }

    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Decides after attempt number `attempt` (1 for the first).
    ///
    /// - 429 is retried for every operation: the server refused the request
    ///   before acting on it. Its `Retry-After` is honoured.
    /// - 503 with `Retry-After`, other 5xx, 408 and transport failures are
    ///   retried only for operations safe to repeat, with capped exponential
    ///   backoff and jitter, so a create is never sent twice.
    /// - A transport failure before sending is retried for every operation.
    pub fn decide(
        &self,
        retry_safe: bool,
        attempt: u32,
        outcome: Attempt<'_>,
        elapsed_ms: u64,
        seed: u64,
    ) -> Decision {
        if attempt >= self.max_attempts {
            return Decision::Stop;
        }
        let backoff = self.backoff_ms(attempt, seed);
        let wait = match outcome {
            Attempt::Response(r) => match r.status {
                429 => match self.server_delay(r) {
                    Some(ms) => ms,
                    None if self.retry_after_too_long(r) => return Decision::Stop,
                    None => backoff,
                },
                408 | 500 | 502 | 503 | 504 if retry_safe => match self.server_delay(r) {
                    Some(ms) => ms,
                    None if self.retry_after_too_long(r) => return Decision::Stop,
                    None => backoff,
                },
                _ => return Decision::Stop,
            },
            Attempt::Transport { sent: false } => backoff,
            Attempt::Transport { sent: true } if retry_safe => backoff,
            Attempt::Transport { sent: true } => return Decision::Stop,
        };
        if elapsed_ms.saturating_add(wait) > self.deadline_ms {
            return Decision::Stop;
        }
        Decision::Retry { after_ms: wait }
    }

    /// `Retry-After` as a delay, when present, measurable and not too long.
    fn server_delay(&self, r: &Response) -> Option<u64> {
        match crate::parse::retry_after(r)? {
            RetryAfter::Delay { millis } if millis <= self.max_retry_after_ms => Some(millis),
            // An HTTP date with no `Date` header cannot be measured without a
            // clock; fall back to backoff rather than guess.
            _ => None,
        }
    }

    fn retry_after_too_long(&self, r: &Response) -> bool {
        matches!(
            crate::parse::retry_after(r),
            Some(RetryAfter::Delay { millis }) if millis > self.max_retry_after_ms
        )
    }

    /// Equal-jitter backoff: half the capped exponential step, plus a random
    /// share of the other half drawn from `seed`.
    pub fn backoff_ms(&self, attempt: u32, seed: u64) -> u64 {
        let exp = attempt.saturating_sub(1).min(32);
        let step = self
            .base_delay_ms
            .saturating_mul(1u64 << exp)
            .min(self.max_delay_ms);
        let half = step / 2;
        half + splitmix64(seed ^ u64::from(attempt)) % (step - half + 1)
    }
}

/// A small, well-mixed hash so hosts may pass any seed, even 0 or a counter.
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16) -> Response {
        Response::new(status, "")
    }

    #[test]
    fn rate_limit_is_retried_for_any_operation_with_retry_after() {
        let p = RetryPolicy::default();
        let r = resp(429).with_header("Retry-After", "3");
        assert_eq!(
            p.decide(false, 1, Attempt::Response(&r), 0, 7),
            Decision::Retry { after_ms: 3000 }
        );
    }

    #[test]
    fn server_errors_only_for_safe_operations() {
        let p = RetryPolicy::default();
        assert!(matches!(
            p.decide(true, 1, Attempt::Response(&resp(500)), 0, 1),
            Decision::Retry { .. }
        ));
        assert_eq!(
            p.decide(false, 1, Attempt::Response(&resp(500)), 0, 1),
            Decision::Stop
        );
        assert_eq!(
            p.decide(false, 1, Attempt::Transport { sent: true }, 0, 1),
            Decision::Stop
        );
        assert!(matches!(
            p.decide(false, 1, Attempt::Transport { sent: false }, 0, 1),
            Decision::Retry { .. }
        ));
    }

    #[test]
    fn attempts_and_deadline_are_capped() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.decide(true, 4, Attempt::Response(&resp(503)), 0, 1),
            Decision::Stop
        );
        assert_eq!(
            p.decide(true, 1, Attempt::Response(&resp(503)), 119_999, 1),
            Decision::Stop
        );
        let too_long = resp(429).with_header("Retry-After", "3600");
        assert_eq!(
            p.decide(true, 1, Attempt::Response(&too_long), 0, 1),
            Decision::Stop
        );
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let p = RetryPolicy::default();
        for attempt in 1..40 {
            for seed in 0..50 {
                let d = p.backoff_ms(attempt, seed);
                let step = (250u64 << (attempt - 1).min(32)).min(8000);
                assert!(d >= step / 2 && d <= step, "{attempt} {seed} {d}");
            }
        }
        let distinct: std::collections::HashSet<_> = (0..50).map(|s| p.backoff_ms(3, s)).collect();
        assert!(distinct.len() > 10);
    }
}
