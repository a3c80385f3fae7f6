//! Unified operations as one value, for hosts that address them by name
//! (`{"op": "list_groups"}`): the golden vectors and the sans-IO layers. Each
//! runs the same typed flow the clients call directly.

use super::model::{Directory, Group, GroupChanges, Member, NewGroup, User};
use crate::flow::{Context, Flow};
use crate::membership::{apply_flow, plan_changes, ApplyReport, MembershipPlan, SyncOptions};
use crate::{validate, Error};
use serde::{Deserialize, Serialize};

/// One provider-independent operation.
///
/// In JSON the operation is snake_case (`{"op": "get_group", "group_id":
/// ..}`), as every language's vectors write it; in JavaScript, like the
/// records it carries, it is camelCase (`{op: "getGroup", groupId: ..}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
#[cfg_attr(
    target_arch = "wasm32",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum UnifiedOp {
    /// Every user (all pages). Result: `[User]`. (Braces, not a unit
    /// variant: serde ignores extra keys next to a unit variant's tag, and a
    /// misspelt argument must be refused.)
    ListUsers {},
    /// Every group (all pages). Result: `[Group]`.
    ListGroups {},
    /// One group. Result: `Group`.
    GetGroup {
        /// The group.
        group_id: String,
    },
    /// Creates a group. Result: `Group`.
    CreateGroup {
        /// The group.
        group: NewGroup,
    },
    /// Changes a group; what is left out keeps its value. Result: `Group`,
    /// or `null` where the vendor answers without one.
    UpdateGroup {
        /// The group.
        group_id: String,
        /// The changes.
        changes: GroupChanges,
    },
    /// Deletes a group. `force` deletes a non-empty Alteryx group.
    DeleteGroup {
        /// The group.
        group_id: String,
        /// Delete even when members remain (Alteryx `forceDelete`).
        #[serde(default)]
        force: bool,
    },
    /// Every member (all pages). Result: `[Member]`.
    ListMembers {
        /// The group.
        group_id: String,
    },
    /// Adds members with the fewest calls. Result: `ApplyReport`.
    AddMembers {
        /// The group.
        group_id: String,
        /// Users to add.
        user_ids: Vec<String>,
    },
    /// Removes members with the fewest calls. Result: `ApplyReport`.
    RemoveMembers {
        /// The group.
        group_id: String,
        /// Users to remove.
        user_ids: Vec<String>,
    },
    /// Approves a pending join request (SSW). Result: `null`.
    ApproveMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
    /// Rejects a pending join request (SSW). Result: `null`.
    RejectMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
    /// Plans a sync toward `desired` (ids or emails). Result: `MembershipPlan`.
    PlanSync {
        /// The group.
        group_id: String,
        /// Who should be in the group.
        desired: Vec<String>,
        /// Mode and guards.
        options: SyncOptions,
    },
    /// Plans and applies a sync. Result: `ApplyReport`.
    SyncMembers {
        /// The group.
        group_id: String,
        /// Who should be in the group.
        desired: Vec<String>,
        /// Mode and guards.
        options: SyncOptions,
    },
    /// Applies a plan, one call at a time. Result: `ApplyReport`.
    Apply {
        /// The plan, as planned.
        plan: MembershipPlan,
    },
}

/// What a unified operation returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[allow(missing_docs)]
pub enum UnifiedOutput {
    Users(Vec<User>),
    Groups(Vec<Group>),
    Group(Group),
    MaybeGroup(Option<Group>),
    Members(Vec<Member>),
    Plan(MembershipPlan),
    Report(ApplyReport),
    Nothing(()),
}

impl UnifiedOutput {
    /// The result as JSON text (snake_case fields, as the vectors write it).
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(Error::from)
    }
}

impl UnifiedOp {
    /// An operation from its JSON text, e.g. `{"op": "get_group",
    /// "group_id": "g1"}`; a bad field is an `InvalidInput` naming it.
    pub fn from_text(text: &str) -> Result<UnifiedOp, Error> {
        crate::operation::input_from_text("op", text)
    }

    /// The operation's snake_case name, as capability tables use it.
    pub fn name(&self) -> &'static str {
        match self {
            UnifiedOp::ListUsers {} => "list_users",
            UnifiedOp::ListGroups {} => "list_groups",
            UnifiedOp::GetGroup { .. } => "get_group",
            UnifiedOp::CreateGroup { .. } => "create_group",
            UnifiedOp::UpdateGroup { .. } => "update_group",
            UnifiedOp::DeleteGroup { .. } => "delete_group",
            UnifiedOp::ListMembers { .. } => "list_members",
            UnifiedOp::AddMembers { .. } => "add_members",
            UnifiedOp::RemoveMembers { .. } => "remove_members",
            UnifiedOp::ApproveMember { .. } => "approve_member",
            UnifiedOp::RejectMember { .. } => "reject_member",
            UnifiedOp::PlanSync { .. } => "plan_sync",
            UnifiedOp::SyncMembers { .. } => "sync_members",
            UnifiedOp::Apply { .. } => "apply",
        }
    }

    /// The flow that carries the operation out on `dir`, or `Unsupported` /
    /// `InvalidInput` before any request.
    pub fn flow(self, dir: &Directory, ctx: Context) -> Result<Flow<UnifiedOutput>, Error> {
        use UnifiedOutput as O;
        Ok(match self {
            UnifiedOp::ListUsers {} => dir.list_users(ctx)?.map(O::Users),
            UnifiedOp::ListGroups {} => dir.list_groups(ctx)?.map(O::Groups),
            UnifiedOp::GetGroup { group_id } => dir.get_group(&group_id, ctx)?.map(O::Group),
            UnifiedOp::CreateGroup { group } => dir.create_group(group, ctx)?.map(O::Group),
            UnifiedOp::UpdateGroup { group_id, changes } => dir
                .update_group(&group_id, changes, ctx)?
                .map(O::MaybeGroup),
            UnifiedOp::DeleteGroup { group_id, force } => {
                dir.delete_group(&group_id, force, ctx)?.map(O::Nothing)
            }
            UnifiedOp::ListMembers { group_id } => {
                dir.list_members(&group_id, ctx)?.map(O::Members)
            }
            UnifiedOp::AddMembers { group_id, user_ids } => {
                validate::ids("user_ids", &user_ids, true)?;
                apply_flow(plan_changes(dir, &group_id, &user_ids, &[])?, ctx)?.map(O::Report)
            }
            UnifiedOp::RemoveMembers { group_id, user_ids } => {
                validate::ids("user_ids", &user_ids, true)?;
                apply_flow(plan_changes(dir, &group_id, &[], &user_ids)?, ctx)?.map(O::Report)
            }
            UnifiedOp::ApproveMember { group_id, user_id } => dir
                .approve_member(&group_id, &user_id, ctx)?
                .map(O::Nothing),
            UnifiedOp::RejectMember { group_id, user_id } => {
                dir.reject_member(&group_id, &user_id, ctx)?.map(O::Nothing)
            }
            UnifiedOp::PlanSync {
                group_id,
                desired,
                options,
            } => dir
                .plan_sync(&group_id, desired, options, ctx)?
                .map(O::Plan),
            UnifiedOp::SyncMembers {
                group_id,
                desired,
                options,
            } => dir
                .sync_members(&group_id, desired, options, ctx)?
                .map(O::Report),
            UnifiedOp::Apply { plan } => {
                if plan.provider != dir.provider {
                    return Err(Error::invalid(
                        "plan.provider",
                        format!(
                            "the plan is for {}; this directory is {}",
                            plan.provider, dir.provider
                        ),
                    ));
                }
                apply_flow(plan, ctx)?.map(O::Report)
            }
        })
    }
}
