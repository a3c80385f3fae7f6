//! Running the emulator from synchronous code (CLI, language bindings).

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::mpsc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::emulator::Emulator;
use crate::server;

/// Runs the emulator on its own tokio runtime in a background thread, for
/// non-async callers (CLI, Python/Kotlin bindings). Dropping the handle stops
/// the server and joins the thread.
pub struct BackgroundEmulator {
    emulator: Emulator,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl fmt::Debug for BackgroundEmulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BackgroundEmulator")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl BackgroundEmulator {
    /// Serves a freshly seeded emulator on 127.0.0.1 at a free port.
    pub fn start() -> std::io::Result<Self> {
        Self::start_on(0)
    }

    /// Serves a freshly seeded emulator on 127.0.0.1:`port` (0 = any free port).
    pub fn start_on(port: u16) -> std::io::Result<Self> {
        Self::serve(
            Emulator::new(),
            SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        )
    }

    /// Serves an existing emulator (for example one prepared with
    /// [`Emulator::with_extra_members`]) on `addr`.
    pub fn serve(emulator: Emulator, addr: SocketAddr) -> std::io::Result<Self> {
        // Two workers keep latency faults on one connection from stalling
        // others while staying light on small CI machines.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("rosterkit-emulator")
            .enable_all()
            .build()?;
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let served = emulator.clone();
        let thread = std::thread::Builder::new()
            .name("rosterkit-emulator".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    match server::serve(served, addr).await {
                        Ok(running) => {
                            let _ = ready_tx.send(Ok(running.addr()));
                            // Err means the handle was dropped: stop as well.
                            let _ = stop_rx.await;
                            running.shutdown().await;
                        }
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                        }
                    }
                });
            })?;
        let addr = match ready_rx.recv() {
            Ok(Ok(addr)) => addr,
            Ok(Err(e)) => {
                let _ = thread.join();
                return Err(e);
            }
            Err(_) => {
                let _ = thread.join();
                return Err(std::io::Error::other(
                    "emulator thread stopped before binding",
                ));
            }
        };
        Ok(BackgroundEmulator {
            emulator,
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn root_url(&self) -> String {
        server::root_url(self.addr)
    }

    /// The root URL plus the provider's prefix (see [`crate::RunningEmulator::base_url`]).
    pub fn base_url(&self, provider: &str) -> String {
        server::base_url(self.addr, provider)
    }

    /// The emulator being served; its controls work from any thread.
    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }
}

impl Drop for BackgroundEmulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
