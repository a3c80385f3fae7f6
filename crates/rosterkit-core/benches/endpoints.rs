//! Request build + response parse per endpoint, and parsing a 10,000-member
#![allow(missing_docs)] // criterion_group! generates undocumented items
//! page into typed models compared with `serde_json::Value` on the same bytes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rosterkit_core::{Operation, Response, Target};
use serde_json::{json, Value};
use std::hint::black_box;

/// One representative input and success body per endpoint id.
fn samples() -> Vec<(Operation, Response)> {
    let ok = |v: Value| Response::new(200, serde_json::to_vec(&v).unwrap_or_default());
    let ssw_members = json!({"code": 0, "data": {"members": [{"user_id": "user_123", "email": "user@example.com", "status": "active"}], "page": 1, "page_size": 30, "total": 100}});
    let ssw_ack = json!({"code": 0, "message": "success"});
    let spot_group = json!({"id": "g1", "name": "Travel Admins", "description": "d", "companyId": "c1", "isUnmodifiable": false});
    let spot_page = json!({"userGroups": [spot_group.clone()], "pagination": {"offset": 0, "limit": 100, "totalNumResults": 1}});
    let b2_group = json!({"id": 1, "name": "Administrators", "permissions": ["accounts.create", "accounts.read"]});
    let pol_group = json!({"id": "g", "name": "Viewer", "readOnly": true, "permissions": [{"name": "ViewTables", "resources": ["projects/*"]}], "userCount": 18});
    let pol_user = json!({"id": "u", "username": "dani.lee@example.io", "email": "dani.lee@example.io", "firstName": "Dani", "lastName": "Lee", "enabled": true, "groups": [{"id": "g", "name": "Viewer"}]});
    let alt_group =
        json!({"id": "61d58ac83c15317e1a482069", "name": "Accounting", "role": "Artisan"});
    let table: Vec<(&str, Value, Response)> = vec![
        (
            "ssw.list_members",
            json!({"page": 1, "page_size": 30}),
            ok(ssw_members.clone()),
        ),
        (
            "ssw.list_groups",
            json!({"organization_id": "org"}),
            ok(json!({"code": 0, "data": [{"group_id": "grp_001", "name": "IT Admins"}]})),
        ),
        (
            "ssw.list_group_members",
            json!({"group_id": "grp_001"}),
            ok(ssw_members),
        ),
        (
            "ssw.add_group_member",
            json!({"group_id": "g", "user_id": "u"}),
            ok(ssw_ack.clone()),
        ),
        (
            "ssw.approve_group_member",
            json!({"group_id": "g", "user_id": "u"}),
            ok(ssw_ack.clone()),
        ),
        (
            "ssw.reject_group_member",
            json!({"group_id": "g", "user_id": "u"}),
            ok(ssw_ack.clone()),
        ),
        (
            "ssw.remove_group_member",
            json!({"group_id": "g", "user_id": "u"}),
            ok(ssw_ack.clone()),
        ),
        (
            "ssw.update_group",
            json!({"group_id": "g", "name": "New"}),
            ok(ssw_ack.clone()),
        ),
        ("ssw.delete_group", json!({"group_id": "g"}), ok(ssw_ack)),
        (
            "spotnana.list_user_groups",
            json!({"companyId": "c1"}),
            ok(spot_page.clone()),
        ),
        (
            "spotnana.get_user_group",
            json!({"companyId": "c1", "groupId": "g1"}),
            ok(spot_group),
        ),
        (
            "spotnana.list_user_group_members",
            json!({"companyId": "c1", "groupId": "g1"}),
            ok(
                json!({"members": [{"userId": "u", "addedAt": "2024-01-01T00:00:00Z"}], "pagination": {"totalNumResults": 1}}),
            ),
        ),
        (
            "spotnana.list_user_group_roles",
            json!({"companyId": "c1", "groupId": "g1"}),
            ok(json!({"roles": [{"id": "r", "name": "Admin", "isPlatformRole": true}]})),
        ),
        (
            "spotnana.update_user_group_members",
            json!({"companyId": "c1", "groupId": "g1", "userIdsToAdd": ["u"]}),
            ok(json!({})),
        ),
        (
            "spotnana.list_user_groups_for_user",
            json!({"userId": "u"}),
            ok(spot_page),
        ),
        (
            "spotnana.create_user_group",
            json!({"companyId": "c1", "name": "Travel Arrangers", "description": "d"}),
            ok(json!({"id": "g2"})),
        ),
        (
            "spotnana.update_user_group",
            json!({"companyId": "c1", "groupId": "g1", "name": "Travel Arrangers EMEA"}),
            ok(json!({"id": "g1", "name": "Travel Arrangers EMEA"})),
        ),
        (
            "b2core.list_groups",
            json!({"limit": 10, "offset": 0}),
            ok(json!([b2_group.clone()])),
        ),
        (
            "b2core.get_group",
            json!({"group_id": "1"}),
            ok(b2_group.clone()),
        ),
        (
            "b2core.create_group",
            json!({"name": "Administrators", "permissions": ["accounts.create"]}),
            ok(b2_group.clone()),
        ),
        (
            "b2core.replace_group",
            json!({"group_id": "1", "name": "A", "permissions": []}),
            ok(b2_group.clone()),
        ),
        (
            "b2core.update_group",
            json!({"group_id": "1", "name": "A"}),
            ok(b2_group),
        ),
        (
            "b2core.delete_group",
            json!({"group_id": "1"}),
            Response::new(204, Vec::new()),
        ),
        (
            "polaris.list_permissions",
            json!({}),
            ok(json!({"values": [{"name": "ViewTables", "resources": ["projects/*"]}]})),
        ),
        (
            "polaris.list_groups",
            json!({}),
            ok(json!({"values": [pol_group.clone()]})),
        ),
        (
            "polaris.create_group",
            json!({"name": "Alerts and reports", "permissions": [{"name": "AdministerAlerts", "resources": ["projects/*"]}]}),
            Response::new(201, serde_json::to_vec(&pol_group).unwrap_or_default()),
        ),
        (
            "polaris.create_user",
            json!({"username": "dani.lee@example.io", "groups": [{"id": "g"}]}),
            Response::new(201, serde_json::to_vec(&pol_user).unwrap_or_default()),
        ),
        (
            "polaris.update_user",
            json!({"user_id": "u", "user": {"username": "dani.lee@example.io", "email": "dani.lee@example.io", "firstName": "Dani", "lastName": "Lee", "enabled": true, "groups": [{"id": "g"}]}}),
            ok(pol_user.clone()),
        ),
        (
            "polaris.list_effective_permissions",
            json!({"user_id": "u"}),
            ok(json!({"values": [{"name": "ViewTables", "resources": ["projects/*"]}]})),
        ),
        (
            "polaris.add_group_members",
            json!({"group_id": "g", "user_ids": ["a", "b"]}),
            Response::new(200, Vec::new()),
        ),
        (
            "polaris.list_group_members",
            json!({"group_id": "g"}),
            ok(json!({"values": [{"id": "u", "username": "x"}], "count": 1})),
        ),
        (
            "polaris.list_users",
            json!({}),
            ok(json!({"values": [pol_user.clone()]})),
        ),
        ("polaris.get_user", json!({"user_id": "u"}), ok(pol_user)),
        (
            "polaris.delete_user",
            json!({"user_id": "u"}),
            Response::new(204, Vec::new()),
        ),
        (
            "polaris.get_group",
            json!({"group_id": "g"}),
            ok(pol_group.clone()),
        ),
        (
            "polaris.update_group",
            json!({"group_id": "g", "name": "V", "permissions": []}),
            ok(pol_group),
        ),
        (
            "polaris.delete_group",
            json!({"group_id": "g"}),
            Response::new(204, Vec::new()),
        ),
        (
            "polaris.list_projects",
            json!({}),
            ok(json!({"values": [{"id": "p", "name": "P"}]})),
        ),
        (
            "alteryx.create_user_group",
            json!({"name": "Accounting", "role": "Artisan"}),
            ok(alt_group.clone()),
        ),
        (
            "alteryx.add_users_to_user_group",
            json!({"group_id": "g", "user_ids": ["u"]}),
            ok(json!({})),
        ),
        (
            "alteryx.list_user_groups",
            json!({}),
            ok(json!([alt_group.clone()])),
        ),
        (
            "alteryx.get_user_group",
            json!({"group_id": "g"}),
            ok(alt_group.clone()),
        ),
        (
            "alteryx.update_user_group",
            json!({"group_id": "g", "name": "Marketing", "role": "Artisan"}),
            ok(alt_group),
        ),
        (
            "alteryx.remove_user_from_user_group",
            json!({"group_id": "g", "user_id": "u"}),
            ok(json!({})),
        ),
        (
            "alteryx.delete_user_group",
            json!({"group_id": "g", "force_delete": true}),
            ok(json!({})),
        ),
    ];
    table
        .into_iter()
        .map(|(id, input, resp)| match Operation::from_json(id, input) {
            Ok(op) => (op, resp),
            Err(e) => panic!("bench input for {id}: {e}"),
        })
        .collect()
}

fn per_endpoint(c: &mut Criterion) {
    let target = Target::new("https://api.example.com", "bench-token");
    let samples = samples();
    assert_eq!(
        samples.len(),
        Operation::IDS.len(),
        "one sample per endpoint"
    );
    let mut g = c.benchmark_group("build_and_parse");
    for (op, resp) in &samples {
        g.bench_with_input(BenchmarkId::from_parameter(op.id()), op, |b, op| {
            b.iter(|| {
                let req = op.request(black_box(&target));
                let out = op.parse(black_box(resp));
                black_box((req, out))
            })
        });
    }
    g.finish();
}

fn big_member_page(c: &mut Criterion) {
    let members: Vec<Value> = (0..10_000)
        .map(|i| json!({"user_id": format!("user_{i:05}"), "email": format!("person{i}@acme.example"), "status": "active", "department": "Engineering"}))
        .collect();
    let body = serde_json::to_vec(&json!({"code": 0, "data": {"members": members, "page": 1, "page_size": 10000, "total": 10000}})).unwrap_or_default();
    let resp = Response::new(200, body.clone());
    let typed = rosterkit_core::providers::ssw::ListGroupMembers {
        group_id: "grp_001".into(),
        ..Default::default()
    };
    let mut g = c.benchmark_group("parse_10000_members");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("typed_models", |b| {
        b.iter(|| rosterkit_core::Endpoint::parse(&typed, black_box(&resp)))
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&body)))
    });
    g.finish();
}

criterion_group!(benches, per_endpoint, big_member_page);
criterion_main!(benches);
