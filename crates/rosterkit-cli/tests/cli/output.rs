//! Output formats, `users list`, raw endpoint calls and profiles.

use super::common::{temp_path, Served};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_and_table_output() {
    let served = Served::start().await;
    let r = served
        .admin("b2core", &["--output", "csv", "groups", "list"])
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut lines = r.stdout.lines();
    assert_eq!(lines.next(), Some("id,name,permissions,read_only"));
    assert_eq!(
        lines.next(),
        Some("1,Administrators,accounts.create; accounts.read,false")
    );
    assert!(r.stdout.ends_with("\r\n"));
    assert_eq!(r.stdout.lines().count(), 27, "a header and 26 groups");

    let r = served
        .admin("ssw", &["--output", "csv", "members", "list", "grp_001"])
        .await;
    assert!(r.stdout.starts_with("user_id,email"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\r\nuser_123,user@example.com"),
        "{}",
        r.stdout
    );

    let r = served
        .admin(
            "alteryx",
            &[
                "--output",
                "table",
                "groups",
                "get",
                "61d58ac83c15317e1a482069",
            ],
        )
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Sales Analytics") && r.stdout.contains("Artisan"),
        "{}",
        r.stdout
    );

    // Not a terminal: JSON by default.
    let r = served.admin("b2core", &["groups", "get", "1"]).await;
    assert_eq!(r.ok_json()["name"], "Administrators");
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_list_and_raw_call() {
    let served = Served::start().await;
    let users = served
        .admin("ssw", &["--output", "json", "users", "list"])
        .await
        .ok_json();
    assert!(users
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["id"] == "user_123" && u["email"] == "user@example.com"));
    assert!(users.as_array().unwrap().len() > 100, "every page was read");

    // The provider is implied by the endpoint id.
    let mut args: Vec<String> = vec!["--base-url".into(), served.running.base_url("polaris")];
    args.extend(
        [
            "--output",
            "json",
            "call",
            "polaris.get_user",
            "--input",
            r#"{"user_id":"d88d4e47-d6ed-4820-880e-c0564ce99752"}"#,
        ]
        .map(String::from),
    );
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let user = super::common::run(&refs, Some("polaris-demo-api-key"))
        .await
        .ok_json();
    assert_eq!(user["username"], "alex.smith@email.com");
    assert_eq!(user["firstName"], "Alex");

    // --all-pages follows SSW's page numbers.
    let all = served
        .admin(
            "ssw",
            &[
                "--output",
                "json",
                "call",
                "ssw.list_members",
                "--input",
                r#"{"page_size": 50}"#,
                "--all-pages",
            ],
        )
        .await
        .ok_json();
    assert_eq!(
        all.as_array().unwrap().len(),
        users.as_array().unwrap().len()
    );
    served.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_file_with_token_env() {
    let served = Served::start().await;
    let file = temp_path("profiles.toml");
    std::fs::write(
        &file,
        format!(
            "[demo]\nprovider = \"ssw\"\nbase_url = \"{}\"\ntenant_id = \"org_demo\"\ntoken_env = \"MY_SSW_TOKEN\"\n",
            served.running.base_url("ssw")
        ),
    )
    .unwrap();
    let out = super::common::rosterkit()
        .args(["--profile", "demo", "--output", "json", "groups", "list"])
        .env("ROSTERKIT_PROFILES", &file)
        .env("MY_SSW_TOKEN", "ssw-demo-token")
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let groups: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(groups
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == "grp_001"));

    // The variable is missing: a usage error that names it.
    let out = super::common::rosterkit()
        .args(["--profile", "demo", "groups", "list"])
        .env("ROSTERKIT_PROFILES", &file)
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MY_SSW_TOKEN"));
    let _ = std::fs::remove_file(&file);
    served.shutdown().await;
}
