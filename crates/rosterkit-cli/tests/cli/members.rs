//! `members` commands: add, remove, approve/reject and sync, for each
//! provider with membership endpoints.

use super::common::{temp_path, Served};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_add_and_remove_for_each_provider() {
    let served = Served::start().await;
    let spotnana_group = served
        .admin("spotnana", &["--output", "json", "groups", "list"])
        .await
        .ok_json()
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Travel Managers")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let spotnana_all = served
        .admin("spotnana", &["--output", "json", "groups", "list"])
        .await
        .ok_json()
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "All Travelers")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let team = served.member_ids("spotnana", &spotnana_group).await;
    let spotnana_user = served
        .member_ids("spotnana", &spotnana_all)
        .await
        .into_iter()
        .find(|u| !team.contains(u))
        .unwrap();

    let cases: Vec<(&str, String, String)> = vec![
        ("ssw", "grp_001".into(), "user_1001".into()),
        ("spotnana", spotnana_group.clone(), spotnana_user),
        (
            "polaris",
            "d919f276-7857-4b59-a616-0c2540fb4ad1".into(),
            "48b08425-7393-4730-bb7d-736e69ef1d92".into(),
        ),
        (
            "alteryx",
            "61d58ac83c15317e1a482069".into(),
            "070d4c5fd629597a463904ee".into(),
        ),
    ];
    for (provider, group, user) in &cases {
        let before = served.member_ids(provider, group).await;
        assert!(
            !before.contains(user),
            "{provider}: {user} already a member"
        );
        let added = served
            .admin(
                provider,
                &["--output", "json", "members", "add", group, user],
            )
            .await
            .ok_json();
        assert_eq!(added["failed"], 0, "{provider}: {added}");
        assert!(
            served.member_ids(provider, group).await.contains(user),
            "{provider}: not added"
        );
        let removed = served
            .admin(
                provider,
                &["--output", "json", "members", "remove", group, user],
            )
            .await
            .ok_json();
        assert_eq!(removed["failed"], 0, "{provider}: {removed}");
        assert_eq!(
            served.member_ids(provider, group).await,
            before,
            "{provider}: not removed"
        );
    }
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ssw_join_requests_are_approved_or_rejected() {
    let served = Served::start().await;
    let groups = served
        .admin("ssw", &["--output", "json", "groups", "list"])
        .await
        .ok_json();
    let contractors = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Contractors")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = served.member_ids("ssw", &contractors).await;
    for (user, verdict) in [("user_123", "approve"), ("user_1001", "reject")] {
        assert!(!before.contains(&user.to_owned()));
        let added = served
            .admin(
                "ssw",
                &["--output", "json", "members", "add", &contractors, user],
            )
            .await
            .ok_json();
        assert_eq!(
            added["outcomes"][0]["status"], "pending_approval",
            "{added}"
        );
        assert_eq!(added["pending"], 1, "{added}");
        assert!(
            !served
                .member_ids("ssw", &contractors)
                .await
                .contains(&user.to_owned()),
            "pending, not a member yet"
        );
        served
            .admin(
                "ssw",
                &["--output", "json", "members", verdict, &contractors, user],
            )
            .await
            .ok_json();
        let now = served.member_ids("ssw", &contractors).await;
        assert_eq!(
            now.contains(&user.to_owned()),
            verdict == "approve",
            "{verdict}"
        );
    }
    // Nothing pending any more: approving again is the vendor's error.
    let again = served
        .admin("ssw", &["members", "approve", &contractors, "user_1001"])
        .await;
    assert_eq!(again.code, 1, "{}", again.stderr);
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_sync_dry_run_then_real() {
    let served = Served::start().await;
    for (provider, group) in [
        ("ssw", "grp_001"),
        ("alteryx", "61d58ac83c15317e1a482069"),
        ("polaris", "d919f276-7857-4b59-a616-0c2540fb4ad1"),
    ] {
        let current = served.member_ids(provider, group).await;
        let newcomer = match provider {
            "ssw" => "user_1001",
            "alteryx" => "070d4c5fd629597a463904ee",
            _ => "48b08425-7393-4730-bb7d-736e69ef1d92",
        };
        assert!(!current.contains(&newcomer.to_owned()));
        // Keep all but the first member, add one: a text file with comments.
        let mut text = String::from("# desired members\n\n");
        for id in &current[1..] {
            text.push_str(&format!("{id}   # kept\n"));
        }
        text.push_str(newcomer);
        text.push('\n');
        let file = temp_path("desired.txt");
        std::fs::write(&file, text).unwrap();
        let file_arg = file.to_str().unwrap();

        let plan = served
            .admin(
                provider,
                &[
                    "--output",
                    "json",
                    "members",
                    "sync",
                    group,
                    "--file",
                    file_arg,
                    "--mode",
                    "authoritative",
                    "--dry-run",
                ],
            )
            .await
            .ok_json();
        assert_eq!(plan["applied"], false);
        let plan = &plan["plan"];
        assert_eq!(
            plan["to_add"],
            serde_json::json!([newcomer]),
            "{provider}: {plan}"
        );
        assert_eq!(
            plan["to_remove"],
            serde_json::json!([current[0]]),
            "{provider}: {plan}"
        );
        assert!(plan["call_count"].as_u64().unwrap() >= 2);
        assert_eq!(
            served.member_ids(provider, group).await,
            current,
            "{provider}: the dry run changed members"
        );

        let applied = served
            .admin(
                provider,
                &[
                    "--output",
                    "json",
                    "members",
                    "sync",
                    group,
                    "--file",
                    file_arg,
                    "--mode",
                    "authoritative",
                ],
            )
            .await;
        // Not a terminal and no --yes: the plan is shown, nothing applied.
        assert_eq!(applied.code, 4, "{}", applied.stderr);
        assert!(applied.stderr.contains("--yes"), "{}", applied.stderr);
        assert_eq!(
            served.member_ids(provider, group).await,
            current,
            "{provider}"
        );
        let applied = served
            .admin(
                provider,
                &[
                    "--output",
                    "json",
                    "members",
                    "sync",
                    group,
                    "--file",
                    file_arg,
                    "--mode",
                    "authoritative",
                    "--yes",
                ],
            )
            .await
            .ok_json();
        assert_eq!(applied["applied"], true);
        assert_eq!(applied["failed"], 0, "{provider}: {applied}");
        assert_eq!(applied["added"], 1, "{provider}: {applied}");
        assert_eq!(applied["removed"], 1, "{provider}: {applied}");
        let mut want: Vec<String> = current[1..].to_vec();
        want.push(newcomer.to_owned());
        want.sort();
        assert_eq!(served.member_ids(provider, group).await, want, "{provider}");

        // Synced already: a second run plans nothing.
        let again = served
            .admin(
                provider,
                &[
                    "--output",
                    "json",
                    "members",
                    "sync",
                    group,
                    "--file",
                    file_arg,
                    "--mode",
                    "authoritative",
                    "--dry-run",
                ],
            )
            .await
            .ok_json();
        assert_eq!(again["plan"]["call_count"], 0);
        let _ = std::fs::remove_file(&file);
    }
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_reads_a_json_array_file() {
    let served = Served::start().await;
    let file = temp_path("desired.json");
    std::fs::write(&file, r#"["61d564361d6d5da7ad461a32"]"#).unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "--output",
            "json",
            "members",
            "sync",
            "61d58ac83c15317e1a482069",
            "--file",
            file.to_str().unwrap(),
            "--mode",
            "authoritative",
            "--yes",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    // Keeping one of four members removes three: a mass removal, refused.
    let refused = served
        .admin(
            "alteryx",
            &args(&[]).iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    assert_eq!(refused.err_json()["error"]["guard"], "mass_removal");
    let out = served
        .admin(
            "alteryx",
            &args(&["--allow-mass-removal"])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
        .await
        .ok_json();
    assert_eq!(out["failed"], 0);
    assert_eq!(
        served
            .member_ids("alteryx", "61d58ac83c15317e1a482069")
            .await,
        vec!["61d564361d6d5da7ad461a32"]
    );
    let _ = std::fs::remove_file(&file);
    served.shutdown().await;
}

/// A 200 that did not add one of the users (Alteryx `failedUserReasons`) is a
/// partial failure: exit 3, and the report names the user and the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alteryx_user_a_200_did_not_add_is_reported_and_fails_the_exit_code() {
    let served = Served::start().await;
    let group = "61d58ac83c15317e1a482069";
    let known = "070d4c5fd629597a463904ee";
    let unknown = "000000000000000000000000";
    let ran = served
        .admin(
            "alteryx",
            &["--output", "json", "members", "add", group, known, unknown],
        )
        .await;
    assert_eq!(ran.code, 3, "partial failure: {}", ran.stderr);
    let report = ran.json();
    assert_eq!(report["failed"], 1, "{report}");
    assert_eq!(report["added"], 1, "{report}");
    let failed: Vec<&serde_json::Value> = report["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["user_id"], unknown);
    assert_eq!(failed[0]["error"]["vendor_code"], "failedUserReasons");

    let table = served
        .admin(
            "alteryx",
            &["--output", "table", "members", "add", group, unknown],
        )
        .await;
    assert_ne!(table.code, 0);
    assert!(table.stdout.contains(unknown), "{}", table.stdout);
    served.shutdown().await;
}
