//! Polaris users (vendor document `003_dd1a18090924cbef.txt`).

use super::models::{GroupRef, Permission, User, UserUpdate, Values};
use crate::encode::RequestBuilder;
use crate::providers::Extra;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

fn user_path(
    target: &Target,
    method: &'static str,
    user_id: &str,
) -> Result<RequestBuilder, Error> {
    RequestBuilder::new(target, Provider::Polaris, method)?
        .path("/v1/users")
        .segment("user_id", user_id)
}

/// `polaris.list_users`: GET /v1/users (mentioned in the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListUsers {}

impl Endpoint for ListUsers {
    const ID: &'static str = "polaris.list_users";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<User>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        super::groups::get(target, "/v1/users")
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.get_user`: GET /v1/users/{id} (mentioned in the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUser {
    /// The user.
    pub user_id: String,
}

impl Endpoint for GetUser {
    const ID: &'static str = "polaris.get_user";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = User;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(user_path(target, "GET", &self.user_id)?.build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.create_user`: POST /v1/users; 201. Groups are given by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CreateUser {
    /// Username, usually the email address.
    pub username: String,
    /// Email; Polaris uses the username when absent.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Groups to join, by id.
    pub groups: Vec<GroupRef>,
    /// Direct permissions.
    pub permissions: Option<Vec<Permission>>,
    /// Further fields, sent as given.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(CreateUser as "a Polaris user to create" {
    username: "username" => required,
    email: "email" => optional,
    first_name: "firstName" => optional,
    last_name: "lastName" => optional,
    groups: "groups" => nonempty,
    permissions: "permissions" => optional,
});

impl Endpoint for CreateUser {
    const ID: &'static str = "polaris.create_user";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = User;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("username", &self.username)?;
        for (i, g) in self.groups.iter().enumerate() {
            validate::non_empty(&format!("groups[{i}].id"), &g.id)?;
        }
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v1/users")
            .json(self)
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `polaris.update_user`: PUT /v1/users/{id}, a full replacement: every field
/// to keep must be sent (see [`UserUpdate::from_user`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// The user.
    pub user_id: String,
    /// The complete user after the update.
    pub user: UserUpdate,
}

impl Endpoint for UpdateUser {
    const ID: &'static str = "polaris.update_user";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = User;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::non_empty("user.username", &self.user.username)?;
        for (i, g) in self.user.groups.iter().enumerate() {
            validate::non_empty(&format!("user.groups[{i}].id"), &g.id)?;
        }
        user_path(target, "PUT", &self.user_id)?
            .json(&self.user)
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    // The same full replacement twice leaves the same user, unless it
    // carries actions, which would send the user a second email.
    fn retry_safe(&self) -> bool {
        self.user.actions.as_ref().is_none_or(Vec::is_empty)
    }
}

/// `polaris.delete_user`: DELETE /v1/users/{id} (mentioned in the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteUser {
    /// The user.
    pub user_id: String,
}

impl Endpoint for DeleteUser {
    const ID: &'static str = "polaris.delete_user";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(user_path(target, "DELETE", &self.user_id)?.build())
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.list_effective_permissions`: GET /v1/users/{id}/effectivepermissions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEffectivePermissions {
    /// The user.
    pub user_id: String,
}

impl Endpoint for ListEffectivePermissions {
    const ID: &'static str = "polaris.list_effective_permissions";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<Permission>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(user_path(target, "GET", &self.user_id)?
            .path("/effectivepermissions")
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
