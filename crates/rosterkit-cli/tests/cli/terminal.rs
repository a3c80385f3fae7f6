//! The CLI in a real terminal: util-linux `script` gives it a pseudo-terminal
//! of a set width, so the defaults a person sees are tested as they see
//! them: a table (not JSON), fitted to 80 columns, ids never cut.

use super::common::Served;
use rosterkit_emulator::tokens;

/// Runs `rosterkit ARGS` on a pseudo-terminal `cols` wide; returns what the
/// terminal showed, line by line.
fn on_terminal(served: &Served, provider: &str, args: &[&str], cols: u16) -> Vec<String> {
    let mut all = served.flags(provider);
    all.extend(args.iter().map(|s| (*s).to_owned()));
    let quoted: Vec<String> = all.iter().map(|a| format!("'{a}'")).collect();
    let command = format!(
        "stty cols {cols} rows 50; '{}' {}",
        env!("CARGO_BIN_EXE_rosterkit"),
        quoted.join(" ")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env(
            "ROSTERKIT_TOKEN",
            tokens::for_provider(provider).unwrap_or_default(),
        )
        .env_remove("ROSTERKIT_LOG")
        .output()
        .expect("util-linux `script` runs (apt-get install bsdutils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What stays on screen: a `\r` returns to the line's start (the progress
    // spinner on stderr redraws itself and then clears), escapes are not text.
    String::from_utf8_lossy(&out.stdout)
        .split("\r\n")
        .map(|l| strip_escapes(l.rsplit('\r').next().unwrap_or("")))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// `text` without ANSI CSI sequences (`ESC [ ... letter`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_gets_a_table_that_fits_its_width_without_cutting_ids() {
    let served = Served::start().await;
    let lines = on_terminal(&served, "polaris", &["groups", "list"], 80);
    assert!(lines.len() > 5, "{lines:?}");
    assert!(
        !lines[0].trim_start().starts_with('['),
        "a table, not JSON: {lines:?}"
    );
    for line in &lines {
        assert!(
            line.chars().count() <= 80,
            "wider than the terminal: {line:?}"
        );
    }
    // Every group id appears whole.
    let ids = served
        .admin("polaris", &["--output", "json", "groups", "list"])
        .await
        .ok_json();
    let text = lines.join("\n");
    for g in ids.as_array().unwrap() {
        let id = g["id"].as_str().unwrap();
        assert!(text.contains(id), "{id} is cut or missing:\n{text}");
    }
    served.shutdown().await;
}
