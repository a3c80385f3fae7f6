//! `rosterkit groups list|get|create|update|delete`.

use super::{Admin, GROUP_COLUMNS as COLUMNS};
use crate::cli::GroupsCommand;
use crate::failure::{usage, Failure};
use rosterkit::{GroupChanges, NewGroup, Permission};
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};

/// `--permission NAME` or, scoped to resources (Polaris),
/// `--permission NAME=projects/a,projects/b`.
pub fn parse_permission(s: &str) -> Permission {
    match s.split_once('=') {
        Some((name, resources)) => Permission {
            name: name.trim().to_owned(),
            resources: resources
                .split(',')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        None => Permission {
            name: s.trim().to_owned(),
            resources: Vec::new(),
        },
    }
}

/// Runs one groups subcommand.
pub async fn run(admin: &Admin, command: GroupsCommand) -> Result<(), Failure> {
    let client = &admin.client;
    match command {
        GroupsCommand::List => super::list_streamed(admin, client.group_pages()?, COLUMNS).await,
        GroupsCommand::Get { id } => admin.show_as(&client.get_group(&id).await?, COLUMNS),
        GroupsCommand::Create {
            name,
            permissions,
            role,
        } => {
            let permissions = permissions.iter().map(|p| parse_permission(p)).collect();
            let group = client
                .create_group(NewGroup {
                    name,
                    permissions,
                    role,
                })
                .await?;
            admin.show_as(&group, COLUMNS)
        }
        GroupsCommand::Update {
            id,
            name,
            permissions,
            role,
        } => {
            let permissions = (!permissions.is_empty())
                .then(|| permissions.iter().map(|p| parse_permission(p)).collect());
            let group = client
                .update_group(
                    &id,
                    GroupChanges {
                        name,
                        permissions,
                        role,
                    },
                )
                .await?;
            match group {
                Some(group) => admin.show_as(&group, COLUMNS),
                // SSW answers an update with a bare acknowledgement.
                None => {
                    admin.show(&json!({ "id": id, "updated": true }), &["id", "updated"]);
                    Ok(())
                }
            }
        }
        GroupsCommand::Delete { id, force, yes } => {
            if !yes {
                confirm_delete(admin, &id)?;
            }
            client.delete_group(&id, force).await?;
            admin.show(&json!({ "id": id, "deleted": true }), &["id", "deleted"]);
            Ok(())
        }
    }
}

/// Deleting asks on a terminal; elsewhere it needs `--yes`.
fn confirm_delete(admin: &Admin, id: &str) -> Result<(), Failure> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Failure::NotConfirmed(format!(
            "nothing was deleted: not a terminal, so deleting group {id} was not confirmed; pass --yes"
        )));
    }
    eprint!("Delete {} group {id}? [y/N] ", admin.directory.provider);
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| usage(format!("cannot read the answer: {e}")))?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Failure::NotConfirmed(format!("group {id} was not deleted")))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_permission;

    #[test]
    fn permissions_with_and_without_resources() {
        let p = parse_permission("AdministerReports=projects/a, projects/b");
        assert_eq!(p.name, "AdministerReports");
        assert_eq!(p.resources, vec!["projects/a", "projects/b"]);
        let p = parse_permission("accounts.read");
        assert_eq!(p.name, "accounts.read");
        assert!(p.resources.is_empty());
    }
}
