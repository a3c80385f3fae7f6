use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use rosterkit_emulator::{Fault, FaultKind, LoggedRequest};
use serde_json::{json, Value};

use super::common::start;

#[tokio::test]
async fn rate_limit_with_retry_after_is_consumed() {
    let h = start().await;
    h.running.emulator().add_fault(
        Fault::rate_limited("1")
            .provider("ssw")
            .method("GET")
            .path_prefix("/iam/v1/group/members")
            .times(2),
    );
    let path = "/iam/v1/group/members?group_id=grp_001";
    for _ in 0..2 {
        let r = h.call(Method::GET, "ssw", path).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.headers()["retry-after"], "1");
        assert_eq!(r.json::<Value>().await.unwrap()["code"], 42900);
    }
    let r = h.call(Method::GET, "ssw", path).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "both uses consumed");
    assert!(h.running.emulator().faults().is_empty());
    // Other paths were never affected.
    let r = h
        .call(Method::GET, "ssw", "/iam/v1/organization/members")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn admin_routes_inject_and_clear_503() {
    let h = start().await;
    let admin = format!("{}/_emulator/faults", h.running.root_url());
    let r = h
        .client
        .post(&admin)
        .json(&json!({"provider": "b2core", "kind": {"type": "status", "status": 503}}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    for _ in 0..3 {
        let r = h
            .call(Method::GET, "b2core", "/api/v2/groups")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            r.json::<Value>().await.unwrap()["code"],
            "service_unavailable"
        );
    }
    // Faults fire before authentication.
    let r = h
        .client
        .get(h.url("b2core", "/api/v2/groups"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    // Other vendors are untouched.
    let r = h
        .call(Method::GET, "alteryx", "/v3/usergroups")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    let listed: Vec<Fault> = h
        .client
        .get(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(matches!(
        listed[0].kind,
        FaultKind::Status { status: 503, .. }
    ));
    let r = h.client.delete(&admin).send().await.unwrap();
    assert!(r.status().is_success());
    let r = h
        .call(Method::GET, "b2core", "/api/v2/groups")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    let bad = h
        .client
        .post(&admin)
        .json(&json!({"kind": {"type": "teleport"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn latency_delays_the_response() {
    let h = start().await;
    h.running
        .emulator()
        .add_fault(Fault::latency(300).provider("polaris").times(1));
    let started = Instant::now();
    let r = h
        .call(Method::GET, "polaris", "/v1/projects")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    h.call(Method::GET, "polaris", "/v1/projects")
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn drop_closes_the_connection_without_a_response() {
    let h = start().await;
    let admin = format!("{}/_emulator/faults", h.running.root_url());
    h.client
        .post(&admin)
        .json(&json!({"provider": "spotnana", "kind": {"type": "drop"}, "times": 1}))
        .send()
        .await
        .unwrap();
    let path = "/v3/users/nobody/user-groups";
    let result = h.call(Method::POST, "spotnana", path).send().await;
    let err = result.expect_err("a dropped connection is a transport error, not a status");
    assert!(err.status().is_none());

    let r = h.call(Method::POST, "spotnana", path).send().await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "fault consumed; normal handling again"
    );

    let log = h.running.emulator().request_log();
    let spotnana: Vec<&LoggedRequest> = log.iter().filter(|e| e.provider == "spotnana").collect();
    assert_eq!(spotnana.len(), 2);
    assert_eq!(spotnana[0].status, 0);
    assert_eq!(spotnana[0].method, "POST");
    assert_eq!(spotnana[0].path, path);
    assert_eq!(spotnana[1].status, 404);
}

#[tokio::test]
async fn log_and_reset_over_http() {
    let h = start().await;
    let root = h.running.root_url();
    h.call(Method::DELETE, "b2core", "/api/v2/groups/1")
        .send()
        .await
        .unwrap();
    h.call(Method::GET, "b2core", "/api/v2/groups?limit=5&offset=0")
        .send()
        .await
        .unwrap();
    let log: Vec<LoggedRequest> = h
        .client
        .get(format!("{root}/_emulator/log"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        log,
        vec![
            LoggedRequest {
                handled: None,
                provider: "b2core".into(),
                method: "DELETE".into(),
                path: "/api/v2/groups/1".into(),
                query: None,
                status: 204,
            },
            LoggedRequest {
                handled: None,
                provider: "b2core".into(),
                method: "GET".into(),
                path: "/api/v2/groups".into(),
                query: Some("limit=5&offset=0".into()),
                status: 200,
            },
        ]
    );
    let r = h
        .client
        .delete(format!("{root}/_emulator/log"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert!(h.running.emulator().request_log().is_empty());

    let r = h
        .client
        .post(format!("{root}/_emulator/reset"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let r = h
        .call(Method::GET, "b2core", "/api/v2/groups/1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "reset restored the seed");
}
