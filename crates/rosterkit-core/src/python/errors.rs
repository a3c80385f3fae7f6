//! The Python exception hierarchy and the one place that maps [`Error`] onto
//! it.
//!
//! The classes are created at import time with `type(name, bases, ns)`
//! rather than `#[pyclass(extends = PyException)]`, because subclassing an
//! exception from Rust needs Python 3.12 under the stable ABI and the wheel
//! is `abi3-py39`; `type()` also lets `InvalidInput` subclass `ValueError`
//! as well as `RosterKitError`.

use crate::{Error, RetryAfter};
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use std::time::{SystemTime, UNIX_EPOCH};

/// Every exception class, created once per interpreter.
struct Classes {
    /// Transport errors that are timeouts: also a builtin `TimeoutError`.
    timeout: Py<PyType>,
    base: Py<PyType>,
    by_kind: Vec<(&'static str, &'static str, Py<PyType>)>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn class(
    py: Python<'_>,
    name: &str,
    doc: &str,
    kind: Option<&str>,
    bases: &[&Bound<'_, PyType>],
) -> PyResult<Py<PyType>> {
    let ns = PyDict::new(py);
    ns.set_item("__module__", "rosterkit")?;
    ns.set_item("__doc__", doc)?;
    ns.set_item("kind", kind)?;
    let bases = PyTuple::new(py, bases)?;
    let made = py.get_type::<PyType>().call1((name, bases, ns))?;
    Ok(made.cast_into::<PyType>()?.unbind())
}

/// (kind, class name, docstring, subclass of ApiError)
const KINDS: [(&str, &str, &str, bool); 9] = [
    ("unsupported", "Unsupported", "The vendor's API cannot do this: `provider`, `operation`, `reason`.", false),
    ("auth", "AuthError", "HTTP 401 or 403: the credential is missing, wrong or lacks a permission.", true),
    ("not_found", "NotFound", "HTTP 404: the user, group or route does not exist.", true),
    ("conflict", "Conflict", "HTTP 409: the change conflicts with the current state.", true),
    ("rate_limited", "RateLimited", "HTTP 429 after the retries ran out; `retry_after` is seconds (float) or None.", true),
    ("decode", "DecodeError", "The response body did not have the documented shape: `message`, `excerpt` (at most 120 scrubbed characters).", false),
    ("transport", "TransportError", "The request got no response (connection, timeout, deadline), or the outcome of a change is unknown.", false),
    ("refused", "Refused", "A membership sync refused by a safety guard before any change: `guard` names it, `message` says how to override it.", false),
    ("api", "ApiError", "The vendor answered with an error: `status`, `vendor_code`, `message`, `debug_identifier`.", false),
];

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let exception = py.get_type::<PyException>();
        let base = class(
            py,
            "RosterKitError",
            "Base class of every RosterKit error. `kind` names the variant and \
             `details` is the error as a dict, exactly as the Rust core serializes it.",
            None,
            &[&exception],
        )?;
        let b = base.bind(py).clone();
        let api = class(py, "ApiError", KINDS[8].2, Some("api"), &[&b])?;
        let a = api.bind(py).clone();
        let value_error = py.get_type::<PyValueError>();
        let mut by_kind = vec![(
            "invalid_input",
            "InvalidInput",
            class(
                py,
                "InvalidInput",
                "A value the vendor document does not allow: `field` names it, `reason` says why.",
                Some("invalid_input"),
                &[&b, &value_error],
            )?,
        )];
        for (kind, name, doc, under_api) in &KINDS[..8] {
            let parent = if *under_api { &a } else { &b };
            by_kind.push((kind, name, class(py, name, doc, Some(kind), &[parent])?));
        }
        by_kind.push(("api", "ApiError", api));
        let transport = by_kind
            .iter()
            .find(|(kind, _, _)| *kind == "transport")
            .map(|(_, _, c)| c.bind(py).clone())
            .ok_or_else(|| PyValueError::new_err("no TransportError class"))?;
        let timeout = class(
            py,
            "TimeoutError",
            "A transport error that is a timeout (an HTTP exchange took longer than allowed); \
             also a builtin TimeoutError, so `except TimeoutError` catches it.",
            Some("transport"),
            &[
                &transport,
                &py.get_type::<pyo3::exceptions::PyTimeoutError>(),
            ],
        )?;
        Ok(Classes {
            timeout,
            base,
            by_kind,
        })
    })
}

/// Adds every exception class to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    m.add("RosterKitError", c.base.bind(py))?;
    m.add("TimeoutError", c.timeout.bind(py))?;
    for (_, name, class) in &c.by_kind {
        m.add(*name, class.bind(py))?;
    }
    Ok(())
}

/// Seconds until a retry is welcome, read against this machine's clock when
/// the server sent an absolute date.
fn retry_after_seconds(r: &RetryAfter) -> f64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    r.delay_millis(now) as f64 / 1000.0
}

/// The exception instance for `error`, with its attributes.
pub fn instance<'py>(py: Python<'py>, error: &Error) -> PyResult<Bound<'py, PyAny>> {
    let c = classes(py)?;
    let class = if error.is_timeout() {
        &c.timeout
    } else {
        c.by_kind
            .iter()
            .find(|(kind, _, _)| *kind == error.kind())
            .map_or(&c.base, |(_, _, class)| class)
    };
    // The core's Display never contains a credential, so it is safe as str(e).
    let instance = class.bind(py).call1((error.to_string(),))?;
    instance.setattr("details", super::to_py(py, error)?)?;
    instance.setattr("message", error.message())?;
    match error {
        Error::InvalidInput { field, reason } => {
            instance.setattr("field", field)?;
            instance.setattr("reason", reason)?;
        }
        Error::Unsupported {
            provider,
            operation,
            reason,
        } => {
            instance.setattr("provider", provider.id())?;
            instance.setattr("operation", operation)?;
            instance.setattr("reason", reason)?;
        }
        Error::Api { .. }
        | Error::Auth { .. }
        | Error::NotFound { .. }
        | Error::Conflict { .. } => {
            instance.setattr("status", error.status())?;
            instance.setattr("vendor_code", error.vendor_code())?;
            instance.setattr("debug_identifier", error.debug_identifier())?;
        }
        Error::RateLimited { retry_after, .. } => {
            instance.setattr("status", 429)?;
            instance.setattr("vendor_code", error.vendor_code())?;
            instance.setattr("debug_identifier", error.debug_identifier())?;
            instance.setattr("retry_after", retry_after.as_ref().map(retry_after_seconds))?;
        }
        Error::Decode { excerpt, .. } => instance.setattr("excerpt", excerpt)?,
        Error::Refused { guard, .. } => instance.setattr("guard", guard)?,
        Error::Transport { .. } => {}
    }
    Ok(instance)
}

impl From<Error> for PyErr {
    fn from(error: Error) -> PyErr {
        Python::attach(|py| match instance(py, &error) {
            Ok(i) => PyErr::from_value(i),
            Err(e) => e,
        })
    }
}

impl<'py> IntoPyObject<'py> for Error {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instance(py, &self)
    }
}

impl<'py> IntoPyObject<'py> for &Error {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instance(py, self)
    }
}

/// A Python `InvalidInput` naming `field`.
pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> PyErr {
    Error::invalid(field, reason).into()
}
