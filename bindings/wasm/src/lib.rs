//! The npm package's WebAssembly module: the `rosterkit` driver, with the
//! JavaScript host (fetch, timers, `AbortSignal`) as its transport.
//!
//! Nothing here plans, parses or retries: the core's flows and the driver do
//! that, exactly as in Rust, Python and Kotlin. This crate converts values
//! (serde-wasm-bindgen, in JSON-compatible mode so maps become plain
//! objects) and hands promises back. TypeScript types come from the core's
//! tsify derives.
#![cfg(target_arch = "wasm32")]

mod client;
mod convert;
mod host;
mod pages;
mod panic;
mod sansio;
