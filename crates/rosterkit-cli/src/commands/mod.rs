//! The admin commands that talk to one tenant (a real one or the emulator).

mod call;
mod capabilities;
mod groups;
mod members;
mod users;

pub use call::{list_endpoints, operation as call_operation, run as call};
pub use capabilities::run as capabilities;
pub use groups::run as groups;
pub use members::run as members;
pub use users::run as users;

use crate::cli::OutputFormat;
use crate::connection::Connection;
use crate::failure::Failure;
use crate::output::{self, Lister};
use crate::progress::Progress;
use futures_util::{Stream, StreamExt};
use rosterkit::{Client, Directory};
use serde::Serialize;
use serde_json::Value;

/// Columns shown first for groups.
pub const GROUP_COLUMNS: &[&str] = &[
    "id",
    "name",
    "description",
    "role",
    "permissions",
    "member_count",
    "read_only",
];
/// Columns shown first for users.
pub const USER_COLUMNS: &[&str] = &["id", "email", "username", "name", "status"];
/// Columns shown first for members.
pub const MEMBER_COLUMNS: &[&str] = &["user_id", "email", "name", "added_at"];

/// What an admin command works with.
pub struct Admin {
    /// The client for the resolved connection.
    pub client: Client,
    /// Progress on stderr.
    pub progress: Progress,
    /// Provider and tenant, for planning membership changes.
    pub directory: Directory,
    /// How to print.
    pub format: OutputFormat,
    /// `--columns`.
    pub columns: Vec<String>,
    /// `--limit`.
    pub limit: Option<usize>,
}

impl Admin {
    /// Connects (no request is sent yet).
    pub fn connect(
        connection: &Connection,
        format: OutputFormat,
        columns: &[String],
        limit: Option<usize>,
    ) -> Result<Admin, Failure> {
        let progress = Progress::for_stderr();
        let client = connection.client(progress.clone())?;
        Ok(Admin {
            client,
            progress,
            directory: Directory {
                provider: connection.provider,
                tenant_id: connection.tenant_id.clone(),
            },
            format,
            columns: columns.to_vec(),
            limit,
        })
    }

    /// Prints `value` with `columns` first (or the `--columns` chosen).
    pub fn show(&self, value: &Value, columns: &[&str]) {
        let chosen: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        let columns = if chosen.is_empty() { columns } else { &chosen };
        output::print(&output::render(self.format, value, columns));
    }

    /// Prints a JSON value as it is, whatever the format (reports, plans).
    pub fn show_as_value(&self, value: &Value) {
        let format = match self.format {
            OutputFormat::Ndjson => OutputFormat::Ndjson,
            _ => OutputFormat::Json,
        };
        output::print(&output::render(format, value, &[]));
    }

    /// Serializes then prints.
    pub fn show_as<T: Serialize>(&self, value: &T, columns: &[&str]) -> Result<(), Failure> {
        let value = serde_json::to_value(value).map_err(rosterkit::Error::from)?;
        self.show(&value, columns);
        Ok(())
    }
}

/// Prints a listing as its pages arrive, stopping at `--limit` (no page past
/// it is fetched).
pub async fn list_streamed<T: Serialize>(
    admin: &Admin,
    pages: impl Stream<Item = Result<Vec<T>, rosterkit::Error>>,
    columns: &[&str],
) -> Result<(), Failure> {
    let mut lister = Lister::new(admin.format, columns, &admin.columns, admin.limit);
    let mut pages = std::pin::pin!(pages);
    admin.progress.pages("listing");
    while !lister.full() {
        let Some(page) = pages.next().await else {
            break;
        };
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                admin.progress.finish();
                lister.finish();
                return Err(e.into());
            }
        };
        let items: Vec<Value> = page
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<_, _>>()
            .map_err(rosterkit::Error::from)?;
        admin.progress.suspend(|| lister.page(&items));
    }
    admin.progress.finish();
    lister.finish();
    Ok(())
}
