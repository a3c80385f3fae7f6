//! Every one of the 43 vendor endpoints, called through the client against
//! the emulator over real HTTP, with the documented success shape checked.

mod common;

use common::{client, emulator};
use rosterkit::{Client, Operation, Provider};
use rosterkit_core::operation::HostOutput;
use rosterkit_emulator::SPOTNANA_COMPANY_ID;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// List endpoints whose answer is the output as it stands (the others shape
/// theirs: SSW's groups come as a bare array or a page).
const VERBATIM_LISTS: &[&str] = &[
    "ssw.list_members",
    "ssw.list_group_members",
    "polaris.list_users",
    "polaris.list_groups",
    "polaris.list_group_members",
    "spotnana.list_user_groups",
    "alteryx.list_user_groups",
    "b2core.list_groups",
];

async fn call(
    c: &Client,
    seen: &mut BTreeSet<&'static str>,
    id: &'static str,
    input: Value,
) -> Value {
    let op = Operation::from_json(id, input).unwrap();
    let out = c
        .execute(op.clone())
        .await
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    seen.insert(id);
    let out = out.to_json();
    // Reads again the way JavaScript and Kotlin do: the same value, and the
    // emulator's documented shapes go through as the body's own text.
    if id.contains(".list_") || id.contains(".get_") {
        let host = c
            .execute_for_host(op)
            .await
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(
            matches!(host, HostOutput::Json(_)) || !VERBATIM_LISTS.contains(&id),
            "{id}: the emulator's answer was not read verbatim"
        );
        let text = host.into_json().unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), out, "{id}");
    }
    out
}

#[tokio::test]
async fn every_endpoint_over_http() {
    let emu = emulator().await;
    let mut seen = BTreeSet::new();
    let s = &mut seen;

    // SSW
    let c = client(&emu, Provider::Ssw);
    let members = call(
        &c,
        s,
        "ssw.list_members",
        json!({"page": 1, "page_size": 30}),
    )
    .await;
    assert_eq!(members["members"].as_array().unwrap().len(), 30);
    assert!(members["total"].as_u64().unwrap() >= 300);
    let groups = call(
        &c,
        s,
        "ssw.list_groups",
        json!({"organization_id": "org_demo", "page": 1, "page_size": 50}),
    )
    .await;
    let find = |name: &str| {
        groups["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == name)
            .unwrap()["group_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (it, contractors) = (find("IT Admins"), find("Contractors"));
    let gm = call(&c, s, "ssw.list_group_members", json!({"group_id": it})).await;
    let inside: Vec<&str> = gm["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .collect();
    let outsider = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap())
        .find(|u| !inside.contains(u))
        .unwrap()
        .to_owned();
    call(
        &c,
        s,
        "ssw.add_group_member",
        json!({"group_id": it, "user_id": outsider}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.remove_group_member",
        json!({"group_id": it, "user_id": outsider}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.add_group_member",
        json!({"group_id": contractors, "user_id": outsider}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.approve_group_member",
        json!({"group_id": contractors, "user_id": outsider}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.add_group_member",
        json!({"group_id": contractors, "user_id": "user_123"}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.reject_group_member",
        json!({"group_id": contractors, "user_id": "user_123"}),
    )
    .await;
    call(
        &c,
        s,
        "ssw.update_group",
        json!({"group_id": it, "name": "IT Administrators"}),
    )
    .await;
    call(&c, s, "ssw.delete_group", json!({"group_id": it})).await;

    // Spotnana
    let c = client(&emu, Provider::Spotnana);
    let page = call(&c, s, "spotnana.list_user_groups", json!({"companyId": SPOTNANA_COMPANY_ID, "pagination": {"offset": 0, "limit": 10}, "searchText": "a"})).await;
    assert!(page["pagination"]["totalNumResults"].as_u64().is_some());
    let gid = page["userGroups"][0]["id"].as_str().unwrap().to_owned();
    let group = call(
        &c,
        s,
        "spotnana.get_user_group",
        json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": gid}),
    )
    .await;
    assert!(group.get("isUnmodifiable").is_some());
    let mem = call(
        &c,
        s,
        "spotnana.list_user_group_members",
        json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": gid}),
    )
    .await;
    let uid = mem["members"][0]["userId"].as_str().unwrap().to_owned();
    call(
        &c,
        s,
        "spotnana.list_user_group_roles",
        json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": gid}),
    )
    .await;
    call(
        &c,
        s,
        "spotnana.update_user_group_members",
        json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": gid, "userIdsToRemove": [uid]}),
    )
    .await;
    call(
        &c,
        s,
        "spotnana.update_user_group_members",
        json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": gid, "userIdsToAdd": [uid]}),
    )
    .await;
    let made = call(&c, s, "spotnana.create_user_group", json!({"companyId": SPOTNANA_COMPANY_ID, "name": "Travel Arrangers", "description": "Books travel"})).await;
    let made_id = made["id"].as_str().unwrap().to_owned();
    let renamed = call(&c, s, "spotnana.update_user_group", json!({"companyId": SPOTNANA_COMPANY_ID, "groupId": made_id, "name": "Travel Arrangers EMEA"})).await;
    assert_eq!(renamed["name"], "Travel Arrangers EMEA");
    let mine = call(
        &c,
        s,
        "spotnana.list_user_groups_for_user",
        json!({"userId": uid}),
    )
    .await;
    assert!(mine["userGroups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == gid.as_str()));

    // B2Core
    let c = client(&emu, Provider::B2core);
    let list = call(
        &c,
        s,
        "b2core.list_groups",
        json!({"limit": 10, "offset": 0}),
    )
    .await;
    assert_eq!(list.as_array().unwrap().len(), 10);
    let one = call(&c, s, "b2core.get_group", json!({"group_id": "1"})).await;
    assert_eq!(one["name"], "Administrators");
    let created = call(
        &c,
        s,
        "b2core.create_group",
        json!({"name": "Dealers", "permissions": ["accounts.read"]}),
    )
    .await;
    let id = created["id"].to_string();
    call(
        &c,
        s,
        "b2core.replace_group",
        json!({"group_id": id, "name": "Dealers", "permissions": []}),
    )
    .await;
    let patched = call(
        &c,
        s,
        "b2core.update_group",
        json!({"group_id": id, "permissions": ["accounts.create", "accounts.read"]}),
    )
    .await;
    assert_eq!(
        patched["permissions"],
        json!(["accounts.create", "accounts.read"])
    );
    assert_eq!(
        call(&c, s, "b2core.delete_group", json!({"group_id": id})).await,
        Value::Null
    );

    // Polaris
    let c = client(&emu, Provider::Polaris);
    let perms = call(&c, s, "polaris.list_permissions", json!({})).await;
    assert!(perms["values"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "AdministerUsers"));
    call(&c, s, "polaris.list_groups", json!({})).await;
    let projects = call(&c, s, "polaris.list_projects", json!({})).await;
    let scoped: Vec<String> = projects["values"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|p| format!("projects/{}", p["id"].as_str().unwrap()))
        .collect();
    let g = call(&c, s, "polaris.create_group", json!({"name": "Alerts and reports", "permissions": [{"name": "AdministerReports", "resources": scoped}, {"name": "AdministerAlerts", "resources": scoped}]})).await;
    let gid = g["id"].as_str().unwrap().to_owned();
    call(&c, s, "polaris.get_group", json!({"group_id": gid})).await;
    let u = call(&c, s, "polaris.create_user", json!({"username": "dani.lee@example.io", "firstName": "Dani", "lastName": "Lee", "groups": [{"id": gid}]})).await;
    let uid = u["id"].as_str().unwrap().to_owned();
    let user = call(&c, s, "polaris.get_user", json!({"user_id": uid})).await;
    call(&c, s, "polaris.list_users", json!({})).await;
    let viewer = "d919f276-7857-4b59-a616-0c2540fb4ad1";
    let updated = call(&c, s, "polaris.update_user", json!({"user_id": uid, "user": {
        "username": user["username"], "email": user["email"], "firstName": "Dani", "lastName": "Lee",
        "enabled": true, "groups": [{"id": gid}, {"id": viewer}]}})).await;
    assert_eq!(updated["groups"].as_array().unwrap().len(), 2);
    let eff = call(
        &c,
        s,
        "polaris.list_effective_permissions",
        json!({"user_id": uid}),
    )
    .await;
    let names: BTreeSet<&str> = eff["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains("AdministerAlerts") && names.contains("ViewTables"),
        "{names:?}"
    );
    call(&c, s, "polaris.add_group_members", json!({"group_id": gid, "user_ids": ["d88d4e47-d6ed-4820-880e-c0564ce99752", "48b08425-7393-4730-bb7d-736e69ef1d92"]})).await;
    let gm = call(
        &c,
        s,
        "polaris.list_group_members",
        json!({"group_id": gid}),
    )
    .await;
    assert_eq!(gm["count"], 3);
    call(
        &c,
        s,
        "polaris.update_group",
        json!({"group_id": gid, "name": "Alerts & reports", "permissions": []}),
    )
    .await;
    call(&c, s, "polaris.delete_user", json!({"user_id": uid})).await;
    call(&c, s, "polaris.delete_group", json!({"group_id": gid})).await;

    // Alteryx
    let c = client(&emu, Provider::Alteryx);
    let created = call(
        &c,
        s,
        "alteryx.create_user_group",
        json!({"name": "Accounting", "role": "Artisan"}),
    )
    .await;
    let gid = created["id"].as_str().unwrap().to_owned();
    call(
        &c,
        s,
        "alteryx.add_users_to_user_group",
        json!({"group_id": gid, "user_ids": ["61d564361d6d5da7ad461a32"]}),
    )
    .await;
    let all = call(&c, s, "alteryx.list_user_groups", json!({})).await;
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == gid.as_str()));
    let one = call(&c, s, "alteryx.get_user_group", json!({"group_id": gid})).await;
    assert_eq!(one["members"][0]["userId"], "61d564361d6d5da7ad461a32");
    call(
        &c,
        s,
        "alteryx.update_user_group",
        json!({"group_id": gid, "name": "Marketing", "role": "Artisan"}),
    )
    .await;
    call(
        &c,
        s,
        "alteryx.remove_user_from_user_group",
        json!({"group_id": gid, "user_id": "61d564361d6d5da7ad461a32"}),
    )
    .await;
    call(
        &c,
        s,
        "alteryx.delete_user_group",
        json!({"group_id": gid, "force_delete": true}),
    )
    .await;

    let missing: Vec<_> = Operation::IDS
        .iter()
        .filter(|id| !seen.contains(*id))
        .collect();
    assert!(missing.is_empty(), "not exercised over HTTP: {missing:?}");
}
