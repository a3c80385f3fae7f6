//! A token never appears in anything the CLI prints, on success or failure,
//! with or without --verbose, in any output format.

use super::common::{run, Served};

const WRONG: &str = "rk-distinctive-WRONG-token-7f3a9c";

fn assert_absent(what: &str, out: &super::common::Run, secret: &str) {
    assert!(
        !out.stdout.contains(secret),
        "{what}: token on stdout:\n{}",
        out.stdout
    );
    assert!(
        !out.stderr.contains(secret),
        "{what}: token on stderr:\n{}",
        out.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_token_gives_401_without_echoing_it() {
    let served = Served::start().await;
    for provider in ["ssw", "spotnana", "b2core", "polaris", "alteryx"] {
        for format in ["json", "table", "csv"] {
            let mut args = served.flags(provider);
            args.extend(["--verbose", "--output", format, "groups", "list"].map(String::from));
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            let r = run(&refs, Some(WRONG)).await;
            assert_eq!(r.code, 5, "{provider}: {}", r.stderr);
            assert!(r.stderr.contains("401"), "{provider}: {}", r.stderr);
            assert_absent(provider, &r, WRONG);
            // Not even a recognisable part of it.
            assert_absent(provider, &r, "distinctive-WRONG");
        }
    }
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn right_token_is_not_logged_or_printed() {
    let served = Served::start().await;
    for (provider, token) in [
        ("ssw", "ssw-demo-token"),
        ("polaris", "polaris-demo-api-key"),
    ] {
        let mut args = served.flags(provider);
        args.extend(["--verbose", "--output", "json", "members", "add"].map(String::from));
        args.push(if provider == "ssw" {
            "grp_001".into()
        } else {
            "d919f276-7857-4b59-a616-0c2540fb4ad1".into()
        });
        args.push(if provider == "ssw" {
            "user_1001".into()
        } else {
            "d88d4e47-d6ed-4820-880e-c0564ce99752".into()
        });
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&refs, Some(token)).await;
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stderr.contains("rosterkit request"),
            "--verbose logs requests: {}",
            r.stderr
        );
        assert_absent(provider, &r, token);
    }
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn insecure_flag_token_is_not_echoed() {
    let served = Served::start().await;
    let mut args = served.flags("b2core");
    args.extend(["--token-insecure", WRONG, "--verbose", "groups", "get", "1"].map(String::from));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = run(&refs, None).await;
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("401"), "{}", r.stderr);
    assert_absent("--token-insecure", &r, WRONG);
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_with_a_line_break_is_refused_without_echo() {
    let bad = "line1-SECRETPART\r\nX-Injected: yes";
    let r = run(
        &[
            "--provider",
            "b2core",
            "--base-url",
            "http://127.0.0.1:9",
            "groups",
            "list",
        ],
        Some(bad),
    )
    .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("token"), "{}", r.stderr);
    assert_absent("CRLF token", &r, "SECRETPART");
}
