//! The shared, lock-protected state behind every route.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::faults::FaultBook;
use crate::request_log::RequestLog;
use crate::vendors::{
    alteryx::AlteryxStore, b2core::B2coreStore, polaris::PolarisStore, spotnana::SpotnanaStore,
    ssw::SswStore,
};

/// Every vendor's data. One lock guards all of it: handlers only hold it for
/// in-memory work (never across an await), so contention stays negligible,
/// and each mutation is trivially atomic.
pub(crate) struct World {
    pub(crate) ssw: SswStore,
    pub(crate) spotnana: SpotnanaStore,
    pub(crate) b2core: B2coreStore,
    pub(crate) polaris: PolarisStore,
    pub(crate) alteryx: AlteryxStore,
}

impl World {
    /// The deterministic sample organizations.
    pub(crate) fn seeded() -> Self {
        World {
            ssw: SswStore::seeded(),
            spotnana: SpotnanaStore::seeded(),
            b2core: B2coreStore::seeded(),
            polaris: PolarisStore::seeded(),
            alteryx: AlteryxStore::seeded(),
        }
    }
}

/// Data, faults and request log of one emulator instance.
pub(crate) struct Inner {
    world: Mutex<World>,
    pub(crate) faults: FaultBook,
    pub(crate) log: RequestLog,
}

/// What axum handlers receive as state.
pub(crate) type AppState = Arc<Inner>;

impl Inner {
    pub(crate) fn new() -> Self {
        Inner {
            world: Mutex::new(World::seeded()),
            faults: FaultBook::default(),
            log: RequestLog::default(),
        }
    }

    /// Locks the vendor data. A poisoned lock is recovered rather than
    /// propagated: stores keep their invariants between statements that
    /// cannot panic, and a request must never turn into a panic.
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Restores the sample data and forgets faults and logged requests.
    pub(crate) fn reset(&self) {
        // Build the new world before taking the lock so requests are not
        // blocked while the sample data is generated.
        let fresh = World::seeded();
        *self.world() = fresh;
        self.faults.clear();
        self.log.clear();
    }
}
