//! Spotnana group creation and update. Neither is in the vendor document
//! (`001_8ad0a0e9917e92fe.txt`), which covers reads and membership only; both
//! follow Spotnana's public API reference for user groups, where a group has
//! a `name` of 1 to 255 characters and a `description` of at most 1000.
//! Groups marked `isUnmodifiable` refuse updates (the server answers 400).

use super::models::UserGroup;
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Target};
use serde::{Deserialize, Serialize};

fn check_fields(name: &str, description: Option<&String>) -> Result<(), Error> {
    validate::length("name", name, 1, 255)?;
    validate::non_empty("name", name)?;
    if let Some(d) = description {
        validate::length("description", d, 0, 1000)?;
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GroupBody<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a String>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    role_ids: &'a [String],
}

/// `spotnana.create_user_group`: POST /v3/companies/{companyId}/user-groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateUserGroup {
    /// The company.
    pub company_id: String,
    /// 1 to 255 characters.
    pub name: String,
    /// At most 1000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Roles the group grants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_ids: Vec<String>,
}

impl Endpoint for CreateUserGroup {
    const ID: &'static str = "spotnana.create_user_group";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        check_fields(&self.name, self.description.as_ref())?;
        validate::ids("roleIds", &self.role_ids, false)?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .json(&GroupBody {
                name: &self.name,
                description: self.description.as_ref(),
                role_ids: &self.role_ids,
            })
            .map(RequestBuilder::build)
    }

    // The reference answers with the group, or just its `{"id"}`; both parse.
    parse::json_body!();

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `spotnana.update_user_group`: PUT /v3/companies/{companyId}/user-groups/{groupId}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserGroup {
    /// The company.
    pub company_id: String,
    /// The group.
    pub group_id: String,
    /// 1 to 255 characters.
    pub name: String,
    /// At most 1000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Endpoint for UpdateUserGroup {
    const ID: &'static str = "spotnana.update_user_group";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = UserGroup;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        check_fields(&self.name, self.description.as_ref())?;
        RequestBuilder::new(target, Self::PROVIDER, "PUT")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .segment("groupId", &self.group_id)?
            .json(&GroupBody {
                name: &self.name,
                description: self.description.as_ref(),
                role_ids: &[],
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
