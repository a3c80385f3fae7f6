//! Unified operations in JavaScript spelling, and the conversion of each
//! operation's result into the camelCase models.

use crate::args;
use crate::models::{Group, Member, Permission, User};
use rosterkit_core::unified as core;
use rosterkit_core::Error;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::JsValue;

/// A group to create.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewGroup {
    /// Name.
    pub name: String,
    /// Permissions (B2Core names, Polaris scoped permissions).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub permissions: Vec<Permission>,
    /// Alteryx role; defaults to `Evaluated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Changes to a group; what is left out keeps its value.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GroupChanges {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New permission set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Permission>>,
    /// New Alteryx role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Options of `deleteGroup`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteOptions {
    /// Delete even when members remain (Alteryx `forceDelete`).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub force: bool,
}

/// One provider-independent operation, as `sansio.Flow.unified` takes it.
/// Membership changes go through a plan instead (`planChanges`/`planSync`,
/// then `Flow.planStep` per step), so each step reports its own outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum UnifiedOp {
    /// Every user. Result: `User[]`.
    ListUsers,
    /// Every group. Result: `Group[]`.
    ListGroups,
    /// One group. Result: `Group`.
    #[serde(rename_all = "camelCase")]
    GetGroup {
        /// The group.
        group_id: String,
    },
    /// Creates a group. Result: `Group`.
    #[serde(rename_all = "camelCase")]
    CreateGroup {
        /// Name.
        name: String,
        /// Permissions.
        #[serde(default)]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        permissions: Vec<Permission>,
        /// Alteryx role.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// Changes a group. Result: `Group`, or `null` where the vendor answers without one.
    #[serde(rename_all = "camelCase")]
    UpdateGroup {
        /// The group.
        group_id: String,
        /// New name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// New permission set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        permissions: Option<Vec<Permission>>,
        /// New Alteryx role.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// Deletes a group. Result: `null`.
    #[serde(rename_all = "camelCase")]
    DeleteGroup {
        /// The group.
        group_id: String,
        /// Delete a non-empty Alteryx group.
        #[serde(default)]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        force: bool,
    },
    /// Every member. Result: `Member[]`.
    #[serde(rename_all = "camelCase")]
    ListMembers {
        /// The group.
        group_id: String,
    },
    /// Approves a pending join request (SSW). Result: the vendor's answer.
    #[serde(rename_all = "camelCase")]
    ApproveMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
    /// Rejects a pending join request (SSW). Result: the vendor's answer.
    #[serde(rename_all = "camelCase")]
    RejectMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
}

fn permissions(ps: Vec<Permission>) -> Vec<core::Permission> {
    ps.into_iter().map(core::Permission::from).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoArgs {}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GroupRef {
    group_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MemberRef {
    group_id: String,
    user_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UpdateArgs {
    group_id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    permissions: Option<Vec<Permission>>,
    #[serde(default)]
    role: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DeleteArgs {
    group_id: String,
    #[serde(default)]
    force: bool,
}

const OPS: &str = "listUsers, listGroups, getGroup, createGroup, updateGroup, deleteGroup, \
                   listMembers, approveMember, rejectMember";

impl UnifiedOp {
    /// Reads `{ op, ...arguments }` into the core operation. The `op` tag is
    /// dispatched by hand: serde's internally tagged enums buffer the whole
    /// value and cost the wasm file kilobytes for every variant.
    pub(crate) fn parse(value: JsValue, field: &str) -> Result<core::UnifiedOp, JsValue> {
        use core::UnifiedOp as C;
        let mut map = args::json_object(value, field)?;
        let tag = match map.remove("op") {
            Some(Value::String(tag)) => tag,
            _ => return Err(args::invalid("op", &format!("must be one of {OPS}"))),
        };
        let rest = Value::Object(map);
        Ok(match tag.as_str() {
            "listUsers" | "listGroups" => {
                read::<NoArgs>(rest, field)?;
                if tag == "listUsers" {
                    C::ListUsers
                } else {
                    C::ListGroups
                }
            }
            "getGroup" => C::GetGroup {
                group_id: read::<GroupRef>(rest, field)?.group_id,
            },
            "listMembers" => C::ListMembers {
                group_id: read::<GroupRef>(rest, field)?.group_id,
            },
            "createGroup" => {
                let g: NewGroup = read(rest, field)?;
                C::CreateGroup {
                    name: g.name,
                    permissions: permissions(g.permissions),
                    role: g.role,
                }
            }
            "updateGroup" => {
                let u: UpdateArgs = read(rest, field)?;
                C::UpdateGroup {
                    group_id: u.group_id,
                    name: u.name,
                    permissions: u.permissions.map(permissions),
                    role: u.role,
                }
            }
            "deleteGroup" => {
                let d: DeleteArgs = read(rest, field)?;
                C::DeleteGroup {
                    group_id: d.group_id,
                    force: d.force,
                }
            }
            "approveMember" => {
                let m: MemberRef = read(rest, field)?;
                C::ApproveMember {
                    group_id: m.group_id,
                    user_id: m.user_id,
                }
            }
            "rejectMember" => {
                let m: MemberRef = read(rest, field)?;
                C::RejectMember {
                    group_id: m.group_id,
                    user_id: m.user_id,
                }
            }
            other => {
                return Err(args::invalid(
                    "op",
                    &format!("unknown operation {other:?}; expected one of {OPS}"),
                ))
            }
        })
    }
}

fn read<T: DeserializeOwned>(value: Value, field: &str) -> Result<T, JsValue> {
    args::from_value(value, field, "")
}

/// How a flow's result becomes a JavaScript value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The vendor's own JSON, unchanged (endpoint calls, plan steps).
    Raw,
    /// `User[]`.
    Users,
    /// `Group[]`.
    Groups,
    /// `Group`, or `null` when the vendor answered without one.
    Group,
    /// `Member[]`.
    Members,
    /// `null`.
    Nothing,
}

fn typed<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_json::from_value(value).map_err(Error::from)
}

/// A finished flow's value in JavaScript spelling.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Shaped {
    /// The vendor's own JSON.
    Raw(Value),
    /// Users.
    Users(Vec<User>),
    /// Groups.
    Groups(Vec<Group>),
    /// One group, or null.
    Group(Option<Group>),
    /// Members.
    Members(Vec<Member>),
}

impl Shape {
    /// The shape of a unified operation's result.
    pub(crate) fn of(op: &core::UnifiedOp) -> Shape {
        use core::UnifiedOp as C;
        match op {
            C::ListUsers => Shape::Users,
            C::ListGroups => Shape::Groups,
            C::GetGroup { .. } | C::CreateGroup { .. } | C::UpdateGroup { .. } => Shape::Group,
            C::DeleteGroup { .. } => Shape::Nothing,
            C::ListMembers { .. } => Shape::Members,
            _ => Shape::Raw,
        }
    }

    /// Converts a finished flow's value.
    pub(crate) fn convert(self, value: Value) -> Result<Shaped, Error> {
        Ok(match self {
            Shape::Raw => Shaped::Raw(value),
            Shape::Nothing => Shaped::Raw(Value::Null),
            Shape::Group if value.is_null() => Shaped::Group(None),
            Shape::Group => Shaped::Group(Some(typed::<core::Group>(value)?.into())),
            Shape::Users => Shaped::Users(map(typed::<Vec<core::User>>(value)?)),
            Shape::Groups => Shaped::Groups(map(typed::<Vec<core::Group>>(value)?)),
            Shape::Members => Shaped::Members(map(typed::<Vec<core::Member>>(value)?)),
        })
    }
}

fn map<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(B::from).collect()
}
