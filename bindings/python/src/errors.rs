//! The Python exception hierarchy and the one place that maps
//! [`rosterkit_core::Error`] onto it.
//!
//! The classes are created at import time with `type(name, bases, ns)`
//! rather than `#[pyclass(extends = PyException)]`, because subclassing an
//! exception from Rust needs Python 3.12 under the stable ABI and we build
//! `abi3-py39`; `type()` also lets `InvalidInput` subclass `ValueError` as
//! well as `RosterKitError`.

use crate::json::value_to_py;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use rosterkit_core::{Error, RetryAfter};
use std::time::{SystemTime, UNIX_EPOCH};

/// Every exception class, created once per interpreter.
struct Classes {
    base: Py<PyType>,
    invalid_input: Py<PyType>,
    unsupported: Py<PyType>,
    api: Py<PyType>,
    auth: Py<PyType>,
    not_found: Py<PyType>,
    conflict: Py<PyType>,
    rate_limited: Py<PyType>,
    decode: Py<PyType>,
    transport: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

/// One class: its name, docstring and the `kind` it stands for. Instances
/// get their attributes in [`build`].
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

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let exception = py.get_type::<PyException>();
        let value_error = py.get_type::<PyValueError>();
        let base = class(
            py,
            "RosterKitError",
            "Base class of every RosterKit error. `kind` names the variant and \
             `details` is the error as a dict, exactly as the Rust core serializes it.",
            None,
            &[&exception],
        )?;
        let b = base.bind(py).clone();
        let api = class(
            py,
            "ApiError",
            "The vendor answered with an error: `status`, `vendor_code`, `message`.",
            Some("api"),
            &[&b],
        )?;
        let a = api.bind(py).clone();
        Ok(Classes {
            invalid_input: class(
                py,
                "InvalidInput",
                "A value the vendor document does not allow: `field` names it, `reason` says why.",
                Some("invalid_input"),
                &[&b, &value_error],
            )?,
            unsupported: class(
                py,
                "Unsupported",
                "The vendor's API cannot do this: `provider`, `operation`, `reason`.",
                Some("unsupported"),
                &[&b],
            )?,
            auth: class(
                py,
                "AuthError",
                "HTTP 401 or 403: the credential is missing, wrong or lacks a permission.",
                Some("auth"),
                &[&a],
            )?,
            not_found: class(
                py,
                "NotFound",
                "HTTP 404: the user, group or route does not exist.",
                Some("not_found"),
                &[&a],
            )?,
            conflict: class(
                py,
                "Conflict",
                "HTTP 409: the change conflicts with the current state.",
                Some("conflict"),
                &[&a],
            )?,
            rate_limited: class(
                py,
                "RateLimited",
                "HTTP 429 after the retries ran out; `retry_after` is seconds \
                 (float) or None.",
                Some("rate_limited"),
                &[&a],
            )?,
            decode: class(
                py,
                "DecodeError",
                "The response body did not have the documented shape: `message`, \
                 `excerpt` (at most 120 scrubbed characters).",
                Some("decode"),
                &[&b],
            )?,
            transport: class(
                py,
                "TransportError",
                "The request got no response (connection, timeout, deadline).",
                Some("transport"),
                &[&b],
            )?,
            api,
            base,
        })
    })
}

/// Adds every exception class to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    for (name, class) in [
        ("RosterKitError", &c.base),
        ("InvalidInput", &c.invalid_input),
        ("Unsupported", &c.unsupported),
        ("ApiError", &c.api),
        ("AuthError", &c.auth),
        ("NotFound", &c.not_found),
        ("Conflict", &c.conflict),
        ("RateLimited", &c.rate_limited),
        ("DecodeError", &c.decode),
        ("TransportError", &c.transport),
    ] {
        m.add(name, class.bind(py))?;
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

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let c = classes(py)?;
    let class = match error {
        Error::InvalidInput { .. } => &c.invalid_input,
        Error::Unsupported { .. } => &c.unsupported,
        Error::Api { .. } => &c.api,
        Error::Auth { .. } => &c.auth,
        Error::NotFound { .. } => &c.not_found,
        Error::Conflict { .. } => &c.conflict,
        Error::RateLimited { .. } => &c.rate_limited,
        Error::Decode { .. } => &c.decode,
        Error::Transport { .. } => &c.transport,
        // The core enum is non-exhaustive: a new kind still raises the base class.
        _ => &c.base,
    };
    // The core's Display never contains a credential, so it is safe as str(e).
    let instance = class.bind(py).call1((error.to_string(),))?;
    let details = serde_json::to_value(error).unwrap_or(serde_json::Value::Null);
    instance.setattr("details", value_to_py(py, &details)?)?;
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
        Error::Api { message, .. }
        | Error::Auth { message, .. }
        | Error::NotFound { message, .. }
        | Error::Conflict { message, .. } => {
            instance.setattr("status", error.status())?;
            instance.setattr("vendor_code", error.vendor_code())?;
            instance.setattr("message", message)?;
        }
        Error::RateLimited {
            retry_after,
            message,
        } => {
            instance.setattr("status", 429)?;
            instance.setattr("vendor_code", py.None())?;
            instance.setattr("message", message)?;
            instance.setattr("retry_after", retry_after.as_ref().map(retry_after_seconds))?;
        }
        Error::Decode { message, excerpt } => {
            instance.setattr("message", message)?;
            instance.setattr("excerpt", excerpt)?;
        }
        Error::Transport { message } => instance.setattr("message", message)?,
        _ => {}
    }
    Ok(PyErr::from_value(instance))
}

/// The Python exception for a core error: the one mapping place.
pub(crate) fn to_py_err(error: Error) -> PyErr {
    Python::attach(|py| build(py, &error).unwrap_or_else(|e| e))
}

/// A Python `InvalidInput` naming `field`.
pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> PyErr {
    to_py_err(Error::invalid(field, reason))
}
