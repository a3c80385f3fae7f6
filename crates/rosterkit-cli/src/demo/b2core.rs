//! B2Broker B2Core: the user-group methods of vendor document
//! `002_1a2c9dc34cbc7b4f.txt` in order: list, create, get, update (PATCH),
//! replace (PUT), delete (204, no body). The API has no membership or user
//! endpoints, which the unified calls report as unsupported.

use super::scenario::{ensure, Abort, Problem, Scenario};
use rosterkit::{Error, GroupChanges, NewGroup, Permission};
use rosterkit_core::providers::b2core::ReplaceGroup;

fn permission(name: &str) -> Permission {
    Permission {
        name: name.to_owned(),
        resources: Vec::new(),
    }
}

fn names(permissions: &[Permission]) -> Vec<&str> {
    permissions.iter().map(|p| p.name.as_str()).collect()
}

/// Runs the B2Core workflow.
pub async fn run(s: &Scenario<'_>) -> Result<(), Abort> {
    let c = &s.client;
    s.unsupported("list users", c.list_users()).await?;
    s.step("list groups", async {
        let groups = c.list_groups().await?;
        ensure(
            groups
                .iter()
                .any(|g| g.id == "1" && g.name.as_deref() == Some("Administrators")),
            || "group 1 \"Administrators\" is not listed".to_owned(),
        )?;
        Ok((
            (),
            format!("{} groups (1 \"Administrators\" among them)", groups.len()),
        ))
    })
    .await?;
    s.unsupported("list members", c.list_members("1")).await?;
    s.unsupported("add member", c.add_members("1", &["42".to_owned()]))
        .await?;

    let created = s
        .step("create group", async {
            let g = c
                .create_group(NewGroup {
                    name: "Administrators (demo)".to_owned(),
                    permissions: vec![permission("accounts.create"), permission("accounts.read")],
                    role: None,
                })
                .await?;
            ensure(
                names(&g.permissions) == ["accounts.create", "accounts.read"],
                || format!("permissions are {:?}", names(&g.permissions)),
            )?;
            let detail = format!(
                "id {} {:?} with {}",
                g.id,
                g.name.clone().unwrap_or_default(),
                names(&g.permissions).join(", ")
            );
            Ok((g.id, detail))
        })
        .await?;
    s.step("get group", async {
        let g = c.get_group(&created).await?;
        ensure(g.name.as_deref() == Some("Administrators (demo)"), || {
            format!("name is {:?}", g.name)
        })?;
        Ok((
            (),
            format!("id {created}: {} permissions", g.permissions.len()),
        ))
    })
    .await?;
    s.step("update group (PATCH)", async {
        let perms = vec![
            permission("accounts.create"),
            permission("accounts.read"),
            permission("accounts.update"),
        ];
        let g = c
            .update_group(
                &created,
                GroupChanges {
                    permissions: Some(perms),
                    ..GroupChanges::default()
                },
            )
            .await?;
        let g = g.ok_or_else(|| Problem::Check("PATCH answered without the group".to_owned()))?;
        ensure(g.permissions.len() == 3, || {
            format!("permissions are {:?}", names(&g.permissions))
        })?;
        ensure(g.name.as_deref() == Some("Administrators (demo)"), || {
            "PATCH without a name changed the name".to_owned()
        })?;
        Ok(((), "added accounts.update; name kept".to_owned()))
    })
    .await?;
    s.step("replace group (PUT)", async {
        let g = c
            .call(ReplaceGroup {
                group_id: created.clone(),
                name: Some("Administrators (demo, replaced)".to_owned()),
                permissions: Some(vec!["accounts.read".to_owned()]),
            })
            .await?;
        ensure(g.permissions == ["accounts.read"], || {
            format!("permissions are {:?}", g.permissions)
        })?;
        Ok((
            (),
            format!(
                "{:?}, permissions: accounts.read",
                g.name.unwrap_or_default()
            ),
        ))
    })
    .await?;
    s.step("delete group", async {
        c.delete_group(&created, false).await?;
        let status = s.calls.last_status();
        ensure(status == Some(204), || {
            format!("delete answered {status:?}, expected 204")
        })?;
        match c.get_group(&created).await {
            Err(Error::NotFound { .. }) => {}
            other => {
                return Err(Problem::Check(format!(
                    "group still readable after delete: {other:?}"
                )))
            }
        }
        Ok(((), format!("HTTP 204, no body; id {created} now 404")))
    })
    .await
}
