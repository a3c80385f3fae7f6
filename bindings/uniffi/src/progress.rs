//! Reading an apply's report after its coroutine or task was cancelled, and
//! cancelling it from the outside.

use rosterkit_core::membership::ApplyReport;

/// Pass one to `apply`/`sync`; if the call is cancelled (a Kotlin coroutine,
/// a Swift task through `cancel()`), `report()` still says which changes
/// ran, which are unknown (in flight) and which never started.
#[derive(Default, uniffi::Object)]
pub struct ApplyProgress {
    pub(crate) progress: rosterkit::ApplyProgress,
    pub(crate) cancel: rosterkit::Cancel,
}

#[uniffi::export]
impl ApplyProgress {
    /// A tracker for one apply.
    #[uniffi::constructor]
    pub fn new() -> Self {
        ApplyProgress::default()
    }

    /// The report as things stand; `null`/`nil` before the apply started.
    pub fn report(&self) -> Option<ApplyReport> {
        self.progress.report()
    }

    /// Cancels the apply: changes in flight are abandoned (reported
    /// unknown), the others never start (not run), and the call returns
    /// that report. Kotlin needs no call (cancelling the coroutine drops
    /// the apply); Swift does, from `withTaskCancellationHandler`, because
    /// uniffi's Swift async calls run to completion when their `Task` is
    /// cancelled.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }
}
