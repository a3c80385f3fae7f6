//! Membership steps every provider with membership endpoints shares: add
//! then verify, remove then verify, and a planned sync.

use super::scenario::{ensure, list, member_ids, Abort, Problem, Scenario};
use rosterkit::{ApplyReport, Error, OutcomeStatus, SyncMode, SyncOptions};

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
    match report.failures().next() {
        None => Ok(()),
        Some(o) => Err(match &o.error {
            Some(e) => Problem::Client(e.clone()),
            None => Problem::Check(format!("{}: {:?}", o.user_id, o.status)),
        }),
    }
}

fn authoritative() -> SyncOptions {
    SyncOptions::new(SyncMode::Authoritative)
}

/// Adds `users` to `group` and checks they are listed.
pub async fn add_and_verify(s: &Scenario<'_>, group: &str, users: &[String]) -> Result<(), Abort> {
    let c = &s.client;
    s.step("add member", async {
        let report = c.add_members(group, users).await?;
        check_report(&report)?;
        Ok((
            (),
            format!(
                "{} → {group} ({}, {} added)",
                list(users),
                calls(
                    report
                        .steps
                        .iter()
                        .map(|s| s.step.call_count() as usize)
                        .sum()
                ),
                report.added
            ),
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
            let plan = c.plan(group, desired, authoritative()).await?;
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
                plan.unchanged.len(),
                calls(plan.call_count as usize)
            );
            Ok((plan, detail))
        })
        .await?;
    s.step("sync: apply", async {
        let report = c.apply(&plan).await?;
        check_report(&report)?;
        Ok((
            (),
            format!(
                "{} added, {} removed, {} unchanged: one outcome per user",
                report.added, report.removed, report.unchanged
            ),
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

/// A refusal by the guard named `guard`, with nothing sent but reads.
fn refused(
    result: Result<rosterkit::MembershipPlan, Error>,
    guard: &str,
) -> Result<String, Problem> {
    match result {
        Err(Error::Refused { guard: g, message }) if g == guard => Ok(message),
        Err(e) => Err(Problem::Check(format!(
            "expected the {guard} guard, got: {e}"
        ))),
        Ok(plan) => Err(Problem::Check(format!(
            "expected the {guard} guard, got a plan of {} calls",
            plan.call_count
        ))),
    }
}

/// Each guard fires before any change: an empty list, a list that matches no
/// member, an entry that is no user, a removal of most of the group.
pub async fn guards(s: &Scenario<'_>, group: &str, candidates: &[String]) -> Result<(), Abort> {
    let c = &s.client;
    let members = s
        .step("guards: members before", async {
            let ids = member_ids(c, group).await?;
            let n = ids.len();
            Ok((ids, format!("{} in {group}", members(n))))
        })
        .await?;
    let stranger = candidates
        .iter()
        .find(|c| !members.contains(c))
        .cloned()
        .ok_or(Abort)?;
    let cases: [(&str, Vec<String>, &str); 4] = [
        ("guard: empty list refused", Vec::new(), "empty_desired"),
        (
            "guard: list matching no member refused",
            vec![stranger.clone()],
            "no_overlap",
        ),
        (
            "guard: unknown entry refused",
            members
                .iter()
                .cloned()
                .chain(["nobody@nowhere.invalid".to_owned()])
                .collect(),
            "unresolved",
        ),
        (
            "guard: mass removal refused",
            members[..1].to_vec(),
            "mass_removal",
        ),
    ];
    for (name, desired, guard) in cases {
        s.step(name, async {
            let writes_before = s.calls.writes();
            let message = refused(c.plan(group, &desired, authoritative()).await, guard)?;
            ensure(s.calls.writes() == writes_before, || {
                "a guard let a change through".to_owned()
            })?;
            Ok(((), message))
        })
        .await?;
    }
    s.step("guards: members unchanged", async {
        let after = member_ids(c, group).await?;
        ensure(after == members, || "the members changed".to_owned())?;
        Ok(((), format!("still {}", members.len())))
    })
    .await
}

/// A sync from the members' own emails plans nothing: people are matched by
/// email as well as by id.
pub async fn email_sync(s: &Scenario<'_>, group: &str) -> Result<(), Abort> {
    let c = &s.client;
    s.step("sync by email: the members' own emails", async {
        let list = c.list_members(group).await?;
        let emails: Vec<String> = list.iter().filter_map(|m| m.email.clone()).collect();
        ensure(emails.len() == list.len(), || {
            "a member has no email".to_owned()
        })?;
        let plan = c.plan(group, &emails, authoritative()).await?;
        ensure(plan.is_empty(), || {
            format!("planned +{} -{}", plan.to_add.len(), plan.to_remove.len())
        })?;
        Ok((
            (),
            format!(
                "{} emails resolved to {} members: nothing to change",
                emails.len(),
                plan.unchanged.len()
            ),
        ))
    })
    .await
}

/// A 200 that reports users it did not add is a per-user failure, never
/// a silent success.
pub async fn partial_failure(
    s: &Scenario<'_>,
    group: &str,
    good: &str,
    unknown: &str,
) -> Result<(), Abort> {
    let c = &s.client;
    s.step("partial failure inside a 200 is reported", async {
        let users = [good.to_owned(), unknown.to_owned()];
        let report = c.add_members(group, &users).await?;
        let bad = report
            .outcomes
            .iter()
            .find(|o| o.user_id == unknown)
            .ok_or_else(|| Problem::Check(format!("no outcome for {unknown}")))?;
        ensure(bad.status == OutcomeStatus::Failed && !report.ok, || {
            format!("{unknown} reported as {:?}", bad.status)
        })?;
        ensure(report.added == 1, || {
            format!("{} added, expected 1", report.added)
        })?;
        let why = bad
            .error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        Ok(((), format!("{good} added; {unknown} failed: {why}")))
    })
    .await
}
