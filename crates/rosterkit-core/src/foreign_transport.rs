//! The interface a Kotlin or Swift app implements to bring its own HTTP
//! stack (uniffi `with_foreign`). It lives here, next to [`Request`] and
//! [`Response`], because uniffi 0.32 cannot return another crate's record
//! from an async foreign method (mozilla/uniffi-rs#2675); the adapter that
//! makes it the driver's transport is in `bindings/uniffi`.

use crate::{Request, Response};
use std::fmt;

/// Why a transport produced no response. The split matters for retries: a
/// request that provably never left may be repeated even when it creates
/// something; one that may have arrived is repeated only when that is safe.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Error)]
pub enum HttpTransportError {
    /// The request never left (connection refused, DNS failure, TLS or
    /// pinning failure before sending).
    NotSent {
        /// What failed; scrubbed of credentials before it reaches an error.
        reason: String,
    },
    /// The request may have reached the server (timeout, connection reset).
    Failed {
        /// What failed; scrubbed of credentials before it reaches an error.
        reason: String,
    },
}

impl fmt::Display for HttpTransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpTransportError::NotSent { reason } => write!(f, "not sent: {reason}"),
            HttpTransportError::Failed { reason } => write!(f, "failed: {reason}"),
        }
    }
}

impl std::error::Error for HttpTransportError {}

/// Any other exception thrown by a foreign transport arrives here; it is
/// treated as a failure after sending, the cautious choice.
impl From<uniffi::UnexpectedUniFFICallbackError> for HttpTransportError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        HttpTransportError::Failed { reason: e.reason }
    }
}

/// An HTTP stack supplied by the app. Kotlin implements
/// `suspend fun send(request: Request): Response`, Swift
/// `func send(request: Request) async throws -> Response`.
///
/// Send the request exactly as given (method, URL, headers in order, body)
/// and return whatever status came back: error statuses are responses, not
/// failures. Throw `HttpTransportError` only when there is no response.
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends one request and returns the response.
    async fn send(&self, request: Request) -> Result<Response, HttpTransportError>;
}
