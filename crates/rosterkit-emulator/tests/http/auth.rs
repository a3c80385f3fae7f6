use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::common::{auth, start};

/// A cheap read endpoint per vendor.
const PROBES: [(&str, &str); 5] = [
    ("ssw", "/iam/v1/organization/members"),
    ("spotnana", "/v3/users/x/user-groups"),
    ("b2core", "/api/v2/groups"),
    ("polaris", "/v1/groups"),
    ("alteryx", "/v3/usergroups"),
];

fn assert_error_shape(provider: &str, body: &Value) {
    match provider {
        "ssw" => assert_eq!(body["code"], 40100, "{body}"),
        "spotnana" => {
            assert_eq!(
                body["errorMessages"][0]["errorCode"], "UNAUTHORIZED",
                "{body}"
            );
            assert!(body["debugIdentifier"]
                .as_str()
                .is_some_and(|s| !s.is_empty()));
        }
        "b2core" => assert_eq!(body["code"], "unauthorized", "{body}"),
        "polaris" => assert_eq!(body["error"], "Unauthorized", "{body}"),
        "alteryx" => assert!(body["message"].is_string(), "{body}"),
        _ => unreachable!(),
    }
}

#[tokio::test]
async fn missing_or_wrong_credentials_get_401_in_vendor_shape() {
    let h = start().await;
    for (provider, path) in PROBES {
        let method = if provider == "spotnana" {
            Method::POST
        } else {
            Method::GET
        };
        let url = h.url(provider, path);

        let missing = h.client.request(method.clone(), &url).send().await.unwrap();
        assert_eq!(missing.status(), StatusCode::UNAUTHORIZED, "{provider}");
        assert_error_shape(provider, &missing.json().await.unwrap());

        let wrong = h
            .client
            .request(method.clone(), &url)
            .header("Authorization", "Bearer not-the-token")
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED, "{provider}");
        assert_error_shape(provider, &wrong.json().await.unwrap());
    }
}

#[tokio::test]
async fn polaris_wants_basic_and_others_bearer() {
    let h = start().await;
    let bearer_key = h
        .client
        .get(h.url("polaris", "/v1/groups"))
        .header("Authorization", "Bearer polaris-demo-api-key")
        .send()
        .await
        .unwrap();
    assert_eq!(bearer_key.status(), StatusCode::UNAUTHORIZED);
    let ok = h
        .client
        .get(h.url("polaris", "/v1/groups"))
        .header("Authorization", auth("polaris"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    // Another vendor's valid token is still wrong here.
    let crossed = h
        .client
        .get(h.url("b2core", "/api/v2/groups"))
        .header("Authorization", auth("ssw"))
        .send()
        .await
        .unwrap();
    assert_eq!(crossed.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_endpoints_answer_in_vendor_shape() {
    let h = start().await;
    let r = h
        .call(Method::GET, "b2core", "/api/v9/nothing")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    // SSW cannot create groups: there is no such route.
    let r = h
        .call(Method::POST, "ssw", "/iam/v1/group")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], 40500);
}
