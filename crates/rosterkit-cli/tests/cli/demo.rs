//! `rosterkit demo`: every documented workflow passes end to end.

use super::common::run;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_passes_every_step() {
    let r = run(&["demo"], None).await;
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let steps: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with('✔') || l.starts_with('✘'))
        .collect();
    assert!(steps.len() >= 50, "too few steps:\n{}", r.stdout);
    assert!(steps.iter().all(|l| l.starts_with('✔')), "{}", r.stdout);
    for provider in ["ssw", "spotnana", "b2core", "polaris", "alteryx"] {
        assert!(
            steps.iter().any(|l| l[4..].starts_with(provider)),
            "no step for {provider}:\n{}",
            r.stdout
        );
    }
    // The operations a vendor cannot do are shown as expected outcomes.
    assert!(r.stdout.contains("✔ ssw      create group"), "{}", r.stdout);
    assert!(
        r.stdout.contains("unsupported (expected): SSW"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("HTTP 400 as documented"), "{}", r.stdout);
    assert!(r.stdout.contains("HTTP 204"), "{}", r.stdout);
    assert!(r.stdout.contains("0 failed"), "{}", r.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_json_report() {
    let r = run(&["demo", "--json"], None).await;
    let v = r.ok_json();
    assert_eq!(v["ok"], true);
    assert_eq!(v["summary"]["failed"], 0);
    let steps = v["steps"].as_array().expect("steps");
    assert_eq!(v["summary"]["total"].as_u64(), Some(steps.len() as u64));
    assert!(steps.iter().all(|s| s["status"] != "failed"));
    let expected: Vec<&serde_json::Value> = steps
        .iter()
        .filter(|s| s["status"] == "expected_unsupported")
        .collect();
    assert!(expected
        .iter()
        .any(|s| s["provider"] == "ssw" && s["step"] == "create group"));
    assert!(expected
        .iter()
        .any(|s| s["provider"] == "b2core" && s["step"] == "list members"));
    // Every sync step of the four providers with membership ran.
    for p in ["ssw", "spotnana", "polaris", "alteryx"] {
        assert!(
            steps.iter().any(|s| s["provider"] == p
                && s["step"] == "sync: verify members == desired"
                && s["status"] == "passed"),
            "{p}"
        );
    }
    // Nothing but the JSON document on stdout.
    assert!(!r.stdout.contains('✔'));
}
