//! The embedded emulator (`rosterkit_emulator::BackgroundEmulator`): all five
//! vendor APIs in memory on a free 127.0.0.1 port, on its own thread.
//! `rosterkit.testing.Emulator` wraps it as a context manager.

use pyo3::prelude::*;
use rosterkit_core::python::{invalid, to_json, to_py};
use rosterkit_core::Error;
use rosterkit_emulator::{
    tokens, BackgroundEmulator, Fault, SPOTNANA_COMPANY_ID, SSW_ORGANIZATION_ID,
};
use std::sync::Mutex;

/// A running emulator. `stop()` (or dropping it) shuts it down.
#[pyclass(module = "rosterkit._native", name = "EmulatorServer", frozen)]
pub struct EmulatorServer {
    running: Mutex<Option<BackgroundEmulator>>,
    root_url: String,
}

fn known(provider: &str) -> PyResult<&'static str> {
    tokens::for_provider(provider).ok_or_else(|| {
        invalid(
            "provider",
            format!("unknown provider {provider:?}; expected one of ssw, spotnana, b2core, polaris, alteryx"),
        )
    })
}

impl EmulatorServer {
    fn with<T>(&self, f: impl FnOnce(&BackgroundEmulator) -> PyResult<T>) -> PyResult<T> {
        let guard = self
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match guard.as_ref() {
            Some(running) => f(running),
            None => Err(invalid("emulator", "the emulator has been stopped")),
        }
    }
}

#[pymethods]
impl EmulatorServer {
    /// Starts a freshly seeded emulator on 127.0.0.1 at a free port
    /// (or `port`, when given).
    #[new]
    #[pyo3(signature = (port = 0))]
    fn new(py: Python<'_>, port: u16) -> PyResult<Self> {
        let running = py
            .detach(|| BackgroundEmulator::start_on(port))
            .map_err(|e| {
                PyErr::from(Error::transport(format!(
                    "could not start the emulator: {e}"
                )))
            })?;
        Ok(EmulatorServer {
            root_url: running.root_url(),
            running: Mutex::new(Some(running)),
        })
    }

    /// `http://127.0.0.1:PORT`.
    #[getter]
    fn root_url(&self) -> &str {
        &self.root_url
    }

    /// The base URL a client for `provider` uses (root URL plus the vendor prefix).
    fn base_url(&self, provider: &str) -> PyResult<String> {
        known(provider)?;
        self.with(|r| Ok(r.base_url(provider)))
    }

    /// The one credential the emulator accepts for `provider`.
    #[staticmethod]
    fn token(provider: &str) -> PyResult<&'static str> {
        known(provider)
    }

    /// The SSW organization id or Spotnana company id of the sample data.
    #[staticmethod]
    fn tenant_id(provider: &str) -> PyResult<Option<&'static str>> {
        known(provider)?;
        Ok(match provider.trim().to_ascii_lowercase().as_str() {
            "ssw" => Some(SSW_ORGANIZATION_ID),
            "spotnana" => Some(SPOTNANA_COMPANY_ID),
            _ => None,
        })
    }

    /// Adds a fault, e.g. `{"provider": "b2core", "kind": {"type": "status",
    /// "status": 429, "retry_after": "1"}, "times": 3}`.
    fn add_fault(&self, fault: &Bound<'_, PyAny>) -> PyResult<()> {
        let fault: Fault = serde_json::from_value(to_json(fault, "fault")?)
            .map_err(|e| invalid("fault", e.to_string()))?;
        self.with(|r| {
            r.emulator().add_fault(fault);
            Ok(())
        })
    }

    /// Removes every fault.
    fn clear_faults(&self) -> PyResult<()> {
        self.with(|r| {
            r.emulator().clear_faults();
            Ok(())
        })
    }

    /// Every vendor request seen so far: provider, method, path, query, status.
    fn request_log(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let log = self.with(|r| Ok(r.emulator().request_log()))?;
        Ok(to_py(py, &log)?.unbind())
    }

    /// Forgets the request log.
    fn clear_request_log(&self) -> PyResult<()> {
        self.with(|r| {
            r.emulator().clear_request_log();
            Ok(())
        })
    }

    /// Restores the sample data and clears faults and the log.
    fn reset(&self) -> PyResult<()> {
        self.with(|r| {
            r.emulator().reset();
            Ok(())
        })
    }

    /// Adds `n` synthetic users to a group, for paging tests.
    fn add_extra_members(&self, provider: &str, group_id: &str, n: usize) -> PyResult<()> {
        self.with(|r| {
            r.emulator()
                .add_extra_members(provider, group_id, n)
                .map_err(|e| invalid("provider", e.to_string()))
        })
    }

    /// True until `stop()`.
    #[getter]
    fn running(&self) -> bool {
        self.running.lock().map(|g| g.is_some()).unwrap_or(false)
    }

    /// Stops the server and joins its thread; calling it again does nothing.
    fn stop(&self, py: Python<'_>) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        // Joining waits for in-flight requests: let other Python threads run.
        py.detach(move || drop(running));
    }

    fn __repr__(&self) -> String {
        format!("EmulatorServer(root_url={:?})", self.root_url)
    }
}
