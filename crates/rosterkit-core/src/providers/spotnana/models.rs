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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaginationResult {
    /// Offset of this page.
    pub offset: Option<u64>,
    /// Limit the server applied.
    pub limit: Option<u64>,
    /// Total items across pages.
    pub total_num_results: Option<u64>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(PaginationResult as "a Spotnana pagination result" {
    offset: "offset" => optional,
    limit: "limit" => optional,
    total_num_results: "totalNumResults" => optional,
});

/// A user group: `id`, `name`, `description`, `companyId`, `isUnmodifiable`,
/// `createdAt`, `updatedAt`, `createdBy`, `updatedBy`.
#[derive(Clone, Debug, PartialEq)]
pub struct UserGroup {
    /// The group id (`groupId` in paths).
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Owning company.
    pub company_id: Option<String>,
    /// Platform-created: name, description and roles cannot change.
    pub is_unmodifiable: Option<bool>,
    /// Creation time: a string in the vendor file, `{"iso8601": ".."}` in
    /// Spotnana's published schema (REFERENCES.md, Spotnana); kept as sent.
    pub created_at: Option<Value>,
    /// Last update time, in either shape (see `created_at`).
    pub updated_at: Option<Value>,
    /// Who created it (shape not documented, kept as sent).
    pub created_by: Option<Value>,
    /// Who last updated it (shape not documented, kept as sent).
    pub updated_by: Option<Value>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(UserGroup as "a Spotnana user group" {
    id: "id" => required,
    name: "name" => optional,
    description: "description" => optional,
    company_id: "companyId" => optional,
    is_unmodifiable: "isUnmodifiable" => optional,
    created_at: "createdAt" => optional,
    updated_at: "updatedAt" => optional,
    created_by: "createdBy" => optional,
    updated_by: "updatedBy" => optional,
});

/// `{"userGroups": [..], "pagination": {..}}`.
#[derive(Clone, Debug, PartialEq)]
pub struct UserGroupPage {
    /// Groups on this page. Required: the reference says a list response
    /// always carries its list key, so a 200 without it is no empty page.
    pub user_groups: Vec<UserGroup>,
    /// Paging totals, when sent.
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(UserGroupPage as "a Spotnana user group page" {
    user_groups: "userGroups" => required,
    pagination: "pagination" => optional,
});

/// A group member: `userId`, `addedAt`.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupMember {
    /// The member's user id.
    pub user_id: String,
    /// When the user was added.
    pub added_at: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(GroupMember as "a Spotnana group member" {
    user_id: "userId" => required,
    added_at: "addedAt" => optional,
});

/// `{"members": [..], "pagination": {..totalNumResults}}`.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberPage {
    /// Members on this page (required, as `userGroups` is).
    pub members: Vec<GroupMember>,
    /// Paging totals, when sent.
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(MemberPage as "a Spotnana member page" {
    members: "members" => required,
    pagination: "pagination" => optional,
});

/// A role assigned to a group: `id`, `name`, `description`, `isPlatformRole`,
/// `permissions` and scope information (kept as sent).
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Role id.
    pub id: Option<String>,
    /// Role name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Defined by the platform rather than the company.
    pub is_platform_role: Option<bool>,
    /// Permissions, in whatever shape the server sends.
    pub permissions: Option<Value>,
    /// Fields not named above (scope and the like).
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Role as "a Spotnana role" {
    id: "id" => optional,
    name: "name" => optional,
    description: "description" => optional,
    is_platform_role: "isPlatformRole" => optional,
    permissions: "permissions" => optional,
});

/// `{"roles": [..], "pagination": {..}}`.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePage {
    /// Roles on this page (required, as `userGroups` is).
    pub roles: Vec<Role>,
    /// Paging totals, when sent.
    pub pagination: Option<PaginationResult>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(RolePage as "a Spotnana role page" {
    roles: "roles" => required,
    pagination: "pagination" => optional,
});
