//! Polaris models (camelCase on the wire).

use crate::providers::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `{"values": [..]}`, with `count` where the endpoint sends it.
#[derive(Clone, Debug, PartialEq)]
pub struct Values<T> {
    /// The items.
    pub values: Vec<T>,
    /// The item count (group members).
    pub count: Option<u64>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Values<T> as "values" {
    values: "values" => required,
    count: "count" => optional,
});

/// A permission, optionally scoped to resources such as `projects/*`.
#[derive(Clone, Debug, PartialEq)]
pub struct Permission {
    /// e.g. `ManageDashboards`.
    pub name: String,
    /// e.g. `["projects/*"]`; absent for organization-wide permissions.
    pub resources: Option<Vec<String>>,
    /// A description, when the server sends one.
    pub description: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Permission as "a Polaris permission" {
    name: "name" => required,
    resources: "resources" => optional,
    description: "description" => optional,
});

impl Permission {
    /// A permission over the given resources.
    pub fn new(name: impl Into<String>, resources: Option<Vec<String>>) -> Self {
        Permission {
            name: name.into(),
            resources,
            description: None,
            extra: Extra::new(),
        }
    }
}

/// A group: `id`, `name`, `readOnly`, `permissions`, `userCount`.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The group id (a UUID).
    pub id: String,
    /// Name.
    pub name: String,
    /// Predefined groups are read-only.
    pub read_only: Option<bool>,
    /// The group's permissions.
    pub permissions: Vec<Permission>,
    /// Members in the group.
    pub user_count: Option<u64>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Group as "a Polaris group" {
    id: "id" => required,
    name: "name" => required,
    read_only: "readOnly" => optional,
    permissions: "permissions" => default,
    user_count: "userCount" => optional,
});

/// A group reference on a user: `{"id"}` in requests, `{"id","name"}` in responses.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRef {
    /// The group id.
    pub id: String,
    /// The group name (responses only).
    pub name: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(GroupRef as "a Polaris group reference" {
    id: "id" => required,
    name: "name" => optional,
});

impl GroupRef {
    /// A reference by id, as requests send it.
    pub fn id(id: impl Into<String>) -> Self {
        GroupRef {
            id: id.into(),
            name: None,
            extra: Extra::new(),
        }
    }
}

/// A user as `GET`/`POST`/`PUT /v1/users` return it.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    /// The user id (a UUID).
    pub id: String,
    /// Username (cannot change).
    pub username: String,
    /// Email (cannot change).
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Whether the user can sign in.
    pub enabled: Option<bool>,
    /// Whether the email was verified.
    pub email_verified: Option<bool>,
    /// Permissions granted to the user directly.
    pub permissions: Option<Vec<Permission>>,
    /// Groups the user belongs to.
    pub groups: Vec<GroupRef>,
    /// Linked identities.
    pub identities: Option<Vec<Value>>,
    /// Pending actions such as `VERIFY_EMAIL`.
    pub actions: Option<Vec<String>>,
    /// Creation time.
    pub created_on: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(User as "a Polaris user" {
    id: "id" => required,
    username: "username" => required,
    email: "email" => optional,
    first_name: "firstName" => optional,
    last_name: "lastName" => optional,
    enabled: "enabled" => optional,
    email_verified: "emailVerified" => optional,
    permissions: "permissions" => optional,
    groups: "groups" => default,
    identities: "identities" => optional,
    actions: "actions" => optional,
    created_on: "createdOn" => optional,
});

/// The full user sent by `PUT /v1/users/{id}` (Polaris identity document,
/// "Update a user": "You must provide all properties you want to retain").
///
/// Polaris recreates the user from this body, so a field left out is
/// cleared and a missing `groups` takes the user out of every group
/// (REFERENCES.md, Imply Polaris). Read from JSON, every property of the
/// document's sample (`username`, `email`, `firstName`, `lastName`,
/// `enabled`, `groups`) must therefore be present, `null` where the user has
/// no value; a missing one is refused naming all that are missing. Build it
/// from the current user (`polaris.get_user`) with [`UserUpdate::from_user`]
/// and change only what you mean to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct UserUpdate {
    /// Username; must equal the current one.
    pub username: String,
    /// Email; must equal the current one.
    #[serde(default)]
    pub email: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Whether the user can sign in.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Direct permissions to keep (absent from the document's sample, so
    /// optional; send the current ones to keep them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Permission>>,
    /// The complete group list after the update (ids only).
    #[serde(default)]
    pub groups: Vec<GroupRef>,
    /// Actions to trigger, e.g. `["UPDATE_PASSWORD"]` sends a reset email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<String>>,
    /// Further fields, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The properties a full-replacement PUT must carry.
const USER_UPDATE_REQUIRED: [&str; 6] = [
    "username",
    "email",
    "firstName",
    "lastName",
    "enabled",
    "groups",
];

impl Serialize for UserUpdate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        UserUpdate::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for UserUpdate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let map = serde_json::Map::<String, Value>::deserialize(deserializer)?;
        let missing: Vec<&str> = USER_UPDATE_REQUIRED
            .into_iter()
            .filter(|key| !map.contains_key(*key))
            .collect();
        if !missing.is_empty() {
            return Err(D::Error::custom(format!(
                "a PUT replaces the whole user, so every property to keep must be sent; missing {} \
                 (use null for no value; start from the current user, polaris.get_user)",
                missing.join(", ")
            )));
        }
        UserUpdate::deserialize(Value::Object(map)).map_err(D::Error::custom)
    }
}

impl UserUpdate {
    /// The update that keeps `user` exactly as it is.
    ///
    /// Server-managed fields (`id`, `createdOn`, `emailVerified`,
    /// `identities`) are not sent back, and neither are pending `actions`:
    /// resending `UPDATE_PASSWORD` would email the user a password reset.
    /// Group names are dropped since requests reference groups by id.
    /// Unknown fields are kept, so nothing a newer API adds is cleared.
    pub fn from_user(user: &User) -> Self {
        UserUpdate {
            username: user.username.clone(),
            email: user.email.clone(),
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            enabled: user.enabled,
            permissions: user.permissions.clone().filter(|p| !p.is_empty()),
            groups: user
                .groups
                .iter()
                .map(|g| GroupRef::id(g.id.clone()))
                .collect(),
            actions: None,
            extra: user.extra.clone(),
        }
    }
}

/// A group member as `GET /v1/groups/{id}/members` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupMember {
    /// User id.
    pub id: String,
    /// Username.
    pub username: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(GroupMember as "a Polaris group member" {
    id: "id" => required,
    username: "username" => optional,
    email: "email" => optional,
    first_name: "firstName" => optional,
    last_name: "lastName" => optional,
});

/// A project, as `GET /v1/projects` lists it (used to scope permissions).
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// The project id.
    pub id: String,
    /// The project name.
    pub name: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Project as "a Polaris project" {
    id: "id" => required,
    name: "name" => optional,
});
