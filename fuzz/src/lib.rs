//! What the fuzz targets check, kept apart from libFuzzer so the same code
//! can run from a plain test: `parse` feeds bytes to an endpoint's parser,
//! `flow` drives a whole unified flow against a fake server made of bytes.

use rosterkit_core::membership::{SyncMode, SyncOptions};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{Directory, UnifiedOp};
use rosterkit_core::{Context, Header, Operation, Provider, Response, Step, Target};
use std::sync::OnceLock;

/// One valid input per endpoint, taken from the golden vectors (the first
/// case whose input builds a request), so every parser is reachable.
fn probes() -> &'static [Operation] {
    static PROBES: OnceLock<Vec<Operation>> = OnceLock::new();
    PROBES.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
        let target = Target::new("https://fuzz.example", "fuzz-token");
        let mut out = Vec::new();
        for id in Operation::IDS {
            let provider = id.split('.').next().unwrap_or_default();
            let path = format!("{root}/{provider}/{id}.json");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            let cases = doc["cases"].as_array().cloned().unwrap_or_default();
            let op = cases.iter().find_map(|c| {
                let op = Operation::from_json(id, c["input"].clone()).ok()?;
                op.request(&target).ok().map(|_| op)
            });
            out.extend(op);
        }
        assert!(
            !out.is_empty(),
            "no probes: run from the repository (tests/vectors)"
        );
        out
    })
}

/// A response from fuzz bytes: a status, maybe a Retry-After, and the rest
/// as the body.
fn response(data: &[u8]) -> Response {
    let statuses = [
        200u16, 200, 200, 200, 201, 204, 400, 401, 404, 409, 429, 500, 503,
    ];
    let status = statuses[usize::from(data.first().copied().unwrap_or(0)) % statuses.len()];
    let mut headers = vec![Header::new("Content-Type", "application/json")];
    if let Some(b) = data.get(1) {
        if b % 4 == 0 {
            headers.push(Header::new("Retry-After", (b / 4).to_string()));
        }
    }
    Response {
        status,
        headers,
        body: data.get(2..).unwrap_or_default().to_vec(),
    }
}

/// Every endpoint's parser on hostile bytes: any result but a panic is fine.
pub fn parse(data: &[u8]) {
    let probes = probes();
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let op = &probes[usize::from(pick) % probes.len()];
    let resp = response(rest);
    let parsed = op.parse(&resp);
    // The verbatim check may say "the body is the output" only when it is.
    if let Some(pick) = op.verbatim(&resp) {
        let output = parsed.expect("verbatim said Some, so parse must succeed");
        let written = serde_json::to_value(&output).expect("outputs are JSON");
        let body: serde_json::Value = serde_json::from_slice(&resp.body).expect("verbatim JSON");
        let picked = match pick {
            rosterkit_core::Verbatim::Body => body,
            rosterkit_core::Verbatim::Field(key) => body[key].clone(),
        };
        assert_eq!(written, picked, "verbatim said {pick:?}");
    }
}

/// A fake server: each request is answered with the next chunk of the input
/// (split at `0xFF` bytes); a chunk that reads as JSON is sent as a vendor
/// envelope page, anything else as it is.
struct Server<'a> {
    chunks: std::slice::Split<'a, u8, fn(&u8) -> bool>,
}

impl Server<'_> {
    fn answer(&mut self) -> Option<Response> {
        self.chunks.next().map(response)
    }
}

/// The policy the flows run under; every sleep must stay within it.
const POLICY: RetryPolicy = RetryPolicy {
    max_attempts: 3,
    base_delay_ms: 10,
    max_delay_ms: 100,
    max_retry_after_ms: 1_000,
    deadline_ms: 60_000,
};

/// Pages one list may take before the flow must stop with an error.
const MAX_PAGES: u32 = 64;

/// Drives a unified flow (a listing, a plan, a sync) against the fake
/// server and asserts that it ends within a bound, sleeps only as long as
/// the policy allows, and never panics.
pub fn flow(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let provider = Provider::ALL[usize::from(pick % 5)];
    let dir = Directory {
        provider,
        tenant_id: Some("tenant".to_owned()),
    };
    let desired: Vec<String> = ["u1", "u2", "a@example.com", "u3"][..usize::from(pick / 5 % 4) + 1]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let options = SyncOptions {
        mode: if pick & 0x80 == 0 {
            SyncMode::Authoritative
        } else {
            SyncMode::Additive
        },
        allow_empty: false,
        allow_mass_removal: pick & 0x40 != 0,
        max_removal_percent: 50,
        skip_unresolved: pick & 0x20 != 0,
    };
    let op = match pick / 20 % 5 {
        0 => UnifiedOp::ListGroups {},
        1 => UnifiedOp::ListUsers {},
        2 => UnifiedOp::ListMembers {
            group_id: "g1".into(),
        },
        3 => UnifiedOp::PlanSync {
            group_id: "g1".into(),
            desired,
            options,
        },
        _ => UnifiedOp::SyncMembers {
            group_id: "g1".into(),
            desired,
            options,
        },
    };
    let mut ctx = Context::new(Target::new("https://fuzz.example", "fuzz-token"), POLICY, 7);
    ctx.max_pages = MAX_PAGES;
    let Ok(mut flow) = op.flow(&dir, ctx) else {
        return;
    };
    let split: fn(&u8) -> bool = |b| *b == 0xFF;
    let mut server = Server {
        chunks: rest.split(split),
    };
    let mut elapsed = 0u64;
    let mut step = flow.start();
    // Every request either consumes a chunk or ends the flow; sleeps and
    // retries are bounded by the policy, pages by MAX_PAGES.
    for _ in 0..100_000 {
        step = match step {
            Step::Done { .. } => return,
            Step::Sleep { millis } => {
                assert!(
                    millis <= POLICY.max_retry_after_ms.max(POLICY.max_delay_ms),
                    "slept {millis} ms, beyond the policy"
                );
                elapsed += millis;
                flow.on_woken(elapsed)
            }
            Step::Send { .. } => match server.answer() {
                Some(r) => flow.on_response(r, elapsed),
                None => flow.on_transport_error(false, "connection refused", elapsed),
            },
        };
    }
    panic!("the flow did not end within 100,000 steps");
}
