use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use rosterkit_emulator::SPOTNANA_COMPANY_ID as CO;
use serde_json::{json, Value};

use super::common::{start, Harness};

async fn post(h: &Harness, path: &str, body: Value) -> (StatusCode, Value) {
    let r = h
        .call(Method::POST, "spotnana", path)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap())
}

async fn patch(h: &Harness, group: &str, body: Value) -> (StatusCode, Value) {
    let path = format!("/v3/companies/{CO}/user-groups/{group}/members");
    let r = h
        .call(Method::PATCH, "spotnana", &path)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status(), r.json().await.unwrap())
}

async fn all_groups(h: &Harness) -> Vec<Value> {
    let (_, body) = post(
        h,
        &format!("/v3/companies/{CO}/user-groups/list"),
        json!({"pagination": {"offset": 0, "limit": 1000}}),
    )
    .await;
    body["userGroups"].as_array().unwrap().clone()
}

async fn members(h: &Harness, group: &str) -> HashSet<String> {
    let (_, body) = post(
        h,
        &format!("/v3/companies/{CO}/user-groups/{group}/members"),
        json!({"pagination": {"offset": 0, "limit": 1000}}),
    )
    .await;
    body["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["userId"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn happy_path_list_get_roles_patch_and_verify() {
    let h = start().await;
    let (status, body) = post(
        &h,
        &format!("/v3/companies/{CO}/user-groups/list"),
        json!({"pagination": {"offset": 0, "limit": 5}, "sortParams": [{"sortBy": "NAME", "sortOrder": "ASCENDING"}]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let groups = body["userGroups"].as_array().unwrap();
    assert_eq!(groups.len(), 5);
    assert!(body["pagination"]["totalNumResults"].as_u64().unwrap() >= 20);
    assert_eq!(body["pagination"]["limit"], 5);
    let names: Vec<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);

    let all = all_groups(&h).await;
    let admins = all.iter().find(|g| g["name"] == "Company Admins").unwrap();
    assert_eq!(admins["isUnmodifiable"], true);
    let gid = admins["id"].as_str().unwrap().to_owned();

    let r = h
        .call(
            Method::GET,
            "spotnana",
            &format!("/v3/companies/{CO}/user-groups/{gid}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let group: Value = r.json().await.unwrap();
    for key in [
        "id",
        "name",
        "description",
        "companyId",
        "isUnmodifiable",
        "createdAt",
        "updatedAt",
    ] {
        assert!(!group[key].is_null(), "{key}");
    }
    assert!(group["createdBy"]["id"].is_string());
    assert!(group["updatedBy"]["id"].is_string());
    assert_eq!(group["companyId"], CO);

    // Optional pagination: an empty body is fine.
    let r = h
        .call(
            Method::POST,
            "spotnana",
            &format!("/v3/companies/{CO}/user-groups/{gid}/roles"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let roles: Value = r.json().await.unwrap();
    let role = &roles["roles"][0];
    assert!(role["isPlatformRole"].is_boolean());
    assert!(role["permissions"].is_array());
    assert_eq!(role["scope"], json!({"type": "COMPANY", "companyId": CO}));

    // Add someone to the unmodifiable group: membership may still change.
    let before = members(&h, &gid).await;
    let everyone = members(
        &h,
        all.iter().find(|g| g["name"] == "All Travelers").unwrap()["id"]
            .as_str()
            .unwrap(),
    )
    .await;
    let newcomer = everyone
        .iter()
        .find(|u| !before.contains(*u))
        .unwrap()
        .clone();
    let (status, body) = patch(&h, &gid, json!({"userIdsToAdd": [newcomer]})).await;
    assert_eq!((status, body), (StatusCode::OK, json!({})));
    assert!(members(&h, &gid).await.contains(&newcomer));

    let (status, body) = post(&h, &format!("/v3/users/{newcomer}/user-groups"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["userGroups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == gid));

    // Its metadata, however, is fixed.
    let r = h
        .call(
            Method::PUT,
            "spotnana",
            &format!("/v3/companies/{CO}/user-groups/{gid}"),
        )
        .json(&json!({"name": "Renamed"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errorMessages"][0]["errorCode"],
        "GROUP_UNMODIFIABLE"
    );
}

#[tokio::test]
async fn paging_totals_over_a_large_group() {
    let h = start().await;
    let all = all_groups(&h).await;
    let big = all.iter().find(|g| g["name"] == "All Travelers").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/v3/companies/{CO}/user-groups/{big}/members");
    let mut seen = HashSet::new();
    let mut offset = 0;
    let total = loop {
        let (_, body) = post(
            &h,
            &path,
            json!({"pagination": {"offset": offset, "limit": 100}}),
        )
        .await;
        let total = body["pagination"]["totalNumResults"].as_u64().unwrap() as usize;
        let page = body["members"].as_array().unwrap();
        for m in page {
            assert!(m["addedAt"].is_string());
            assert!(seen.insert(m["userId"].as_str().unwrap().to_owned()));
        }
        offset += 100;
        if offset >= total {
            break total;
        }
    };
    assert!(total >= 250);
    assert_eq!(seen.len(), total);

    let (status, body) = post(
        &h,
        &path,
        json!({"pagination": {"offset": 0, "limit": 1001}}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errorMessages"][0]["errorCode"], "INVALID_REQUEST");
    let (status, _) = post(
        &h,
        &format!("/v3/companies/{CO}/user-groups/list"),
        json!({"searchText": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "pagination is required");
}

#[tokio::test]
async fn patch_is_atomic() {
    let h = start().await;
    let all = all_groups(&h).await;
    let gid = all[10]["id"].as_str().unwrap().to_owned();
    let everyone = members(
        &h,
        all.iter().find(|g| g["name"] == "All Travelers").unwrap()["id"]
            .as_str()
            .unwrap(),
    )
    .await;
    let before = members(&h, &gid).await;
    let newcomer = everyone
        .iter()
        .find(|u| !before.contains(*u))
        .unwrap()
        .clone();
    let leaver = before.iter().next().unwrap().clone();

    let (status, body) = patch(
        &h,
        &gid,
        json!({"userIdsToAdd": [newcomer, "00000000-dead-beef-0000-000000000000"], "userIdsToRemove": [leaver]}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errorMessages"][0]["errorCode"], "USER_NOT_FOUND");
    assert_eq!(members(&h, &gid).await, before, "nothing applied");

    let (status, body) = patch(&h, &gid, json!({"userIdsToAdd": [], "userIdsToRemove": []})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errorMessages"][0]["errorCode"], "INVALID_REQUEST");

    let (status, _) = patch(
        &h,
        &gid,
        json!({"userIdsToAdd": [newcomer], "userIdsToRemove": [leaver]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let after = members(&h, &gid).await;
    assert!(after.contains(&newcomer) && !after.contains(&leaver));

    let (status, body) = patch(&h, "no-such-group", json!({"userIdsToAdd": [newcomer]})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body["errorMessages"][0]["errorCode"],
        "USER_GROUP_NOT_FOUND"
    );
}
