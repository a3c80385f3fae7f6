//! Membership steps every provider with membership endpoints shares: add
//! then verify, remove then verify, and a planned sync.

use super::scenario::{ensure, list, member_ids, Abort, Problem, Scenario};
use rosterkit::ApplyReport;

fn calls(n: usize) -> String {
    if n == 1 {
        "1 call".to_owned()
    } else {
        format!("{n} calls")
    }
}

fn members(n: usize) -> String {
    if n == 1 {
        "1 member".to_owned()
    } else {
        format!("{n} members")
    }
}

fn check_report(report: &ApplyReport) -> Result<(), Problem> {
    match report.failed().next() {
        None => Ok(()),
        Some(step) => Err(match &step.result {
            Err(e) => Problem::Client(e.clone()),
            Ok(_) => Problem::Check("a step failed".to_owned()),
        }),
    }
}

/// Adds `users` to `group` and checks they are listed.
pub async fn add_and_verify(s: &Scenario<'_>, group: &str, users: &[String]) -> Result<(), Abort> {
    let c = &s.client;
    s.step("add member", async {
        let report = c.add_members(group, users).await?;
        check_report(&report)?;
        Ok((
            (),
            format!("{} → {group} ({})", list(users), calls(report.steps.len())),
        ))
    })
    .await?;
    s.step("verify member is listed", async {
        let ids = member_ids(c, group).await?;
        let missing: Vec<String> = users.iter().filter(|u| !ids.contains(u)).cloned().collect();
        ensure(missing.is_empty(), || {
            format!("not listed after adding: {}", list(&missing))
        })?;
        Ok((
            (),
            format!("{} members, {} among them", ids.len(), list(users)),
        ))
    })
    .await
}

/// Removes `users` from `group` and checks they are gone.
pub async fn remove_and_verify(
    s: &Scenario<'_>,
    group: &str,
    users: &[String],
) -> Result<(), Abort> {
    let c = &s.client;
    s.step("remove member", async {
        let report = c.remove_members(group, users).await?;
        check_report(&report)?;
        Ok(((), format!("{} ✕ {group}", list(users))))
    })
    .await?;
    s.step("verify member is gone", async {
        let ids = member_ids(c, group).await?;
        let left: Vec<String> = users.iter().filter(|u| ids.contains(u)).cloned().collect();
        ensure(left.is_empty(), || {
            format!("still listed after removal: {}", list(&left))
        })?;
        Ok((
            (),
            format!("{} members, {} not among them", ids.len(), list(users)),
        ))
    })
    .await
}

/// Plans a sync to `desired` (a dry run that must change nothing), applies
/// it, and checks the members are exactly `desired`.
pub async fn sync(s: &Scenario<'_>, group: &str, desired: &[String]) -> Result<(), Abort> {
    let c = &s.client;
    let plan = s
        .step("sync: plan (dry run)", async {
            let before = member_ids(c, group).await?;
            let plan = c.plan(group, desired).await?;
            let after = member_ids(c, group).await?;
            ensure(before == after, || {
                "the dry run changed the members".to_owned()
            })?;
            ensure(!plan.is_empty(), || {
                "the plan is empty; nothing to show".to_owned()
            })?;
            let detail = format!(
                "+[{}] -[{}] ={} → {}",
                list(&plan.to_add),
                list(&plan.to_remove),
                plan.unchanged,
                calls(plan.call_count())
            );
            Ok((plan, detail))
        })
        .await?;
    s.step("sync: apply", async {
        let report = c.apply(&plan).await;
        check_report(&report)?;
        Ok((
            (),
            format!("{} of {} steps ok", report.succeeded(), report.steps.len()),
        ))
    })
    .await?;
    s.step("sync: verify members == desired", async {
        let ids = member_ids(c, group).await?;
        let mut want = desired.to_vec();
        want.sort();
        want.dedup();
        ensure(ids == want, || {
            format!(
                "members differ from desired: have {}, want {}",
                list(&ids),
                list(&want)
            )
        })?;
        Ok(((), format!("{}, exactly as desired", members(ids.len()))))
    })
    .await
}

/// The desired list for a sync: today's members minus the first `drop`,
/// plus `add`.
pub fn desired_from(current: &[String], drop: usize, add: &[String]) -> Vec<String> {
    current.iter().skip(drop).chain(add).cloned().collect()
}
