//! Driving flows with a scripted host: no network, every request checked.

use rosterkit_core::flow::Context;
use rosterkit_core::membership::{
    plan_changes, Apply, ApplyNext, OutcomeStatus, StepStatus, SyncMode, SyncOptions,
};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{Directory, NewGroup, UnifiedOp, UnifiedOutput};
use rosterkit_core::{Error, Flow, Operation, Provider, Request, Response, Step, Target};
use serde_json::{json, Value};

fn ctx() -> Context {
    Context::new(
        Target::new("https://h.example", "tok"),
        RetryPolicy::default(),
        42,
    )
}

/// Runs a flow, answering each request with the next scripted response.
/// Returns the result and every request sent (sleeps recorded as "SLEEP ms").
fn drive<T: Send + 'static>(
    mut flow: Flow<T>,
    mut answer: impl FnMut(&Request) -> Response,
) -> (Result<T, Error>, Vec<String>) {
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

fn polaris_user(groups: &[&str]) -> Value {
    json!({
        "id": "u1", "username": "dani.lee@example.io", "email": "dani.lee@example.io",
        "firstName": "Dani", "lastName": "Lee", "enabled": true, "emailVerified": false,
        "permissions": [], "identities": [], "actions": ["UPDATE_PASSWORD"],
        "createdOn": "2023-09-21T02:45:09.205Z", "customAttribute": "kept",
        "groups": groups.iter().map(|g| json!({"id": g, "name": g})).collect::<Vec<_>>()
    })
}

fn report(output: UnifiedOutput) -> rosterkit_core::membership::ApplyReport {
    match output {
        UnifiedOutput::Report(r) => r,
        other => panic!("{other:?}"),
    }
}

#[test]
fn polaris_removal_keeps_every_other_field_and_confirms() {
    let dir = Directory::new(Provider::Polaris);
    let op = UnifiedOp::RemoveMembers {
        group_id: "g-viewer".into(),
        user_ids: vec!["u1".into()],
    };
    let mut put_body = None;
    let mut gets = 0;
    let (result, log) = drive(op.flow(&dir, ctx()).unwrap(), |req| {
        if req.method == "GET" {
            gets += 1;
            let groups: &[&str] = if gets == 1 {
                &["g-alerts", "g-viewer"]
            } else {
                &["g-alerts"]
            };
            json_response(200, polaris_user(groups))
        } else {
            put_body = Some(serde_json::from_slice::<Value>(req.body.as_ref().unwrap()).unwrap());
            json_response(200, polaris_user(&["g-alerts"]))
        }
    });
    let report = report(result.unwrap());
    assert_eq!(report.outcomes[0].status, OutcomeStatus::Removed);
    assert_eq!(
        log,
        [
            "GET https://h.example/v1/users/u1",
            "PUT https://h.example/v1/users/u1",
            "GET https://h.example/v1/users/u1"
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
fn a_removal_another_writer_undoes_is_redone_then_reported_failed() {
    let dir = Directory::new(Provider::Polaris);
    let op = UnifiedOp::RemoveMembers {
        group_id: "g".into(),
        user_ids: vec!["u1".into()],
    };
    // Every read still shows the group: someone keeps adding it back.
    let (result, log) = drive(op.flow(&dir, ctx()).unwrap(), |_| {
        json_response(200, polaris_user(&["g", "other"]))
    });
    let report = report(result.unwrap());
    let outcome = &report.outcomes[0];
    assert_eq!(outcome.status, OutcomeStatus::Failed);
    assert!(outcome
        .error
        .as_ref()
        .unwrap()
        .to_string()
        .contains("could not confirm"));
    assert_eq!(log.iter().filter(|l| l.starts_with("PUT")).count(), 3);
    assert!(!report.ok);
}

#[test]
fn paging_walks_every_page_and_stops_at_the_total() {
    let dir = Directory::with_tenant(Provider::Spotnana, "c1");
    let (result, log) = drive(dir.list_members("g", ctx()).unwrap(), |req| {
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
    assert_eq!(members.len(), 250);
    assert_eq!(members[249].user_id, "u249");
    assert_eq!(log.len(), 3);
}

#[test]
fn two_hundred_thousand_pages_on_a_small_stack() {
    // Tokio's worker threads have 2 MiB stacks; paging must not grow the stack.
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let op: Operation = rosterkit_core::providers::b2core::ListGroups {
                limit: Some(1),
                offset: None,
            }
            .into();
            let mut c = ctx();
            c.max_pages = 300_000;
            let flow = Flow::all_pages(op, c);
            let (result, log) = drive(flow, |req| {
                let offset: u64 = req.url.rsplit('=').next().unwrap().parse().unwrap();
                if offset < 200_000 {
                    json_response(200, json!([{"id": offset, "name": "g", "permissions": []}]))
                } else {
                    json_response(200, json!([]))
                }
            });
            (result.unwrap().len(), log.len())
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), (200_000, 200_001));
}

#[test]
fn a_server_that_cycles_between_pages_is_caught() {
    let op: Operation = rosterkit_core::providers::b2core::ListGroups {
        limit: Some(2),
        offset: None,
    }
    .into();
    let mut n = 0u64;
    let (result, log) = drive(Flow::all_pages(op, ctx()), |_| {
        n += 1;
        let base = (n % 2) * 10; // pages A, B, A, B, ...
        json_response(
            200,
            json!([{"id": base, "name": "a", "permissions": []}, {"id": base + 1, "name": "b", "permissions": []}]),
        )
    });
    let e = result.unwrap_err();
    assert_eq!(e.kind(), "decode", "{e}");
    assert!(e.to_string().contains("repeats a page"), "{e}");
    assert_eq!(log.len(), 3);

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
fn the_page_ceiling_stops_an_endless_directory() {
    let op: Operation = rosterkit_core::providers::b2core::ListGroups {
        limit: Some(1),
        offset: None,
    }
    .into();
    let mut c = ctx();
    c.max_pages = 50;
    let mut n = 0;
    let (result, log) = drive(Flow::all_pages(op, c), |_| {
        n += 1;
        json_response(200, json!([{"id": n, "name": "g", "permissions": []}]))
    });
    assert!(result.unwrap_err().to_string().contains("max_pages"));
    assert_eq!(log.len(), 50);
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
    assert_eq!(result.unwrap().to_json(), json!({"values": []}));
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
    assert!(flow.has_sent_change());
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
        group: NewGroup {
            name: "x".into(),
            ..NewGroup::default()
        },
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
fn a_sync_plan_reads_before_it_writes() {
    let dir = Directory::new(Provider::Alteryx);
    let options = SyncOptions {
        allow_mass_removal: true,
        ..SyncOptions::new(SyncMode::Authoritative)
    };
    let flow = dir
        .plan_sync("g", vec!["a".into(), "c".into()], options, ctx())
        .unwrap();
    let (result, log) = drive(flow, |_| {
        json_response(
            200,
            json!({"id": "g", "name": "G", "role": "Viewer", "members": [{"userId": "a"}, {"userId": "b"}]}),
        )
    });
    let plan = result.unwrap();
    assert_eq!(plan.to_add, ["c"]);
    assert_eq!(plan.to_remove, ["b"]);
    assert_eq!(plan.unchanged, ["a"]);
    assert_eq!(log.len(), 1, "only the read");
}

#[test]
fn a_partial_failure_inside_a_200_is_reported_per_user() {
    let dir = Directory::new(Provider::Alteryx);
    let op = UnifiedOp::AddMembers {
        group_id: "g".into(),
        user_ids: vec!["good".into(), "ghost".into()],
    };
    let (result, _) = drive(op.flow(&dir, ctx()).unwrap(), |_| {
        json_response(
            200,
            json!({"successfullyAddedUserCount": 1, "totalUsersSubmittedCount": 2,
                   "failedUserReasons": {"ghost": "User not found"}}),
        )
    });
    let report = report(result.unwrap());
    assert!(!report.ok);
    assert_eq!((report.added, report.failed), (1, 1));
    let ghost = report
        .outcomes
        .iter()
        .find(|o| o.user_id == "ghost")
        .unwrap();
    assert_eq!(ghost.status, OutcomeStatus::Failed);
    assert!(ghost
        .error
        .as_ref()
        .unwrap()
        .to_string()
        .contains("User not found"));
    assert_eq!(report.steps[0].status, StepStatus::PartiallyFailed);
}

#[test]
fn already_a_member_is_a_success() {
    let dir = Directory::new(Provider::Ssw);
    let op = UnifiedOp::AddMembers {
        group_id: "g".into(),
        user_ids: vec!["u".into()],
    };
    let (result, _) = drive(op.flow(&dir, ctx()).unwrap(), |_| {
        json_response(
            409,
            json!({"code": 40900, "message": "user is already a member"}),
        )
    });
    let report = report(result.unwrap());
    assert!(report.ok);
    assert_eq!(report.outcomes[0].status, OutcomeStatus::AlreadyMember);
}

#[test]
fn removals_wait_for_additions_and_are_held_back_when_one_fails() {
    let dir = Directory::new(Provider::Ssw);
    let plan = plan_changes(&dir, "g", &["a".into(), "b".into()], &["x".into()]).unwrap();
    let mut apply = Apply::new(plan).unwrap();
    let c = ctx();
    let (ia, _) = match apply.next(&c) {
        ApplyNext::Run { index, flow } => (index, flow),
        other => panic!("{other:?}"),
    };
    let (ib, _) = match apply.next(&c) {
        ApplyNext::Run { index, flow } => (index, flow),
        other => panic!("{other:?}"),
    };
    // Both additions running: the removal must wait.
    assert!(matches!(apply.next(&c), ApplyNext::Wait));
    apply.complete(ia, Err(Error::invalid("x", "boom")));
    apply.complete(ib, Err(Error::transport("lost")));
    assert!(matches!(apply.next(&c), ApplyNext::Finished));
    let report = apply.report();
    let x = report.outcomes.iter().find(|o| o.user_id == "x").unwrap();
    assert_eq!(x.status, OutcomeStatus::NotRun);
    assert!(matches!(x.error, Some(Error::Refused { .. })));
    let b = report.outcomes.iter().find(|o| o.user_id == "b").unwrap();
    assert_eq!(b.status, OutcomeStatus::Unknown);
}

#[test]
fn a_cancelled_apply_reports_what_ran() {
    let dir = Directory::new(Provider::Ssw);
    let plan = plan_changes(&dir, "g", &[], &["a".into(), "b".into(), "c".into()]).unwrap();
    let mut apply = Apply::new(plan).unwrap();
    let c = ctx();
    let mut flows = Vec::new();
    for _ in 0..2 {
        match apply.next(&c) {
            ApplyNext::Run { index, mut flow } => {
                flow.start();
                flows.push((index, flow));
            }
            other => panic!("{other:?}"),
        }
    }
    let (done, _) = flows.remove(0);
    apply.complete(
        done,
        Ok(rosterkit_core::membership::StepResult {
            users: vec![rosterkit_core::membership::UserResult {
                user_id: "a".into(),
                status: OutcomeStatus::Removed,
                error: None,
            }],
        }),
    );
    apply.cancel();
    let (running, flow) = flows.remove(0);
    apply.abandon(running, flow.has_sent_change());
    assert!(matches!(apply.next(&c), ApplyNext::Finished));
    let report = apply.report();
    assert!(report.cancelled && !report.ok);
    let status = |u: &str| {
        report
            .outcomes
            .iter()
            .find(|o| o.user_id == u)
            .unwrap()
            .status
    };
    assert_eq!(status("a"), OutcomeStatus::Removed);
    assert_eq!(status("b"), OutcomeStatus::Unknown);
    assert_eq!(status("c"), OutcomeStatus::NotRun);
}

#[test]
fn an_echoed_token_never_reaches_an_error() {
    let secret = "s3cr3t-t0ken-value-123456";
    let c = Context::new(
        Target::new("https://h.example", secret),
        RetryPolicy::none(),
        1,
    );
    let op: Operation = rosterkit_core::providers::polaris::ListGroups {}.into();
    for body in [
        format!("{{\"message\": \"invalid token {secret}\"}}"),
        format!("<html><p>Bad key {secret}</p></html>"),
        format!(
            "{{\"error\": \"unauthorized\", \"message\": \"key ...{} rejected\"}}",
            &secret[6..]
        ),
    ] {
        let (result, _) = drive(Flow::call(op.clone(), c.clone()), |_| {
            Response::new(401, body.clone().into_bytes())
        });
        let e = result.unwrap_err();
        assert!(!format!("{e} {e:?}").contains(&secret[6..18]), "{e:?}");
    }
}
