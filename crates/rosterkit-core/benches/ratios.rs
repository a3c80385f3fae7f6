//! The speed goals of RosterKit as ratios against the peer a user would
//! pick instead, measured in one run (medians of alternating rounds):
//!
//! - typed parse of a 10,000-member page vs a minimal hand-written serde
//!   struct over the same bytes (goal: at most 1.2x);
//! - `Operation::parse`, the path every binding takes, vs the typed parse
//!   (goal: at most 1.3x);
//! - planning a sync of 40,000 members vs 10,000 (linear: at most 5x).
//!
//! `cargo bench -p rosterkit-core --bench ratios` (pages from
//! `scripts/bench-pages.py`, generated on first use). Under `cargo test
//! --benches` it runs each case a few times only, as a smoke test.
#![allow(missing_docs)]

use rosterkit_core::membership::{plan_sync, SyncMode, SyncOptions};
use rosterkit_core::providers::{polaris, ssw};
use rosterkit_core::unified::{Directory, Member};
use rosterkit_core::{Endpoint, Operation, Provider, Response};
use serde::Deserialize;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn pages() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
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

/// Median time of `rounds` runs of each case, the cases alternating so that
/// drift (frequency, cache, other load) hits them alike.
fn race(rounds: usize, cases: &mut [(&str, &mut dyn FnMut())]) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for (i, (_, run)) in cases.iter_mut().enumerate() {
            let start = Instant::now();
            run();
            times[i].push(start.elapsed());
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
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

fn main() {
    let smoke = !std::env::args().any(|a| a == "--bench");
    let rounds = if smoke { 2 } else { 31 };
    println!(
        "{:<44} {:>10} {:>10} {:>7}  goal",
        "case", "RosterKit", "peer", "ratio"
    );
    let report = |name: &str, ours: Duration, peer: Duration, goal: f64| {
        let ratio = ours.as_secs_f64() / peer.as_secs_f64();
        let verdict = if ratio <= goal { "met" } else { "MISSED" };
        println!(
            "{name:<44} {:>8.2}ms {:>8.2}ms {ratio:>7.2}  <= {goal} {verdict}",
            ms(ours),
            ms(peer)
        );
    };

    let polaris_resp = body("polaris_group_members_10k.json");
    let polaris_op = polaris::ListGroupMembers {
        group_id: "g1".into(),
    };
    let polaris_any = Operation::from_json(
        "polaris.list_group_members",
        serde_json::json!({"group_id": "g1"}),
    )
    .expect("input");
    let t = race(
        rounds,
        &mut [
            ("minimal", &mut || {
                black_box(serde_json::from_slice::<MinimalPolaris>(&polaris_resp.body).unwrap());
            }),
            ("typed", &mut || {
                black_box(polaris_op.parse(&polaris_resp).unwrap());
            }),
            ("operation", &mut || {
                black_box(polaris_any.parse(&polaris_resp).unwrap());
            }),
        ],
    );
    report(
        "polaris 10k members: typed parse vs minimal",
        t[1],
        t[0],
        1.2,
    );
    report(
        "polaris 10k members: Operation::parse vs typed",
        t[2],
        t[1],
        1.3,
    );

    // Not a goal, a figure to know: the same page with two fields per member
    // that the model does not name (kept in `extra`, never dropped), against
    // the minimal struct that skips them.
    let extra_resp = body("polaris_group_members_10k_extra.json");
    let t = race(
        rounds,
        &mut [
            ("minimal", &mut || {
                black_box(serde_json::from_slice::<MinimalPolaris>(&extra_resp.body).unwrap());
            }),
            ("typed", &mut || {
                black_box(polaris_op.parse(&extra_resp).unwrap());
            }),
        ],
    );
    let ratio = t[1].as_secs_f64() / t[0].as_secs_f64();
    println!(
        "{:<44} {:>8.2}ms {:>8.2}ms {ratio:>7.2}  (no goal: unknown fields kept)",
        "polaris 10k + 2 unknown fields: typed vs min",
        ms(t[1]),
        ms(t[0])
    );

    let ssw_resp = body("ssw_list_members_10k.json");
    let ssw_op = ssw::ListMembers::default();
    let ssw_any = Operation::from_json("ssw.list_members", serde_json::json!({})).expect("input");
    let t = race(
        rounds,
        &mut [
            ("minimal", &mut || {
                black_box(serde_json::from_slice::<MinimalSswEnvelope>(&ssw_resp.body).unwrap());
            }),
            ("typed", &mut || {
                black_box(ssw_op.parse(&ssw_resp).unwrap());
            }),
            ("operation", &mut || {
                black_box(ssw_any.parse(&ssw_resp).unwrap());
            }),
        ],
    );
    report("ssw 10k members: typed parse vs minimal", t[1], t[0], 1.2);
    report(
        "ssw 10k members: Operation::parse vs typed",
        t[2],
        t[1],
        1.3,
    );

    let dir = Directory::new(Provider::Ssw);
    let options = SyncOptions {
        allow_mass_removal: true,
        ..SyncOptions::new(SyncMode::Authoritative)
    };
    let (small, big) = (members(10_000), members(40_000));
    // Half the members stay, half go, as many new ones come.
    let desired = |m: &[Member]| -> Vec<String> {
        let n = m.len();
        (n / 2..n + n / 2).map(|i| format!("user_{i}")).collect()
    };
    let (want_small, want_big) = (desired(&small), desired(&big));
    let t = race(
        if smoke { 2 } else { 11 },
        &mut [
            ("10k", &mut || {
                black_box(plan_sync(&dir, "g", &want_small, &options, &small, None).unwrap());
            }),
            ("40k", &mut || {
                black_box(plan_sync(&dir, "g", &want_big, &options, &big, None).unwrap());
            }),
        ],
    );
    report("plan a sync: 40k members vs 10k", t[1], t[0], 5.0);
}
