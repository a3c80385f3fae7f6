//! Retries against injected faults: rate limits, 503s and dropped
//! connections are recovered; creates are never sent twice; a deadline ends a
//! call that keeps failing.

mod common;

use common::{client, client_with, emulator, quick_policy};
use rosterkit::{Error, Provider, RetryPolicy};
use rosterkit_emulator::Fault;

fn count(emu: &rosterkit_emulator::RunningEmulator, method: &str, path: &str) -> usize {
    emu.emulator()
        .request_log()
        .iter()
        .filter(|r| r.method == method && r.path == path)
        .count()
}

#[tokio::test]
async fn rate_limits_are_waited_out() {
    let emu = emulator().await;
    emu.emulator().add_fault(
        Fault::rate_limited("1")
            .provider("polaris")
            .path_prefix("/v1/groups")
            .times(2),
    );
    let c = client(&emu, Provider::Polaris);
    let groups = c.list_groups().await.unwrap();
    assert!(!groups.is_empty());
    // Two refusals, then success; the waits themselves are checked in the
    // core's flow tests (a `Sleep` of exactly the Retry-After).
    assert_eq!(count(&emu, "GET", "/v1/groups"), 3);
}

#[tokio::test]
async fn server_errors_and_dropped_connections_are_retried_for_reads() {
    let emu = emulator().await;
    emu.emulator()
        .add_fault(Fault::status(503).provider("b2core").times(1));
    emu.emulator()
        .add_fault(Fault::drop_connection().provider("b2core").times(1));
    let c = client(&emu, Provider::B2core);
    let g = c.get_group("1").await.unwrap();
    assert_eq!(g.name.as_deref(), Some("Administrators"));
    assert_eq!(count(&emu, "GET", "/api/v2/groups/1"), 3);
}

#[tokio::test]
async fn a_create_is_never_duplicated() {
    let emu = emulator().await;
    let c = client(&emu, Provider::B2core);
    emu.emulator().add_fault(
        Fault::status(500)
            .provider("b2core")
            .method("POST")
            .times(1),
    );
    let e = c
        .create_group(common::new_group("Once Only", vec![], None))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(500));
    assert_eq!(count(&emu, "POST", "/api/v2/groups"), 1);

    emu.emulator().add_fault(
        Fault::drop_connection()
            .provider("b2core")
            .method("POST")
            .times(1),
    );
    let e = c
        .create_group(common::new_group("Once Only", vec![], None))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "transport", "{e}");
    assert_eq!(count(&emu, "POST", "/api/v2/groups"), 2);
    assert!(!c
        .list_groups()
        .await
        .unwrap()
        .iter()
        .any(|g| g.name.as_deref() == Some("Once Only")));

    // A 429 means the server refused before acting, so even a create is retried.
    emu.emulator().add_fault(
        Fault::rate_limited("0")
            .provider("b2core")
            .method("POST")
            .times(1),
    );
    c.create_group(common::new_group("Once Only", vec![], None))
        .await
        .unwrap();
    assert_eq!(
        c.list_groups()
            .await
            .unwrap()
            .iter()
            .filter(|g| g.name.as_deref() == Some("Once Only"))
            .count(),
        1
    );
}

#[tokio::test]
async fn a_deadline_stops_a_call_that_keeps_failing() {
    let emu = emulator().await;
    emu.emulator()
        .add_fault(Fault::rate_limited("1").provider("alteryx"));
    let policy = RetryPolicy {
        max_attempts: 100,
        deadline_ms: 2_500,
        ..quick_policy()
    };
    let c = client_with(&emu, Provider::Alteryx, policy);
    match c.list_groups().await {
        Err(Error::RateLimited { retry_after, .. }) => assert!(retry_after.is_some()),
        other => panic!("{other:?}"),
    }
    let attempts = count(&emu, "GET", "/v3/usergroups");
    assert!(
        (2..=4).contains(&attempts),
        "{attempts} attempts within the deadline"
    );
}

#[tokio::test]
async fn exhausted_retries_report_the_last_error() {
    let emu = emulator().await;
    emu.emulator().add_fault(Fault::status(503).provider("ssw"));
    let c = client(&emu, Provider::Ssw);
    let e = c.list_users().await.unwrap_err();
    assert_eq!(e.status(), Some(503));
    assert_eq!(count(&emu, "GET", "/iam/v1/organization/members"), 4);
}

#[tokio::test]
async fn wrong_credentials_are_auth_errors_without_the_token() {
    let emu = emulator().await;
    for p in Provider::ALL {
        let mut b = rosterkit::Client::builder(p, &emu.base_url(p.id()), "wrong-s3cr3t-token");
        if let Some(t) = common::tenant(p) {
            b = b.tenant_id(t);
        }
        let c = b.build().unwrap();
        let e = c.list_groups().await.unwrap_err();
        assert!(matches!(e, Error::Auth { status: 401, .. }), "{p}: {e:?}");
        let shown = format!("{e} {e:?} {c:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
    }
}
