//! Membership plans and apply reports as Python classes.

use crate::errors::to_py_err;
use crate::json::{to_py, value_to_py};
use crate::models::quote;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rosterkit::{ApplyReport, StepOutcome};
use rosterkit_core::membership::{Action, MembershipPlan, PlannedStep, StepKind};
use rosterkit_core::Error;
use serde_json::Value;

/// One step of a plan: the users it adds or removes and the calls it makes.
#[pyclass(module = "rosterkit", name = "PlanStep", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyPlanStep(pub(crate) PlannedStep);

#[pymethods]
impl PyPlanStep {
    /// `"add"`, `"remove"` or `"add_and_remove"` (Spotnana's single PATCH).
    #[getter]
    fn action(&self) -> &'static str {
        match self.0.action {
            Action::Add => "add",
            Action::Remove => "remove",
            Action::AddAndRemove => "add_and_remove",
        }
    }
    /// Users this step adds.
    #[getter]
    fn add(&self) -> Vec<String> {
        self.0.add.clone()
    }
    /// Users this step removes.
    #[getter]
    fn remove(&self) -> Vec<String> {
        self.0.remove.clone()
    }
    /// The endpoint ids this step calls, in order.
    #[getter]
    fn endpoints(&self) -> Vec<&'static str> {
        match &self.0.kind {
            StepKind::Call { operation } => vec![operation.id()],
            // Polaris has no removal endpoint: read the user, write it back.
            StepKind::ReplaceUserGroups { .. } => vec!["polaris.get_user", "polaris.update_user"],
        }
    }
    /// HTTP calls this step makes when nothing fails.
    #[getter]
    fn call_count(&self) -> usize {
        self.0.call_count()
    }
    /// The step as a dict, exactly as the Rust core serializes it.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_py(py, &self.0)
    }
    fn __repr__(&self) -> String {
        let endpoints: Vec<String> = self.endpoints().into_iter().map(quote).collect();
        format!(
            "PlanStep(action={}, add={}, remove={}, endpoints=[{}])",
            quote(self.action()),
            self.0.add.len(),
            self.0.remove.len(),
            endpoints.join(", ")
        )
    }
}

/// A dry-run membership diff and the fewest calls that apply it.
#[pyclass(module = "rosterkit", name = "SyncPlan", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PySyncPlan(pub(crate) MembershipPlan);

#[pymethods]
impl PySyncPlan {
    /// The provider id.
    #[getter]
    fn provider(&self) -> &'static str {
        self.0.provider.id()
    }
    /// The group.
    #[getter]
    fn group_id(&self) -> &str {
        &self.0.group_id
    }
    /// Users to add, sorted.
    #[getter]
    fn to_add(&self) -> Vec<String> {
        self.0.to_add.clone()
    }
    /// Users to remove, sorted.
    #[getter]
    fn to_remove(&self) -> Vec<String> {
        self.0.to_remove.clone()
    }
    /// Members already as desired.
    #[getter]
    fn unchanged(&self) -> usize {
        self.0.unchanged
    }
    /// The steps, in order.
    #[getter]
    fn steps(&self) -> Vec<PyPlanStep> {
        self.0.steps.iter().cloned().map(PyPlanStep).collect()
    }
    /// HTTP calls the plan makes when nothing fails.
    #[getter]
    fn call_count(&self) -> usize {
        self.0.call_count()
    }
    /// True when nothing needs to change.
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The plan as a dict (the core's serialization plus `call_count`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = to_py(py, &self.0)?.into_bound(py);
        d.set_item("call_count", self.0.call_count())?;
        Ok(d)
    }
    /// An HTML table for notebooks, from `rosterkit._html`.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        let html = slf.py().import("rosterkit._html")?;
        html.call_method1("sync_plan_html", (slf,))?.extract()
    }
    fn __repr__(&self) -> String {
        format!(
            "SyncPlan(provider={}, group_id={}, to_add={}, to_remove={}, unchanged={}, calls={})",
            quote(self.0.provider.id()),
            quote(&self.0.group_id),
            self.0.to_add.len(),
            self.0.to_remove.len(),
            self.0.unchanged,
            self.0.call_count()
        )
    }
}

/// What one step of an applied plan came to.
#[pyclass(module = "rosterkit", name = "StepResult", frozen)]
pub struct PyStepResult {
    step: PlannedStep,
    result: Result<Value, Error>,
}

#[pymethods]
impl PyStepResult {
    /// The step as planned.
    #[getter]
    fn step(&self) -> PyPlanStep {
        PyPlanStep(self.step.clone())
    }
    /// True when the vendor accepted the step.
    #[getter]
    fn ok(&self) -> bool {
        self.result.is_ok()
    }
    /// What the vendor answered, when it succeeded.
    #[getter]
    fn value(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match &self.result {
            Ok(v) => value_to_py(py, v),
            Err(_) => Ok(py.None()),
        }
    }
    /// The typed exception, when it failed.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.result
            .as_ref()
            .err()
            .map(|e| to_py_err(e.clone()).into_value(py).into_any())
    }
    /// `{"step", "ok", "value", "error"}`; `error` is the error's `details`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("step", to_py(py, &self.step)?)?;
        d.set_item("ok", self.result.is_ok())?;
        match &self.result {
            Ok(v) => {
                d.set_item("value", value_to_py(py, v)?)?;
                d.set_item("error", py.None())?;
            }
            Err(e) => {
                d.set_item("value", py.None())?;
                d.set_item("error", to_py(py, e)?)?;
            }
        }
        Ok(d)
    }
    fn __repr__(&self) -> String {
        let step = PyPlanStep(self.step.clone());
        match &self.result {
            Ok(_) => format!("StepResult(ok=True, action={})", quote(step.action())),
            Err(e) => format!(
                "StepResult(ok=False, action={}, error={})",
                quote(step.action()),
                quote(e.kind())
            ),
        }
    }
}

/// Every step of an applied plan with its result: a partial failure is
/// never silent.
#[pyclass(module = "rosterkit", name = "ApplyReport", frozen)]
pub struct PyApplyReport {
    steps: Vec<StepOutcome>,
}

impl From<ApplyReport> for PyApplyReport {
    fn from(r: ApplyReport) -> Self {
        PyApplyReport { steps: r.steps }
    }
}

#[pymethods]
impl PyApplyReport {
    /// Results in plan order.
    #[getter]
    fn steps(&self) -> Vec<PyStepResult> {
        self.steps
            .iter()
            .map(|s| PyStepResult {
                step: s.step.clone(),
                result: s.result.clone(),
            })
            .collect()
    }
    /// How many steps succeeded.
    #[getter]
    fn succeeded(&self) -> usize {
        self.steps.iter().filter(|s| s.result.is_ok()).count()
    }
    /// How many steps failed.
    #[getter]
    fn failed(&self) -> usize {
        self.steps.iter().filter(|s| s.result.is_err()).count()
    }
    /// True when every step succeeded.
    #[getter]
    fn ok(&self) -> bool {
        self.steps.iter().all(|s| s.result.is_ok())
    }
    /// Raises the first failed step's exception; does nothing when all succeeded.
    fn raise_for_errors(&self) -> PyResult<()> {
        match self.steps.iter().find_map(|s| s.result.as_ref().err()) {
            Some(e) => Err(to_py_err(e.clone())),
            None => Ok(()),
        }
    }
    /// `{"steps": [...], "succeeded", "failed"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let steps = self
            .steps()
            .iter()
            .map(|s| s.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("steps", steps)?;
        d.set_item("succeeded", self.succeeded())?;
        d.set_item("failed", self.failed())?;
        Ok(d)
    }
    fn __len__(&self) -> usize {
        self.steps.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "ApplyReport(steps={}, succeeded={}, failed={})",
            self.steps.len(),
            self.succeeded(),
            self.failed()
        )
    }
}
