//! Unified operations and the flows that carry them out on each vendor.

use super::capabilities::capabilities;
use super::convert;
use super::model::{Directory, Permission};
use crate::flow::{combinators as c, Call, Context, Continue, Flow, Machine};
use crate::membership::{self, MembershipPlan};
use crate::operation::Operation;
use crate::providers::{alteryx, b2core, polaris, spotnana, ssw, Extra};
use crate::{validate, Error, Provider};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One provider-independent operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum UnifiedOp {
    /// Every user (all pages). Result: `[User]`.
    ListUsers,
    /// Every group (all pages). Result: `[Group]`.
    ListGroups,
    /// One group. Result: `Group`.
    GetGroup {
        /// The group.
        group_id: String,
    },
    /// Creates a group. Result: `Group`.
    CreateGroup {
        /// Name.
        name: String,
        /// Permissions (B2Core strings, Polaris scoped permissions).
        #[serde(default)]
        permissions: Vec<Permission>,
        /// Alteryx role; defaults to `Evaluated`.
        #[serde(default)]
        role: Option<String>,
    },
    /// Changes a group. Fields left out keep their value. Result: `Group` or
    /// `null` where the vendor answers without one.
    UpdateGroup {
        /// The group.
        group_id: String,
        /// New name.
        #[serde(default)]
        name: Option<String>,
        /// New permission set.
        #[serde(default)]
        permissions: Option<Vec<Permission>>,
        /// New Alteryx role.
        #[serde(default)]
        role: Option<String>,
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
    /// Adds members with the fewest calls. Result: one entry per call.
    AddMembers {
        /// The group.
        group_id: String,
        /// Users to add.
        user_ids: Vec<String>,
    },
    /// Removes members with the fewest calls. Result: one entry per call.
    RemoveMembers {
        /// The group.
        group_id: String,
        /// Users to remove.
        user_ids: Vec<String>,
    },
    /// Approves a pending join request (SSW).
    ApproveMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
    /// Rejects a pending join request (SSW).
    RejectMember {
        /// The group.
        group_id: String,
        /// The user.
        user_id: String,
    },
    /// Makes the members exactly `desired`. Result: `{"plan", "results"}`;
    /// with `dry_run`, only the plan and no change.
    SyncMembers {
        /// The group.
        group_id: String,
        /// The complete desired member list.
        desired: Vec<String>,
        /// Plan only.
        #[serde(default)]
        dry_run: bool,
    },
}

impl UnifiedOp {
    /// The operation's snake_case name, as capability tables use it.
    pub fn name(&self) -> &'static str {
        match self {
            UnifiedOp::ListUsers => "list_users",
            UnifiedOp::ListGroups => "list_groups",
            UnifiedOp::GetGroup { .. } => "get_group",
            UnifiedOp::CreateGroup { .. } => "create_group",
            UnifiedOp::UpdateGroup { .. } => "update_group",
            UnifiedOp::DeleteGroup { .. } => "delete_group",
            UnifiedOp::ListMembers { .. } => "list_members",
            UnifiedOp::AddMembers { .. } => "add_members",
            UnifiedOp::RemoveMembers { .. } => "remove_members",
            UnifiedOp::ApproveMember { .. } => "approve_member",
            UnifiedOp::RejectMember { .. } => "reject_member",
            UnifiedOp::SyncMembers { .. } => "sync_members",
        }
    }

    /// For the list operations (users, groups, members): the vendor
    /// operation to page through and the kind of item each page holds, so a
    /// host can page a unified list lazily with [`crate::paging::Pager`] and
    /// [`super::to_unified`]. `None` for operations that are not lists.
    pub fn list_operation(
        &self,
        dir: &Directory,
    ) -> Result<Option<(Operation, super::ItemKind)>, Error> {
        use super::ItemKind;
        self.check_supported(dir.provider)?;
        Ok(match self {
            UnifiedOp::ListUsers => Some((users_op(dir.provider), ItemKind::User)),
            UnifiedOp::ListGroups => Some((list_groups_op(dir)?, ItemKind::Group)),
            UnifiedOp::ListMembers { group_id } => {
                Some((list_members_op(dir, group_id)?, ItemKind::Member))
            }
            _ => None,
        })
    }

    /// The flow that carries the operation out on `dir`, or `Unsupported`
    /// (before any request) when the vendor cannot do it.
    pub fn flow(&self, dir: &Directory, ctx: Context) -> Result<Flow, Error> {
        self.check_supported(dir.provider)?;
        Ok(Flow::from_machine(ctx, self.machine(dir)?))
    }

    fn check_supported(&self, provider: Provider) -> Result<(), Error> {
        let caps = capabilities(provider);
        let support = match self {
            UnifiedOp::ListUsers => &caps.list_users,
            UnifiedOp::ListGroups => &caps.list_groups,
            UnifiedOp::GetGroup { .. } => &caps.get_group,
            UnifiedOp::CreateGroup { .. } => &caps.create_group,
            UnifiedOp::UpdateGroup { .. } => &caps.update_group,
            UnifiedOp::DeleteGroup { .. } => &caps.delete_group,
            UnifiedOp::ListMembers { .. } | UnifiedOp::SyncMembers { .. } => &caps.list_members,
            UnifiedOp::AddMembers { .. } => &caps.add_members,
            UnifiedOp::RemoveMembers { .. } => &caps.remove_members,
            UnifiedOp::ApproveMember { .. } | UnifiedOp::RejectMember { .. } => &caps.approvals,
        };
        if support.supported {
            Ok(())
        } else {
            Err(Error::unsupported(
                provider,
                self.name(),
                support.note.clone(),
            ))
        }
    }

    fn machine(&self, dir: &Directory) -> Result<Box<dyn Machine>, Error> {
        let p = dir.provider;
        Ok(match self {
            UnifiedOp::ListUsers => map_items(c::all_pages(users_op(p)), move |v| {
                to_json(convert::user(p, v))
            }),
            UnifiedOp::ListGroups => map_items(c::all_pages(list_groups_op(dir)?), move |v| {
                to_json(convert::group(p, v))
            }),
            UnifiedOp::GetGroup { group_id } => map_one(
                Box::new(Call::new(get_group_op(dir, group_id)?)),
                move |v| to_json(convert::group(p, &v)),
            ),
            UnifiedOp::CreateGroup {
                name,
                permissions,
                role,
            } => {
                let op: Operation = match p {
                    Provider::B2core => b2core::CreateGroup {
                        name: name.clone(),
                        permissions: permission_names(permissions),
                    }
                    .into(),
                    Provider::Polaris => polaris::CreateGroup {
                        name: name.clone(),
                        permissions: polaris_permissions(permissions),
                    }
                    .into(),
                    Provider::Spotnana => spotnana::CreateUserGroup {
                        company_id: dir.tenant("create_group")?,
                        name: name.clone(),
                        ..Default::default()
                    }
                    .into(),
                    _ => alteryx::CreateUserGroup {
                        name: name.clone(),
                        role: role.clone().unwrap_or_else(|| "Evaluated".to_owned()),
                    }
                    .into(),
                };
                map_one(Box::new(Call::new(op)), move |v| {
                    to_json(convert::group(p, &v))
                })
            }
            UnifiedOp::UpdateGroup {
                group_id,
                name,
                permissions,
                role,
            } => update_group(
                dir,
                group_id,
                name.clone(),
                permissions.clone(),
                role.clone(),
            )?,
            UnifiedOp::DeleteGroup { group_id, force } => {
                let group_id = group_id.clone();
                let op: Operation = match p {
                    Provider::Ssw => ssw::DeleteGroup { group_id }.into(),
                    Provider::B2core => b2core::DeleteGroup { group_id }.into(),
                    Provider::Polaris => polaris::DeleteGroup { group_id }.into(),
                    _ => alteryx::DeleteUserGroup {
                        group_id,
                        force_delete: force.then_some(true),
                    }
                    .into(),
                };
                map_one(Box::new(Call::new(op)), |_| Ok(Value::Null))
            }
            UnifiedOp::ListMembers { group_id } => list_members(dir, group_id)?,
            UnifiedOp::AddMembers { group_id, user_ids } => {
                validate::ids("user_ids", user_ids, true)?;
                membership::plan_changes(dir, group_id, user_ids, &[])?.machine()
            }
            UnifiedOp::RemoveMembers { group_id, user_ids } => {
                validate::ids("user_ids", user_ids, true)?;
                membership::plan_changes(dir, group_id, &[], user_ids)?.machine()
            }
            UnifiedOp::ApproveMember { group_id, user_id } => {
                let op = ssw::ApproveGroupMember {
                    group_id: group_id.clone(),
                    user_id: user_id.clone(),
                    body: Extra::new(),
                };
                Box::new(Call::new(op.into()))
            }
            UnifiedOp::RejectMember { group_id, user_id } => {
                let op = ssw::RejectGroupMember {
                    group_id: group_id.clone(),
                    user_id: user_id.clone(),
                    body: Extra::new(),
                };
                Box::new(Call::new(op.into()))
            }
            UnifiedOp::SyncMembers {
                group_id,
                desired,
                dry_run,
            } => sync_members(dir, group_id, desired, *dry_run)?,
        })
    }
}

fn to_json<T: Serialize>(v: T) -> Result<Value, Error> {
    serde_json::to_value(v).map_err(Error::from)
}

fn map_one(
    machine: Box<dyn Machine>,
    f: impl FnOnce(Value) -> Result<Value, Error> + Send + 'static,
) -> Box<dyn Machine> {
    c::then(machine, move |v| f(v).map(Continue::Done))
}

fn map_items(
    machine: Box<dyn Machine>,
    f: impl Fn(&Value) -> Result<Value, Error> + Send + 'static,
) -> Box<dyn Machine> {
    c::then(machine, move |v| {
        let items = match v {
            Value::Array(items) => items,
            other => vec![other],
        };
        items
            .iter()
            .map(&f)
            .collect::<Result<Vec<_>, _>>()
            .map(|v| Continue::Done(Value::Array(v)))
    })
}

fn permission_names(permissions: &[Permission]) -> Vec<String> {
    permissions.iter().map(|p| p.name.clone()).collect()
}

fn polaris_permissions(permissions: &[Permission]) -> Vec<polaris::Permission> {
    permissions
        .iter()
        .map(|p| {
            polaris::Permission::new(
                p.name.clone(),
                (!p.resources.is_empty()).then(|| p.resources.clone()),
            )
        })
        .collect()
}

fn list_groups_op(dir: &Directory) -> Result<Operation, Error> {
    Ok(match dir.provider {
        Provider::Ssw => ssw::ListGroups {
            organization_id: dir.tenant("list_groups")?,
            ..Default::default()
        }
        .into(),
        Provider::Spotnana => spotnana::ListUserGroups {
            company_id: dir.tenant("list_groups")?,
            ..Default::default()
        }
        .into(),
        Provider::B2core => b2core::ListGroups::default().into(),
        Provider::Polaris => polaris::ListGroups {}.into(),
        Provider::Alteryx => alteryx::ListUserGroups {}.into(),
    })
}

fn get_group_op(dir: &Directory, group_id: &str) -> Result<Operation, Error> {
    let group_id = group_id.to_owned();
    Ok(match dir.provider {
        Provider::Spotnana => spotnana::GetUserGroup {
            company_id: dir.tenant("get_group")?,
            group_id,
        }
        .into(),
        Provider::B2core => b2core::GetGroup { group_id }.into(),
        Provider::Polaris => polaris::GetGroup { group_id }.into(),
        Provider::Alteryx => alteryx::GetUserGroup { group_id }.into(),
        Provider::Ssw => {
            return Err(Error::unsupported(
                Provider::Ssw,
                "get_group",
                capabilities(Provider::Ssw).get_group.note,
            ))
        }
    })
}

fn users_op(p: Provider) -> Operation {
    match p {
        Provider::Ssw => ssw::ListMembers::default().into(),
        _ => polaris::ListUsers {}.into(),
    }
}

fn list_members(dir: &Directory, group_id: &str) -> Result<Box<dyn Machine>, Error> {
    let p = dir.provider;
    let op = list_members_op(dir, group_id)?;
    Ok(map_items(c::all_pages(op), move |v| {
        to_json(convert::member(p, v))
    }))
}

fn list_members_op(dir: &Directory, group_id: &str) -> Result<Operation, Error> {
    let group_id = group_id.to_owned();
    Ok(match dir.provider {
        Provider::Ssw => ssw::ListGroupMembers {
            group_id,
            ..Default::default()
        }
        .into(),
        Provider::Spotnana => spotnana::ListUserGroupMembers {
            company_id: dir.tenant("list_members")?,
            group_id,
            ..Default::default()
        }
        .into(),
        Provider::Polaris => polaris::ListGroupMembers { group_id }.into(),
        // Alteryx lists members inside the group's detail.
        _ => alteryx::GetUserGroup { group_id }.into(),
    })
}

fn update_group(
    dir: &Directory,
    group_id: &str,
    name: Option<String>,
    permissions: Option<Vec<Permission>>,
    role: Option<String>,
) -> Result<Box<dyn Machine>, Error> {
    if name.is_none() && permissions.is_none() && role.is_none() {
        return Err(Error::invalid(
            "name",
            "give at least one of name, permissions, role",
        ));
    }
    let p = dir.provider;
    let gid = group_id.to_owned();
    let done = move |v: Value| {
        Ok(if v.is_object() {
            to_json(convert::group(p, &v))?
        } else {
            Value::Null
        })
    };
    Ok(match p {
        Provider::Ssw => {
            let name = name.ok_or_else(|| Error::invalid("name", "SSW can only rename a group"))?;
            let op = ssw::UpdateGroup {
                group_id: gid,
                name: Some(name),
                extra: Extra::new(),
            };
            map_one(Box::new(Call::new(op.into())), |_| Ok(Value::Null))
        }
        Provider::Spotnana => {
            // PUT sends name and description: read the group first so the
            // description is kept.
            let name =
                name.ok_or_else(|| Error::invalid("name", "Spotnana updates a group's name"))?;
            let company_id = dir.tenant("update_group")?;
            let read = spotnana::GetUserGroup {
                company_id: company_id.clone(),
                group_id: gid.clone(),
            };
            c::then(Box::new(Call::new(read.into())), move |v| {
                let current: spotnana::UserGroup = serde_json::from_value(v)?;
                let op = spotnana::UpdateUserGroup {
                    company_id,
                    group_id: gid,
                    name,
                    description: current.description,
                };
                Ok(Continue::Run(map_one(Box::new(Call::new(op.into())), done)))
            })
        }
        Provider::B2core => {
            let op = b2core::UpdateGroup {
                group_id: gid,
                name,
                permissions: permissions.as_deref().map(permission_names),
            };
            map_one(Box::new(Call::new(op.into())), done)
        }
        Provider::Polaris => {
            // PUT replaces the group: read it first unless both parts are given.
            let write = move |name: String, perms: Vec<polaris::Permission>, gid: String| {
                let op = polaris::UpdateGroup {
                    group_id: gid,
                    name,
                    permissions: perms,
                };
                map_one(Box::new(Call::new(op.into())), done)
            };
            match (name, permissions) {
                (Some(n), Some(ps)) => write(n, polaris_permissions(&ps), gid),
                (name, permissions) => {
                    let read = polaris::GetGroup {
                        group_id: gid.clone(),
                    };
                    c::then(Box::new(Call::new(read.into())), move |v| {
                        let current: polaris::Group = serde_json::from_value(v)?;
                        let perms = match permissions {
                            Some(ps) => polaris_permissions(&ps),
                            None => current.permissions,
                        };
                        Ok(Continue::Run(write(
                            name.unwrap_or(current.name),
                            perms,
                            gid,
                        )))
                    })
                }
            }
        }
        _ => {
            // Alteryx PUT needs both name and role.
            let write = move |name: String, role: String, gid: String| {
                let op = alteryx::UpdateUserGroup {
                    group_id: gid,
                    name,
                    role,
                };
                map_one(Box::new(Call::new(op.into())), done)
            };
            match (name, role) {
                (Some(n), Some(r)) => write(n, r, gid),
                (name, role) => {
                    let read = alteryx::GetUserGroup {
                        group_id: gid.clone(),
                    };
                    c::then(Box::new(Call::new(read.into())), move |v| {
                        let current: alteryx::UserGroup = serde_json::from_value(v)?;
                        let name = name.or(current.name).unwrap_or_default();
                        let role = role
                            .or(current.role)
                            .unwrap_or_else(|| "Evaluated".to_owned());
                        Ok(Continue::Run(write(name, role, gid)))
                    })
                }
            }
        }
    })
}

fn sync_members(
    dir: &Directory,
    group_id: &str,
    desired: &[String],
    dry_run: bool,
) -> Result<Box<dyn Machine>, Error> {
    validate::ids("desired", desired, false)?;
    let list = list_members(dir, group_id)?;
    let (dir, group_id, desired) = (dir.clone(), group_id.to_owned(), desired.to_vec());
    Ok(c::then(list, move |members| {
        let current: Vec<String> = members
            .as_array()
            .map(|m| {
                m.iter()
                    .filter_map(|x| x.get("user_id").and_then(Value::as_str).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let plan: MembershipPlan = membership::plan(&dir, &group_id, &current, &desired)?;
        let plan_json = to_json(&plan)?;
        if dry_run || plan.is_empty() {
            return Ok(Continue::Done(json!({"plan": plan_json, "results": []})));
        }
        Ok(Continue::Run(c::then(plan.machine(), move |results| {
            Ok(Continue::Done(
                json!({"plan": plan_json, "results": results}),
            ))
        })))
    }))
}
