//! `rosterkit emulator`: serves all five vendor APIs in the foreground.
//!
//! Test suites in other languages start this as a child process and wait
//! for the first line, `listening on http://HOST:PORT`, so that line is
//! printed exactly so and flushed before anything else.

use crate::failure::{usage, Failure};
use rosterkit::Provider;
use rosterkit_emulator::{tokens, Emulator, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID};
use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};

/// Serves until Ctrl-C or SIGTERM.
pub async fn run(host: &str, port: u16) -> Result<(), Failure> {
    let addr: SocketAddr = (host, port)
        .to_socket_addrs()
        .map_err(|e| usage(format!("--host {host:?}: {e}")))?
        .next()
        .ok_or_else(|| usage(format!("--host {host:?} resolves to no address")))?;
    let running = Emulator::new()
        .start_on(addr)
        .await
        .map_err(|e| Failure::Incomplete(format!("cannot listen on {addr}: {e}")))?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on {}", running.root_url());
        let _ = out.flush();
        for p in Provider::ALL {
            let tenant = match p {
                Provider::Ssw => format!("  --tenant-id {SSW_ORGANIZATION_ID}"),
                Provider::Spotnana => format!("  --tenant-id {SPOTNANA_COMPANY_ID}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:<9} --base-url {:<40} token {}{tenant}",
                p.id(),
                running.base_url(p.id()),
                tokens::for_provider(p.id()).unwrap_or("")
            );
        }
        let _ = writeln!(
            out,
            "  admin     {}/_emulator (POST/DELETE faults, GET/DELETE log, POST reset)",
            running.root_url()
        );
        let _ = out.flush();
    }
    shutdown_signal().await;
    eprintln!("stopping emulator");
    running.shutdown().await;
    Ok(())
}

/// Ctrl-C anywhere; SIGTERM too on Unix (what test harnesses and
/// container runtimes send).
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
