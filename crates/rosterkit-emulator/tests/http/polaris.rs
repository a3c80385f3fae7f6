use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::common::start;

const VIEWER: &str = "d919f276-7857-4b59-a616-0c2540fb4ad1";
const ALEX: &str = "d88d4e47-d6ed-4820-880e-c0564ce99752";
const ALEXA: &str = "48b08425-7393-4730-bb7d-736e69ef1d92";
const P1: &str = "projects/45c024f4-1254-4b58-8207-4111d2f80669";
const P2: &str = "projects/5c9116aa-91ae-41f3-b484-8e45300c961a";

#[tokio::test]
async fn documented_walkthrough() {
    let h = start().await;

    let perms: Value = h
        .call(Method::GET, "polaris", "/v1/permissions")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let perms = perms["values"].as_array().unwrap();
    assert_eq!(perms.len(), 39);
    assert_eq!(
        perms[0],
        json!({"name": "ManageDashboards", "resources": ["projects/*"]})
    );
    assert_eq!(perms[5], json!({"name": "AdministerProjects"}));

    let groups: Value = h
        .call(Method::GET, "polaris", "/v1/groups")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let viewer = groups["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == VIEWER)
        .unwrap()
        .clone();
    assert_eq!(viewer["readOnly"], true);
    assert_eq!(viewer["userCount"], 18);
    assert_eq!(
        viewer["permissions"][0],
        json!({"name": "ViewTables", "resources": ["projects/*"]})
    );

    let projects: Value = h
        .call(Method::GET, "polaris", "/v1/projects")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(projects["values"].as_array().unwrap().len(), 2);

    // Create the custom group from the walkthrough.
    let r = h
        .call(Method::POST, "polaris", "/v1/groups")
        .json(&json!({
            "name": "Alerts and reports",
            "permissions": [
                {"name": "AdministerReports", "resources": [P1, P2]},
                {"name": "AdministerAlerts", "resources": [P1, P2]}
            ]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let group: Value = r.json().await.unwrap();
    assert_eq!(group["readOnly"], false);
    assert_eq!(group["userCount"], 0);
    let gid = group["id"].as_str().unwrap().to_owned();
    assert_eq!(gid.len(), 36);

    // Create Dani with that group.
    let r = h
        .call(Method::POST, "polaris", "/v1/users")
        .json(&json!({"username": "dani.lee@example.io", "firstName": "Dani", "lastName": "Lee", "groups": [{"id": gid}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let dani: Value = r.json().await.unwrap();
    assert_eq!(dani["email"], "dani.lee@example.io");
    assert_eq!(dani["enabled"], true);
    assert_eq!(dani["emailVerified"], false);
    assert_eq!(
        dani["groups"],
        json!([{"id": gid, "name": "Alerts and reports"}])
    );
    assert_eq!(dani["actions"], json!(["VERIFY_EMAIL", "UPDATE_PASSWORD"]));
    assert!(dani["createdOn"].as_str().unwrap().ends_with('Z'));
    let dani_id = dani["id"].as_str().unwrap().to_owned();

    let r = h
        .call(Method::POST, "polaris", "/v1/users")
        .json(&json!({"username": "dani.lee@example.io"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "Conflict");

    // Full replacement adds Viewer, keeps both names.
    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/users/{dani_id}"))
        .json(&json!({
            "username": "dani.lee@example.io", "email": "dani.lee@example.io",
            "firstName": "Dani", "lastName": "Lee", "enabled": true,
            "groups": [{"id": gid}, {"id": VIEWER}]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let replaced: Value = r.json().await.unwrap();
    assert_eq!(replaced["groups"].as_array().unwrap().len(), 2);

    let eff: Value = h
        .call(
            Method::GET,
            "polaris",
            &format!("/v1/users/{dani_id}/effectivepermissions"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let eff = eff["values"].as_array().unwrap();
    assert!(eff.contains(&json!({"name": "AdministerAlerts", "resources": [P1, P2]})));
    assert!(eff.contains(&json!({"name": "ViewTables", "resources": ["projects/*"]})));

    // Add the two documented users, then list members.
    let r = h
        .call(
            Method::POST,
            "polaris",
            &format!("/v1/groups/{gid}/members"),
        )
        .json(&json!([{"id": ALEX}, {"id": ALEXA}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.bytes().await.unwrap().is_empty());
    let members: Value = h
        .call(Method::GET, "polaris", &format!("/v1/groups/{gid}/members"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(members["count"], 3);
    assert!(members["values"].as_array().unwrap().contains(&json!({
        "id": ALEX, "username": "alex.smith@email.com", "email": "alex.smith@email.com",
        "firstName": "Alex", "lastName": "Smith"
    })));
}

#[tokio::test]
async fn put_is_a_full_replacement() {
    let h = start().await;
    let r = h
        .call(Method::POST, "polaris", "/v1/users")
        .json(&json!({"username": "sam.ortiz@example.io", "firstName": "Sam", "lastName": "Ortiz", "groups": [{"id": VIEWER}]}))
        .send()
        .await
        .unwrap();
    let id = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/users/{id}"))
        .json(&json!({"username": "sam.ortiz@example.io", "lastName": "Ortiz"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let user: Value = r.json().await.unwrap();
    assert!(
        user.get("firstName").is_none(),
        "unsent firstName is cleared: {user}"
    );
    assert_eq!(user["lastName"], "Ortiz");
    assert_eq!(user["groups"], json!([]));

    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/users/{id}"))
        .json(&json!({"username": "someone@example.io"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "BadRequest");

    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/users/{id}"))
        .json(&json!({"groups": [{"id": "no-such-group"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let r = h
        .call(Method::DELETE, "polaris", &format!("/v1/users/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = h
        .call(Method::GET, "polaris", &format!("/v1/users/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "NotFound");
}

#[tokio::test]
async fn groups_and_members_edge_cases() {
    let h = start().await;
    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/groups/{VIEWER}"))
        .json(&json!({"name": "Viewers", "permissions": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::BAD_REQUEST,
        "predefined groups are read-only"
    );
    let r = h
        .call(Method::DELETE, "polaris", &format!("/v1/groups/{VIEWER}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let r = h
        .call(Method::POST, "polaris", "/v1/groups")
        .json(&json!({"name": "Ops", "permissions": [{"name": "NotAPermission"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let r = h
        .call(Method::POST, "polaris", "/v1/groups")
        .json(&json!({"name": "Ops", "permissions": [{"name": "AdministerUsers"}]}))
        .send()
        .await
        .unwrap();
    let gid = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = h
        .call(
            Method::POST,
            "polaris",
            &format!("/v1/groups/{gid}/members"),
        )
        .json(&json!([{"id": ALEX}, {"id": "missing"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let g: Value = h
        .call(Method::GET, "polaris", &format!("/v1/groups/{gid}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(g["userCount"], 0, "nothing applied");

    let r = h
        .call(Method::PUT, "polaris", &format!("/v1/groups/{gid}"))
        .json(&json!({"name": "Operations", "permissions": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["permissions"], json!([]));
    let r = h
        .call(Method::DELETE, "polaris", &format!("/v1/groups/{gid}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}
