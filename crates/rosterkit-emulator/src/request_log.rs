//! The record of requests the vendor APIs received.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

/// One request to a vendor API, as the emulator saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedRequest {
    /// Provider id (`"ssw"`, ...).
    pub provider: String,
    /// HTTP method, upper case.
    pub method: String,
    /// The raw (still percent-encoded) path after the vendor prefix.
    pub path: String,
    /// The raw query string, without `?`.
    pub query: Option<String>,
    /// The status sent back; 0 when a fault dropped the connection.
    pub status: u16,
    /// The handler's own status when it ran and a fault then replaced or
    /// dropped its response (the change took effect, the client never
    /// heard); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled: Option<u16>,
}

/// Oldest entries are discarded beyond this, so a long-running emulator
/// (a demo left open, a soak test) cannot grow without bound.
const CAPACITY: usize = 100_000;

/// The shared request log.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: Mutex<VecDeque<LoggedRequest>>,
}

impl RequestLog {
    fn lock(&self) -> MutexGuard<'_, VecDeque<LoggedRequest>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn push(&self, entry: LoggedRequest) {
        let mut entries = self.lock();
        if entries.len() >= CAPACITY {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    pub(crate) fn snapshot(&self) -> Vec<LoggedRequest> {
        self.lock().iter().cloned().collect()
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }
}
