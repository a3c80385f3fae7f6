//! Progress on stderr for long runs, drawn only when stderr is a terminal.
//!
//! The bar advances from a client hook, once per HTTP exchange: for a list
//! that is once per page, for an apply once per call. Driving it from the
//! hook keeps the core's flows (paging, retries, read-modify-write) intact
//! instead of re-implementing them here to count.

use indicatif::{ProgressBar, ProgressStyle};
use rosterkit::{Hook, RequestInfo};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// A shared progress display; clones drive the same bar.
#[derive(Clone)]
pub struct Progress {
    enabled: bool,
    bar: Arc<Mutex<Option<ProgressBar>>>,
}

impl Progress {
    /// A display that draws only when stderr is a terminal.
    pub fn for_stderr() -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            bar: Arc::default(),
        }
    }

    fn set(&self, bar: Option<ProgressBar>) {
        let mut slot = self.bar.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(old) = slot.take() {
            old.finish_and_clear();
        }
        *slot = bar;
    }

    /// A spinner counting pages while `what` is listed.
    pub fn pages(&self, what: &str) {
        if !self.enabled {
            return;
        }
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos} pages, {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(what.to_owned());
        bar.enable_steady_tick(Duration::from_millis(100));
        self.set(Some(bar));
    }

    /// A bar of `calls` steps while a plan is applied.
    pub fn calls(&self, what: &str, calls: u64) {
        if !self.enabled {
            return;
        }
        let bar = ProgressBar::new(calls);
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} calls, {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(what.to_owned());
        self.set(Some(bar));
    }

    /// Removes the display.
    pub fn finish(&self) {
        self.set(None);
    }

    /// Runs `f` (which prints) with the bar hidden, so output and bar do not
    /// interleave.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        let slot = self.bar.lock().unwrap_or_else(PoisonError::into_inner);
        match slot.as_ref() {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }
}

impl Hook for Progress {
    fn on_response(&self, _request: &RequestInfo, _status: Option<u16>, _elapsed: Duration) {
        let slot = self.bar.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(bar) = slot.as_ref() {
            bar.inc(1);
        }
    }
}
