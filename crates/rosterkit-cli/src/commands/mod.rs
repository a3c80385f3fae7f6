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
use crate::output;
use crate::progress::Progress;
use rosterkit::{Client, Directory};
use serde::Serialize;
use serde_json::Value;

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
}

impl Admin {
    /// Connects (no request is sent yet).
    pub fn connect(connection: &Connection, format: OutputFormat) -> Result<Admin, Failure> {
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
        })
    }

    /// Prints `value` with `columns` first.
    pub fn show(&self, value: &Value, columns: &[&str]) {
        output::print(&output::render(self.format, value, columns));
    }

    /// Serializes then prints.
    pub fn show_as<T: Serialize>(&self, value: &T, columns: &[&str]) -> Result<(), Failure> {
        let value = serde_json::to_value(value).map_err(rosterkit::Error::from)?;
        self.show(&value, columns);
        Ok(())
    }
}
