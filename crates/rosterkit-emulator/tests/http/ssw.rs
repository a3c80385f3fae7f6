use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use rosterkit_emulator::SSW_ORGANIZATION_ID;
use serde_json::{json, Value};

use super::common::{start, Harness};

async fn get(h: &Harness, path: &str) -> (StatusCode, Value) {
    let r = h.call(Method::GET, "ssw", path).send().await.unwrap();
    (r.status(), r.json().await.unwrap())
}

async fn send(h: &Harness, method: Method, path: &str) -> (StatusCode, Value) {
    let r = h
        .call(method, "ssw", path)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap())
}

async fn member_ids(h: &Harness, group: &str) -> HashSet<String> {
    let (_, body) = get(
        h,
        &format!("/iam/v1/group/members?group_id={group}&page_size=1000"),
    )
    .await;
    body["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .collect()
}

/// An organization member who is not in `group` (nor pending).
async fn outsider(h: &Harness, group: &str) -> String {
    let members = member_ids(h, group).await;
    let (_, org) = get(h, "/iam/v1/organization/members?page_size=1000").await;
    org["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .filter(|u| !members.contains(u))
        .nth(40)
        .unwrap()
}

#[tokio::test]
async fn happy_path_lists_adds_and_removes() {
    let h = start().await;
    let (status, body) = get(&h, "/iam/v1/organization/members").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["code"], 0);
    assert_eq!(body["data"]["page"], 1);
    assert_eq!(body["data"]["page_size"], 30);
    assert_eq!(body["data"]["members"].as_array().unwrap().len(), 30);
    assert!(body["data"]["total"].as_u64().unwrap() >= 300);
    assert_eq!(body["data"]["members"][0]["user_id"], "user_123");

    let (_, body) = get(&h, "/iam/v1/organization/members?search=USER%40EXAMPLE.COM&order=status+asc&roles=&groups=&active=").await;
    assert_eq!(body["data"]["total"], 1);
    assert_eq!(body["data"]["members"][0]["email"], "user@example.com");
    assert_eq!(body["data"]["members"][0]["status"], "active");

    let (status, body) = get(
        &h,
        &format!("/iam/v1/organization/{SSW_ORGANIZATION_ID}/groups?page=1&page_size=50"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let groups = body["data"].as_array().unwrap();
    assert!(groups.len() >= 20);
    assert_eq!(groups[0]["group_id"], "grp_001");
    assert_eq!(groups[0]["name"], "IT Admins");
    assert_eq!(groups[0]["approval_required"], false);

    let (status, body) = get(&h, "/iam/v1/organization/org_nope/groups").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], 40400);

    let target = &outsider(&h, "grp_001").await;
    let (status, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/grp_001/members/{target}"),
    )
    .await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"code": 0, "message": "success"}))
    );
    assert!(member_ids(&h, "grp_001").await.contains(target));

    let (status, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/grp_001/members/{target}"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], 40900);

    let (status, body) = send(
        &h,
        Method::DELETE,
        &format!("/iam/v1/group/grp_001/members/{target}"),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (StatusCode::OK, json!(0)));
    assert!(!member_ids(&h, "grp_001").await.contains(target));
    // Removing again is still a success.
    let (status, body) = send(
        &h,
        Method::DELETE,
        &format!("/iam/v1/group/grp_001/members/{target}"),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (StatusCode::OK, json!(0)));
}

#[tokio::test]
async fn approval_flow() {
    let h = start().await;
    let (_, body) = get(
        &h,
        &format!("/iam/v1/organization/{SSW_ORGANIZATION_ID}/groups?page_size=1000"),
    )
    .await;
    let contractors = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Contractors")
        .unwrap()
        .clone();
    assert_eq!(contractors["approval_required"], true);
    let gid = contractors["group_id"].as_str().unwrap().to_owned();
    let members = member_ids(&h, &gid).await;
    let (_, org) = get(&h, "/iam/v1/organization/members?page_size=1000").await;
    let outsiders: Vec<String> = org["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .filter(|u| !members.contains(u))
        .collect();
    let (a, b) = (&outsiders[10], &outsiders[11]);

    let (_, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{a}/approval"),
    )
    .await;
    assert_eq!(body["code"], 40901, "nothing pending yet");

    let (_, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{a}"),
    )
    .await;
    assert_eq!(body, json!({"code": 0, "message": "pending approval"}));
    assert!(!member_ids(&h, &gid).await.contains(a));
    let (status, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{a}/approval"),
    )
    .await;
    assert_eq!((status, body["code"].clone()), (StatusCode::OK, json!(0)));
    assert!(member_ids(&h, &gid).await.contains(a));

    send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{b}"),
    )
    .await;
    let (_, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{b}/reject"),
    )
    .await;
    assert_eq!(body["code"], 0);
    assert!(!member_ids(&h, &gid).await.contains(b));
    let (_, body) = send(
        &h,
        Method::POST,
        &format!("/iam/v1/group/{gid}/members/{b}/reject"),
    )
    .await;
    assert_eq!(body["code"], 40901);
}

#[tokio::test]
async fn paging_a_large_group() {
    let h = start().await;
    let (_, first) = get(
        &h,
        "/iam/v1/group/members?group_id=grp_002&page=1&page_size=100",
    )
    .await;
    let total = first["data"]["total"].as_u64().unwrap() as usize;
    assert!(total >= 250);
    let mut seen = HashSet::new();
    for page in 1.. {
        let (_, body) = get(
            &h,
            &format!("/iam/v1/group/members?group_id=grp_002&page={page}&page_size=100"),
        )
        .await;
        let members = body["data"]["members"].as_array().unwrap().clone();
        if members.is_empty() {
            break;
        }
        for m in members {
            assert!(seen.insert(m["user_id"].as_str().unwrap().to_owned()));
        }
    }
    assert_eq!(seen.len(), total);
}

#[tokio::test]
async fn extra_members_for_benchmarks() {
    let h = super::common::start_with(
        rosterkit_emulator::Emulator::new().with_extra_members("ssw", "grp_001", 10_000),
    )
    .await;
    let (_, body) = get(
        &h,
        "/iam/v1/group/members?group_id=grp_001&page=101&page_size=100",
    )
    .await;
    assert!(body["data"]["total"].as_u64().unwrap() >= 10_000);
    assert!(!body["data"]["members"].as_array().unwrap().is_empty());
    assert!(h
        .running
        .emulator()
        .add_extra_members("b2core", "1", 1)
        .is_err());
    assert!(h
        .running
        .emulator()
        .add_extra_members("ssw", "grp_nope", 1)
        .is_err());
}

#[tokio::test]
async fn update_and_delete_groups() {
    let h = start().await;
    let r = h
        .call(Method::PUT, "ssw", "/iam/v1/group")
        .json(&json!({"group_id": "grp_005", "name": "Renamed", "description": "kept"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"code": 0, "message": "success"})
    );
    let (_, body) = get(
        &h,
        &format!("/iam/v1/organization/{SSW_ORGANIZATION_ID}/groups?page_size=1000"),
    )
    .await;
    let g = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group_id"] == "grp_005")
        .unwrap()
        .clone();
    assert_eq!(g["name"], "Renamed");
    assert_eq!(g["description"], "kept");

    let r = h
        .call(Method::PUT, "ssw", "/iam/v1/group")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], 40000);
    let r = h
        .call(Method::PUT, "ssw", "/iam/v1/group")
        .json(&json!({"name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let (status, body) = send(&h, Method::DELETE, "/iam/v1/group/grp_005").await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"code": 0, "message": "success"}))
    );
    let (status, body) = get(&h, "/iam/v1/group/members?group_id=grp_005").await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::NOT_FOUND, json!(40400))
    );
}

#[tokio::test]
async fn bad_input_and_encoded_ids() {
    let h = start().await;
    let (status, body) = get(&h, "/iam/v1/group/members").await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::BAD_REQUEST, json!(40000))
    );
    for q in ["page_size=0", "page_size=1001", "page=abc", "page=0"] {
        let (status, _) = get(&h, &format!("/iam/v1/organization/members?{q}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{q}");
    }
    // `a/b` arrives encoded and is looked up decoded: simply unknown.
    let (status, body) = send(&h, Method::POST, "/iam/v1/group/a%2Fb/members/user_123").await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::NOT_FOUND, json!(40400))
    );
    let (status, _) = send(&h, Method::POST, "/iam/v1/group/grp_001/members/nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let log = h.running.emulator().request_log();
    assert!(log
        .iter()
        .any(|e| e.path == "/iam/v1/group/a%2Fb/members/user_123" && e.status == 404));
}
