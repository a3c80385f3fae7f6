//! Runs the built `rosterkit` binary: the demo, the emulator command, and
//! admin commands against an emulator served over real HTTP on 127.0.0.1.
//! One test binary for all of them, so the suite links once.

mod cli {
    pub mod common;
    pub mod demo;
    pub mod emulator;
    pub mod errors;
    pub mod groups;
    pub mod members;
    pub mod output;
    pub mod secrets;
    pub mod terminal;
}
