//! Transports written in Kotlin or Swift. An app's `HttpTransport` becomes
//! the driver's [`rosterkit::Transport`], so the same driver runs every flow
//! over it: retries, paging, concurrency and cancellation included.

use rosterkit::{BoxFuture, Sender, TransportError};
pub use rosterkit_core::foreign_transport::{HttpTransport, HttpTransportError};
use rosterkit_core::{Request, Response};
use std::sync::Arc;

/// A foreign transport as the sending half (the driver adds tokio's clock:
/// `TokioTransport`).
pub(crate) struct Foreign {
    pub(crate) http: Arc<dyn HttpTransport>,
}

impl Sender for Foreign {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            match self.http.send(request).await {
                Ok(response) => Ok(response),
                Err(HttpTransportError::NotSent { reason }) => Err(TransportError::NotSent(reason)),
                Err(HttpTransportError::Failed { reason }) => Err(TransportError::Failed(reason)),
            }
        })
    }
}
