//! The sans-IO layer for people who bring their own HTTP (requests, httpx,
//! urllib): build a request, parse a response, or drive a core `Flow` (one
//! call with retries, every page, a unified operation, a plan step).

use crate::errors::{invalid, to_py_err};
use crate::json::{ids, py_to_value, to_py, value_to_py};
use crate::models::quote;
use crate::plan::{PyPlanStep, PySyncPlan};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use rosterkit_core::flow::Context;
use rosterkit_core::membership;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{capabilities as caps, Directory, UnifiedOp};
use rosterkit_core::{Error, Flow, Operation, Provider, Request, Response, Step, Target};
use serde_json::Value;
use std::sync::Mutex;

/// An endpoint's input from a dict (or None, read as `{}`).
pub(crate) fn input_value(input: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    match input {
        Some(obj) => py_to_value(obj, ""),
        None => Ok(Value::Null),
    }
}

/// The default retry policy with the caller's attempt count.
pub(crate) fn policy(max_attempts: Option<u32>) -> PyResult<RetryPolicy> {
    let mut policy = RetryPolicy::default();
    if let Some(n) = max_attempts {
        if n == 0 {
            return Err(invalid("max_attempts", "must be at least 1"));
        }
        policy.max_attempts = n;
    }
    Ok(policy)
}

fn provider(id: &str) -> PyResult<Provider> {
    id.parse::<Provider>().map_err(to_py_err)
}

fn operation(endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Operation> {
    Operation::from_json(endpoint_id, input_value(input)?).map_err(to_py_err)
}

fn directory(provider: Provider, tenant_id: Option<String>) -> Directory {
    Directory {
        provider,
        tenant_id,
    }
}

/// An HTTP request built by the core. Its repr hides the credential; the
/// `headers` attribute carries it, since that is what you send.
#[pyclass(module = "rosterkit.sansio", name = "Request", frozen)]
pub struct PyRequest(pub(crate) Request);

#[pymethods]
impl PyRequest {
    /// Upper-case HTTP method.
    #[getter]
    fn method(&self) -> &str {
        &self.0.method
    }
    /// Absolute URL, every path segment and query value percent-encoded.
    #[getter]
    fn url(&self) -> &str {
        &self.0.url
    }
    /// `(name, value)` pairs in the order to send them.
    #[getter]
    fn headers(&self) -> Vec<(String, String)> {
        self.0.headers.clone()
    }
    /// The body bytes, or None.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.0.body.as_deref().map(|b| PyBytes::new(py, b))
    }
    /// The first header with this name, compared case-insensitively.
    fn header(&self, name: &str) -> Option<&str> {
        self.0.header(name)
    }
    fn __repr__(&self) -> String {
        let headers: Vec<String> = self
            .0
            .headers
            .iter()
            .map(|(k, v)| {
                let v = if k.eq_ignore_ascii_case("authorization") {
                    format!("{} ***", v.split(' ').next().unwrap_or(""))
                } else {
                    v.clone()
                };
                format!("({}, {})", quote(k), quote(&v))
            })
            .collect();
        let body = match &self.0.body {
            Some(b) => format!("<{} bytes>", b.len()),
            None => "None".to_owned(),
        };
        format!(
            "Request(method={}, url={}, headers=[{}], body={})",
            quote(&self.0.method),
            quote(&self.0.url),
            headers.join(", "),
            body
        )
    }
}

/// Step: send `request`, then call `Flow.on_response` (or `on_transport_error`).
#[pyclass(module = "rosterkit.sansio", name = "Send", frozen)]
pub struct PySend {
    #[pyo3(get)]
    request: Py<PyRequest>,
}

#[pymethods]
impl PySend {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Send({})", self.request.borrow(py).__repr__())
    }
}

/// Step: wait `millis` milliseconds, then call `Flow.on_woken`.
#[pyclass(module = "rosterkit.sansio", name = "Sleep", frozen)]
pub struct PySleep {
    #[pyo3(get)]
    millis: u64,
}

#[pymethods]
impl PySleep {
    /// The wait in seconds, for `time.sleep`.
    #[getter]
    fn seconds(&self) -> f64 {
        self.millis as f64 / 1000.0
    }
    fn __repr__(&self) -> String {
        format!("Sleep(millis={})", self.millis)
    }
}

/// Step: the flow finished. `value` is the result, or raises the typed
/// exception when the flow failed.
#[pyclass(module = "rosterkit.sansio", name = "Done", frozen)]
pub struct PyDone {
    result: Result<Value, Error>,
}

#[pymethods]
impl PyDone {
    /// True when the flow succeeded.
    #[getter]
    fn ok(&self) -> bool {
        self.result.is_ok()
    }
    /// The result; raises the typed exception if the flow failed.
    #[getter]
    fn value(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match &self.result {
            Ok(v) => value_to_py(py, v),
            Err(e) => Err(to_py_err(e.clone())),
        }
    }
    /// The typed exception, or None.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.result
            .as_ref()
            .err()
            .map(|e| to_py_err(e.clone()).into_value(py).into_any())
    }
    fn __repr__(&self) -> String {
        match &self.result {
            Ok(_) => "Done(ok=True)".to_owned(),
            Err(e) => format!("Done(ok=False, error={})", quote(e.kind())),
        }
    }
}

fn step_to_py(py: Python<'_>, step: Step) -> PyResult<Py<PyAny>> {
    Ok(match step {
        Step::Send { request } => Py::new(
            py,
            PySend {
                request: Py::new(py, PyRequest(request))?,
            },
        )?
        .into_any(),
        Step::Sleep { millis } => Py::new(py, PySleep { millis })?.into_any(),
        Step::Done { result } => Py::new(py, PyDone { result })?.into_any(),
    })
}

/// A core state machine: it asks for requests and sleeps, you carry them
/// out and report back. See `rosterkit.sansio` for the loop.
#[pyclass(module = "rosterkit.sansio", name = "Flow", frozen)]
pub struct PyFlow(Mutex<Flow>);

impl PyFlow {
    fn drive(&self, py: Python<'_>, f: impl FnOnce(&mut Flow) -> Step) -> PyResult<Py<PyAny>> {
        let step = {
            // A poisoned lock means a panic mid-step; the flow is still a value.
            let mut flow = self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut flow)
        };
        step_to_py(py, step)
    }
}

#[pymethods]
impl PyFlow {
    /// The first step.
    fn start(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.drive(py, Flow::start)
    }

    /// Feeds back the response to the last `Send`.
    #[pyo3(signature = (status, headers, body, elapsed_ms = 0))]
    fn on_response(
        &self,
        py: Python<'_>,
        status: u16,
        headers: Option<&Bound<'_, PyAny>>,
        body: Option<&Bound<'_, PyAny>>,
        elapsed_ms: u64,
    ) -> PyResult<Py<PyAny>> {
        let response = Response {
            status,
            headers: crate::json::headers(headers)?,
            body: crate::json::body(body)?,
        };
        self.drive(py, |f| f.on_response(response, elapsed_ms))
    }

    /// Reports that the last `Send` got no response; `sent=False` when the
    /// request provably never left (connection refused).
    #[pyo3(signature = (sent, message, elapsed_ms = 0))]
    fn on_transport_error(
        &self,
        py: Python<'_>,
        sent: bool,
        message: &str,
        elapsed_ms: u64,
    ) -> PyResult<Py<PyAny>> {
        self.drive(py, |f| f.on_transport_error(sent, message, elapsed_ms))
    }

    /// Reports that the last `Sleep` is over.
    #[pyo3(signature = (elapsed_ms = 0))]
    fn on_woken(&self, py: Python<'_>, elapsed_ms: u64) -> PyResult<Py<PyAny>> {
        self.drive(py, |f| f.on_woken(elapsed_ms))
    }

    fn __repr__(&self) -> &'static str {
        "Flow(...)"
    }
}

fn context(
    base_url: String,
    token: String,
    seed: u64,
    max_attempts: Option<u32>,
) -> PyResult<Context> {
    Ok(Context {
        target: Target::new(base_url, token),
        policy: policy(max_attempts)?,
        seed,
    })
}

/// The request for one endpoint call.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, base_url, token))]
pub(crate) fn build_request(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
) -> PyResult<PyRequest> {
    let op = operation(endpoint_id, input)?;
    let request = op
        .request(&Target::new(base_url, token))
        .map_err(to_py_err)?;
    Ok(PyRequest(request))
}

/// The parsed result of one endpoint's response, or its typed exception.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, status, headers = None, body = None))]
pub(crate) fn parse_response(
    py: Python<'_>,
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    status: u16,
    headers: Option<&Bound<'_, PyAny>>,
    body: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let op = operation(endpoint_id, input)?;
    let response = Response {
        status,
        headers: crate::json::headers(headers)?,
        body: crate::json::body(body)?,
    };
    let value = op.parse(&response).map_err(to_py_err)?;
    value_to_py(py, &value)
}

/// One endpoint call with retries, as a flow.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, base_url, token, seed = 0, max_attempts = None))]
pub(crate) fn call_flow(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
    seed: u64,
    max_attempts: Option<u32>,
) -> PyResult<PyFlow> {
    let op = operation(endpoint_id, input)?;
    let ctx = context(base_url, token, seed, max_attempts)?;
    Ok(PyFlow(Mutex::new(Flow::call(op, ctx))))
}

/// Every page of a list endpoint, as a flow whose result is all the items.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, base_url, token, seed = 0, max_attempts = None))]
pub(crate) fn pages_flow(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
    seed: u64,
    max_attempts: Option<u32>,
) -> PyResult<PyFlow> {
    let op = operation(endpoint_id, input)?;
    let ctx = context(base_url, token, seed, max_attempts)?;
    Ok(PyFlow(Mutex::new(Flow::all_pages(op, ctx))))
}

/// A unified operation (`{"op": "list_groups"}`, `{"op": "get_group",
/// "group_id": ".."}`, ...) as a flow.
#[pyfunction]
#[pyo3(signature = (provider, op, base_url, token, tenant_id = None, seed = 0, max_attempts = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn unified_flow(
    provider: &str,
    op: &Bound<'_, PyAny>,
    base_url: String,
    token: String,
    tenant_id: Option<String>,
    seed: u64,
    max_attempts: Option<u32>,
) -> PyResult<PyFlow> {
    let dir = directory(self::provider(provider)?, tenant_id);
    let op: UnifiedOp =
        serde_json::from_value(py_to_value(op, "op")?).map_err(|e| invalid("op", e.to_string()))?;
    let ctx = context(base_url, token, seed, max_attempts)?;
    let flow = op.flow(&dir, ctx).map_err(to_py_err)?;
    Ok(PyFlow(Mutex::new(flow)))
}

/// One step of a plan as a flow, to apply a plan with your own transport.
#[pyfunction]
#[pyo3(signature = (step, base_url, token, seed = 0, max_attempts = None))]
pub(crate) fn step_flow(
    step: &Bound<'_, PyPlanStep>,
    base_url: String,
    token: String,
    seed: u64,
    max_attempts: Option<u32>,
) -> PyResult<PyFlow> {
    let ctx = context(base_url, token, seed, max_attempts)?;
    Ok(PyFlow(Mutex::new(step.get().0.flow(ctx))))
}

/// The fewest calls that turn `current` members into `desired`.
#[pyfunction]
#[pyo3(signature = (provider, group_id, current, desired, tenant_id = None))]
pub(crate) fn plan_sync(
    provider: &str,
    group_id: &str,
    current: &Bound<'_, PyAny>,
    desired: &Bound<'_, PyAny>,
    tenant_id: Option<String>,
) -> PyResult<PySyncPlan> {
    let dir = directory(self::provider(provider)?, tenant_id);
    let current = ids(current, "current")?;
    let desired = ids(desired, "desired")?;
    membership::plan(&dir, group_id, &current, &desired)
        .map(PySyncPlan)
        .map_err(to_py_err)
}

/// What a provider's API can do, and why not where it cannot.
#[pyfunction]
pub(crate) fn capabilities(py: Python<'_>, provider: &str) -> PyResult<Py<PyAny>> {
    to_py(py, &caps(self::provider(provider)?))
}

/// Every endpoint id in the inventory, in documentation order.
#[pyfunction]
pub(crate) fn endpoint_ids(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, Operation::IDS)
}
