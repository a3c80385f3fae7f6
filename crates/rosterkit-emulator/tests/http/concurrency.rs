use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use rosterkit_emulator::SPOTNANA_COMPANY_ID as CO;
use serde_json::{json, Value};

use super::common::start;

/// 32 tasks add and remove members at once; the final membership must be
/// exactly what the operations imply, with no update lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_membership_updates_are_not_lost() {
    let h = std::sync::Arc::new(start().await);

    // SSW: 24 tasks each add one outsider while 8 tasks each remove a member.
    let (_, org) = {
        let r = h
            .call(
                Method::GET,
                "ssw",
                "/iam/v1/organization/members?page_size=1000",
            )
            .send()
            .await
            .unwrap();
        (r.status(), r.json::<Value>().await.unwrap())
    };
    let group = "grp_010";
    let r = h
        .call(
            Method::GET,
            "ssw",
            &format!("/iam/v1/group/members?group_id={group}&page_size=1000"),
        )
        .send()
        .await
        .unwrap();
    let initial: HashSet<String> = r.json::<Value>().await.unwrap()["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .collect();
    let outsiders: Vec<String> = org["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .filter(|u| !initial.contains(u))
        .take(24)
        .collect();
    let leavers: Vec<String> = initial.iter().take(8).cloned().collect();
    assert_eq!((outsiders.len(), leavers.len()), (24, 8));

    let mut tasks = Vec::new();
    for user in &outsiders {
        let h = h.clone();
        let path = format!("/iam/v1/group/{group}/members/{user}");
        tasks.push(tokio::spawn(async move {
            let r = h.call(Method::POST, "ssw", &path).send().await.unwrap();
            assert_eq!(r.json::<Value>().await.unwrap()["code"], 0);
        }));
    }
    for user in &leavers {
        let h = h.clone();
        let path = format!("/iam/v1/group/{group}/members/{user}");
        tasks.push(tokio::spawn(async move {
            let r = h.call(Method::DELETE, "ssw", &path).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
        }));
    }
    assert_eq!(tasks.len(), 32);
    for t in tasks {
        t.await.unwrap();
    }
    let r = h
        .call(
            Method::GET,
            "ssw",
            &format!("/iam/v1/group/members?group_id={group}&page_size=1000"),
        )
        .send()
        .await
        .unwrap();
    let after: HashSet<String> = r.json::<Value>().await.unwrap()["data"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .collect();
    let mut expected = initial.clone();
    expected.extend(outsiders);
    for l in &leavers {
        expected.remove(l);
    }
    assert_eq!(after, expected);
}

/// Spotnana PATCHes from 32 tasks, each adding one user, all land.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_spotnana_patches_all_land() {
    let h = std::sync::Arc::new(start().await);
    let list: Value = h
        .call(
            Method::POST,
            "spotnana",
            &format!("/v3/companies/{CO}/user-groups/list"),
        )
        .json(&json!({"pagination": {"offset": 0, "limit": 100}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let groups = list["userGroups"].as_array().unwrap();
    let everyone_id = groups
        .iter()
        .find(|g| g["name"] == "All Travelers")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let target = groups
        .iter()
        .find(|g| g["name"] == "Travel Managers")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let members = |gid: String| {
        let h = h.clone();
        async move {
            let body: Value = h
                .call(
                    Method::POST,
                    "spotnana",
                    &format!("/v3/companies/{CO}/user-groups/{gid}/members"),
                )
                .json(&json!({"pagination": {"offset": 0, "limit": 1000}}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            body["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["userId"].as_str().unwrap().to_owned())
                .collect::<HashSet<String>>()
        }
    };
    let before = members(target.clone()).await;
    let newcomers: Vec<String> = members(everyone_id)
        .await
        .into_iter()
        .filter(|u| !before.contains(u))
        .take(32)
        .collect();
    let tasks: Vec<_> = newcomers
        .iter()
        .cloned()
        .map(|user| {
            let h = h.clone();
            let target = target.clone();
            tokio::spawn(async move {
                let r = h
                    .call(
                        Method::PATCH,
                        "spotnana",
                        &format!("/v3/companies/{CO}/user-groups/{target}/members"),
                    )
                    .json(&json!({"userIdsToAdd": [user]}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::OK);
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let after = members(target).await;
    assert_eq!(after.len(), before.len() + 32);
    assert!(newcomers.iter().all(|u| after.contains(u)));
}
