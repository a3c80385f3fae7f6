//! Spotnana Access Management v3: the user-group steps of vendor document
//! `001_8ad0a0e9917e92fe.txt` (list groups, get one, list members and roles,
//! add a member, confirm through the user's own group list). The document
//! has no user listing, nor group create, update or delete; those follow
//! the core's capability table (see [`manage_groups`]).

use super::membership::{add_and_verify, desired_from, remove_and_verify, sync};
use super::scenario::{ensure, member_ids, Abort, Problem, Scenario};
use super::scenario::{new_group, rename};
use rosterkit::Group;
use rosterkit_core::providers::spotnana::{ListUserGroupRoles, ListUserGroupsForUser};

fn find<'g>(groups: &'g [Group], name: &str) -> Result<&'g Group, Problem> {
    groups
        .iter()
        .find(|g| g.name.as_deref() == Some(name))
        .ok_or_else(|| Problem::Check(format!("no group named {name:?}")))
}

/// Runs the Spotnana workflow for company `company_id`.
pub async fn run(s: &Scenario<'_>, company_id: &str) -> Result<(), Abort> {
    let c = &s.client;
    s.unsupported("list users", c.list_users()).await?;
    let groups = s
        .step("list user groups", async {
            let groups = c.list_groups().await?;
            let detail = format!("{} groups", groups.len());
            Ok((groups, detail))
        })
        .await?;
    s.step("get user group", async {
        let admins = find(&groups, "Company Admins")?;
        let g = c.get_group(&admins.id).await?;
        ensure(g.read_only, || {
            "Company Admins should be isUnmodifiable".to_owned()
        })?;
        Ok((
            (),
            format!(
                "{:?} isUnmodifiable: name and roles locked, members can change",
                g.name.unwrap_or_default()
            ),
        ))
    })
    .await?;
    let (team, members) = s
        .step("list user group members", async {
            let team = find(&groups, "Travel Managers")?.id.clone();
            let ids = member_ids(c, &team).await?;
            let detail = format!("{} members of \"Travel Managers\"", ids.len());
            Ok(((team, ids), detail))
        })
        .await?;
    s.step("list user group roles", async {
        let page = c
            .call(ListUserGroupRoles {
                company_id: company_id.to_owned(),
                group_id: team.clone(),
                ..Default::default()
            })
            .await?;
        let names: Vec<String> = page.roles.iter().filter_map(|r| r.name.clone()).collect();
        ensure(!names.is_empty(), || "the group has no roles".to_owned())?;
        Ok(((), format!("roles: {}", names.join(", "))))
    })
    .await?;
    // No user listing: the company-wide group holds every traveler.
    let outsiders = s
        .step("pick users from \"All Travelers\"", async {
            let all = member_ids(c, &find(&groups, "All Travelers")?.id).await?;
            let outsiders: Vec<String> = all.into_iter().filter(|u| !members.contains(u)).collect();
            ensure(outsiders.len() >= 3, || {
                "too few travelers outside the team".to_owned()
            })?;
            let detail = format!("{} travelers outside the team", outsiders.len());
            Ok((outsiders, detail))
        })
        .await?;
    let newcomer = vec![outsiders[0].clone()];
    add_and_verify(s, &team, &newcomer).await?;
    s.step("list user groups for user", async {
        let page = c
            .call(ListUserGroupsForUser {
                user_id: newcomer[0].clone(),
                ..Default::default()
            })
            .await?;
        ensure(page.user_groups.iter().any(|g| g.id == team), || {
            "the user's groups do not include the team".to_owned()
        })?;
        Ok((
            (),
            format!(
                "{} groups for the user, the team among them",
                page.user_groups.len()
            ),
        ))
    })
    .await?;
    remove_and_verify(s, &team, &newcomer).await?;

    manage_groups(s, &team).await?;

    let desired = desired_from(&members, 2, &outsiders[1..3]);
    sync(s, &team, &desired).await
}

/// Group create, update and delete are not in the document. The core's
/// capability table says which of them the client covers from Spotnana's
/// public reference; the rest must be refused as unsupported, with a reason.
async fn manage_groups(s: &Scenario<'_>, team: &str) -> Result<(), Abort> {
    let c = &s.client;
    let caps = c.capabilities();
    let target = if caps.create_group.supported {
        s.step("create group", async {
            let g = c.create_group(new_group("RosterKit demo")).await?;
            ensure(g.name.as_deref() == Some("RosterKit demo"), || {
                format!("name is {:?}", g.name)
            })?;
            let detail = format!("id {}", g.id);
            Ok((g.id, detail))
        })
        .await?
    } else {
        s.unsupported("create group", c.create_group(new_group("RosterKit demo")))
            .await?;
        team.to_owned()
    };
    if caps.update_group.supported {
        s.step("update group", async {
            c.update_group(&target, rename("RosterKit demo (renamed)"))
                .await?;
            let g = c.get_group(&target).await?;
            ensure(
                g.name.as_deref() == Some("RosterKit demo (renamed)"),
                || format!("name after update is {:?}", g.name),
            )?;
            Ok(((), format!("{target} renamed")))
        })
        .await?;
    } else {
        s.unsupported("update group", c.update_group(&target, rename("Renamed")))
            .await?;
    }
    if caps.delete_group.supported {
        s.step("delete group", async {
            c.delete_group(&target, false).await?;
            Ok(((), format!("{target} deleted")))
        })
        .await
    } else {
        s.unsupported("delete group", c.delete_group(&target, false))
            .await
    }
}
