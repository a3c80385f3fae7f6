//! Transports written in Kotlin or Swift, and the host loop that drives a
//! core flow over one. The built-in transport is `rosterkit::Client::run`,
//! which is the same loop over reqwest.

use crate::http::{HttpRequest, HttpResponse};
use rosterkit_core::{Error, Flow, Step};
use serde_json::Value;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

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
/// `suspend fun send(request: HttpRequest): HttpResponse`, Swift
/// `func send(request: HttpRequest) async throws -> HttpResponse`.
///
/// Send the request exactly as given (method, URL, headers in order, body)
/// and return whatever status came back: error statuses are responses, not
/// failures. Throw `HttpTransportError` only when there is no response.
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends one request and returns the response.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpTransportError>;
}

/// The host loop of the design, over a foreign transport.
pub(crate) async fn drive(
    transport: &Arc<dyn HttpTransport>,
    mut flow: Flow,
) -> Result<Value, Error> {
    let started = Instant::now();
    let elapsed = || started.elapsed().as_millis() as u64;
    let mut step = flow.start();
    loop {
        step = match step {
            Step::Send { request } => match transport.send(request.into()).await {
                Ok(response) => flow.on_response(response.into(), elapsed()),
                Err(HttpTransportError::NotSent { reason }) => {
                    flow.on_transport_error(false, &reason, elapsed())
                }
                Err(HttpTransportError::Failed { reason }) => {
                    flow.on_transport_error(true, &reason, elapsed())
                }
            },
            Step::Sleep { millis } => {
                tokio::time::sleep(Duration::from_millis(millis)).await;
                flow.on_woken(elapsed())
            }
            Step::Done { result } => return result,
        };
    }
}
