//! B2Core user groups: list, get, create, replace (PUT), update (PATCH),
//! delete (vendor document `002_1a2c9dc34cbc7b4f.txt`).

use super::models::Group;
use super::MAX_LIMIT;
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

fn check_permissions(permissions: &[String]) -> Result<(), Error> {
    validate::ids("permissions", permissions, false)?;
    validate::unique("permissions", permissions)
}

/// `b2core.list_groups`: GET /api/v2/groups?limit=&offset=
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroups {
    /// Groups per page, 1 to 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Groups to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl Endpoint for ListGroups {
    const ID: &'static str = "b2core.list_groups";
    const PROVIDER: Provider = Provider::B2core;
    type Output = Vec<Group>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::range_opt("limit", self.limit, 1, MAX_LIMIT)?;
        validate::range_opt("offset", self.offset, 0, u64::from(u32::MAX))?;
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/api/v2/groups")
            .query_opt("limit", self.limit)
            .query_opt("offset", self.offset)
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `b2core.get_group`: GET /api/v2/groups/{groupId}
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetGroup {
    /// The group.
    pub group_id: String,
}

impl Endpoint for GetGroup {
    const ID: &'static str = "b2core.get_group";
    const PROVIDER: Provider = Provider::B2core;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/api/v2/groups")
            .segment("group_id", &self.group_id)?
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `b2core.create_group`: POST /api/v2/groups with `name` and `permissions`
/// (both required; permissions may be empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateGroup {
    /// The group name.
    pub name: String,
    /// Unique, case-sensitive permission strings.
    #[serde(default)]
    pub permissions: Vec<String>,
}

impl Endpoint for CreateGroup {
    const ID: &'static str = "b2core.create_group";
    const PROVIDER: Provider = Provider::B2core;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("name", &self.name)?;
        check_permissions(&self.permissions)?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/api/v2/groups")
            .json(self)
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        false
    }
}

/// The body of PUT and PATCH: only the fields given are sent.
#[derive(Serialize)]
struct UpdateBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<&'a Vec<String>>,
}

fn update_request(
    target: &Target,
    method: &'static str,
    group_id: &str,
    name: Option<&String>,
    permissions: Option<&Vec<String>>,
) -> Result<Request, Error> {
    if name.is_none() && permissions.is_none() {
        return Err(Error::invalid("name", "give a name, permissions or both"));
    }
    if let Some(name) = name {
        validate::non_empty("name", name)?;
    }
    if let Some(p) = permissions {
        check_permissions(p)?;
    }
    RequestBuilder::new(target, Provider::B2core, method)?
        .path("/api/v2/groups")
        .segment("group_id", group_id)?
        .json(&UpdateBody { name, permissions })
        .map(RequestBuilder::build)
}

/// `b2core.replace_group`: PUT /api/v2/groups/{groupId}. The document lets
/// either field be updated and notes PATCH as the equivalent method.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplaceGroup {
    /// The group.
    pub group_id: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new permission set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
}

impl Endpoint for ReplaceGroup {
    const ID: &'static str = "b2core.replace_group";
    const PROVIDER: Provider = Provider::B2core;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        update_request(
            target,
            "PUT",
            &self.group_id,
            self.name.as_ref(),
            self.permissions.as_ref(),
        )
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `b2core.update_group`: PATCH /api/v2/groups/{groupId}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroup {
    /// The group.
    pub group_id: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new permission set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
}

impl Endpoint for UpdateGroup {
    const ID: &'static str = "b2core.update_group";
    const PROVIDER: Provider = Provider::B2core;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        update_request(
            target,
            "PATCH",
            &self.group_id,
            self.name.as_ref(),
            self.permissions.as_ref(),
        )
    }

    parse::json_body!();

    // Setting the same name and permissions twice ends in the same state.
    fn retry_safe(&self) -> bool {
        true
    }
}

/// `b2core.delete_group`: DELETE /api/v2/groups/{groupId}; success has no body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteGroup {
    /// The group.
    pub group_id: String,
}

impl Endpoint for DeleteGroup {
    const ID: &'static str = "b2core.delete_group";
    const PROVIDER: Provider = Provider::B2core;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "DELETE")?
            .path("/api/v2/groups")
            .segment("group_id", &self.group_id)?
            .build())
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}
