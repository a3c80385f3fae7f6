//! Injected failures: error statuses, added latency and dropped connections.

use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

/// What an injected fault does to a matching request.
///
/// Serialized with a `type` tag: `{"type":"status","status":429,"retry_after":"1"}`,
/// `{"type":"latency","millis":200}`, `{"type":"drop"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with this HTTP status and the vendor's error body, without
    /// touching any state; `retry_after` becomes a `Retry-After` header.
    Status {
        /// The HTTP status to send (100..=999).
        status: u16,
        /// The `Retry-After` header value, verbatim (seconds or an HTTP date).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after: Option<String>,
    },
    /// Wait this long, then handle the request normally (or apply the next
    /// matching fault).
    Latency {
        /// The delay in milliseconds.
        millis: u64,
    },
    /// Close the TCP connection without sending any response. Only the
    /// emulator's own server can do this; a router mounted elsewhere answers
    /// 500 instead.
    Drop,
}

/// A rule that makes matching requests fail or slow down.
///
/// Every filter left `None` matches anything. Faults are checked in the order
/// they were added: all matching latency faults add up, and the first
/// matching status or drop fault decides the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// Provider id (`"ssw"`, ...) the fault applies to.
    #[serde(default)]
    pub provider: Option<String>,
    /// HTTP method (case-insensitive) the fault applies to.
    #[serde(default)]
    pub method: Option<String>,
    /// Prefix of the raw request path after the vendor prefix, for example
    /// `"/iam/v1/group/members"`.
    #[serde(default)]
    pub path_prefix: Option<String>,
    /// The effect.
    pub kind: FaultKind,
    /// How many matching requests it affects; `None` means forever. Each
    /// matching request consumes one, and an exhausted fault is removed.
    #[serde(default)]
    pub times: Option<u32>,
    /// For a status or drop fault: run the request first, so its change
    /// takes effect, then lose the response. This is the case where a
    /// blindly repeated create or add would be applied twice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after: bool,
}

impl Fault {
    /// A fault of `kind` that matches every vendor request, forever.
    pub fn new(kind: FaultKind) -> Self {
        Fault {
            provider: None,
            method: None,
            path_prefix: None,
            kind,
            times: None,
            after: false,
        }
    }

    /// Answer with `status` (and no `Retry-After`).
    pub fn status(status: u16) -> Self {
        Fault::new(FaultKind::Status {
            status,
            retry_after: None,
        })
    }

    /// Answer 429 Too Many Requests with the given `Retry-After` value.
    pub fn rate_limited(retry_after: impl Into<String>) -> Self {
        Fault::new(FaultKind::Status {
            status: 429,
            retry_after: Some(retry_after.into()),
        })
    }

    /// Delay matching requests by `millis` milliseconds.
    pub fn latency(millis: u64) -> Self {
        Fault::new(FaultKind::Latency { millis })
    }

    /// Close the connection of matching requests without a response.
    pub fn drop_connection() -> Self {
        Fault::new(FaultKind::Drop)
    }

    /// Restricts the fault to one provider id.
    pub fn provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Restricts the fault to one HTTP method.
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    /// Restricts the fault to paths (after the vendor prefix) starting with `prefix`.
    pub fn path_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.path_prefix = Some(prefix.into());
        self
    }

    /// Lets the request take effect before the fault replaces or drops its
    /// response.
    pub fn after_handler(mut self) -> Self {
        self.after = true;
        self
    }

    /// Limits the fault to the next `n` matching requests.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    fn matches(&self, provider: &str, method: &str, path: &str) -> bool {
        self.provider
            .as_deref()
            .is_none_or(|p| p.trim().eq_ignore_ascii_case(provider))
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.trim().eq_ignore_ascii_case(method))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| path.starts_with(p))
    }
}

/// What the gate must do to one request, as decided by the fault list.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// Total delay before doing anything else.
    pub(crate) delay_millis: u64,
    /// A status or drop fault that replaces normal handling.
    pub(crate) outcome: Option<FaultKind>,
    /// Whether the request is handled first and `outcome` then replaces
    /// (or drops) its response.
    pub(crate) after: bool,
}

/// The active faults, shared by all connections.
#[derive(Debug, Default)]
pub(crate) struct FaultBook {
    faults: Mutex<Vec<Fault>>,
}

impl FaultBook {
    fn lock(&self) -> MutexGuard<'_, Vec<Fault>> {
        // A poisoned lock only means another thread panicked mid-update of a
        // plain Vec; the data is still usable, and requests must not panic.
        self.faults.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn add(&self, fault: Fault) {
        if fault.times != Some(0) {
            self.lock().push(fault);
        }
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    pub(crate) fn list(&self) -> Vec<Fault> {
        self.lock().clone()
    }

    /// Matches a request against the faults and consumes one use of each
    /// fault that applied, all under one lock so concurrent requests never
    /// over-consume a limited fault.
    pub(crate) fn judge(&self, provider: &str, method: &str, path: &str) -> Verdict {
        let mut faults = self.lock();
        let mut verdict = Verdict::default();
        let mut index = 0;
        while index < faults.len() {
            let fault = &mut faults[index];
            if !fault.matches(provider, method, path) {
                index += 1;
                continue;
            }
            let terminal = match &fault.kind {
                FaultKind::Latency { millis } => {
                    verdict.delay_millis = verdict.delay_millis.saturating_add(*millis);
                    false
                }
                kind => {
                    verdict.outcome = Some(kind.clone());
                    verdict.after = fault.after;
                    true
                }
            };
            let exhausted = match fault.times.as_mut() {
                Some(left) => {
                    *left = left.saturating_sub(1);
                    *left == 0
                }
                None => false,
            };
            if exhausted {
                faults.remove(index);
            } else {
                index += 1;
            }
            if terminal {
                break;
            }
        }
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_shape() {
        let f: Fault = serde_json::from_str(
            r#"{"provider":"ssw","method":"GET","path_prefix":"/iam/","kind":{"type":"status","status":429,"retry_after":"1"},"times":2}"#,
        )
        .unwrap();
        assert_eq!(
            f,
            Fault::rate_limited("1")
                .provider("ssw")
                .method("GET")
                .path_prefix("/iam/")
                .times(2)
        );
        let f: Fault = serde_json::from_str(r#"{"kind":{"type":"drop"}}"#).unwrap();
        assert_eq!(f, Fault::drop_connection());
        let f: Fault = serde_json::from_str(r#"{"kind":{"type":"latency","millis":5}}"#).unwrap();
        assert_eq!(f, Fault::latency(5));
    }

    #[test]
    fn consumes_and_combines() {
        let book = FaultBook::default();
        book.add(Fault::latency(10).provider("ssw"));
        book.add(Fault::status(503).provider("ssw").method("get").times(1));
        book.add(Fault::status(500).times(0));
        let v = book.judge("ssw", "GET", "/x");
        assert_eq!(v.delay_millis, 10);
        assert!(matches!(
            v.outcome,
            Some(FaultKind::Status { status: 503, .. })
        ));
        let v = book.judge("ssw", "GET", "/x");
        assert_eq!(
            v,
            Verdict {
                delay_millis: 10,
                outcome: None,
                after: false,
            }
        );
        assert_eq!(book.judge("b2core", "GET", "/x"), Verdict::default());
        assert_eq!(book.list().len(), 1);
    }

    #[test]
    fn after_handler_faults_say_so() {
        let book = FaultBook::default();
        book.add(Fault::status(502).after_handler().times(1));
        let v = book.judge("ssw", "POST", "/x");
        assert!(v.after);
        let f: Fault = serde_json::from_str(r#"{"kind":{"type":"drop"},"after":true}"#).unwrap();
        assert_eq!(f, Fault::drop_connection().after_handler());
    }

    #[test]
    fn path_prefix_filters() {
        let book = FaultBook::default();
        book.add(Fault::drop_connection().path_prefix("/v1/groups"));
        assert_eq!(book.judge("polaris", "GET", "/v1/users").outcome, None);
        assert_eq!(
            book.judge("polaris", "GET", "/v1/groups/x").outcome,
            Some(FaultKind::Drop)
        );
    }
}
