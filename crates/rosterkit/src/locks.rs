//! Per-user locks, process-wide: a Polaris removal rewrites the whole user
//! (GET, then PUT), so two steps touching the same user at once would lose
//! one change. Any two applies in this process, on any client for the same
//! base URL, take turns on a user; different users run in parallel.

use futures_util::lock::{Mutex as AsyncMutex, OwnedMutexGuard};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

type Table = Mutex<HashMap<String, Arc<AsyncMutex<()>>>>;

fn table() -> &'static Table {
    static LOCKS: OnceLock<Table> = OnceLock::new();
    LOCKS.get_or_init(Default::default)
}

/// The locks of one base URL.
#[derive(Clone, Debug)]
pub(crate) struct UserLocks {
    scope: String,
}

/// Held locks; released on drop.
pub(crate) struct Held(#[allow(dead_code)] Vec<OwnedMutexGuard<()>>);

impl UserLocks {
    pub(crate) fn new(scope: &str) -> UserLocks {
        UserLocks {
            scope: scope.to_owned(),
        }
    }

    /// Takes the locks of `keys`, in sorted order so two steps never wait on
    /// each other.
    pub(crate) async fn lock(&self, keys: &[String]) -> Held {
        if keys.is_empty() {
            return Held(Vec::new());
        }
        let mut keys: Vec<&String> = keys.iter().collect();
        keys.sort_unstable();
        keys.dedup();
        let mutexes: Vec<Arc<AsyncMutex<()>>> = match table().lock() {
            Ok(mut t) => {
                // Forget locks nobody holds, so the table stays small.
                if t.len() > 4096 {
                    t.retain(|_, m| Arc::strong_count(m) > 1);
                }
                keys.iter()
                    .map(|k| {
                        t.entry(format!("{}\u{0}{k}", self.scope))
                            .or_default()
                            .clone()
                    })
                    .collect()
            }
            Err(_) => Vec::new(),
        };
        let mut held = Vec::with_capacity(mutexes.len());
        for m in mutexes {
            held.push(m.lock_owned().await);
        }
        Held(held)
    }
}
