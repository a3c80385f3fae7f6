//! `rosterkit members list|add|remove|approve|reject|sync`.

use super::Admin;
use crate::cli::{MembersCommand, OutputFormat, SyncArgs};
use crate::failure::{usage, Failure};
use rosterkit::{ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::membership::Change;
use serde_json::{json, Value};
use std::io::{BufRead, IsTerminal, Read, Write};

/// Runs one members subcommand.
pub async fn run(admin: &Admin, command: MembersCommand) -> Result<(), Failure> {
    let client = &admin.client;
    match command {
        MembersCommand::List { group } => {
            super::list_streamed(admin, client.member_pages(&group)?, super::MEMBER_COLUMNS).await
        }
        MembersCommand::Add { group, users } => {
            let plan =
                rosterkit_core::membership::plan_changes(&admin.directory, &group, &users, &[])?;
            apply(admin, &plan).await
        }
        MembersCommand::Remove { group, users } => {
            let plan =
                rosterkit_core::membership::plan_changes(&admin.directory, &group, &[], &users)?;
            apply(admin, &plan).await
        }
        MembersCommand::Approve { group, user } => {
            client.approve_member(&group, &user).await?;
            admin.show(
                &json!({ "group_id": group, "user_id": user, "approved": true }),
                &["group_id", "user_id", "approved"],
            );
            Ok(())
        }
        MembersCommand::Reject { group, user } => {
            client.reject_member(&group, &user).await?;
            admin.show(
                &json!({ "group_id": group, "user_id": user, "rejected": true }),
                &["group_id", "user_id", "rejected"],
            );
            Ok(())
        }
        MembersCommand::Sync(args) => sync(admin, args).await,
    }
}

async fn sync(admin: &Admin, args: SyncArgs) -> Result<(), Failure> {
    let desired = read_desired(&args.file)?;
    let options = SyncOptions {
        allow_empty: args.allow_empty,
        allow_mass_removal: args.allow_mass_removal,
        skip_unresolved: args.skip_unresolved,
        max_removal_percent: args.max_removal_percent,
        ..SyncOptions::new(args.mode.into())
    };
    admin.progress.pages("reading current members");
    let plan = admin.client.plan(&args.group, &desired, options).await;
    admin.progress.finish();
    let plan = plan?;
    show_plan(admin, &plan, args.dry_run);
    if args.dry_run || plan.is_empty() {
        return Ok(());
    }
    if !args.yes {
        confirm(&plan)?;
    }
    apply(admin, &plan).await
}

/// Asks on the terminal; without one, refuses (scripts pass `--yes`).
fn confirm(plan: &MembershipPlan) -> Result<(), Failure> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !interactive {
        return Err(Failure::NotConfirmed(
            "nothing was changed: not a terminal, so the plan was not confirmed; pass --yes to apply it".to_owned(),
        ));
    }
    eprint!(
        "Apply this plan to {} group {} (+{} -{})? [y/N] ",
        plan.provider,
        plan.group_id,
        plan.to_add.len(),
        plan.to_remove.len()
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| usage(format!("cannot read the answer: {e}")))?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Failure::NotConfirmed(
            "nothing was changed: the plan was not confirmed".to_owned(),
        ))
    }
}

fn summary(plan: &MembershipPlan) -> String {
    let unresolved = plan.unresolved().count();
    format!(
        "plan for {} group {} ({}): +{} -{} ({} unchanged{}), {} calls",
        plan.provider,
        plan.group_id,
        plan.mode.map_or("changes".to_owned(), |m| format!("{m:?}")
            .to_ascii_lowercase()),
        plan.to_add.len(),
        plan.to_remove.len(),
        plan.unchanged.len(),
        if unresolved > 0 {
            format!(", {unresolved} unresolved and skipped")
        } else {
            String::new()
        },
        plan.call_count
    )
}

/// The plan: JSON gets all of it; table and CSV one row per desired entry
/// and per removal, so every entry's resolution is visible.
fn show_plan(admin: &Admin, plan: &MembershipPlan, dry_run: bool) {
    match admin.format {
        OutputFormat::Json | OutputFormat::Ndjson if dry_run => {
            admin.show_as_value(&json!({ "plan": plan, "applied": false }))
        }
        OutputFormat::Json | OutputFormat::Ndjson => {}
        OutputFormat::Table | OutputFormat::Csv => {
            eprintln!("{}", summary(plan));
            let adding: std::collections::HashSet<&str> =
                plan.to_add.iter().map(String::as_str).collect();
            let mut rows: Vec<Value> = plan
                .entries
                .iter()
                .map(|e| {
                    let change = match e.user_id.as_deref() {
                        None => "skip (unresolved)",
                        Some(id) if adding.contains(id) => "add",
                        Some(_) => "keep",
                    };
                    json!({"change": change, "user_id": e.user_id, "entry": e.entry, "resolution": e.resolution})
                })
                .collect();
            if plan.entries.is_empty() {
                rows.extend(
                    plan.to_add
                        .iter()
                        .map(|u| json!({"change": "add", "user_id": u})),
                );
            }
            rows.extend(
                plan.to_remove
                    .iter()
                    .map(|u| json!({"change": "remove", "user_id": u})),
            );
            rows.retain(|r| r["change"] != "keep" || plan.entries.len() <= 50);
            admin.show(
                &Value::Array(rows),
                &["change", "user_id", "entry", "resolution"],
            );
        }
    }
}

fn outcome_rows(report: &ApplyReport) -> Vec<Value> {
    report
        .outcomes
        .iter()
        .filter(|o| o.change != Change::Keep)
        .map(|o| {
            json!({
                "user_id": o.user_id,
                "entry": o.entry,
                "change": o.change,
                "status": o.status,
                "error": o.error.as_ref().map(ToString::to_string),
            })
        })
        .collect()
}

/// Runs a plan with a progress bar; every user's outcome is printed, and a
/// partial failure exits with the partial-failure code.
async fn apply(admin: &Admin, plan: &MembershipPlan) -> Result<(), Failure> {
    admin.progress.calls("applying", plan.call_count);
    let report = admin.client.apply(plan).await;
    admin.progress.finish();
    let report = report?;
    match admin.format {
        OutputFormat::Json | OutputFormat::Ndjson => {
            let mut out = serde_json::to_value(&report).map_err(rosterkit::Error::from)?;
            out["plan"] = serde_json::to_value(plan).map_err(rosterkit::Error::from)?;
            out["applied"] = json!(true);
            admin.show_as_value(&out);
        }
        OutputFormat::Table | OutputFormat::Csv => {
            admin.show(
                &Value::Array(outcome_rows(&report)),
                &["user_id", "entry", "change", "status", "error"],
            );
            eprintln!(
                "{} added, {} removed, {} unchanged, {} pending approval, {} failed, {} unknown, {} not run",
                report.added, report.removed, report.unchanged, report.pending, report.failed, report.unknown, report.not_run
            );
        }
    }
    let problems = report.failed + report.unknown + report.not_run;
    if problems == 0 {
        return Ok(());
    }
    let named: Vec<String> = report
        .failures()
        .take(5)
        .map(|o| match &o.error {
            Some(e) => format!("{} ({:?}: {e})", o.user_id, o.status),
            None => format!("{} ({:?})", o.user_id, o.status),
        })
        .collect();
    Err(Failure::Partial(format!(
        "{problems} of {} users were not changed as planned: {}{}",
        report.outcomes.len(),
        named.join("; "),
        if problems > 5 { "; ..." } else { "" }
    )))
}

/// The desired members: one id or email per line (`#` starts a comment), or
/// a JSON array of strings; `-` reads standard input.
pub fn read_desired(path: &str) -> Result<Vec<String>, Failure> {
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| usage(format!("cannot read standard input: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {path}: {e}")))?
    };
    parse_desired(&text).map_err(|e| usage(format!("{path}: {e}")))
}

/// Parses the desired-members text.
pub fn parse_desired(text: &str) -> Result<Vec<String>, String> {
    if text.trim_start().starts_with('[') {
        return serde_json::from_str::<Vec<String>>(text)
            .map_err(|e| format!("expected a JSON array of user id or email strings: {e}"));
    }
    Ok(text
        .lines()
        .map(|line| {
            // A `#` at the start or after whitespace begins a comment.
            let cut = line
                .char_indices()
                .find(|&(i, c)| c == '#' && (i == 0 || line[..i].ends_with(char::is_whitespace)))
                .map_or(line.len(), |(i, _)| i);
            line[..cut].trim()
        })
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::parse_desired;

    #[test]
    fn lines_comments_and_json() {
        let ids = parse_desired("# team\nuser_1\n\n  a@x.io  # lead\nuser#3\n").unwrap();
        assert_eq!(ids, vec!["user_1", "a@x.io", "user#3"]);
        assert_eq!(parse_desired(r#"["a", "b"]"#).unwrap(), vec!["a", "b"]);
        assert!(parse_desired("[1, 2]").is_err());
    }
}
