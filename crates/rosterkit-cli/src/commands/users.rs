//! `rosterkit users list`.

use super::{Admin, USER_COLUMNS};
use crate::cli::UsersCommand;
use crate::failure::Failure;

/// Runs one users subcommand.
pub async fn run(admin: &Admin, command: UsersCommand) -> Result<(), Failure> {
    match command {
        UsersCommand::List => {
            super::list_streamed(admin, admin.client.user_pages()?, USER_COLUMNS).await
        }
    }
}
