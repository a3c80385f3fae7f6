//! # rosterkit-python
//!
//! The compiled module `rosterkit._native` behind the `rosterkit` Python
//! package. It only converts: every request, parser, retry decision, page
//! walk and membership plan comes from `rosterkit-core`, and HTTP runs in the
//! `rosterkit` crate's reqwest client with the GIL released. The Python layer
//! in `packages/python/python/rosterkit/` adds the idiomatic classes.

mod client;
mod emulator;
mod errors;
mod json;
mod models;
mod pages;
mod plan;
mod runtime;
mod sansio;

use pyo3::prelude::*;

/// RosterKit's compiled core: clients, models, errors, sans-IO flows and the
/// embedded emulator. Import from `rosterkit` rather than from here.
#[pymodule(name = "_native")]
fn rosterkit_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<models::PyUser>()?;
    m.add_class::<models::PyGroup>()?;
    m.add_class::<models::PyMember>()?;
    m.add_class::<models::PyPermission>()?;
    m.add_class::<plan::PyPlanStep>()?;
    m.add_class::<plan::PySyncPlan>()?;
    m.add_class::<plan::PyStepResult>()?;
    m.add_class::<plan::PyApplyReport>()?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<pages::Pages>()?;
    m.add_class::<sansio::PyRequest>()?;
    m.add_class::<sansio::PySend>()?;
    m.add_class::<sansio::PySleep>()?;
    m.add_class::<sansio::PyDone>()?;
    m.add_class::<sansio::PyFlow>()?;
    m.add_class::<emulator::EmulatorServer>()?;
    m.add_function(wrap_pyfunction!(sansio::build_request, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::parse_response, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::call_flow, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::pages_flow, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::unified_flow, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::step_flow, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::plan_sync, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::capabilities, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::endpoint_ids, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
