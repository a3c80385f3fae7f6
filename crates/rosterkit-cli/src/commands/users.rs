//! `rosterkit users list`.

use super::Admin;
use crate::cli::UsersCommand;
use crate::failure::Failure;

/// Runs one users subcommand.
pub async fn run(admin: &Admin, command: UsersCommand) -> Result<(), Failure> {
    match command {
        UsersCommand::List => {
            admin.progress.pages("listing users");
            let users = admin.client.list_users().await;
            admin.progress.finish();
            admin.show_as(&users?, &["id", "email", "username", "name", "status"])
        }
    }
}
