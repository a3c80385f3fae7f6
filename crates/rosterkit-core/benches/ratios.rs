//! The speed goals of RosterKit as ratios against the peer a user would
//! pick instead, measured in one run with criterion and printed at the end
//! from criterion's medians:
//!
//! - typed parse of a 10,000-member page vs a minimal hand-written serde
//!   struct over the same bytes (goal: at most 1.2x);
//! - `Operation::parse`, the path every binding takes, vs the typed parse
//!   (goal: at most 1.3x);
//! - planning a sync of 40,000 members vs 10,000 (linear: at most 5x).
//!
//! `cargo bench -p rosterkit-core --bench ratios` (pages from
//! `scripts/bench-pages.py`, generated on first use). Under `cargo test
//! --benches` criterion runs each case once, as a smoke test, and no ratio
//! is printed.
#![allow(missing_docs)]

use criterion::Criterion;
use rosterkit_core::membership::{plan_sync, SyncMode, SyncOptions};
use rosterkit_core::providers::{polaris, ssw};
use rosterkit_core::unified::{Directory, Member};
use rosterkit_core::{Endpoint, Operation, Response};
use serde::Deserialize;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pages() -> PathBuf {
    let root = root();
    let dir = root.join("target/bench-pages");
    if !dir.join("polaris_group_members_10k.json").exists() {
        let status = std::process::Command::new("python3")
            .arg(root.join("scripts/bench-pages.py"))
            .status()
            .expect("python3 runs scripts/bench-pages.py");
        assert!(status.success(), "bench-pages.py failed");
    }
    dir
}

fn body(name: &str) -> Response {
    let bytes = std::fs::read(pages().join(name)).expect("bench page");
    Response::new(200, bytes)
}

// The peers: what someone would write by hand for the fields they use.
#[derive(Deserialize)]
#[allow(dead_code)]
struct MinimalPolaris {
    values: Vec<MinimalPolarisMember>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct MinimalPolarisMember {
    id: String,
    username: Option<String>,
    email: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct MinimalSswEnvelope {
    data: MinimalSswPage,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct MinimalSswPage {
    members: Vec<MinimalSswMember>,
    total: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct MinimalSswMember {
    user_id: String,
    email: Option<String>,
    status: Option<String>,
}

fn members(n: usize) -> Vec<Member> {
    (0..n)
        .map(|i| Member {
            user_id: format!("user_{i}"),
            email: Some(format!("u{i}@example.com")),
            ..Member::default()
        })
        .collect()
}

/// Where criterion writes its estimates (the same place whichever crate's
/// directory the bench runs from).
fn criterion_dir() -> PathBuf {
    root().join("target/criterion")
}

/// criterion's median for `group/case`, from the run that just ended.
fn median(group: &str, case: &str) -> Option<Duration> {
    let path = criterion_dir()
        .join(group)
        .join(case)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    let ns = estimates["median"]["point_estimate"].as_f64()?;
    Some(Duration::from_secs_f64(ns / 1e9))
}

fn report(group: &str, ours: &str, peer: &str, goal: Option<f64>) {
    let (Some(a), Some(b)) = (median(group, ours), median(group, peer)) else {
        return;
    };
    let ratio = a.as_secs_f64() / b.as_secs_f64();
    let verdict = match goal {
        Some(goal) if ratio <= goal => format!("<= {goal} met"),
        Some(goal) => format!("<= {goal} MISSED"),
        None => "(no goal)".to_owned(),
    };
    println!(
        "{:<48} {:>8.2}ms {:>8.2}ms {ratio:>7.2}  {verdict}",
        format!("{group}: {ours} vs {peer}"),
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
    );
}

fn parse_groups(c: &mut Criterion) {
    let polaris_op = polaris::ListGroupMembers {
        group_id: "g1".into(),
    };
    let polaris_any = Operation::from_json(
        "polaris.list_group_members",
        serde_json::json!({"group_id": "g1"}),
    )
    .expect("input");
    let polaris_resp = body("polaris_group_members_10k.json");
    let mut g = c.benchmark_group("polaris_10k");
    g.bench_function("minimal", |b| {
        b.iter(|| serde_json::from_slice::<MinimalPolaris>(black_box(&polaris_resp.body)).unwrap())
    });
    g.bench_function("typed", |b| {
        b.iter(|| polaris_op.parse(black_box(&polaris_resp)).unwrap())
    });
    g.bench_function("operation", |b| {
        b.iter(|| polaris_any.parse(black_box(&polaris_resp)).unwrap())
    });
    // What JavaScript's parseResponse runs in wasm before its own JSON.parse.
    g.bench_function("verbatim_check", |b| {
        b.iter(|| polaris_any.verbatim(black_box(&polaris_resp)).unwrap())
    });
    g.finish();

    // Not a goal, a figure to know: the same page with two fields per member
    // that the model does not name (kept in `extra`, never dropped), against
    // the minimal struct that skips them.
    let extra_resp = body("polaris_group_members_10k_extra.json");
    let mut g = c.benchmark_group("polaris_10k_unknown_fields");
    g.bench_function("minimal", |b| {
        b.iter(|| serde_json::from_slice::<MinimalPolaris>(black_box(&extra_resp.body)).unwrap())
    });
    g.bench_function("typed", |b| {
        b.iter(|| polaris_op.parse(black_box(&extra_resp)).unwrap())
    });
    g.finish();

    let ssw_op = ssw::ListMembers::default();
    let ssw_any = Operation::from_json("ssw.list_members", serde_json::json!({})).expect("input");
    let ssw_resp = body("ssw_list_members_10k.json");
    let mut g = c.benchmark_group("ssw_10k");
    g.bench_function("minimal", |b| {
        b.iter(|| serde_json::from_slice::<MinimalSswEnvelope>(black_box(&ssw_resp.body)).unwrap())
    });
    g.bench_function("typed", |b| {
        b.iter(|| ssw_op.parse(black_box(&ssw_resp)).unwrap())
    });
    g.bench_function("operation", |b| {
        b.iter(|| ssw_any.parse(black_box(&ssw_resp)).unwrap())
    });
    g.bench_function("verbatim_check", |b| {
        b.iter(|| ssw_any.verbatim(black_box(&ssw_resp)).unwrap())
    });
    g.finish();
}

fn plan_group(c: &mut Criterion) {
    let dir = Directory::new(rosterkit_core::Provider::Ssw);
    let options = SyncOptions {
        allow_mass_removal: true,
        ..SyncOptions::new(SyncMode::Authoritative)
    };
    // Half the members stay, half go, as many new ones come.
    let desired = |m: &[Member]| -> Vec<String> {
        let n = m.len();
        (n / 2..n + n / 2).map(|i| format!("user_{i}")).collect()
    };
    let mut g = c.benchmark_group("plan_sync");
    // A 40k plan takes tens of milliseconds: fewer, longer samples.
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    for (name, n) in [("10k", 10_000), ("40k", 40_000)] {
        let current = members(n);
        let want = desired(&current);
        g.bench_function(name, |b| {
            b.iter(|| plan_sync(&dir, "g", black_box(&want), &options, &current, None).unwrap())
        });
    }
    g.finish();
}

fn main() {
    let mut c = Criterion::default()
        .output_directory(&criterion_dir())
        .configure_from_args();
    parse_groups(&mut c);
    plan_group(&mut c);
    c.final_summary();
    if !std::env::args().any(|a| a == "--bench") {
        return; // a smoke run: criterion ran each case once and kept no estimates
    }
    println!(
        "\n{:<48} {:>10} {:>10} {:>7}  goal",
        "case (criterion medians)", "RosterKit", "peer", "ratio"
    );
    report("polaris_10k", "typed", "minimal", Some(1.2));
    report("polaris_10k", "operation", "typed", Some(1.3));
    report("polaris_10k_unknown_fields", "typed", "minimal", None);
    report("polaris_10k", "verbatim_check", "minimal", None);
    report("ssw_10k", "typed", "minimal", Some(1.2));
    report("ssw_10k", "operation", "typed", Some(1.3));
    report("ssw_10k", "verbatim_check", "minimal", None);
    report("plan_sync", "40k", "10k", Some(5.0));
}
