//! Request and response hooks, for metrics, audit logs or tests.

use rosterkit_core::Request;
use std::time::Duration;

/// A request as hooks and logs see it: the `Authorization` value is replaced
/// by `***`, so a hook can log it whole without leaking the credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestInfo {
    /// HTTP method.
    pub method: String,
    /// Full URL.
    pub url: String,
    /// Headers, credential redacted.
    pub headers: Vec<(String, String)>,
    /// Body length in bytes.
    pub body_len: usize,
}

impl RequestInfo {
    pub(crate) fn of(request: &Request) -> Self {
        RequestInfo {
            method: request.method.clone(),
            url: request.url.clone(),
            headers: request
                .headers
                .iter()
                .map(|h| {
                    if h.name.eq_ignore_ascii_case("authorization") {
                        let scheme = h.value.split(' ').next().unwrap_or("");
                        (h.name.clone(), format!("{scheme} ***"))
                    } else {
                        (h.name.clone(), h.value.clone())
                    }
                })
                .collect(),
            body_len: request.body.as_ref().map_or(0, Vec::len),
        }
    }
}

/// Called around every HTTP exchange, retries included.
pub trait Hook: crate::MaybeSendSync {
    /// Before a request is sent.
    fn on_request(&self, _request: &RequestInfo) {}
    /// After a response arrived (`status`), or the transport failed (`None`).
    fn on_response(&self, _request: &RequestInfo, _status: Option<u16>, _elapsed: Duration) {}
}

/// The one request log line every language prints:
/// `GET https://host/path -> 200 in 12 ms` (or `-> failed`). It carries no
/// header, so no credential; URLs carry ids, never secrets.
pub fn log_line(request: &RequestInfo, status: Option<u16>, elapsed: Duration) -> String {
    let outcome = status.map_or_else(|| "failed".to_owned(), |s| s.to_string());
    format!(
        "{} {} -> {} in {} ms",
        request.method,
        request.url,
        outcome,
        elapsed.as_millis()
    )
}

/// A hook that hands each [`log_line`] to a function: Python's `logging`,
/// a JavaScript `logger`, a test.
pub(crate) struct LogHook<F>(pub(crate) F);

impl<F: Fn(&str) + crate::MaybeSendSync> Hook for LogHook<F> {
    fn on_response(&self, request: &RequestInfo, status: Option<u16>, elapsed: Duration) {
        (self.0)(&log_line(request, status, elapsed));
    }
}
