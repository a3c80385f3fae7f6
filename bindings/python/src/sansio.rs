//! The sans-IO layer for people who bring their own HTTP (requests, httpx,
//! urllib): build a request, parse a response, or drive a core flow (one
//! call with retries, every page, a unified operation, a plan's apply).

use crate::value::{boxed, Json, PyValue};
use pyo3::prelude::*;
use rosterkit_core::python::{from_py, to_json};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{capabilities as caps, Capabilities, Directory, UnifiedOp};
use rosterkit_core::{Context, Error, Flow, Operation, Provider, Request, Response, Step, Target};
use std::sync::Mutex;

fn operation(endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Operation> {
    let input = match input {
        Some(obj) => to_json(obj, "")?,
        None => serde_json::Value::Null,
    };
    Ok(Operation::from_json(endpoint_id, input)?)
}

/// Step: send `request`, then call `Flow.on_response` (or `on_transport_error`).
#[pyclass(module = "rosterkit.sansio", name = "Send", frozen, get_all)]
pub struct PySend {
    request: Request,
}

/// Step: wait `millis` milliseconds, then call `Flow.on_woken`.
#[pyclass(module = "rosterkit.sansio", name = "Sleep", frozen, get_all)]
pub struct PySleep {
    millis: u64,
}

#[pymethods]
impl PySleep {
    /// The wait in seconds, for `time.sleep`.
    #[getter]
    fn seconds(&self) -> f64 {
        self.millis as f64 / 1000.0
    }
}

/// Step: the flow finished. `value` is the result, or raises the typed
/// exception when the flow failed.
#[pyclass(module = "rosterkit.sansio", name = "Done", frozen)]
pub struct PyDone {
    result: Mutex<Option<Result<PyValue, Error>>>,
}

#[pymethods]
impl PyDone {
    /// True when the flow succeeded.
    #[getter]
    fn ok(&self) -> bool {
        let result = self
            .result
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        matches!(*result, Some(Ok(_)))
    }

    /// The typed exception, or None.
    #[getter]
    fn error(&self) -> Option<Error> {
        let result = self
            .result
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*result {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        }
    }

    /// The result; raises the typed exception if the flow failed. Read once.
    #[getter]
    fn value(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let taken = self
            .result
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        match taken {
            Some(Ok(v)) => v.to_py(py),
            Some(Err(e)) => Err(e.into()),
            None => Err(Error::invalid("value", "already read").into()),
        }
    }
}

/// A core state machine: it asks for requests and sleeps, you carry them
/// out and report back. See `rosterkit.sansio` for the loop.
#[pyclass(module = "rosterkit.sansio", name = "Flow", frozen)]
pub struct PyFlow(Mutex<Flow<PyValue>>);

impl PyFlow {
    fn new<T: crate::value::ToPy + 'static>(flow: Flow<T>) -> PyFlow {
        PyFlow(Mutex::new(flow.map(boxed)))
    }

    fn drive(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Flow<PyValue>) -> Step<PyValue>,
    ) -> PyResult<Py<PyAny>> {
        let step = f(&mut self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner));
        Ok(match step {
            Step::Send { request } => Py::new(py, PySend { request })?.into_any(),
            Step::Sleep { millis } => Py::new(py, PySleep { millis })?.into_any(),
            Step::Done { result } => Py::new(
                py,
                PyDone {
                    result: Mutex::new(Some(result)),
                },
            )?
            .into_any(),
        })
    }
}

#[pymethods]
impl PyFlow {
    /// The first step.
    fn start(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.drive(py, Flow::start)
    }

    /// Feeds back the response to the last `Send`.
    #[pyo3(signature = (response, elapsed_ms = 0))]
    fn on_response(
        &self,
        py: Python<'_>,
        response: Response,
        elapsed_ms: u64,
    ) -> PyResult<Py<PyAny>> {
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
}

fn context(
    base_url: String,
    token: String,
    seed: u64,
    retry: Option<&Bound<'_, PyAny>>,
) -> PyResult<Context> {
    let policy: RetryPolicy = match retry {
        Some(r) => from_py(r, "retry")?,
        None => RetryPolicy::default(),
    };
    Ok(Context::new(Target::new(base_url, token), policy, seed))
}

/// The request for one endpoint call.
#[pyfunction]
pub(crate) fn build_request(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
) -> PyResult<Request> {
    Ok(operation(endpoint_id, input)?.request(&Target::new(base_url, token))?)
}

/// The parsed result of one endpoint's response (the vendor's fields, keys in
/// wire order), or its typed exception.
#[pyfunction]
pub(crate) fn parse_response(
    py: Python<'_>,
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    response: Response,
) -> PyResult<Py<PyAny>> {
    let op = operation(endpoint_id, input)?;
    // Check and parse off the GIL: a 10,000-user page is milliseconds of
    // serde. A body that already is the result goes to `json.loads` instead
    // of being built in Rust and converted (a sixth less peak memory).
    if let Some(pick) = py.detach(|| op.verbatim(&response)) {
        return Ok(rosterkit_core::python::loads_verbatim(py, &response.body, pick)?.unbind());
    }
    let output = py.detach(|| op.parse(&response))?;
    Ok(rosterkit_core::python::to_py(py, &output)?.unbind())
}

/// One endpoint call with retries, as a flow.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, base_url, token, seed = 0, retry = None))]
pub(crate) fn call_flow(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
    seed: u64,
    retry: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFlow> {
    let op = operation(endpoint_id, input)?;
    Ok(PyFlow::new(
        Flow::call(op, context(base_url, token, seed, retry)?).map(Json),
    ))
}

/// Every page of a list endpoint, as a flow whose result is all the items.
#[pyfunction]
#[pyo3(signature = (endpoint_id, input, base_url, token, seed = 0, retry = None))]
pub(crate) fn pages_flow(
    endpoint_id: &str,
    input: Option<&Bound<'_, PyAny>>,
    base_url: String,
    token: String,
    seed: u64,
    retry: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFlow> {
    let op = operation(endpoint_id, input)?;
    Ok(PyFlow::new(
        Flow::all_pages(op, context(base_url, token, seed, retry)?).map(Json),
    ))
}

/// A unified operation (`{"op": "list_groups"}`, `{"op": "plan_sync", ...}`)
/// on a provider's directory, as a flow.
#[pyfunction]
#[pyo3(signature = (provider, op, base_url, token, tenant_id = None, seed = 0, retry = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn unified_flow(
    provider: Provider,
    op: &Bound<'_, PyAny>,
    base_url: String,
    token: String,
    tenant_id: Option<String>,
    seed: u64,
    retry: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFlow> {
    let op: UnifiedOp = from_py(op, "op")?;
    let dir = Directory {
        provider,
        tenant_id,
    };
    let flow = op.flow(&dir, context(base_url, token, seed, retry)?)?;
    Ok(PyFlow::new(flow.map(Json)))
}

/// What a provider's API can do, and why not where it cannot.
#[pyfunction]
pub(crate) fn capabilities(provider: Provider) -> Capabilities {
    caps(provider)
}

/// Every endpoint id in the inventory, in documentation order.
#[pyfunction]
pub(crate) fn endpoint_ids() -> Vec<&'static str> {
    Operation::IDS.to_vec()
}
