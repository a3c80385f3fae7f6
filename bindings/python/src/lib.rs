//! # rosterkit-python
//!
//! The compiled module `rosterkit._native` behind the `rosterkit` Python
//! package. The models, plan, report and exceptions are the core's own
//! (`rosterkit-core`'s `python` feature); this crate adds the client, which
//! forwards to the `rosterkit` driver (HTTP in Rust with the GIL released, or
//! over a Python callable), lazy pages, the sans-IO flows and the embedded
//! emulator. The Python layer in `packages/python/python/rosterkit/` gives
//! them their Python signatures.

mod call;
mod client;
mod emulator;
mod pages;
mod sansio;
mod transport;
mod value;

use pyo3::prelude::*;

/// RosterKit's compiled core: clients, models, errors, sans-IO flows and the
/// embedded emulator. Import from `rosterkit` rather than from here.
#[pymodule(name = "_native")]
fn rosterkit_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    rosterkit_core::python::register(m)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<client::ApplyProgress>()?;
    m.add_class::<call::PendingCall>()?;
    m.add_class::<pages::Pages>()?;
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
    m.add_function(wrap_pyfunction!(sansio::capabilities, m)?)?;
    m.add_function(wrap_pyfunction!(sansio::endpoint_ids, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
