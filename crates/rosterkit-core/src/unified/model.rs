//! Provider-independent models.

use crate::{Error, Provider};
use serde::{Deserialize, Serialize};

/// Which directory to talk to: a provider, and for the two that scope their
/// paths by tenant, the tenant id (SSW `organization_id`, Spotnana `companyId`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Directory {
    /// The vendor API.
    pub provider: Provider,
    /// SSW organization id or Spotnana company id.
    #[serde(default)]
    pub tenant_id: Option<String>,
}

impl Directory {
    /// A directory with no tenant id (B2Core, Polaris, Alteryx).
    pub fn new(provider: Provider) -> Self {
        Directory {
            provider,
            tenant_id: None,
        }
    }

    /// A directory scoped to a tenant (SSW organization, Spotnana company).
    pub fn with_tenant(provider: Provider, tenant_id: impl Into<String>) -> Self {
        Directory {
            provider,
            tenant_id: Some(tenant_id.into()),
        }
    }

    /// The tenant id, required for SSW group listing and every Spotnana call.
    pub(crate) fn tenant(&self, operation: &str) -> Result<String, Error> {
        match &self.tenant_id {
            Some(t) if !t.trim().is_empty() => Ok(t.clone()),
            _ => Err(Error::invalid(
                "tenant_id",
                format!(
                    "{} {operation} needs the {}",
                    self.provider,
                    match self.provider {
                        Provider::Ssw => "organization id",
                        _ => "company id",
                    }
                ),
            )),
        }
    }
}

/// A user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct User {
    /// The vendor's user id.
    pub id: String,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Sign-in name, where different from the email.
    #[serde(default)]
    pub username: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Status as the vendor says it (`active`, `enabled`, `disabled`).
    #[serde(default)]
    pub status: Option<String>,
}

/// A permission or role, optionally scoped to resources.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Permission {
    /// Permission or role name.
    pub name: String,
    /// Resources it applies to (Polaris project patterns such as `projects/<id>`,
    /// or all projects); empty means everywhere.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub resources: Vec<String>,
}

/// A group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Group {
    /// The vendor's group id, as text.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Permissions granted to members (B2Core, Polaris).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub permissions: Vec<Permission>,
    /// The role granted to members (Alteryx).
    #[serde(default)]
    pub role: Option<String>,
    /// Members, when the vendor reports a count.
    #[serde(default)]
    pub member_count: Option<u64>,
    /// True when the vendor forbids changing the group itself (Polaris
    /// predefined groups, Spotnana `isUnmodifiable`); members can still change.
    #[serde(default)]
    pub read_only: bool,
}

/// A member of a group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Member {
    /// The member's user id.
    pub user_id: String,
    /// Email.
    #[serde(default)]
    pub email: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// When the user joined, where the vendor says.
    #[serde(default)]
    pub added_at: Option<String>,
}

/// A group to create.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct NewGroup {
    /// Name.
    pub name: String,
    /// Permissions (B2Core names, Polaris scoped permissions).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub permissions: Vec<Permission>,
    /// Alteryx role; defaults to `Evaluated`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub role: Option<String>,
}

/// Changes to a group; what is left out keeps its value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct GroupChanges {
    /// New name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
    /// New permission set (B2Core, Polaris).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub permissions: Option<Vec<Permission>>,
    /// New role (Alteryx).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub role: Option<String>,
}
