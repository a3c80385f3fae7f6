//! Polaris permissions and groups (vendor document `003_dd1a18090924cbef.txt`).

use super::models::{Group, Permission, Values};
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

pub(super) fn get(target: &Target, path: &'static str) -> Result<Request, Error> {
    Ok(RequestBuilder::new(target, Provider::Polaris, "GET")?
        .path(path)
        .build())
}

fn check_permissions(permissions: &[Permission]) -> Result<(), Error> {
    for (i, p) in permissions.iter().enumerate() {
        validate::non_empty(&format!("permissions[{i}].name"), &p.name)?;
    }
    Ok(())
}

/// `polaris.list_permissions`: GET /v1/permissions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPermissions {}

impl Endpoint for ListPermissions {
    const ID: &'static str = "polaris.list_permissions";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<Permission>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        get(target, "/v1/permissions")
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.list_groups`: GET /v1/groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroups {}

impl Endpoint for ListGroups {
    const ID: &'static str = "polaris.list_groups";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<Group>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        get(target, "/v1/groups")
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.get_group`: GET /v1/groups/{id} (mentioned in the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetGroup {
    /// The group.
    pub group_id: String,
}

impl Endpoint for GetGroup {
    const ID: &'static str = "polaris.get_group";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/v1/groups")
            .segment("group_id", &self.group_id)?
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.create_group`: POST /v1/groups with `name` and `permissions`; 201.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateGroup {
    /// Group name.
    pub name: String,
    /// Permissions, each scoped to `projects/*` or specific `projects/<id>`.
    #[serde(default)]
    pub permissions: Vec<Permission>,
}

impl Endpoint for CreateGroup {
    const ID: &'static str = "polaris.create_group";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("name", &self.name)?;
        check_permissions(&self.permissions)?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v1/groups")
            .json(self)
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `polaris.update_group`: PUT /v1/groups/{id} (mentioned in the document;
/// like user updates, a PUT sends the whole group: name and permissions).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroup {
    /// The group.
    pub group_id: String,
    /// Group name.
    pub name: String,
    /// The complete permission list after the update.
    #[serde(default)]
    pub permissions: Vec<Permission>,
}

#[derive(Serialize)]
struct GroupBody<'a> {
    name: &'a str,
    permissions: &'a [Permission],
}

impl Endpoint for UpdateGroup {
    const ID: &'static str = "polaris.update_group";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Group;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("name", &self.name)?;
        check_permissions(&self.permissions)?;
        RequestBuilder::new(target, Self::PROVIDER, "PUT")?
            .path("/v1/groups")
            .segment("group_id", &self.group_id)?
            .json(&GroupBody {
                name: &self.name,
                permissions: &self.permissions,
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.delete_group`: DELETE /v1/groups/{id} (mentioned in the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteGroup {
    /// The group.
    pub group_id: String,
}

impl Endpoint for DeleteGroup {
    const ID: &'static str = "polaris.delete_group";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "DELETE")?
            .path("/v1/groups")
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
