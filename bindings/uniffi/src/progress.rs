//! Reading an apply's report after its coroutine or task was cancelled.

use rosterkit_core::membership::ApplyReport;

/// Pass one to `apply`/`sync`; if the call is cancelled (a Kotlin coroutine,
/// a Swift task), `report()` still says which changes ran, which are
/// unknown (in flight) and which never started.
#[derive(Default, uniffi::Object)]
pub struct ApplyProgress(pub(crate) rosterkit::ApplyProgress);

#[uniffi::export]
impl ApplyProgress {
    /// A tracker for one apply.
    #[uniffi::constructor]
    pub fn new() -> Self {
        ApplyProgress::default()
    }

    /// The report as things stand; `null`/`nil` before the apply started.
    pub fn report(&self) -> Option<ApplyReport> {
        self.0.report()
    }
}
