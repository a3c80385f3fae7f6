//! Transports written in Kotlin or Swift. An app's `HttpTransport` becomes
//! the driver's [`rosterkit::Transport`], so the same driver runs every flow
//! over it: retries, paging, concurrency and cancellation included.

use rosterkit::{BoxFuture, Transport, TransportError};
pub use rosterkit_core::foreign_transport::{HttpTransport, HttpTransportError};
use rosterkit_core::{Request, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A foreign transport with tokio's timer and clock.
pub(crate) struct Foreign {
    pub(crate) http: Arc<dyn HttpTransport>,
    pub(crate) epoch: Instant,
}

impl Transport for Foreign {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            match self.http.send(request).await {
                Ok(response) => Ok(response),
                Err(HttpTransportError::NotSent { reason }) => Err(TransportError::NotSent(reason)),
                Err(HttpTransportError::Failed { reason }) => Err(TransportError::Failed(reason)),
            }
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
