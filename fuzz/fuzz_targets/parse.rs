//! Every endpoint's response parser on hostile bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rosterkit_fuzz::parse(data));
