//! Python classes and conversions for the core's types (feature `python`).
//! The pyo3 binding registers these; it declares no model of its own.

mod convert;
mod enums;
mod errors;
mod models;

pub use convert::{from_py, ids, loads, loads_verbatim, to_json, to_py};
pub use errors::{instance as exception, invalid};

use pyo3::prelude::*;

/// Adds the core's classes and exceptions to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<crate::unified::User>()?;
    m.add_class::<crate::unified::Group>()?;
    m.add_class::<crate::unified::Member>()?;
    m.add_class::<crate::unified::Permission>()?;
    m.add_class::<crate::unified::NewGroup>()?;
    m.add_class::<crate::unified::GroupChanges>()?;
    m.add_class::<crate::unified::Directory>()?;
    m.add_class::<crate::unified::Support>()?;
    m.add_class::<crate::unified::Capabilities>()?;
    m.add_class::<crate::retry::RetryPolicy>()?;
    m.add_class::<crate::membership::SyncOptions>()?;
    m.add_class::<crate::membership::DesiredEntry>()?;
    m.add_class::<crate::membership::PlannedStep>()?;
    m.add_class::<crate::membership::MembershipPlan>()?;
    m.add_class::<crate::membership::UserOutcome>()?;
    m.add_class::<crate::membership::StepOutcome>()?;
    m.add_class::<crate::membership::ApplyReport>()?;
    m.add_class::<crate::http::Header>()?;
    m.add_class::<crate::http::Request>()?;
    m.add_class::<crate::http::Response>()?;
    Ok(())
}
