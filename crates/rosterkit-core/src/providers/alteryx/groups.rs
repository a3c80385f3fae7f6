//! Alteryx user groups: create, list, get, update, delete (vendor document
//! `004_1215b0607d515864.txt`).

use super::models::{Created, Role, UserGroup};
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

fn group_path(target: &Target, method: &'static str, id: &str) -> Result<RequestBuilder, Error> {
    RequestBuilder::new(target, Provider::Alteryx, method)?
        .path("/v3/usergroups")
        .segment("group_id", id)
}

/// `alteryx.create_user_group`: POST /v3/usergroups, form body `name`, `role`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateUserGroup {
    /// Group name.
    pub name: String,
    /// One of NoAccess, Viewer, Member, Artisan, Curator, Evaluated.
    pub role: String,
}

impl Endpoint for CreateUserGroup {
    const ID: &'static str = "alteryx.create_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("name", &self.name)?;
        let role = Role::parse_field("role", &self.role)?;
        Ok(RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/usergroups")
            .form(&[("name", &self.name), ("role", role.as_str())])
            .build())
    }

    fn parse(&self, response: &Response) -> Result<UserGroup, Error> {
        parse::json::<Created>(response).map(UserGroup::from)
    }

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `alteryx.list_user_groups`: GET /v3/usergroups (custom groups only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListUserGroups {}

impl Endpoint for ListUserGroups {
    const ID: &'static str = "alteryx.list_user_groups";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = Vec<UserGroup>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/v3/usergroups")
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `alteryx.get_user_group`: GET /v3/usergroups/{id}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUserGroup {
    /// The group.
    pub group_id: String,
}

impl Endpoint for GetUserGroup {
    const ID: &'static str = "alteryx.get_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(group_path(target, "GET", &self.group_id)?.build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `alteryx.update_user_group`: PUT /v3/usergroups/{id}, form body `name`,
/// `role` (both required).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserGroup {
    /// The group.
    pub group_id: String,
    /// Group name.
    pub name: String,
    /// One of NoAccess, Viewer, Member, Artisan, Curator, Evaluated.
    pub role: String,
}

impl Endpoint for UpdateUserGroup {
    const ID: &'static str = "alteryx.update_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("name", &self.name)?;
        let role = Role::parse_field("role", &self.role)?;
        Ok(group_path(target, "PUT", &self.group_id)?
            .form(&[("name", &self.name), ("role", role.as_str())])
            .build())
    }

    fn parse(&self, response: &Response) -> Result<UserGroup, Error> {
        // Some servers answer an update with an empty 200.
        if response.is_success() && response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Created::Id(self.group_id.clone()).into());
        }
        parse::json::<Created>(response).map(UserGroup::from)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `alteryx.delete_user_group`: DELETE /v3/usergroups/{id}?forceDelete=..
/// A non-empty group answers 400 unless `force_delete` is true.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteUserGroup {
    /// The group.
    pub group_id: String,
    /// Delete even when the group has users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_delete: Option<bool>,
}

impl Endpoint for DeleteUserGroup {
    const ID: &'static str = "alteryx.delete_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(group_path(target, "DELETE", &self.group_id)?
            .query_opt("forceDelete", self.force_delete)
            .build())
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}
