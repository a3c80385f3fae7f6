//! Peak memory of parsing a 30 MB body (a Polaris member listing of 140,000
//! users): resident memory above the baseline (the process with the body
//! already read), as a multiple of the body size. Goal: at most 4x. Also
//! checks that a body above the size limit is refused without a copy.
//!
//! `cargo bench -p rosterkit-core --bench memory` (Linux: reads
//! /proc/self/status). Under `cargo test --benches` it runs as a smoke test.
#![allow(missing_docs)]

use rosterkit_core::parse::MAX_BODY_BYTES;
use rosterkit_core::{Operation, Response};
use std::hint::black_box;
use std::path::PathBuf;

/// `VmRSS` or `VmHWM` (peak) in bytes.
fn status(field: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join("target/bench-pages/polaris_group_members_30mb.json");
    if !path.exists() {
        let ok = std::process::Command::new("python3")
            .arg(root.join("scripts/bench-pages.py"))
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "bench-pages.py failed");
    }
    let body = std::fs::read(&path).expect("30 MB page");
    let size = body.len() as f64;
    let response = Response::new(200, body);
    let op = Operation::from_json(
        "polaris.list_group_members",
        serde_json::json!({"group_id": "g1"}),
    )
    .expect("input");
    let (Some(baseline), Some(hwm_before)) = (status("VmRSS:"), status("VmHWM:")) else {
        println!("memory: /proc/self/status not available; skipped");
        return;
    };
    let parsed = op.parse(&response).expect("parses");
    let peak = status("VmHWM:").unwrap_or(0).max(hwm_before);
    black_box(&parsed);
    let over = peak.saturating_sub(baseline) as f64;
    let ratio = over / size;
    println!(
        "parse a {:.1} MB body: peak {:.1} MB above baseline = {ratio:.2}x the body (goal <= 4x) {}",
        size / 1e6,
        over / 1e6,
        if ratio <= 4.0 { "met" } else { "MISSED" }
    );
    drop(parsed);

    // Above the limit: refused from its length, before any parsing copy.
    let too_big = Response::new(200, vec![b' '; MAX_BODY_BYTES + 1]);
    let hwm = status("VmHWM:").unwrap_or(0);
    let err = op.parse(&too_big).expect_err("refused");
    let grew = status("VmHWM:").unwrap_or(0).saturating_sub(hwm);
    println!(
        "a {} MB body is refused ({}) with the peak growing {:.1} MB",
        (MAX_BODY_BYTES + 1) / 1_000_000,
        err.kind(),
        grew as f64 / 1e6
    );
}
