//! What every core record offers in Python: `to_dict()` (keys in field
//! order, values as plain Python data), a `repr` that reads like the
//! constructor, equality (and hashing where every field is hashable), and
//! pickling and `copy` through the record's JSON form.

use super::to_py;
use crate::http::{Header, Request, Response};
use crate::membership::{
    ApplyReport, DesiredEntry, MembershipPlan, PlannedStep, StepKind, StepOutcome, SyncOptions,
    UserOutcome,
};
use crate::retry::RetryPolicy;
use crate::unified::{
    Capabilities, Directory, Group, GroupChanges, Member, NewGroup, Permission, Support, User,
};
use crate::{Error, Operation};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// `Name(field=value, ...)` from the record's dict. An `Authorization`
/// header shows its scheme only: a request's repr must not print the token.
fn repr(name: &str, dict: &Bound<'_, PyAny>) -> PyResult<String> {
    let dict = dict.cast::<PyDict>()?;
    let mut parts = Vec::with_capacity(dict.len());
    let secret = dict
        .get_item("name")?
        .and_then(|n| n.extract::<String>().ok())
        .is_some_and(|n| n.eq_ignore_ascii_case("authorization"));
    for (k, v) in dict.iter() {
        let key = k.str()?.to_string();
        let shown = match (key.as_str(), name) {
            ("value", "Header") if secret => {
                let value: String = v.extract()?;
                format!("'{} ***'", value.split(' ').next().unwrap_or(""))
            }
            // Lists of headers: each header's own repr, redacted as above.
            // Headers are `(name, value)` pairs in the dict.
            ("headers", _) => {
                let mut items = Vec::new();
                for h in v.try_iter()? {
                    let pair: Vec<String> = h?.extract()?;
                    let [header, value] = <[String; 2]>::try_from(pair).map_err(|_| {
                        pyo3::exceptions::PyValueError::new_err("a header is [name, value]")
                    })?;
                    let shown = if header.eq_ignore_ascii_case("authorization") {
                        format!("{} ***", value.split(' ').next().unwrap_or(""))
                    } else {
                        value
                    };
                    items.push(format!("({header:?}, {shown:?})"));
                }
                format!("[{}]", items.join(", "))
            }
            ("body", _) if !v.is_none() => format!("<{} bytes>", v.len()?),
            _ => v.repr()?.to_string(),
        };
        parts.push(format!("{key}={shown}"));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| PyErr::from(Error::from(e)))
}

macro_rules! py_model {
    ($($ty:ident $({ $($extra:tt)* })?),* $(,)?) => {$(
        #[pymethods]
        impl $ty {
            /// Every field as a dict, keys in field order.
            // Python's name for it, whatever the type's size.
            #[allow(clippy::wrong_self_convention)]
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, self)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                repr(stringify!($ty), &to_py(py, self)?)
            }

            /// Pickling and `copy` rebuild the record from its JSON form.
            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
                let json = serde_json::to_string(slf.get()).map_err(|e| PyErr::from(Error::from(e)))?;
                let rebuild = slf.get_type().getattr("_from_json")?;
                Ok((rebuild, PyTuple::new(slf.py(), [json])?))
            }

            #[staticmethod]
            fn _from_json(json: &str) -> PyResult<Self> {
                decode(json)
            }

            $($($extra)*)?
        }
    )*};
}

py_model!(
    User,
    Group,
    Member,
    Permission {
        #[new]
        #[pyo3(signature = (name, resources = Vec::new()))]
        fn py_new(name: String, resources: Vec<String>) -> Self {
            Permission { name, resources }
        }
    },
    NewGroup,
    GroupChanges,
    Directory,
    Support,
    Capabilities,
    RetryPolicy,
    SyncOptions,
    DesiredEntry,
    PlannedStep,
    MembershipPlan,
    UserOutcome,
    StepOutcome,
    ApplyReport {
        /// The users whose change failed, is unknown or did not run.
        #[pyo3(name = "failures")]
        fn py_failures(&self) -> Vec<UserOutcome> {
            self.failures().cloned().collect()
        }

        /// Raises the first failure; returns the report when every user is
        /// as desired.
        fn raise_for_errors(slf: &Bound<'_, Self>) -> PyResult<Py<Self>> {
            slf.get().clone().into_result()?;
            Ok(slf.clone().unbind())
        }
    },
    Header {
        #[new]
        fn py_new(name: String, value: String) -> Self {
            Header { name, value }
        }

        /// A header unpacks as `(name, value)`, so `dict(request.headers)` works.
        fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            PyTuple::new(py, [&self.name, &self.value])?.try_iter().map(Bound::into_any)
        }

        fn __len__(&self) -> usize {
            2
        }
    },
    Request {
        /// The first header with this name, compared case-insensitively.
        #[pyo3(name = "header")]
        fn py_header(&self, name: &str) -> Option<String> {
            self.header(name).map(str::to_owned)
        }
    },
    Response {
        #[new]
        #[pyo3(signature = (status, headers = Vec::new(), body = Vec::new()))]
        fn py_new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
            Response {
                status,
                headers: headers.into_iter().map(|(name, value)| Header { name, value }).collect(),
                body,
            }
        }
    },
);

impl<'py> IntoPyObject<'py> for StepKind {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self)
    }
}

impl<'py> IntoPyObject<'py> for Operation {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self)
    }
}
