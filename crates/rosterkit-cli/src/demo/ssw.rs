//! Splashtop Secure Workspace: the IAM guide's steps A–H (vendor document
//! `000_9864484e91baf0a8.txt`), including the optional approve/reject flow.
//! SSW cannot create users or groups, so update and delete use a seeded group.

use super::membership::{
    add_and_verify, desired_from, email_sync, guards, remove_and_verify, sync,
};
use super::scenario::{ensure, member_ids, new_group, rename, Abort, Problem, Scenario};
use rosterkit::Group;
use rosterkit::OutcomeStatus;

/// The guide's example group.
const IT_ADMINS: &str = "grp_001";

fn find_group<'g>(groups: &'g [Group], name: &str) -> Result<&'g Group, Problem> {
    groups
        .iter()
        .find(|g| g.name.as_deref() == Some(name))
        .ok_or_else(|| Problem::Check(format!("no group named {name:?}")))
}

/// Runs the SSW workflow.
pub async fn run(s: &Scenario<'_>) -> Result<(), Abort> {
    let c = &s.client;
    let users = s
        .step("list users", async {
            let users = c.list_users().await?;
            ensure(users.iter().any(|u| u.id == "user_123"), || {
                "the guide's user_123 is not listed".to_owned()
            })?;
            let detail = format!("{} users (user_123 among them)", users.len());
            Ok((users, detail))
        })
        .await?;
    let groups = s
        .step("list groups", async {
            let groups = c.list_groups().await?;
            let it = find_group(&groups, "IT Admins")?;
            ensure(it.id == IT_ADMINS, || format!("IT Admins has id {}", it.id))?;
            let detail = format!(
                "{} groups ({IT_ADMINS} \"IT Admins\" among them)",
                groups.len()
            );
            Ok((groups, detail))
        })
        .await?;
    let members = s
        .step("list group members", async {
            let ids = member_ids(c, IT_ADMINS).await?;
            ensure(ids.iter().any(|u| u == "user_123"), || {
                "user_123 is not a member of IT Admins".to_owned()
            })?;
            let detail = format!("{} members of {IT_ADMINS}", ids.len());
            Ok((ids, detail))
        })
        .await?;
    let outsiders: Vec<String> = users
        .iter()
        .map(|u| u.id.clone())
        .filter(|id| !members.contains(id))
        .collect();
    let newcomer = vec![outsiders.first().cloned().ok_or(Abort)?];
    add_and_verify(s, IT_ADMINS, &newcomer).await?;
    remove_and_verify(s, IT_ADMINS, &newcomer).await?;

    s.unsupported("create group", c.create_group(new_group("RosterKit demo")))
        .await?;
    s.unsupported("get one group", c.get_group(IT_ADMINS))
        .await?;

    approvals(s, &groups, &users).await?;

    let desired = desired_from(&members, 2, &outsiders[1..3.min(outsiders.len())]);
    sync(s, IT_ADMINS, &desired).await?;
    email_sync(s, IT_ADMINS).await?;
    guards(s, IT_ADMINS, &outsiders).await?;

    // SSW cannot create groups, so the last seeded group is renamed and deleted.
    let target = groups.last().ok_or(Abort)?.clone();
    let renamed = format!(
        "{} (renamed by demo)",
        target.name.clone().unwrap_or_default()
    );
    s.step("update group (seeded)", async {
        c.update_group(&target.id, rename(&renamed)).await?;
        let now = c.list_groups().await?;
        let name = now
            .iter()
            .find(|g| g.id == target.id)
            .and_then(|g| g.name.clone());
        ensure(name.as_deref() == Some(renamed.as_str()), || {
            format!("name after update is {name:?}")
        })?;
        Ok(((), format!("{} → {renamed:?}", target.id)))
    })
    .await?;
    s.step("delete group (seeded)", async {
        c.delete_group(&target.id, false).await?;
        let now = c.list_groups().await?;
        ensure(!now.iter().any(|g| g.id == target.id), || {
            "still listed after delete".to_owned()
        })?;
        Ok((
            (),
            format!("{} deleted, {} groups left", target.id, now.len()),
        ))
    })
    .await
}

/// Step E: a join request to an approval-required group stays pending until
/// approved; a rejected one never becomes a membership.
async fn approvals(
    s: &Scenario<'_>,
    groups: &[Group],
    users: &[rosterkit::User],
) -> Result<(), Abort> {
    let c = &s.client;
    let (contractors, members) = s
        .step("approval: list the group", async {
            let g = find_group(groups, "Contractors")?;
            let members = member_ids(c, &g.id).await?;
            let detail = format!(
                "{} \"Contractors\" (joining needs approval): {} members",
                g.id,
                members.len()
            );
            Ok(((g.id.clone(), members), detail))
        })
        .await?;
    let mut candidates = users
        .iter()
        .map(|u| u.id.clone())
        .filter(|id| !members.contains(id));
    let (approved, rejected) = match (candidates.next(), candidates.next()) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(Abort),
    };

    for (user, approve) in [(approved, true), (rejected, false)] {
        let name = if approve {
            "approval: request to join (1)"
        } else {
            "approval: request to join (2)"
        };
        s.step(name, async {
            let report = c
                .add_members(&contractors, std::slice::from_ref(&user))
                .await?;
            let outcome = report
                .outcomes
                .first()
                .ok_or(Problem::Check("no outcome".to_owned()))?;
            if let Some(e) = &outcome.error {
                return Err(Problem::Client(e.clone()));
            }
            ensure(outcome.status == OutcomeStatus::PendingApproval, || {
                format!("{user}: {:?}, expected pending approval", outcome.status)
            })?;
            let answer = "pending approval";
            let ids = member_ids(c, &contractors).await?;
            ensure(!ids.contains(&user), || {
                format!("{user} is already a member; expected a pending request")
            })?;
            Ok(((), format!("{user}: {answer:?}, not yet in list_members")))
        })
        .await?;
        if approve {
            s.step("approval: approve → member", async {
                c.approve_member(&contractors, &user).await?;
                let ids = member_ids(c, &contractors).await?;
                ensure(ids.contains(&user), || {
                    format!("{user} not a member after approval")
                })?;
                Ok((
                    (),
                    format!("{user} is now a member ({} members)", ids.len()),
                ))
            })
            .await?;
        } else {
            s.step("approval: reject → not a member", async {
                c.reject_member(&contractors, &user).await?;
                let ids = member_ids(c, &contractors).await?;
                ensure(!ids.contains(&user), || {
                    format!("{user} is a member after rejection")
                })?;
                Ok(((), format!("{user} rejected, not a member")))
            })
            .await?;
        }
    }
    Ok(())
}
