//! Driving flows with a scripted host: no network, every request checked.

use rosterkit_core::flow::Context;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{Directory, UnifiedOp};
use rosterkit_core::{Error, Flow, Operation, Provider, Request, Response, Step, Target};
use serde_json::{json, Value};

fn ctx() -> Context {
    Context {
        target: Target::new("https://h.example", "tok"),
        policy: RetryPolicy::default(),
        seed: 42,
    }
}

/// Runs a flow, answering each request with the next scripted response.
/// Returns the result and every request sent (sleeps recorded as "SLEEP ms").
fn drive(
    mut flow: Flow,
    mut answer: impl FnMut(&Request) -> Response,
) -> (Result<Value, Error>, Vec<String>) {
    let mut log = Vec::new();
    let mut step = flow.start();
    loop {
        step = match step {
            Step::Send { request } => {
                log.push(format!("{} {}", request.method, request.url));
                let r = answer(&request);
                flow.on_response(r, 0)
            }
            Step::Sleep { millis } => {
                log.push(format!("SLEEP {millis}"));
                flow.on_woken(0)
            }
            Step::Done { result } => return (result, log),
        }
    }
}

fn json_response(status: u16, v: Value) -> Response {
    Response::new(status, serde_json::to_vec(&v).unwrap())
}

#[test]
fn polaris_removal_is_a_read_modify_write_that_keeps_every_other_field() {
    let dir = Directory::new(Provider::Polaris);
    let op = UnifiedOp::RemoveMembers {
        group_id: "g-viewer".into(),
        user_ids: vec!["u1".into()],
    };
    let mut put_body = None;
    let (result, log) = drive(op.flow(&dir, ctx()).unwrap(), |req| {
        if req.method == "GET" {
            json_response(
                200,
                json!({
                    "id": "u1", "username": "dani.lee@example.io", "email": "dani.lee@example.io",
                    "firstName": "Dani", "lastName": "Lee", "enabled": true, "emailVerified": false,
                    "permissions": [], "identities": [], "actions": ["UPDATE_PASSWORD"],
                    "createdOn": "2023-09-21T02:45:09.205Z", "customAttribute": "kept",
                    "groups": [{"id": "g-alerts", "name": "Alerts"}, {"id": "g-viewer", "name": "Viewer"}]
                }),
            )
        } else {
            put_body = Some(serde_json::from_slice::<Value>(req.body.as_ref().unwrap()).unwrap());
            json_response(
                200,
                json!({"id": "u1", "username": "dani.lee@example.io", "groups": [{"id": "g-alerts"}]}),
            )
        }
    });
    result.unwrap();
    assert_eq!(
        log,
        [
            "GET https://h.example/v1/users/u1",
            "PUT https://h.example/v1/users/u1"
        ]
    );
    assert_eq!(
        put_body.unwrap(),
        json!({
            "username": "dani.lee@example.io", "email": "dani.lee@example.io",
            "firstName": "Dani", "lastName": "Lee", "enabled": true,
            "groups": [{"id": "g-alerts"}], "customAttribute": "kept"
        })
    );
}

#[test]
fn paging_walks_every_page_and_stops_at_the_total() {
    let dir = Directory::with_tenant(Provider::Spotnana, "c1");
    let op = UnifiedOp::ListMembers {
        group_id: "g".into(),
    };
    let (result, log) = drive(op.flow(&dir, ctx()).unwrap(), |req| {
        let body: Value = serde_json::from_slice(req.body.as_ref().unwrap()).unwrap();
        let offset = body["pagination"]["offset"].as_u64().unwrap();
        let limit = body["pagination"]["limit"].as_u64().unwrap();
        let members: Vec<Value> = (offset..(offset + limit).min(250))
            .map(|i| json!({"userId": format!("u{i}"), "addedAt": "2024-01-01T00:00:00Z"}))
            .collect();
        json_response(
            200,
            json!({"members": members, "pagination": {"offset": offset, "limit": limit, "totalNumResults": 250}}),
        )
    });
    let members = result.unwrap();
    assert_eq!(members.as_array().unwrap().len(), 250);
    assert_eq!(members[249]["user_id"], "u249");
    assert_eq!(log.len(), 3);
}

#[test]
fn a_server_that_ignores_the_page_parameter_is_caught() {
    let op: Operation = rosterkit_core::providers::b2core::ListGroups {
        limit: Some(2),
        offset: None,
    }
    .into();
    let (result, log) = drive(Flow::all_pages(op, ctx()), |_| {
        json_response(
            200,
            json!([{"id": 1, "name": "a", "permissions": []}, {"id": 2, "name": "b", "permissions": []}]),
        )
    });
    let e = result.unwrap_err();
    assert_eq!(e.kind(), "decode", "{e}");
    assert_eq!(log.len(), 2);

    let op: Operation = rosterkit_core::providers::ssw::ListMembers {
        page_size: Some(2),
        ..Default::default()
    }
    .into();
    let (result, _) = drive(Flow::all_pages(op, ctx()), |_| {
        json_response(
            200,
            json!({"code": 0, "data": {"members": [{"user_id": "a"}, {"user_id": "b"}], "page": 1, "page_size": 2, "total": 10}}),
        )
    });
    assert!(result
        .unwrap_err()
        .to_string()
        .contains("asked for page 2 and got page 1"));
}

#[test]
fn rate_limits_are_waited_out_then_succeed() {
    let op: Operation = rosterkit_core::providers::polaris::ListGroups {}.into();
    let mut n = 0;
    let (result, log) = drive(Flow::call(op, ctx()), |_| {
        n += 1;
        if n == 1 {
            Response::new(429, "").with_header("Retry-After", "2")
        } else {
            json_response(200, json!({"values": []}))
        }
    });
    assert_eq!(result.unwrap(), json!({"values": []}));
    assert_eq!(log[1], "SLEEP 2000");
}

#[test]
fn a_create_is_never_repeated_after_a_server_error() {
    let op: Operation = rosterkit_core::providers::b2core::CreateGroup {
        name: "x".into(),
        permissions: vec![],
    }
    .into();
    let (result, log) = drive(Flow::call(op, ctx()), |_| {
        json_response(500, json!({"message": "boom"}))
    });
    assert_eq!(result.unwrap_err().status(), Some(500));
    assert_eq!(log.len(), 1);
    // ...but a read is retried up to the attempt limit.
    let op: Operation = rosterkit_core::providers::b2core::GetGroup {
        group_id: "1".into(),
    }
    .into();
    let (result, log) = drive(Flow::call(op, ctx()), |_| {
        json_response(503, json!({"message": "busy"}))
    });
    assert_eq!(result.unwrap_err().status(), Some(503));
    assert_eq!(log.iter().filter(|l| l.starts_with("GET")).count(), 4);
}

#[test]
fn transport_failures_after_sending_are_not_retried_for_creates() {
    let op: Operation = rosterkit_core::providers::polaris::CreateGroup {
        name: "x".into(),
        permissions: vec![],
    }
    .into();
    let mut flow = Flow::call(op, ctx());
    assert!(matches!(flow.start(), Step::Send { .. }));
    match flow.on_transport_error(true, "connection reset", 10) {
        Step::Done {
            result: Err(Error::Transport { message }),
        } => assert!(message.contains("1 attempt")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unsupported_operations_fail_before_any_request() {
    let e = UnifiedOp::CreateGroup {
        name: "x".into(),
        permissions: vec![],
        role: None,
    }
    .flow(&Directory::new(Provider::Ssw), ctx())
    .unwrap_err();
    match e {
        Error::Unsupported {
            provider,
            operation,
            reason,
        } => {
            assert_eq!(
                (provider, operation.as_str()),
                (Provider::Ssw, "create_group")
            );
            assert!(reason.contains("creating groups"));
        }
        other => panic!("{other:?}"),
    }
    let e = UnifiedOp::ListMembers {
        group_id: "1".into(),
    }
    .flow(&Directory::new(Provider::B2core), ctx())
    .unwrap_err();
    assert_eq!(e.kind(), "unsupported");
}

#[test]
fn sync_dry_run_plans_without_writing() {
    let dir = Directory::new(Provider::Alteryx);
    let op = UnifiedOp::SyncMembers {
        group_id: "g".into(),
        desired: vec!["a".into(), "c".into()],
        dry_run: true,
    };
    let (result, log) = drive(op.flow(&dir, ctx()).unwrap(), |_| {
        json_response(
            200,
            json!({"id": "g", "name": "G", "role": "Viewer", "members": [{"id": "a"}, {"id": "b"}]}),
        )
    });
    let v = result.unwrap();
    assert_eq!(v["plan"]["to_add"], json!(["c"]));
    assert_eq!(v["plan"]["to_remove"], json!(["b"]));
    assert_eq!(v["results"], json!([]));
    assert_eq!(log.len(), 1, "only the read");
}
