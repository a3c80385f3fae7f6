//! `NativeClient`: the Rust client for one provider and tenant. Each method
//! returns a `PendingCall` that Python runs blocking (`Client`) or awaits
//! (`AsyncClient`); the classes in `rosterkit/client.py` give them their
//! Python signatures.

use crate::call::PendingCall;
use crate::pages::Pages;
use crate::transport::PyTransport;
use crate::value::{boxed, HostJson, Json, ToPy};
use pyo3::prelude::*;
use rosterkit::{ApplyControl, Cancel, Client};
use rosterkit_core::membership::{ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::python::{from_py, ids, to_json};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{Capabilities, GroupChanges, NewGroup};
use rosterkit_core::{Error, Operation, Provider};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// Tracks an apply so its report survives a cancelled asyncio task.
#[pyclass(module = "rosterkit._native", frozen)]
#[derive(Default)]
pub struct ApplyProgress(rosterkit::ApplyProgress);

#[pymethods]
impl ApplyProgress {
    #[new]
    fn new() -> Self {
        ApplyProgress::default()
    }

    /// The report as things stand; None before the apply started.
    fn report(&self) -> Option<ApplyReport> {
        self.0.report()
    }

    /// Marks the apply cancelled so its report says so at once.
    fn cancel(&self) {
        self.0.cancel();
    }
}

/// A client for one provider and tenant. Its repr never shows the token.
#[pyclass(module = "rosterkit._native", frozen)]
pub struct NativeClient(Client);

fn pending<T, F>(fut: F) -> PendingCall
where
    T: ToPy + 'static,
    F: Future<Output = Result<T, Error>> + Send + 'static,
{
    PendingCall::new(Box::pin(async move { fut.await.map(boxed) }), None)
}

fn operation(endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Operation> {
    let input = match input {
        Some(obj) => to_json(obj, "")?,
        None => serde_json::Value::Null,
    };
    Ok(Operation::from_json(endpoint_id, input)?)
}

impl NativeClient {
    fn apply_call(&self, plan: MembershipPlan, progress: Option<&ApplyProgress>) -> PendingCall {
        let c = self.0.clone();
        let cancel = Cancel::new();
        let control = ApplyControl {
            cancel: Some(cancel.clone()),
            progress: progress.map(|p| p.0.clone()),
            concurrency: None,
        };
        let fut = async move { c.apply_with(&plan, control).await.map(boxed) };
        PendingCall::new(Box::pin(fut), Some(cancel))
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (provider, base_url, token, tenant_id = None, retry = None, timeout = None, concurrency = None, max_pages = None, transport = None, logger = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        provider: Provider,
        base_url: &str,
        token: String,
        tenant_id: Option<String>,
        retry: Option<&Bound<'_, PyAny>>,
        timeout: Option<f64>,
        concurrency: Option<usize>,
        max_pages: Option<u32>,
        transport: Option<Py<PyAny>>,
        logger: Option<Py<PyAny>>,
    ) -> PyResult<Self> {
        let retry: RetryPolicy = match retry {
            Some(r) => from_py(r, "retry")?,
            None => RetryPolicy::default(),
        };
        let mut b = Client::builder(provider, base_url, token).retry_policy(retry);
        if let Some(t) = tenant_id {
            b = b.tenant_id(t);
        }
        if let Some(secs) = timeout {
            if !secs.is_finite() || secs <= 0.0 {
                return Err(
                    Error::invalid("timeout", "must be a positive number of seconds").into(),
                );
            }
            b = b.timeout(Duration::from_secs_f64(secs));
        }
        if let Some(n) = concurrency {
            if n == 0 {
                return Err(Error::invalid("concurrency", "must be at least 1").into());
            }
            b = b.concurrency(n);
        }
        if let Some(n) = max_pages {
            b = b.max_pages(n);
        }
        if let Some(send) = transport {
            b = b.transport(Arc::new(rosterkit::TokioTransport::with(PyTransport {
                send,
            })));
        }
        if let Some(logger) = logger {
            // One DEBUG line per exchange through Python's `logging`; the
            // line is the core's (no header, so no credential).
            b = b.log(move |line| {
                Python::attach(|py| {
                    let logger = logger.bind(py);
                    if logger
                        .call_method1("isEnabledFor", (10,))
                        .is_ok_and(|on| on.is_truthy().unwrap_or(false))
                    {
                        let _ = logger.call_method1("debug", ("%s", line));
                    }
                });
            });
        }
        Ok(NativeClient(b.build()?))
    }

    /// This client with per-call settings: a retry policy, seconds per HTTP
    /// exchange, extra headers. Shares the connection pool and locks.
    #[pyo3(signature = (retry = None, timeout = None, headers = None))]
    fn with_options(
        &self,
        retry: Option<&Bound<'_, PyAny>>,
        timeout: Option<f64>,
        headers: Option<Vec<(String, String)>>,
    ) -> PyResult<NativeClient> {
        let timeout_ms = match timeout {
            None => None,
            Some(secs) if secs.is_finite() && secs > 0.0 => Some((secs * 1000.0).ceil() as u64),
            Some(_) => {
                return Err(
                    Error::invalid("timeout", "must be a positive number of seconds").into(),
                )
            }
        };
        let options = rosterkit::CallOptions {
            retry: retry.map(|r| from_py(r, "retry")).transpose()?,
            timeout_ms,
            headers: headers.unwrap_or_default(),
        };
        Ok(NativeClient(self.0.with_options(&options)?))
    }

    #[getter]
    fn provider(&self) -> Provider {
        self.0.provider()
    }

    #[getter]
    fn base_url(&self) -> &str {
        self.0.base_url()
    }

    #[getter]
    fn tenant_id(&self) -> Option<&str> {
        self.0.directory().tenant_id.as_deref()
    }

    fn capabilities(&self) -> Capabilities {
        self.0.capabilities()
    }

    #[pyo3(signature = (endpoint_id, input = None))]
    fn call(&self, endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<PendingCall> {
        let (c, op) = (self.0.clone(), operation(endpoint_id, input)?);
        Ok(pending(async move {
            c.execute_for_host(op).await.map(HostJson)
        }))
    }

    /// Any unified operation as a dict (`{"op": "get_group", ...}`); the
    /// result as plain data, snake_case, as the unified vectors write it.
    fn unified(&self, op: &Bound<'_, PyAny>) -> PyResult<PendingCall> {
        let op: rosterkit_core::unified::UnifiedOp = from_py(op, "")?;
        let c = self.0.clone();
        Ok(pending(async move { c.unified(op).await.map(Json) }))
    }

    #[pyo3(signature = (endpoint_id, input = None))]
    fn pages(&self, endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Pages> {
        use futures_util::StreamExt;
        let pages = self.0.pages(operation(endpoint_id, input)?)?;
        Ok(Pages::of(pages.map(|p| {
            p.map(|items| items.into_iter().map(Json).collect::<Vec<_>>())
        })))
    }

    fn user_pages(&self) -> PyResult<Pages> {
        Ok(Pages::of(self.0.user_pages()?))
    }

    fn group_pages(&self) -> PyResult<Pages> {
        Ok(Pages::of(self.0.group_pages()?))
    }

    fn member_pages(&self, group_id: &str) -> PyResult<Pages> {
        Ok(Pages::of(self.0.member_pages(group_id)?))
    }

    fn list_users(&self) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.list_users().await })
    }

    fn list_groups(&self) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.list_groups().await })
    }

    fn get_group(&self, group_id: String) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.get_group(&group_id).await })
    }

    fn create_group(&self, group: &Bound<'_, PyAny>) -> PyResult<PendingCall> {
        let (c, group): (_, NewGroup) = (self.0.clone(), from_py(group, "")?);
        Ok(pending(async move { c.create_group(group).await }))
    }

    fn update_group(&self, group_id: String, changes: &Bound<'_, PyAny>) -> PyResult<PendingCall> {
        let (c, changes): (_, GroupChanges) = (self.0.clone(), from_py(changes, "")?);
        Ok(pending(
            async move { c.update_group(&group_id, changes).await },
        ))
    }

    fn delete_group(&self, group_id: String, force: bool) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.delete_group(&group_id, force).await })
    }

    fn list_members(&self, group_id: String) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.list_members(&group_id).await })
    }

    fn approve_member(&self, group_id: String, user_id: String) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.approve_member(&group_id, &user_id).await })
    }

    fn reject_member(&self, group_id: String, user_id: String) -> PendingCall {
        let c = self.0.clone();
        pending(async move { c.reject_member(&group_id, &user_id).await })
    }

    fn add_members(&self, group_id: String, user_ids: &Bound<'_, PyAny>) -> PyResult<PendingCall> {
        let user_ids = ids(user_ids, "user_ids")?;
        rosterkit_core::validate::ids("user_ids", &user_ids, true)?;
        let plan = rosterkit_core::membership::plan_changes(
            self.0.directory(),
            &group_id,
            &user_ids,
            &[],
        )?;
        Ok(self.apply_call(plan, None))
    }

    fn remove_members(
        &self,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<PendingCall> {
        let user_ids = ids(user_ids, "user_ids")?;
        rosterkit_core::validate::ids("user_ids", &user_ids, true)?;
        let plan = rosterkit_core::membership::plan_changes(
            self.0.directory(),
            &group_id,
            &[],
            &user_ids,
        )?;
        Ok(self.apply_call(plan, None))
    }

    fn plan(
        &self,
        group_id: String,
        desired: &Bound<'_, PyAny>,
        options: &Bound<'_, PyAny>,
    ) -> PyResult<PendingCall> {
        let desired = ids(desired, "desired")?;
        let (c, options): (_, SyncOptions) = (self.0.clone(), from_py(options, "options")?);
        Ok(pending(async move {
            c.plan(&group_id, &desired, options).await
        }))
    }

    #[pyo3(signature = (plan, progress = None))]
    fn apply(
        &self,
        plan: &Bound<'_, MembershipPlan>,
        progress: Option<&ApplyProgress>,
    ) -> PendingCall {
        self.apply_call(plan.get().clone(), progress)
    }

    fn replan(&self, report: &Bound<'_, ApplyReport>) -> PyResult<Option<MembershipPlan>> {
        Ok(self.0.replan(report.get())?)
    }

    fn __repr__(&self) -> String {
        format!("NativeClient({:?})", self.0)
    }
}
