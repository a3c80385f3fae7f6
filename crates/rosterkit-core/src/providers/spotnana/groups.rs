//! Spotnana user-group reads (vendor document `001_8ad0a0e9917e92fe.txt`).

use super::models::{Pagination, RolePage, UserGroup, UserGroupPage};
use crate::encode::RequestBuilder;
use crate::{parse, Endpoint, Error, Provider, Request, Target};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `spotnana.list_user_groups`: POST /v3/companies/{companyId}/user-groups/list.
///
/// Body: `pagination` (required), optional `searchText` (case-insensitive),
/// `sortParams` (by `NAME` or `CREATED_AT`) and `filters` (by `userGroupIds`);
/// the last two are passed through as given, since the document names them
/// without their full schema.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListUserGroups {
    /// The company.
    pub company_id: String,
    /// Offset and limit; always sent.
    #[serde(default)]
    pub pagination: Pagination,
    /// Case-insensitive search text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_text: Option<String>,
    /// Sort parameters, sent as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_params: Option<Value>,
    /// Filters, sent as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListBody<'a> {
    pagination: Pagination,
    #[serde(skip_serializing_if = "Option::is_none")]
    search_text: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort_params: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    filters: Option<&'a Value>,
}

impl Endpoint for ListUserGroups {
    const ID: &'static str = "spotnana.list_user_groups";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = UserGroupPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        self.pagination.check()?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups/list")
            .json(&ListBody {
                pagination: self.pagination,
                search_text: self.search_text.as_ref(),
                sort_params: self.sort_params.as_ref(),
                filters: self.filters.as_ref(),
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `spotnana.get_user_group`: GET /v3/companies/{companyId}/user-groups/{groupId}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetUserGroup {
    /// The company.
    pub company_id: String,
    /// The group.
    pub group_id: String,
}

impl Endpoint for GetUserGroup {
    const ID: &'static str = "spotnana.get_user_group";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .segment("groupId", &self.group_id)?
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

#[derive(Serialize)]
pub(super) struct PageBody {
    pub(super) pagination: Pagination,
}

/// `spotnana.list_user_group_roles`: POST /v3/companies/{companyId}/user-groups/{groupId}/roles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListUserGroupRoles {
    /// The company.
    pub company_id: String,
    /// The group.
    pub group_id: String,
    /// Offset and limit; always sent.
    #[serde(default)]
    pub pagination: Pagination,
}

impl Endpoint for ListUserGroupRoles {
    const ID: &'static str = "spotnana.list_user_group_roles";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = RolePage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        self.pagination.check()?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .segment("groupId", &self.group_id)?
            .path("/roles")
            .json(&PageBody {
                pagination: self.pagination,
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `spotnana.list_user_groups_for_user`: POST /v3/users/{userId}/user-groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListUserGroupsForUser {
    /// The user.
    pub user_id: String,
    /// Offset and limit; always sent.
    #[serde(default)]
    pub pagination: Pagination,
}

impl Endpoint for ListUserGroupsForUser {
    const ID: &'static str = "spotnana.list_user_groups_for_user";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = UserGroupPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        self.pagination.check()?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/users")
            .segment("userId", &self.user_id)?
            .path("/user-groups")
            .json(&PageBody {
                pagination: self.pagination,
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
