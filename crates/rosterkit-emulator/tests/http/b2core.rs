use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::common::start;

#[tokio::test]
async fn crud_round_trip() {
    let h = start().await;
    let r = h
        .call(Method::GET, "b2core", "/api/v2/groups?limit=10&offset=0")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let list: Value = r.json().await.unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 10);
    assert_eq!(
        list[0],
        json!({"id": 1, "name": "Administrators", "permissions": ["accounts.create", "accounts.read"]})
    );

    let r = h
        .call(Method::POST, "b2core", "/api/v2/groups")
        .json(&json!({"name": "Dealers", "permissions": ["trading.accounts.read"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let created: Value = r.json().await.unwrap();
    let id = created["id"].as_u64().expect("integer id");
    assert_eq!(created["permissions"], json!(["trading.accounts.read"]));

    let r = h
        .call(Method::PATCH, "b2core", &format!("/api/v2/groups/{id}"))
        .json(&json!({"permissions": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"id": id, "name": "Dealers", "permissions": []})
    );

    let r = h
        .call(Method::PUT, "b2core", &format!("/api/v2/groups/{id}"))
        .json(&json!({"name": "Dealing Desk 2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["name"], "Dealing Desk 2");

    let r = h
        .call(Method::DELETE, "b2core", &format!("/api/v2/groups/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(r.bytes().await.unwrap().is_empty(), "204 carries no body");

    let r = h
        .call(Method::GET, "b2core", &format!("/api/v2/groups/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "not_found");
}

#[tokio::test]
async fn validation() {
    let h = start().await;
    for body in [
        json!({"name": "x"}),
        json!({"permissions": []}),
        json!({"name": "x", "permissions": ["a", "a"]}),
    ] {
        let r = h
            .call(Method::POST, "b2core", "/api/v2/groups")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(r.json::<Value>().await.unwrap()["code"], "validation_error");
    }
    // Case matters, so these two are distinct.
    let r = h
        .call(Method::POST, "b2core", "/api/v2/groups")
        .json(&json!({"name": "x", "permissions": ["a", "A"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    for q in ["limit=0", "limit=1001", "limit=ten"] {
        let r = h
            .call(Method::GET, "b2core", &format!("/api/v2/groups?{q}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{q}");
    }
    let r = h
        .call(Method::GET, "b2core", "/api/v2/groups/abc")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
