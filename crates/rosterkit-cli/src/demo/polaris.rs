//! Imply Polaris Identity: the walkthrough of vendor document
//! `003_dd1a18090924cbef.txt`: find the projects, create the "Alerts and
//! reports" group scoped to them, create Dani Lee in it, add her to Viewer
//! with a full-replacement PUT, read her effective permissions, then add
//! the document's two example users to the group.

use super::membership::{add_and_verify, email_sync, guards, remove_and_verify, sync};
use super::scenario::{ensure, list, member_ids, rename, Abort, Problem, Scenario};
use rosterkit::Error;
use rosterkit_core::providers::polaris::{
    CreateGroup, CreateUser, GroupRef, ListEffectivePermissions, ListProjects, Permission,
    UpdateUser, UserUpdate,
};

/// The predefined Viewer group's id, as the document gives it.
const VIEWER: &str = "d919f276-7857-4b59-a616-0c2540fb4ad1";
/// The two project ids the document scopes the group to.
const DOC_PROJECTS: [&str; 2] = [
    "45c024f4-1254-4b58-8207-4111d2f80669",
    "5c9116aa-91ae-41f3-b484-8e45300c961a",
];
/// The users the document adds to "Alerts and reports".
const ALEX: &str = "d88d4e47-d6ed-4820-880e-c0564ce99752";
const ALEXA: &str = "48b08425-7393-4730-bb7d-736e69ef1d92";

/// Runs the Polaris workflow.
pub async fn run(s: &Scenario<'_>) -> Result<(), Abort> {
    let c = &s.client;
    s.step("list users", async {
        let users = c.list_users().await?;
        ensure(
            users.iter().any(|u| u.id == ALEX) && users.iter().any(|u| u.id == ALEXA),
            || "the document's example users are not listed".to_owned(),
        )?;
        Ok((
            (),
            format!(
                "{} users (the document's Alex and Alexa Smith among them)",
                users.len()
            ),
        ))
    })
    .await?;
    s.step("list groups", async {
        let groups = c.list_groups().await?;
        let viewer = groups.iter().find(|g| g.id == VIEWER);
        ensure(viewer.is_some_and(|g| g.read_only), || {
            "the predefined, read-only Viewer group is not listed".to_owned()
        })?;
        Ok((
            (),
            format!("{} groups (predefined Viewer among them)", groups.len()),
        ))
    })
    .await?;
    s.step("list members", async {
        let ids = member_ids(c, VIEWER).await?;
        Ok(((), format!("{} members of Viewer", ids.len())))
    })
    .await?;
    let resources = s
        .step("list projects", async {
            let projects = c.call(ListProjects {}).await?;
            let ids: Vec<String> = projects.values.iter().map(|p| p.id.clone()).collect();
            ensure(
                DOC_PROJECTS.iter().all(|p| ids.iter().any(|i| i == p)),
                || format!("the document's project ids are missing from {}", list(&ids)),
            )?;
            let resources: Vec<String> = DOC_PROJECTS
                .iter()
                .map(|p| format!("projects/{p}"))
                .collect();
            Ok((
                resources,
                format!("{} projects, the document's two among them", ids.len()),
            ))
        })
        .await?;
    let group = s
        .step("create group \"Alerts and reports\"", async {
            let g = c
                .call(CreateGroup {
                    name: "Alerts and reports".to_owned(),
                    permissions: vec![
                        Permission::new("AdministerReports", Some(resources.clone())),
                        Permission::new("AdministerAlerts", Some(resources.clone())),
                    ],
                })
                .await?;
            ensure(g.permissions.len() == 2, || {
                format!("{} permissions", g.permissions.len())
            })?;
            let detail = format!(
                "id {}: AdministerReports, AdministerAlerts on 2 projects",
                g.id
            );
            Ok((g.id, detail))
        })
        .await?;
    let dani = s
        .step("create user dani.lee@example.io", async {
            let user = c
                .call(CreateUser {
                    username: "dani.lee@example.io".to_owned(),
                    first_name: Some("Dani".to_owned()),
                    last_name: Some("Lee".to_owned()),
                    groups: vec![GroupRef::id(group.clone())],
                    ..Default::default()
                })
                .await?;
            ensure(user.groups.iter().any(|g| g.id == group), || {
                "the new user is not in the group".to_owned()
            })?;
            let detail = format!("id {} (Dani Lee) in \"Alerts and reports\"", user.id);
            Ok((user, detail))
        })
        .await?;
    s.step("update user: add to Viewer (full PUT)", async {
        // PUT replaces the user: start from everything she has, add Viewer.
        let mut update = UserUpdate::from_user(&dani);
        update.groups.push(GroupRef::id(VIEWER));
        let user = c
            .call(UpdateUser {
                user_id: dani.id.clone(),
                user: update,
            })
            .await?;
        let names: Vec<String> = user
            .groups
            .iter()
            .map(|g| g.name.clone().unwrap_or_else(|| g.id.clone()))
            .collect();
        ensure(
            user.groups.iter().any(|g| g.id == group) && user.groups.iter().any(|g| g.id == VIEWER),
            || format!("groups after update: {}", list(&names)),
        )?;
        ensure(user.first_name.as_deref() == Some("Dani"), || {
            "the full replacement lost her first name".to_owned()
        })?;
        Ok(((), format!("groups: {}", names.join(", "))))
    })
    .await?;
    s.step("list effective permissions", async {
        let perms = c
            .call(ListEffectivePermissions {
                user_id: dani.id.clone(),
            })
            .await?;
        let has = |name: &str, scoped: bool| {
            perms.values.iter().any(|p| {
                p.name == name
                    && (!scoped
                        || p.resources.as_ref().is_some_and(|r| {
                            resources.iter().all(|want| r.contains(want))
                        }))
            })
        };
        ensure(has("AdministerReports", true) && has("AdministerAlerts", true), || {
            "the group's scoped permissions are missing".to_owned()
        })?;
        ensure(has("ViewTables", false) && has("AccessVisualization", false), || {
            "Viewer's permissions are missing".to_owned()
        })?;
        Ok((
            (),
            format!(
                "{} permissions: AdministerReports, AdministerAlerts (Alerts and reports) + ViewTables, AccessVisualization (Viewer)",
                perms.values.len()
            ),
        ))
    })
    .await?;

    let doc_users = vec![ALEX.to_owned(), ALEXA.to_owned()];
    add_and_verify(s, &group, &doc_users).await?;
    // No removal endpoint: the client reads the user and PUTs it back without the group.
    remove_and_verify(s, &group, &doc_users[1..]).await?;
    sync(s, &group, &[ALEXA.to_owned(), dani.id.clone()]).await?;
    email_sync(s, &group).await?;
    guards(
        s,
        VIEWER,
        &[ALEX.to_owned(), ALEXA.to_owned(), dani.id.clone()],
    )
    .await?;

    s.step("update group (rename)", async {
        let g = c
            .update_group(&group, rename("Alerts and reports (demo)"))
            .await?
            .ok_or_else(|| Problem::Check("the update returned no group".to_owned()))?;
        ensure(g.permissions.len() == 2, || {
            "the rename dropped permissions".to_owned()
        })?;
        Ok((
            (),
            format!("{:?}, permissions kept", g.name.unwrap_or_default()),
        ))
    })
    .await?;
    s.step("delete group", async {
        c.delete_group(&group, false).await?;
        match c.get_group(&group).await {
            Err(Error::NotFound { .. }) => Ok(((), format!("{group} deleted, now 404"))),
            other => Err(Problem::Check(format!(
                "still readable after delete: {other:?}"
            ))),
        }
    })
    .await
}
