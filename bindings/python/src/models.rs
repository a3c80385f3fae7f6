//! The unified directory models as Python classes: read-only attributes,
//! `to_dict()` with every key present, and a `repr` that names the object.

use crate::errors::invalid;
use crate::json::ids;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rosterkit_core::unified::{Group, Member, Permission, User};

/// `'text'` the way Python's repr quotes a str.
pub(crate) fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

pub(crate) fn quote_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), quote)
}

/// A user of the directory.
#[pyclass(module = "rosterkit", name = "User", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyUser(pub(crate) User);

#[pymethods]
impl PyUser {
    /// The vendor's user id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Email address.
    #[getter]
    fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// Sign-in name, where different from the email.
    #[getter]
    fn username(&self) -> Option<&str> {
        self.0.username.as_deref()
    }
    /// Display name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// Status as the vendor says it (`active`, `enabled`, `disabled`).
    #[getter]
    fn status(&self) -> Option<&str> {
        self.0.status.as_deref()
    }
    /// Every field as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.0.id)?;
        d.set_item("email", &self.0.email)?;
        d.set_item("username", &self.0.username)?;
        d.set_item("name", &self.0.name)?;
        d.set_item("status", &self.0.status)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!(
            "User(id={}, email={}, name={})",
            quote(&self.0.id),
            quote_opt(self.0.email.as_deref()),
            quote_opt(self.0.name.as_deref())
        )
    }
}

/// A permission or role, optionally scoped to resources (Polaris `projects/*`).
#[pyclass(module = "rosterkit", name = "Permission", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyPermission(pub(crate) Permission);

#[pymethods]
impl PyPermission {
    #[new]
    #[pyo3(signature = (name, resources = None))]
    fn new(name: String, resources: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let resources = match resources {
            Some(r) if !r.is_none() => ids(r, "resources")?,
            _ => Vec::new(),
        };
        Ok(PyPermission(Permission { name, resources }))
    }
    /// Permission or role name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Resources it applies to; empty means everywhere.
    #[getter]
    fn resources(&self) -> Vec<String> {
        self.0.resources.clone()
    }
    /// Every field as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.0.name)?;
        d.set_item("resources", &self.0.resources)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        if self.0.resources.is_empty() {
            format!("Permission({})", quote(&self.0.name))
        } else {
            let r: Vec<String> = self.0.resources.iter().map(|s| quote(s)).collect();
            format!(
                "Permission({}, resources=[{}])",
                quote(&self.0.name),
                r.join(", ")
            )
        }
    }
}

/// Permissions from `Permission` objects, plain names or
/// `{"name": .., "resources": [..]}` dicts.
pub(crate) fn permissions(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<Permission>> {
    if obj.is_instance_of::<PyString>() {
        return Err(invalid(field, "must be a list of permissions, not one str"));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| invalid(field, "must be an iterable of permissions"))?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let here = format!("{field}[{i}]");
        if let Ok(p) = item.cast::<PyPermission>() {
            out.push(p.get().0.clone());
        } else if let Ok(s) = item.cast::<PyString>() {
            out.push(Permission {
                name: s.to_cow()?.into_owned(),
                resources: Vec::new(),
            });
        } else if item.is_instance_of::<PyDict>() {
            let value = crate::json::py_to_value(&item, &here)?;
            let p: Permission =
                serde_json::from_value(value).map_err(|e| invalid(here.as_str(), e.to_string()))?;
            out.push(p);
        } else {
            return Err(invalid(here, "must be a Permission, a str or a dict"));
        }
    }
    Ok(out)
}

/// A group.
#[pyclass(module = "rosterkit", name = "Group", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyGroup(pub(crate) Group);

#[pymethods]
impl PyGroup {
    /// The vendor's group id, as text.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// Description.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// Permissions granted to members (B2Core, Polaris).
    #[getter]
    fn permissions(&self) -> Vec<PyPermission> {
        self.0
            .permissions
            .iter()
            .cloned()
            .map(PyPermission)
            .collect()
    }
    /// The role granted to members (Alteryx).
    #[getter]
    fn role(&self) -> Option<&str> {
        self.0.role.as_deref()
    }
    /// Members, when the vendor reports a count.
    #[getter]
    fn member_count(&self) -> Option<u64> {
        self.0.member_count
    }
    /// True when the vendor forbids changing the group itself.
    #[getter]
    fn read_only(&self) -> bool {
        self.0.read_only
    }
    /// Every field as a dict; permissions as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.0.id)?;
        d.set_item("name", &self.0.name)?;
        d.set_item("description", &self.0.description)?;
        let perms = self
            .0
            .permissions
            .iter()
            .map(|p| PyPermission(p.clone()).to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("permissions", perms)?;
        d.set_item("role", &self.0.role)?;
        d.set_item("member_count", self.0.member_count)?;
        d.set_item("read_only", self.0.read_only)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        let mut s = format!(
            "Group(id={}, name={}",
            quote(&self.0.id),
            quote_opt(self.0.name.as_deref())
        );
        if let Some(role) = &self.0.role {
            s.push_str(&format!(", role={}", quote(role)));
        }
        if !self.0.permissions.is_empty() {
            s.push_str(&format!(", permissions={}", self.0.permissions.len()));
        }
        if let Some(n) = self.0.member_count {
            s.push_str(&format!(", member_count={n}"));
        }
        if self.0.read_only {
            s.push_str(", read_only=True");
        }
        s.push(')');
        s
    }
}

/// A member of a group.
#[pyclass(module = "rosterkit", name = "Member", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyMember(pub(crate) Member);

#[pymethods]
impl PyMember {
    /// The member's user id.
    #[getter]
    fn user_id(&self) -> &str {
        &self.0.user_id
    }
    /// Email.
    #[getter]
    fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// Display name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// When the user joined, where the vendor says.
    #[getter]
    fn added_at(&self) -> Option<&str> {
        self.0.added_at.as_deref()
    }
    /// Every field as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("user_id", &self.0.user_id)?;
        d.set_item("email", &self.0.email)?;
        d.set_item("name", &self.0.name)?;
        d.set_item("added_at", &self.0.added_at)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!(
            "Member(user_id={}, email={})",
            quote(&self.0.user_id),
            quote_opt(self.0.email.as_deref())
        )
    }
}
