//! End-to-end tests over real HTTP on 127.0.0.1, one binary for all of them
//! so the suite links once.

mod http {
    pub mod alteryx;
    pub mod auth;
    pub mod b2core;
    pub mod background;
    pub mod common;
    pub mod concurrency;
    pub mod faults;
    pub mod polaris;
    pub mod spotnana;
    pub mod ssw;
}
