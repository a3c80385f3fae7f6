//! `groups` commands against an in-process emulator, for each provider.

use super::common::Served;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_list_json_for_each_provider() {
    let served = Served::start().await;
    for (provider, expected_id, expected_name) in [
        ("ssw", "grp_001", "IT Admins"),
        ("b2core", "1", "Administrators"),
        ("polaris", "d919f276-7857-4b59-a616-0c2540fb4ad1", "Viewer"),
        ("alteryx", "61d58ac83c15317e1a482069", "Sales Analytics"),
    ] {
        let groups = served
            .admin(provider, &["--output", "json", "groups", "list"])
            .await
            .ok_json();
        let groups = groups.as_array().expect("an array");
        assert!(
            groups
                .iter()
                .any(|g| g["id"] == expected_id && g["name"] == expected_name),
            "{provider}: {groups:?}"
        );
    }
    let spotnana = served
        .admin("spotnana", &["--output", "json", "groups", "list"])
        .await
        .ok_json();
    assert!(spotnana
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["name"] == "Company Admins" && g["read_only"] == true));
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_create_update_get_delete() {
    let served = Served::start().await;
    let created = served
        .admin(
            "b2core",
            &[
                "--output",
                "json",
                "groups",
                "create",
                "--name",
                "Ops",
                "--permission",
                "accounts.read",
                "--permission",
                "kyc.read",
            ],
        )
        .await
        .ok_json();
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(
        created["permissions"],
        serde_json::json!([{"name": "accounts.read", "resources": []}, {"name": "kyc.read", "resources": []}])
    );
    let updated = served
        .admin(
            "b2core",
            &[
                "--output",
                "json",
                "groups",
                "update",
                &id,
                "--name",
                "Operations",
            ],
        )
        .await
        .ok_json();
    assert_eq!(updated["name"], "Operations");
    let got = served
        .admin("b2core", &["--output", "json", "groups", "get", &id])
        .await
        .ok_json();
    assert_eq!(got["name"], "Operations");
    assert_eq!(got["permissions"].as_array().unwrap().len(), 2);
    // Not a terminal and no --yes: nothing is deleted.
    let unconfirmed = served
        .admin("b2core", &["--output", "json", "groups", "delete", &id])
        .await;
    assert_eq!(unconfirmed.code, 4, "{}", unconfirmed.stderr);
    assert!(
        unconfirmed.stderr.contains("--yes"),
        "{}",
        unconfirmed.stderr
    );
    let deleted = served
        .admin(
            "b2core",
            &["--output", "json", "groups", "delete", &id, "--yes"],
        )
        .await
        .ok_json();
    assert_eq!(deleted["deleted"], true);
    let gone = served
        .admin("b2core", &["--output", "json", "groups", "get", &id])
        .await;
    assert_eq!(gone.code, 6);
    assert_eq!(gone.err_json()["error"]["kind"], "not_found");

    // Polaris permissions scoped to projects; Alteryx roles and forceDelete.
    let g = served
        .admin(
            "polaris",
            &[
                "--output",
                "json",
                "groups",
                "create",
                "--name",
                "Reports",
                "--permission",
                "AdministerReports=projects/45c024f4-1254-4b58-8207-4111d2f80669",
            ],
        )
        .await
        .ok_json();
    assert_eq!(
        g["permissions"][0]["resources"][0],
        "projects/45c024f4-1254-4b58-8207-4111d2f80669"
    );
    let a = served
        .admin(
            "alteryx",
            &[
                "--output", "json", "groups", "create", "--name", "Team", "--role", "Viewer",
            ],
        )
        .await
        .ok_json();
    assert_eq!(a["role"], "Viewer");
    let aid = a["id"].as_str().unwrap().to_owned();
    served
        .admin(
            "alteryx",
            &["members", "add", &aid, "61d564361d6d5da7ad461a32"],
        )
        .await;
    let refused = served
        .admin("alteryx", &["groups", "delete", &aid, "--yes"])
        .await;
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("HTTP 400"), "{}", refused.stderr);
    let forced = served
        .admin(
            "alteryx",
            &[
                "--output", "json", "groups", "delete", &aid, "--force", "--yes",
            ],
        )
        .await;
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    served.shutdown().await;
}
