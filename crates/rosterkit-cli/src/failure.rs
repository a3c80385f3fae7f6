//! Why a command failed, and the exit code that says so.
//!
//! Exit codes are a contract for scripts: 0 ok, 1 the operation failed (the
//! vendor refused, the network failed, the provider cannot do it), 2 the
//! command line or configuration is wrong.

use rosterkit::Error;
use std::fmt;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when an operation failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code for a usage or configuration error.
pub const EXIT_USAGE: u8 = 2;

/// A command's failure. None of the variants ever holds a credential.
#[derive(Debug)]
pub enum Failure {
    /// The command line, a profile or an input file is wrong.
    Usage(String),
    /// The client or the vendor reported an error.
    Client(Error),
    /// The operation ran but did not do everything (a partial apply, a
    /// demo step that failed); the details were already printed.
    Incomplete(String),
}

impl Failure {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            // Invalid input is raised before any request, from what the user typed.
            Failure::Client(Error::InvalidInput { .. }) => EXIT_USAGE,
            Failure::Client(_) | Failure::Incomplete(_) => EXIT_FAILED,
        }
    }

    /// The error as JSON, for `--output json`: the core's error keeps its
    /// `kind` tag; the others get `usage` or `incomplete`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Failure::Client(e) => serde_json::json!({ "error": e, "message": e.to_string() }),
            Failure::Usage(m) => {
                serde_json::json!({ "error": { "kind": "usage", "message": m }, "message": m })
            }
            Failure::Incomplete(m) => {
                serde_json::json!({ "error": { "kind": "incomplete", "message": m }, "message": m })
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Incomplete(m) => f.write_str(m),
            Failure::Client(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Client(e)
    }
}

/// Shorthand for a usage failure.
pub fn usage(message: impl Into<String>) -> Failure {
    Failure::Usage(message.into())
}
