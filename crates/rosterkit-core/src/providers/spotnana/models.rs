//! Spotnana models, named as the document names them (camelCase on the wire).

use crate::providers::Extra;
use crate::{validate, Error};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The offset/limit object every Spotnana list request carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pagination {
    /// Items to skip.
    pub offset: u64,
    /// Items per page, 1 to 1000.
    pub limit: u64,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination {
            offset: 0,
            limit: super::DEFAULT_LIMIT,
        }
    }
}

impl Pagination {
    pub(crate) fn check(&self) -> Result<(), Error> {
        validate::range("pagination.limit", self.limit, 1, super::MAX_LIMIT)?;
        validate::range("pagination.offset", self.offset, 0, u64::from(u32::MAX))
    }
}

/// The pagination object of a list response.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaginationResult {
    /// Offset of this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Limit the server applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Total items across pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_num_results: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(PaginationResult as "a Spotnana pagination result" {
    offset: "offset" => default,
    limit: "limit" => default,
    total_num_results: "totalNumResults" => default,
});

/// A user group: `id`, `name`, `description`, `companyId`, `isUnmodifiable`,
/// `createdAt`, `updatedAt`, `createdBy`, `updatedBy`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserGroup {
    /// The group id (`groupId` in paths).
    pub id: String,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Owning company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    /// Platform-created: name, description and roles cannot change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_unmodifiable: Option<bool>,
    /// Creation time: a string in the vendor file, `{"iso8601": ".."}` in
    /// Spotnana's published schema (REFERENCES.md, Spotnana); kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Value>,
    /// Last update time, in either shape (see `created_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Value>,
    /// Who created it (shape not documented, kept as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Value>,
    /// Who last updated it (shape not documented, kept as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(UserGroup as "a Spotnana user group" {
    id: "id" => required,
    name: "name" => default,
    description: "description" => default,
    company_id: "companyId" => default,
    is_unmodifiable: "isUnmodifiable" => default,
    created_at: "createdAt" => default,
    updated_at: "updatedAt" => default,
    created_by: "createdBy" => default,
    updated_by: "updatedBy" => default,
});

/// `{"userGroups": [..], "pagination": {..}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserGroupPage {
    /// Groups on this page. Required: the reference says a list response
    /// always carries its list key, so a 200 without it is no empty page.
    pub user_groups: Vec<UserGroup>,
    /// Paging totals, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(UserGroupPage as "a Spotnana user group page" {
    user_groups: "userGroups" => required,
    pagination: "pagination" => default,
});

/// A group member: `userId`, `addedAt`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupMember {
    /// The member's user id.
    pub user_id: String,
    /// When the user was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(GroupMember as "a Spotnana group member" {
    user_id: "userId" => required,
    added_at: "addedAt" => default,
});

/// `{"members": [..], "pagination": {..totalNumResults}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberPage {
    /// Members on this page (required, as `userGroups` is).
    pub members: Vec<GroupMember>,
    /// Paging totals, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(MemberPage as "a Spotnana member page" {
    members: "members" => required,
    pagination: "pagination" => default,
});

/// A role assigned to a group: `id`, `name`, `description`, `isPlatformRole`,
/// `permissions` and scope information (kept as sent).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// Role id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Role name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Defined by the platform rather than the company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_platform_role: Option<bool>,
    /// Permissions, in whatever shape the server sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Value>,
    /// Fields not named above (scope and the like).
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(Role as "a Spotnana role" {
    id: "id" => default,
    name: "name" => default,
    description: "description" => default,
    is_platform_role: "isPlatformRole" => default,
    permissions: "permissions" => default,
});

/// `{"roles": [..], "pagination": {..}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RolePage {
    /// Roles on this page (required, as `userGroups` is).
    pub roles: Vec<Role>,
    /// Paging totals, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::providers::known_fields::deserialize_with_extra!(RolePage as "a Spotnana role page" {
    roles: "roles" => required,
    pagination: "pagination" => default,
});
