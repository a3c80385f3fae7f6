//! Transports written in Kotlin or Swift. An app's `HttpTransport` becomes
//! the driver's [`rosterkit::Transport`], so the same driver runs every flow
//! over it: retries, paging, concurrency and cancellation included.

use rosterkit::{BoxFuture, Transport, TransportError};
use rosterkit_core::{Request, Response};
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

/// A foreign transport with tokio's timer and clock.
pub(crate) struct Foreign {
    pub(crate) http: Arc<dyn HttpTransport>,
    pub(crate) epoch: Instant,
}

impl Transport for Foreign {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            self.http.send(request).await.map_err(|e| match e {
                HttpTransportError::NotSent { reason } => TransportError::NotSent(reason),
                HttpTransportError::Failed { reason } => TransportError::Failed(reason),
            })
        })
    }

    fn sleep(&self, millis: u64) -> BoxFuture<'_, Result<(), TransportError>> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(millis)).await;
            Ok(())
        })
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn seed(&self) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(self.epoch.elapsed().as_nanos());
        h.finish()
    }
}
