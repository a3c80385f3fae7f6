//! Serving the router over TCP with hyper directly, so an injected drop
//! fault can close a connection without writing any response.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::emulator::Emulator;
use crate::gate::DropConnection;
use crate::vendor::Vendor;

/// How long a graceful shutdown waits for in-flight requests.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// An emulator listening on a socket.
///
/// Dropping it asks the server to stop (the listener closes promptly; open
/// connections finish their current request); [`RunningEmulator::shutdown`]
/// also waits for that to happen.
pub struct RunningEmulator {
    addr: SocketAddr,
    emulator: Emulator,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for RunningEmulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunningEmulator")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl RunningEmulator {
    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://IP:PORT`, without a trailing slash.
    pub fn root_url(&self) -> String {
        root_url(self.addr)
    }

    /// The root URL plus the provider's prefix, e.g. `http://127.0.0.1:PORT/alteryx/webapi`.
    /// An unknown provider id gets `/<id>`, which answers 404.
    pub fn base_url(&self, provider: &str) -> String {
        base_url(self.addr, provider)
    }

    /// The emulator being served (shared state; clone it to keep it).
    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }

    /// Stops accepting, lets in-flight requests finish (up to a few
    /// seconds), and waits for the server task to end.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        // The accept loop sees this, closes the listener and drains; it is
        // not aborted so in-flight requests still get their responses.
        let _ = self.stop.send(true);
    }
}

pub(crate) fn root_url(addr: SocketAddr) -> String {
    format!("http://{addr}")
}

pub(crate) fn base_url(addr: SocketAddr, provider: &str) -> String {
    match Vendor::from_id(provider) {
        Some(vendor) => format!("{}{}", root_url(addr), vendor.prefix()),
        None => format!("{}/{}", root_url(addr), provider.trim_matches('/')),
    }
}

/// Binds `addr` and spawns the accept loop.
pub(crate) async fn serve(
    emulator: Emulator,
    addr: SocketAddr,
) -> std::io::Result<RunningEmulator> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(accept_loop(listener, emulator.router(), stopped));
    Ok(RunningEmulator {
        addr,
        emulator,
        stop,
        task: Some(task),
    })
}

async fn accept_loop(listener: TcpListener, router: Router, mut stopped: watch::Receiver<bool>) {
    // Connections live in a JoinSet owned by this task, so if the task is
    // cancelled (runtime shutdown) they are cancelled with it.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, router.clone(), stopped.clone()));
                }
                // Accept errors are usually transient (e.g. out of file
                // descriptors); back off briefly instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            // Err means every sender is gone, which is also a stop request.
            _ = stopped.changed() => break,
        }
    }
    drop(listener);
    let drain = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, drain).await;
}

/// The error a connection's service returns to make hyper close it
/// without writing a response.
#[derive(Debug)]
struct Dropped;

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for Dropped {}

async fn serve_connection(stream: TcpStream, router: Router, mut stopped: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let router = router.clone();
        async move {
            let response = match router.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            if response.extensions().get::<DropConnection>().is_some() {
                Err(Dropped)
            } else {
                Ok::<_, Dropped>(response)
            }
        }
    });
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => {}
        _ = stopped.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}
