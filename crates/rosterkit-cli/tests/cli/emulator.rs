//! `rosterkit emulator --port 0`: prints the listening line, then serves.

use super::common::{rosterkit, run};
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emulator_command_listens_and_answers() {
    let mut child = rosterkit()
        .args(["emulator", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn emulator");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let first = lines
        .next_line()
        .await
        .expect("read")
        .expect("a first line");
    let root = first
        .strip_prefix("listening on http://127.0.0.1:")
        .map(|port| format!("http://127.0.0.1:{port}"))
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    let port: u16 = root
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .expect("a port number");
    assert_ne!(port, 0, "the real port is printed");
    // The next lines name each vendor's base URL and demo token.
    let mut rest = Vec::new();
    for _ in 0..5 {
        rest.push(lines.next_line().await.expect("read").expect("line"));
    }
    assert!(
        rest.iter()
            .any(|l| l.contains(&format!("{root}/alteryx/webapi"))
                && l.contains("alteryx-demo-token"))
    );

    // It answers: list B2Core groups through the CLI itself.
    let r = run(
        &[
            "--provider",
            "b2core",
            "--base-url",
            &format!("{root}/b2core"),
            "--output",
            "json",
            "groups",
            "list",
        ],
        Some("b2core-demo-token"),
    )
    .await;
    let groups = r.ok_json();
    assert!(groups
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["name"] == "Administrators"));

    child.kill().await.expect("kill the emulator");
}
