//! Unified flows (listing, paging, planning, syncing) against a fake server
//! whose answers are the fuzz input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rosterkit_fuzz::flow(data));
