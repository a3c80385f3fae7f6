use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::common::start;

const GROUP: &str = "61d58ac83c15317e1a482069";
const USER: &str = "61d564361d6d5da7ad461a32";

#[tokio::test]
async fn happy_path_with_form_bodies() {
    let h = start().await;
    let r = h
        .call(Method::POST, "alteryx", "/v3/usergroups")
        .form(&[("name", "Accounting"), ("role", "Artisan")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    // A real server answers the new id as a bare JSON string.
    let id: String = r.json().await.unwrap();
    assert_eq!(id.len(), 24);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let group: Value = h
        .call(Method::GET, "alteryx", &format!("/v3/usergroups/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(group["role"], "Artisan");
    assert_eq!(group["members"], json!([]));
    assert!(group["dateAdded"].is_string());

    let r = h
        .call(
            Method::POST,
            "alteryx",
            &format!("/v3/usergroups/{id}/users"),
        )
        .json(&json!([USER]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"successfullyAddedUserCount": 1, "totalUsersSubmittedCount": 1, "failedUserReasons": {}})
    );

    let got: Value = h
        .call(Method::GET, "alteryx", &format!("/v3/usergroups/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["members"][0]["userId"], USER);
    assert!(got["members"][0]["dateAddedToGroup"].is_string());

    let r = h
        .call(Method::PUT, "alteryx", &format!("/v3/usergroups/{id}"))
        .form(&[("name", "Marketing"), ("role", "Viewer")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let updated: Value = r.json().await.unwrap();
    assert_eq!(
        (updated["name"].as_str(), updated["role"].as_str()),
        (Some("Marketing"), Some("Viewer"))
    );

    let list: Value = h
        .call(Method::GET, "alteryx", "/v3/usergroups")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == GROUP)
        .unwrap();
    // `ReducedUserGroupView`: no members in the list.
    assert_eq!(first.as_object().unwrap().len(), 3, "{first}");

    // Removing twice is fine.
    for _ in 0..2 {
        let r = h
            .call(
                Method::DELETE,
                "alteryx",
                &format!("/v3/usergroups/{id}/users/{USER}"),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let r = h
        .call(
            Method::DELETE,
            "alteryx",
            "/v3/usergroups/ffffffffffffffffffffffff/users/x",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn json_bodies_and_validation() {
    let h = start().await;
    let r = h
        .call(Method::POST, "alteryx", "/v3/usergroups")
        .json(&json!({"name": "Data Stewards", "role": "Curator"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let r = h
        .call(Method::POST, "alteryx", "/v3/usergroups")
        .form(&[("name", "Bad"), ("role", "Admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.json::<Value>().await.unwrap()["message"].is_string());
    let r = h
        .call(Method::PUT, "alteryx", &format!("/v3/usergroups/{GROUP}"))
        .form(&[("name", "Only a name")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = h
        .call(
            Method::POST,
            "alteryx",
            &format!("/v3/usergroups/{GROUP}/users"),
        )
        .json(&json!(["000000000000000000000000", USER]))
        .send()
        .await
        .unwrap();
    // A partial failure inside a 200: the unknown user is named.
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["totalUsersSubmittedCount"], 2);
    assert!(body["failedUserReasons"]["000000000000000000000000"].is_string());
}

#[tokio::test]
async fn force_delete() {
    let h = start().await;
    let r = h
        .call(
            Method::DELETE,
            "alteryx",
            &format!("/v3/usergroups/{GROUP}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.json::<Value>().await.unwrap()["message"].is_string());
    let r = h
        .call(
            Method::DELETE,
            "alteryx",
            &format!("/v3/usergroups/{GROUP}?forceDelete=false"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = h
        .call(
            Method::DELETE,
            "alteryx",
            &format!("/v3/usergroups/{GROUP}?forceDelete=true"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap(), json!({}));
    let r = h
        .call(Method::GET, "alteryx", &format!("/v3/usergroups/{GROUP}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
