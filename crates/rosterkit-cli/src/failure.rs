//! Why a command failed, and the exit code that says so.
//!
//! Exit codes are a contract for scripts (listed in `rosterkit --help`):
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | failed: the vendor refused, or the provider cannot do it |
//! | 2 | usage: the command line, a profile, a file or an input is wrong |
//! | 3 | partial failure: some users were not changed as planned |
//! | 4 | refused or conflict: a sync guard refused, a change was not confirmed, or HTTP 409 |
//! | 5 | authentication: HTTP 401 or 403 |
//! | 6 | not found: HTTP 404 |
//! | 7 | rate limited: HTTP 429 after the retries |
//! | 8 | transport: no response (connection, timeout) or a response that did not decode |

use rosterkit::Error;
use std::fmt;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when an operation failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code for a usage or configuration error.
pub const EXIT_USAGE: u8 = 2;
/// Exit code when some users were not changed as planned.
pub const EXIT_PARTIAL: u8 = 3;
/// Exit code when a guard refused, a change was not confirmed, or 409.
pub const EXIT_REFUSED: u8 = 4;
/// Exit code for 401 and 403.
pub const EXIT_AUTH: u8 = 5;
/// Exit code for 404.
pub const EXIT_NOT_FOUND: u8 = 6;
/// Exit code for 429 after the retries.
pub const EXIT_RATE_LIMITED: u8 = 7;
/// Exit code for transport and decode failures.
pub const EXIT_TRANSPORT: u8 = 8;

/// The exit codes, for `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes: 0 done; 1 failed (vendor error, unsupported); 2 usage (bad flags,
file or input); 3 partial failure (some users not changed as planned);
4 refused (a sync guard, an unconfirmed change, HTTP 409); 5 auth (401/403);
6 not found (404); 7 rate limited (429); 8 transport (no response, or a
response that did not decode).";

/// A command's failure. None of the variants ever holds a credential.
#[derive(Debug)]
pub enum Failure {
    /// The command line, a profile or an input file is wrong.
    Usage(String),
    /// The client or the vendor reported an error.
    Client(Error),
    /// Some users were not changed as planned; the report was printed.
    Partial(String),
    /// A change was not confirmed, so nothing was done.
    NotConfirmed(String),
    /// The operation ran but did not do everything (a demo step that failed,
    /// the emulator could not start); the details were already printed.
    Incomplete(String),
}

impl Failure {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            Failure::Partial(_) => EXIT_PARTIAL,
            Failure::NotConfirmed(_) => EXIT_REFUSED,
            Failure::Incomplete(_) => EXIT_FAILED,
            Failure::Client(e) => match e {
                // Invalid input is raised before any request, from what the user typed.
                Error::InvalidInput { .. } => EXIT_USAGE,
                Error::Refused { .. } | Error::Conflict { .. } => EXIT_REFUSED,
                Error::Auth { .. } => EXIT_AUTH,
                Error::NotFound { .. } => EXIT_NOT_FOUND,
                Error::RateLimited { .. } => EXIT_RATE_LIMITED,
                Error::Transport { .. } | Error::Decode { .. } => EXIT_TRANSPORT,
                Error::Api { .. } | Error::Unsupported { .. } => EXIT_FAILED,
            },
        }
    }

    /// The error as JSON, for `--output json` (on stderr): the core's error
    /// keeps its `kind` tag; the others get `usage`, `partial`,
    /// `not_confirmed` or `incomplete`.
    pub fn to_json(&self) -> serde_json::Value {
        let other = |kind: &str, m: &str| serde_json::json!({ "error": { "kind": kind, "message": m }, "message": m, "exit_code": self.exit_code() });
        match self {
            Failure::Client(e) => {
                serde_json::json!({ "error": e, "message": e.to_string(), "exit_code": self.exit_code() })
            }
            Failure::Usage(m) => other("usage", m),
            Failure::Partial(m) => other("partial", m),
            Failure::NotConfirmed(m) => other("not_confirmed", m),
            Failure::Incomplete(m) => other("incomplete", m),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m)
            | Failure::Incomplete(m)
            | Failure::Partial(m)
            | Failure::NotConfirmed(m) => f.write_str(m),
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
