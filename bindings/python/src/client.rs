//! `NativeClient`: the Rust client (`rosterkit::Client`, reqwest) for one
//! provider and tenant. Every operation comes twice: `name` blocks with the
//! GIL released, `name_async` returns an asyncio awaitable. The Python
//! classes `rosterkit.Client` and `rosterkit.AsyncClient` wrap it.

use crate::errors::{invalid, to_py_err};
use crate::json::{ids, py_to_value};
use crate::models::{permissions, quote, quote_opt};
use crate::pages::{Page, Pages};
use crate::plan::PySyncPlan;
use crate::runtime::{block, spawn};
use crate::sansio::{input_value, policy};
use pyo3::prelude::*;
use rosterkit::{
    ApplyReport, Client, Group, Member, MembershipPlan, Permission, Provider, UnifiedOp, User,
};
use rosterkit_core::{Error, Operation};
use serde_json::Value;
use std::future::Future;
use std::time::Duration;

/// A client for one provider and tenant. Its repr never shows the token.
#[pyclass(module = "rosterkit._native", name = "NativeClient", frozen)]
pub struct NativeClient {
    client: Client,
    base_url: String,
    tenant_id: Option<String>,
}

fn parse_provider(provider: &str) -> PyResult<Provider> {
    provider.parse::<Provider>().map_err(to_py_err)
}

type Fut<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'static>>;

/// The futures behind each method, shared by the blocking and async forms.
impl NativeClient {
    fn with<T, F, Fu>(&self, f: F) -> Fut<T>
    where
        F: FnOnce(Client) -> Fu,
        Fu: Future<Output = Result<T, Error>> + Send + 'static,
    {
        Box::pin(f(self.client.clone()))
    }

    fn operation(
        &self,
        endpoint_id: &str,
        input: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Operation> {
        let op = Operation::from_json(endpoint_id, input_value(input)?).map_err(to_py_err)?;
        op.check_provider(self.client.provider())
            .map_err(to_py_err)?;
        Ok(op)
    }

    fn f_call(&self, endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Fut<Value>> {
        let op = self.operation(endpoint_id, input)?;
        Ok(self.with(|c| async move { c.execute(op).await }))
    }

    fn f_unified(&self, op: &Bound<'_, PyAny>) -> PyResult<Fut<Value>> {
        let value = py_to_value(op, "op")?;
        let op: UnifiedOp =
            serde_json::from_value(value).map_err(|e| invalid("op", e.to_string()))?;
        Ok(self.with(|c| async move { c.unified(op).await }))
    }

    /// The lazy pages of a unified list, typed like the `list_*` results.
    /// Unsupported lists fail here, before any request.
    fn unified_pages(&self, op: UnifiedOp) -> PyResult<Pages> {
        let stream = self.client.unified_pages(&op).map_err(to_py_err)?;
        Ok(match op {
            UnifiedOp::ListUsers => Pages::typed(stream, Page::Users),
            UnifiedOp::ListGroups => Pages::typed(stream, Page::Groups),
            UnifiedOp::ListMembers { .. } => Pages::typed(stream, Page::Members),
            // `unified_pages` takes only the lists above; anything else
            // would already have failed, but raw pages keep this total.
            _ => Pages::raw(stream),
        })
    }

    fn f_list_users(&self) -> Fut<Vec<User>> {
        self.with(|c| async move { c.list_users().await })
    }

    fn f_list_groups(&self) -> Fut<Vec<Group>> {
        self.with(|c| async move { c.list_groups().await })
    }

    fn f_get_group(&self, group_id: String) -> Fut<Group> {
        self.with(|c| async move { c.get_group(&group_id).await })
    }

    fn f_create_group(
        &self,
        name: String,
        perms: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Fut<Group>> {
        let perms: Vec<Permission> = match perms {
            Some(p) if !p.is_none() => permissions(p, "permissions")?,
            _ => Vec::new(),
        };
        Ok(self.with(|c| async move { c.create_group(&name, perms, role.as_deref()).await }))
    }

    fn f_update_group(
        &self,
        group_id: String,
        name: Option<String>,
        perms: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Fut<Option<Group>>> {
        let perms = match perms {
            Some(p) if !p.is_none() => Some(permissions(p, "permissions")?),
            _ => None,
        };
        Ok(self.with(|c| async move {
            c.update_group(&group_id, name.as_deref(), perms, role.as_deref())
                .await
        }))
    }

    fn f_delete_group(&self, group_id: String, force: bool) -> Fut<()> {
        self.with(|c| async move { c.delete_group(&group_id, force).await })
    }

    fn f_list_members(&self, group_id: String) -> Fut<Vec<Member>> {
        self.with(|c| async move { c.list_members(&group_id).await })
    }

    fn f_add_members(
        &self,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Fut<ApplyReport>> {
        let user_ids = ids(user_ids, "user_ids")?;
        Ok(self.with(|c| async move { c.add_members(&group_id, &user_ids).await }))
    }

    fn f_remove_members(
        &self,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Fut<ApplyReport>> {
        let user_ids = ids(user_ids, "user_ids")?;
        Ok(self.with(|c| async move { c.remove_members(&group_id, &user_ids).await }))
    }

    fn f_approve_member(&self, group_id: String, user_id: String) -> Fut<()> {
        self.with(|c| async move { c.approve_member(&group_id, &user_id).await })
    }

    fn f_reject_member(&self, group_id: String, user_id: String) -> Fut<()> {
        self.with(|c| async move { c.reject_member(&group_id, &user_id).await })
    }

    fn f_plan(
        &self,
        group_id: String,
        desired: &Bound<'_, PyAny>,
    ) -> PyResult<Fut<MembershipPlan>> {
        let desired = ids(desired, "desired")?;
        Ok(self.with(|c| async move { c.plan(&group_id, &desired).await }))
    }

    fn f_apply(&self, plan: &PySyncPlan) -> Fut<ApplyReport> {
        let plan = plan.0.clone();
        self.with(|c| async move { Ok(c.apply(&plan).await) })
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (provider, base_url, token, tenant_id = None, max_attempts = None, timeout = None, concurrency = None))]
    fn new(
        provider: &str,
        base_url: String,
        token: String,
        tenant_id: Option<String>,
        max_attempts: Option<u32>,
        timeout: Option<f64>,
        concurrency: Option<usize>,
    ) -> PyResult<Self> {
        let provider = parse_provider(provider)?;
        let mut builder = Client::builder(provider, &base_url, token.as_str())
            .retry_policy(policy(max_attempts)?);
        if let Some(t) = &tenant_id {
            builder = builder.tenant_id(t.clone());
        }
        if let Some(secs) = timeout {
            if !secs.is_finite() || secs <= 0.0 {
                return Err(invalid("timeout", "must be a positive number of seconds"));
            }
            builder = builder.timeout(Duration::from_secs_f64(secs));
        }
        if let Some(n) = concurrency {
            if n == 0 {
                return Err(invalid("concurrency", "must be at least 1"));
            }
            builder = builder.concurrency(n);
        }
        let client = builder.build().map_err(to_py_err)?;
        Ok(NativeClient {
            client,
            base_url,
            tenant_id,
        })
    }

    /// The provider id.
    #[getter]
    fn provider(&self) -> &'static str {
        self.client.provider().id()
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The SSW organization id or Spotnana company id.
    #[getter]
    fn tenant_id(&self) -> Option<&str> {
        self.tenant_id.as_deref()
    }

    /// What this provider's API can do, and why not where it cannot.
    fn capabilities(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::json::to_py(py, &self.client.capabilities())
    }

    fn __repr__(&self) -> String {
        format!(
            "NativeClient(provider={}, base_url={}, tenant_id={})",
            quote(self.provider()),
            quote(&self.base_url),
            quote_opt(self.tenant_id.as_deref())
        )
    }

    /// One endpoint call by inventory id; the raw result.
    #[pyo3(signature = (endpoint_id, input = None))]
    fn call(
        &self,
        py: Python<'_>,
        endpoint_id: &str,
        input: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_call(endpoint_id, input)?)
    }

    #[pyo3(signature = (endpoint_id, input = None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        endpoint_id: &str,
        input: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_call(endpoint_id, input)?)
    }

    /// The pages of a list endpoint, fetched one at a time as you iterate.
    #[pyo3(signature = (endpoint_id, input = None))]
    fn pages(&self, endpoint_id: &str, input: Option<&Bound<'_, PyAny>>) -> PyResult<Pages> {
        let op = self.operation(endpoint_id, input)?;
        Ok(Pages::raw(self.client.pages(op)))
    }

    /// Every user as pages of `User`, fetched one at a time as you iterate.
    fn list_users_pages(&self) -> PyResult<Pages> {
        self.unified_pages(UnifiedOp::ListUsers)
    }

    /// Every group as pages of `Group`, fetched one at a time as you iterate.
    fn list_groups_pages(&self) -> PyResult<Pages> {
        self.unified_pages(UnifiedOp::ListGroups)
    }

    /// A group's members as pages of `Member`, fetched one at a time as you
    /// iterate.
    fn list_members_pages(&self, group_id: String) -> PyResult<Pages> {
        self.unified_pages(UnifiedOp::ListMembers { group_id })
    }

    /// A unified operation given as a dict (`{"op": "list_groups"}`); raw result.
    fn unified(&self, py: Python<'_>, op: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        block(py, self.f_unified(op)?)
    }

    fn unified_async<'py>(
        &self,
        py: Python<'py>,
        op: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_unified(op)?)
    }

    fn list_users(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        block(py, self.f_list_users())
    }

    fn list_users_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_list_users())
    }

    fn list_groups(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        block(py, self.f_list_groups())
    }

    fn list_groups_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_list_groups())
    }

    fn get_group(&self, py: Python<'_>, group_id: String) -> PyResult<Py<PyAny>> {
        block(py, self.f_get_group(group_id))
    }

    fn get_group_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_get_group(group_id))
    }

    #[pyo3(signature = (name, permissions = None, role = None))]
    fn create_group(
        &self,
        py: Python<'_>,
        name: String,
        permissions: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_create_group(name, permissions, role)?)
    }

    #[pyo3(signature = (name, permissions = None, role = None))]
    fn create_group_async<'py>(
        &self,
        py: Python<'py>,
        name: String,
        permissions: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_create_group(name, permissions, role)?)
    }

    #[pyo3(signature = (group_id, name = None, permissions = None, role = None))]
    fn update_group(
        &self,
        py: Python<'_>,
        group_id: String,
        name: Option<String>,
        permissions: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_update_group(group_id, name, permissions, role)?)
    }

    #[pyo3(signature = (group_id, name = None, permissions = None, role = None))]
    fn update_group_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        name: Option<String>,
        permissions: Option<&Bound<'_, PyAny>>,
        role: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_update_group(group_id, name, permissions, role)?)
    }

    #[pyo3(signature = (group_id, force = false))]
    fn delete_group(&self, py: Python<'_>, group_id: String, force: bool) -> PyResult<Py<PyAny>> {
        block(py, self.f_delete_group(group_id, force))
    }

    #[pyo3(signature = (group_id, force = false))]
    fn delete_group_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        force: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_delete_group(group_id, force))
    }

    fn list_members(&self, py: Python<'_>, group_id: String) -> PyResult<Py<PyAny>> {
        block(py, self.f_list_members(group_id))
    }

    fn list_members_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_list_members(group_id))
    }

    fn add_members(
        &self,
        py: Python<'_>,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_add_members(group_id, user_ids)?)
    }

    fn add_members_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_add_members(group_id, user_ids)?)
    }

    fn remove_members(
        &self,
        py: Python<'_>,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_remove_members(group_id, user_ids)?)
    }

    fn remove_members_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        user_ids: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_remove_members(group_id, user_ids)?)
    }

    fn approve_member(
        &self,
        py: Python<'_>,
        group_id: String,
        user_id: String,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_approve_member(group_id, user_id))
    }

    fn approve_member_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        user_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_approve_member(group_id, user_id))
    }

    fn reject_member(
        &self,
        py: Python<'_>,
        group_id: String,
        user_id: String,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_reject_member(group_id, user_id))
    }

    fn reject_member_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        user_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_reject_member(group_id, user_id))
    }

    fn plan(
        &self,
        py: Python<'_>,
        group_id: String,
        desired: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        block(py, self.f_plan(group_id, desired)?)
    }

    fn plan_async<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        desired: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_plan(group_id, desired)?)
    }

    fn apply(&self, py: Python<'_>, plan: PyRef<'_, PySyncPlan>) -> PyResult<Py<PyAny>> {
        block(py, self.f_apply(&plan))
    }

    fn apply_async<'py>(
        &self,
        py: Python<'py>,
        plan: PyRef<'_, PySyncPlan>,
    ) -> PyResult<Bound<'py, PyAny>> {
        spawn(py, self.f_apply(&plan))
    }
}
