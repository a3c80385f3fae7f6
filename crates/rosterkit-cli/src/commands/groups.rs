//! `rosterkit groups list|get|create|update|delete`.

use super::Admin;
use crate::cli::GroupsCommand;
use crate::failure::Failure;
use rosterkit::Permission;
use serde_json::json;

const COLUMNS: &[&str] = &[
    "id",
    "name",
    "description",
    "role",
    "permissions",
    "member_count",
    "read_only",
];

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
        GroupsCommand::List => {
            admin.progress.pages("listing groups");
            let groups = client.list_groups().await;
            admin.progress.finish();
            admin.show_as(&groups?, COLUMNS)
        }
        GroupsCommand::Get { id } => admin.show_as(&client.get_group(&id).await?, COLUMNS),
        GroupsCommand::Create {
            name,
            permissions,
            role,
        } => {
            let permissions = permissions.iter().map(|p| parse_permission(p)).collect();
            let group = client
                .create_group(&name, permissions, role.as_deref())
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
                .update_group(&id, name.as_deref(), permissions, role.as_deref())
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
        GroupsCommand::Delete { id, force } => {
            client.delete_group(&id, force).await?;
            admin.show(&json!({ "id": id, "deleted": true }), &["id", "deleted"]);
            Ok(())
        }
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
