//! The emulator handle: shared state plus the controls tests use.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;

use crate::faults::Fault;
use crate::request_log::LoggedRequest;
use crate::server::{self, RunningEmulator};
use crate::state::{AppState, Inner};
use crate::vendor::Vendor;

/// An in-memory emulator of the five vendor APIs.
///
/// Cloning is cheap and every clone shares the same data, faults and request
/// log, so a test can keep one clone while the server owns another.
#[derive(Clone)]
pub struct Emulator {
    app: AppState,
}

impl Default for Emulator {
    fn default() -> Self {
        Emulator::new()
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator").finish_non_exhaustive()
    }
}

/// Why [`Emulator::add_extra_members`] could not add members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraMembersError {
    message: String,
}

impl fmt::Display for ExtraMembersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExtraMembersError {}

impl Emulator {
    /// An emulator holding the default sample organizations.
    pub fn new() -> Self {
        Emulator {
            app: Arc::new(Inner::new()),
        }
    }

    /// All five vendor APIs under their prefixes plus the `/_emulator` admin
    /// routes, for mounting in another server. Drop faults need the
    /// emulator's own server ([`Emulator::start`]); elsewhere they answer 500.
    pub fn router(&self) -> Router {
        crate::vendors::router(self.app.clone())
    }

    /// Serves on 127.0.0.1 at a free port, in a task on the current tokio runtime.
    pub async fn start(&self) -> std::io::Result<RunningEmulator> {
        self.start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
    }

    /// Serves on `addr`, in a task on the current tokio runtime.
    pub async fn start_on(&self, addr: SocketAddr) -> std::io::Result<RunningEmulator> {
        server::serve(self.clone(), addr).await
    }

    /// Adds a fault; it applies to requests arriving from now on.
    pub fn add_fault(&self, fault: Fault) {
        self.app.faults.add(fault);
    }

    /// Removes every fault.
    pub fn clear_faults(&self) {
        self.app.faults.clear();
    }

    /// The faults still active, in the order they are checked.
    pub fn faults(&self) -> Vec<Fault> {
        self.app.faults.list()
    }

    /// Every vendor request received so far, oldest first.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        self.app.log.snapshot()
    }

    /// Forgets the requests received so far.
    pub fn clear_request_log(&self) {
        self.app.log.clear();
    }

    /// Restores the sample data and clears faults and the request log, as
    /// `POST /_emulator/reset` does.
    pub fn reset(&self) {
        self.app.reset();
    }

    /// Adds `n` new synthetic users to `provider` and makes them members of
    /// `group_id`, for paging tests and benchmarks. Supported for `ssw`,
    /// `spotnana`, `polaris` and `alteryx` (B2Core groups have no members).
    ///
    /// The users survive until the next reset.
    pub fn add_extra_members(
        &self,
        provider: &str,
        group_id: &str,
        n: usize,
    ) -> Result<(), ExtraMembersError> {
        let mut world = self.app.world();
        let result = match Vendor::from_id(provider) {
            Some(Vendor::Ssw) => world.ssw.add_extra_members(group_id, n),
            Some(Vendor::Spotnana) => world.spotnana.add_extra_members(group_id, n),
            Some(Vendor::Polaris) => world.polaris.add_extra_members(group_id, n),
            Some(Vendor::Alteryx) => world.alteryx.add_extra_members(group_id, n),
            Some(Vendor::B2core) => Err("b2core groups have no members".to_owned()),
            None => Err(format!("unknown provider `{provider}`")),
        };
        result.map_err(|message| ExtraMembersError { message })
    }

    /// Builder form of [`Emulator::add_extra_members`].
    ///
    /// # Panics
    ///
    /// If the provider or group is unknown: this is test set-up, where a typo
    /// should fail loudly.
    pub fn with_extra_members(self, provider: &str, group_id: &str, n: usize) -> Self {
        if let Err(e) = self.add_extra_members(provider, group_id, n) {
            panic!("with_extra_members({provider:?}, {group_id:?}): {e}");
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + 'static>() {}

    #[test]
    fn handles_cross_threads() {
        // Bindings and the background runner move these between threads.
        assert_send_sync::<Emulator>();
        assert_send_sync::<crate::BackgroundEmulator>();
        assert_send_sync::<RunningEmulator>();
    }

    #[test]
    fn extra_members_reach_every_member_api() {
        let emulator = Emulator::new();
        emulator.add_extra_members("ssw", "grp_001", 5).unwrap();
        emulator
            .add_extra_members("alteryx", "61d58ac83c15317e1a482069", 5)
            .unwrap();
        emulator
            .add_extra_members("polaris", "d919f276-7857-4b59-a616-0c2540fb4ad1", 5)
            .unwrap();
        let spotnana_group = emulator.app.world().spotnana.groups.keys().next().cloned();
        emulator
            .add_extra_members("spotnana", &spotnana_group.unwrap_or_default(), 5)
            .unwrap();
        assert_eq!(
            emulator
                .app
                .world()
                .polaris
                .user_count("d919f276-7857-4b59-a616-0c2540fb4ad1"),
            23
        );
        assert!(emulator.add_extra_members("okta", "x", 1).is_err());
        emulator.reset();
        assert_eq!(
            emulator
                .app
                .world()
                .polaris
                .user_count("d919f276-7857-4b59-a616-0c2540fb4ad1"),
            18
        );
    }
}
