//! Running the binary and serving an emulator for it.

use rosterkit_emulator::{
    tokens, Emulator, RunningEmulator, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID,
};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The binary under test, with no credential or profile leaking in from
/// the environment the tests run in.
pub fn rosterkit() -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_rosterkit"));
    for var in [
        "ROSTERKIT_TOKEN",
        "ROSTERKIT_PROFILES",
        "ROSTERKIT_LOG",
        "RUST_LOG",
        "XDG_CONFIG_HOME",
    ] {
        cmd.env_remove(var);
    }
    cmd.kill_on_drop(true);
    cmd
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// stdout parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// The error JSON printed on stderr (its first JSON line), as
    /// `--output json` reports failures there and keeps stdout clean.
    pub fn err_json(&self) -> Value {
        self.stderr
            .lines()
            .find_map(|l| {
                serde_json::from_str::<Value>(l)
                    .ok()
                    .filter(Value::is_object)
            })
            .unwrap_or_else(|| panic!("no JSON error on stderr:\n{}", self.stderr))
    }

    /// Asserts success and returns stdout as JSON.
    pub fn ok_json(&self) -> Value {
        assert_eq!(
            self.code, 0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self.json()
    }
}

/// Runs `rosterkit ARGS` with `ROSTERKIT_TOKEN=token` (when given).
pub async fn run(args: &[&str], token: Option<&str>) -> Run {
    let mut cmd = rosterkit();
    cmd.args(args);
    if let Some(t) = token {
        cmd.env("ROSTERKIT_TOKEN", t);
    }
    Run::from(cmd.output().await.expect("run rosterkit"))
}

/// An emulator on a free port, and the flags to reach each vendor on it.
pub struct Served {
    pub running: RunningEmulator,
}

impl Served {
    pub async fn start() -> Served {
        Served {
            running: Emulator::new().start().await.expect("start emulator"),
        }
    }

    /// `--provider P --base-url URL [--tenant-id T]`.
    pub fn flags(&self, provider: &str) -> Vec<String> {
        let mut flags = vec![
            "--provider".to_owned(),
            provider.to_owned(),
            "--base-url".to_owned(),
            self.running.base_url(provider),
        ];
        let tenant = match provider {
            "ssw" => Some(SSW_ORGANIZATION_ID),
            "spotnana" => Some(SPOTNANA_COMPANY_ID),
            _ => None,
        };
        if let Some(t) = tenant {
            flags.push("--tenant-id".to_owned());
            flags.push(t.to_owned());
        }
        flags
    }

    /// Runs an admin command for `provider` with its demo token.
    pub async fn admin(&self, provider: &str, args: &[&str]) -> Run {
        let mut all: Vec<String> = self.flags(provider);
        all.extend(args.iter().map(|s| (*s).to_owned()));
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        run(&refs, tokens::for_provider(provider)).await
    }

    /// Member ids of a group, sorted, as the CLI lists them.
    pub async fn member_ids(&self, provider: &str, group: &str) -> Vec<String> {
        let v = self
            .admin(provider, &["--output", "json", "members", "list", group])
            .await
            .ok_json();
        let mut ids: Vec<String> = v
            .as_array()
            .expect("array")
            .iter()
            .map(|m| m["user_id"].as_str().expect("user_id").to_owned())
            .collect();
        ids.sort();
        ids
    }

    pub async fn shutdown(self) {
        self.running.shutdown().await;
    }
}

/// A fresh path under the temp dir, unique to this test process and call.
pub fn temp_path(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join(format!(
        "rosterkit-cli-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}
