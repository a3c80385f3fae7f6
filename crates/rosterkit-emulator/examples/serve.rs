//! Serves the emulator until interrupted, printing each vendor's base URL.
//!
//! `cargo run -p rosterkit-emulator --example serve -- [PORT]`

use rosterkit_emulator::{tokens, BackgroundEmulator, PROVIDERS};

fn main() -> std::io::Result<()> {
    let port = match std::env::args().nth(1) {
        Some(raw) => raw
            .parse()
            .map_err(|_| std::io::Error::other(format!("not a port: {raw}")))?,
        None => 0,
    };
    let emulator = BackgroundEmulator::start_on(port)?;
    println!("admin: {}/_emulator", emulator.root_url());
    for provider in PROVIDERS {
        println!(
            "{provider:9} {}  credential: {}",
            emulator.base_url(provider),
            tokens::for_provider(provider).unwrap_or_default()
        );
    }
    // Park forever; Ctrl-C ends the process and with it the server.
    loop {
        std::thread::park();
    }
}
