//! `rosterkit members list|add|remove|sync`.

use super::Admin;
use crate::cli::{MembersCommand, OutputFormat};
use crate::failure::{usage, Failure};
use rosterkit::{ApplyReport, MembershipPlan};
use serde_json::{json, Value};
use std::path::Path;

/// Runs one members subcommand.
pub async fn run(admin: &Admin, command: MembersCommand) -> Result<(), Failure> {
    let client = &admin.client;
    match command {
        MembersCommand::List { group } => {
            admin.progress.pages("listing members");
            let members = client.list_members(&group).await;
            admin.progress.finish();
            admin.show_as(&members?, &["user_id", "email", "name", "added_at"])
        }
        MembersCommand::Add { group, users } => {
            let plan =
                rosterkit_core::membership::plan_changes(&admin.directory, &group, &users, &[])?;
            apply(admin, &plan, None).await
        }
        MembersCommand::Remove { group, users } => {
            let plan =
                rosterkit_core::membership::plan_changes(&admin.directory, &group, &[], &users)?;
            apply(admin, &plan, None).await
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
        MembersCommand::Sync {
            group,
            file,
            dry_run,
        } => {
            let desired = read_desired(&file)?;
            admin.progress.pages("reading current members");
            let plan = client.plan(&group, &desired).await;
            admin.progress.finish();
            let plan = plan?;
            if dry_run {
                show_plan(admin, &plan);
                Ok(())
            } else {
                apply(admin, &plan, Some(&plan)).await
            }
        }
    }
}

fn plan_json(plan: &MembershipPlan, dry_run: bool) -> Value {
    json!({
        "provider": plan.provider,
        "group_id": plan.group_id,
        "to_add": plan.to_add,
        "to_remove": plan.to_remove,
        "unchanged": plan.unchanged,
        "calls": plan.call_count(),
        "dry_run": dry_run,
    })
}

/// The dry run: JSON gets the whole plan; table and CSV one row per change.
fn show_plan(admin: &Admin, plan: &MembershipPlan) {
    match admin.format {
        OutputFormat::Json => admin.show(&plan_json(plan, true), &[]),
        OutputFormat::Table | OutputFormat::Csv => {
            if admin.format == OutputFormat::Table {
                eprintln!("{}", summary(plan));
            }
            let rows: Vec<Value> = plan
                .to_add
                .iter()
                .map(|u| json!({"change": "add", "user_id": u}))
                .chain(
                    plan.to_remove
                        .iter()
                        .map(|u| json!({"change": "remove", "user_id": u})),
                )
                .collect();
            admin.show(&Value::Array(rows), &["change", "user_id"]);
        }
    }
}

fn summary(plan: &MembershipPlan) -> String {
    format!(
        "plan for {} group {}: +{} -{} ({} unchanged), {} calls",
        plan.provider,
        plan.group_id,
        plan.to_add.len(),
        plan.to_remove.len(),
        plan.unchanged,
        plan.call_count()
    )
}

fn step_rows(report: &ApplyReport) -> Vec<Value> {
    report
        .steps
        .iter()
        .map(|s| {
            let (ok, error) = match &s.result {
                Ok(_) => (true, Value::Null),
                Err(e) => (false, json!(e.to_string())),
            };
            let mut row = json!({
                "action": s.step.action,
                "add": s.step.add,
                "remove": s.step.remove,
                "calls": s.step.call_count(),
                "ok": ok,
                "error": error,
            });
            // The vendor's word matters here: SSW answers "pending approval"
            // when the group needs an approval before the user is a member.
            if let Some(m) = s.result.as_ref().ok().and_then(|v| v.get("message")) {
                row["message"] = m.clone();
            }
            row
        })
        .collect()
}

/// Runs a plan with a progress bar; every step's outcome is printed, and a
/// partial failure exits 1.
async fn apply(
    admin: &Admin,
    plan: &MembershipPlan,
    sync: Option<&MembershipPlan>,
) -> Result<(), Failure> {
    admin.progress.calls("applying", plan.call_count() as u64);
    let report = admin.client.apply(plan).await;
    admin.progress.finish();
    let rows = step_rows(&report);
    match admin.format {
        OutputFormat::Json => {
            let mut out = match sync {
                Some(p) => plan_json(p, false),
                None => json!({ "provider": plan.provider, "group_id": plan.group_id }),
            };
            out["steps"] = Value::Array(rows);
            out["succeeded"] = json!(report.succeeded());
            out["failed"] = json!(report.failed().count());
            admin.show(&out, &[]);
        }
        OutputFormat::Table | OutputFormat::Csv => {
            if let (Some(p), OutputFormat::Table) = (sync, admin.format) {
                eprintln!("{}", summary(p));
            }
            admin.show(
                &Value::Array(rows),
                &["action", "add", "remove", "calls", "ok", "message", "error"],
            );
        }
    }
    let failed = report.failed().count();
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::Incomplete(format!(
            "{failed} of {} steps failed",
            report.steps.len()
        )))
    }
}

/// The desired member list: one id per line (`#` starts a comment), or a
/// JSON array of strings.
pub fn read_desired(path: &Path) -> Result<Vec<String>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    parse_desired(&text).map_err(|e| usage(format!("{}: {e}", path.display())))
}

/// Parses the desired-members text.
pub fn parse_desired(text: &str) -> Result<Vec<String>, String> {
    if text.trim_start().starts_with('[') {
        return serde_json::from_str::<Vec<String>>(text)
            .map_err(|e| format!("expected a JSON array of user id strings: {e}"));
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
        let ids = parse_desired("# team\nuser_1\n\n  user_2  # lead\nuser#3\n").unwrap();
        assert_eq!(ids, vec!["user_1", "user_2", "user#3"]);
        assert_eq!(parse_desired(r#"["a", "b"]"#).unwrap(), vec!["a", "b"]);
        assert!(parse_desired("[1, 2]").is_err());
    }
}
