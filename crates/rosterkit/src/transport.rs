//! What the driver needs from a host: send a request, sleep, tell the time,
//! give a random seed. reqwest (the default), JavaScript's `fetch`, and the
//! `HttpTransport` a Kotlin or Swift app implements are all one of these.

use rosterkit_core::{Request, Response};
use std::future::Future;
use std::pin::Pin;

/// A boxed future; `Send` everywhere but in the browser, where JavaScript
/// futures live on one thread.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// A boxed future; `Send` everywhere but in the browser, where JavaScript
/// futures live on one thread.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// `Send + Sync`, except on wasm32, where nothing is shared between threads.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
/// `Send + Sync`, except on wasm32, where nothing is shared between threads.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSendSync for T {}

/// Why an exchange produced no response. The split matters for retries: a
/// request that provably never left may be repeated even when it creates
/// something; one that may have arrived is repeated only when that is safe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    /// The request never left (connection refused, DNS failure, TLS failure
    /// before sending).
    NotSent(String),
    /// The request may have reached the server (timeout, connection reset).
    Failed(String),
    /// The caller cancelled (an `AbortSignal`, a cancelled coroutine).
    Cancelled,
}

/// An HTTP stack and a clock.
pub trait Transport: MaybeSendSync {
    /// Sends the request exactly as given and returns whatever status came
    /// back: error statuses are responses, not transport errors.
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>>;
    /// Waits `millis` milliseconds; `Err` when cancelled meanwhile.
    fn sleep(&self, millis: u64) -> BoxFuture<'_, Result<(), TransportError>>;
    /// Milliseconds on a monotonic clock (only differences matter).
    fn now_ms(&self) -> u64;
    /// A fresh random seed for backoff jitter.
    fn seed(&self) -> u64;
}

/// The sending half of a transport: an HTTP stack that a host brings (a
/// Python callable, a Kotlin `HttpTransport`), put on tokio's timer and clock
/// by [`TokioTransport`].
pub trait Sender: MaybeSendSync {
    /// Sends the request exactly as given; error statuses are responses.
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>>;
}

/// A [`Sender`] with tokio's timer, a monotonic clock and a random seed:
/// every transport that runs on tokio (reqwest, Python, Kotlin, Swift).
#[cfg(feature = "reqwest")]
#[derive(Clone, Debug)]
pub struct TokioTransport<S> {
    sender: S,
    epoch: std::time::Instant,
}

#[cfg(feature = "reqwest")]
impl<S: Sender> TokioTransport<S> {
    /// `sender` on tokio's clock, from now.
    pub fn with(sender: S) -> Self {
        TokioTransport {
            sender,
            epoch: std::time::Instant::now(),
        }
    }
}

#[cfg(feature = "reqwest")]
impl<S: Sender> Transport for TokioTransport<S> {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        self.sender.send(request)
    }

    fn sleep(&self, millis: u64) -> BoxFuture<'_, Result<(), TransportError>> {
        Box::pin(async move {
            tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
            Ok(())
        })
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn seed(&self) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        // Jitter only: a per-process random key and the time are enough.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(self.epoch.elapsed().as_nanos());
        h.finish()
    }
}
