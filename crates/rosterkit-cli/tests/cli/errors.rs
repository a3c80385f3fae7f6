//! Exit codes and messages: usage errors exit 2, failed operations 1.

use super::common::{run, Served};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_provider_is_a_usage_error() {
    let r = run(
        &[
            "--provider",
            "okta",
            "--base-url",
            "http://127.0.0.1:9",
            "groups",
            "list",
        ],
        Some("t"),
    )
    .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown provider \"okta\""),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("expected one of ssw, spotnana, b2core, polaris, alteryx"),
        "{}",
        r.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_flags_and_missing_settings_are_usage_errors() {
    assert_eq!(run(&["groups", "frobnicate"], None).await.code, 2);
    assert_eq!(
        run(&["--output", "xml", "capabilities"], None).await.code,
        2
    );
    let r = run(&["--provider", "ssw", "groups", "list"], Some("t")).await;
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--base-url"), "{}", r.stderr);
    let r = run(
        &[
            "--provider",
            "ssw",
            "--base-url",
            "http://127.0.0.1:9",
            "groups",
            "list",
        ],
        None,
    )
    .await;
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("ROSTERKIT_TOKEN"), "{}", r.stderr);
    let r = run(
        &[
            "--provider",
            "ssw",
            "--base-url",
            "ftp://host",
            "groups",
            "list",
        ],
        Some("t"),
    )
    .await;
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("base_url"), "{}", r.stderr);
    // A malformed endpoint input names the field.
    let r = run(
        &[
            "call",
            "polaris.get_user",
            "--input",
            "{}",
            "--base-url",
            "http://127.0.0.1:9",
        ],
        Some("t"),
    )
    .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("user_id"), "{}", r.stderr);
    let r = run(&["call", "polaris.nope"], None).await;
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown endpoint"), "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsupported_operation_exits_1_with_the_reason() {
    let served = Served::start().await;
    let r = served
        .admin("ssw", &["groups", "create", "--name", "New"])
        .await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("unsupported: ssw cannot create_group: SSW's public IAM API does not support creating groups"),
        "{}",
        r.stderr
    );
    let r = served
        .admin("b2core", &["--output", "json", "members", "list", "1"])
        .await;
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty(), "errors stay off stdout: {}", r.stdout);
    let v = r.err_json();
    assert_eq!(v["error"]["kind"], "unsupported");
    assert_eq!(v["error"]["provider"], "b2core");
    assert!(v["error"]["reason"]
        .as_str()
        .unwrap()
        .contains("no membership endpoints"));
    assert!(
        served.running.emulator().request_log().is_empty(),
        "nothing was sent"
    );
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_errors_exit_by_kind() {
    let served = Served::start().await;
    let r = served
        .admin("polaris", &["groups", "get", "no-such-group"])
        .await;
    assert_eq!(r.code, 6, "not found");
    assert!(r.stderr.contains("not found"), "{}", r.stderr);
    // Nothing reachable there: a transport error.
    let r = run(
        &[
            "--provider",
            "b2core",
            "--base-url",
            "http://127.0.0.1:9",
            "groups",
            "list",
        ],
        Some("t"),
    )
    .await;
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stderr.contains("transport error"), "{}", r.stderr);
    let help = run(&["--help"], None).await;
    assert!(
        help.stdout.contains("Exit codes: 0 done"),
        "{}",
        help.stdout
    );
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capabilities_need_no_connection() {
    let v = run(&["--output", "json", "capabilities"], None)
        .await
        .ok_json();
    assert_eq!(v.as_array().unwrap().len(), 5);
    let r = run(
        &["--provider", "ssw", "--output", "csv", "capabilities"],
        None,
    )
    .await;
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("provider,operation,supported,note\r\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "ssw,create_group,false,SSW's public IAM API does not support creating groups\r\n"
        ),
        "{}",
        r.stdout
    );
}
