//! The core's plain enums as Python `str` values (`"ssw"`, `"added"`,
//! `"authoritative"`): the same spelling as their JSON, comparable with a
//! literal, and typed as `Literal[...]` in the stubs.

use crate::membership::{Action, Change, OutcomeStatus, Resolution, StepStatus, SyncMode};
use crate::paging::PageStyle;
use crate::Provider;
use pyo3::prelude::*;
use pyo3::types::PyString;

macro_rules! str_enum {
    ($($ty:ty => $field:literal),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::intern(py, &wire(&self)))
            }
        }

        impl<'py> IntoPyObject<'py> for &$ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::intern(py, &wire(self)))
            }
        }

        impl<'a, 'py> FromPyObject<'a, 'py> for $ty {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let text: String = obj.extract()?;
                // serde's message lists the accepted values.
                serde_json::from_value(serde_json::Value::String(text))
                    .map_err(|e| super::errors::invalid($field, e.to_string()))
            }
        }
    )*};
}

/// The serde (JSON) name of a unit variant.
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

// Each with the name of the argument or field it arrives as.
str_enum!(
    Provider => "provider",
    PageStyle => "page_style",
    Action => "action",
    SyncMode => "mode",
    Resolution => "resolution",
    Change => "change",
    OutcomeStatus => "status",
    StepStatus => "status",
);
