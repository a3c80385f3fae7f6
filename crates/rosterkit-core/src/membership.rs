//! Membership planning as pure logic: from current and desired members, the
//! fewest calls the vendor's API allows.
//!
//! - Spotnana: one PATCH carries every addition and removal.
//! - Polaris: additions in batches of 100 per POST. There is no documented
//!   removal endpoint, so each removal is a read-modify-write of the user:
//!   GET /v1/users/{id}, then PUT the whole user back without the group,
//!   keeping every other field (see [`UserUpdate::from_user`]).
//! - Alteryx: additions in batches of 100 per POST; one DELETE per removal.
//! - SSW: one call per user, both ways.
//! - B2Core: no membership endpoints; planning fails as unsupported.

use crate::flow::{then, Call, Continue, Machine};
use crate::operation::Operation;
use crate::providers::polaris::{GetUser, UpdateUser, User, UserUpdate};
use crate::providers::{alteryx, polaris, spotnana, ssw};
use crate::unified::{capabilities, Directory};
use crate::{Error, Provider};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// Which way a step moves members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Adds the listed users.
    Add,
    /// Removes the listed users.
    Remove,
    /// Adds and removes in one call (Spotnana).
    AddAndRemove,
}

/// How a step is carried out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepKind {
    /// One endpoint call.
    Call {
        /// The call.
        operation: Operation,
    },
    /// Polaris removal: read the user, then write it back without the group.
    ReplaceUserGroups {
        /// The user to update.
        user_id: String,
        /// The group to take out of the user's list.
        remove_group_id: String,
    },
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedStep {
    /// Add, remove, or both.
    pub action: Action,
    /// Users to add in this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    /// Users to remove in this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
    /// How.
    pub kind: StepKind,
}

impl PlannedStep {
    /// HTTP calls this step makes when nothing fails.
    pub fn call_count(&self) -> usize {
        self.endpoint_ids().len()
    }

    /// The endpoint ids this step calls, in order.
    pub fn endpoint_ids(&self) -> Vec<&'static str> {
        use crate::Endpoint;
        match &self.kind {
            StepKind::Call { operation } => vec![operation.id()],
            StepKind::ReplaceUserGroups { .. } => vec![GetUser::ID, UpdateUser::ID],
        }
    }

    pub(crate) fn machine(&self) -> Box<dyn Machine> {
        match &self.kind {
            StepKind::Call { operation } => Box::new(Call::new(operation.clone())),
            StepKind::ReplaceUserGroups {
                user_id,
                remove_group_id,
            } => remove_via_user_update(user_id.clone(), remove_group_id.clone()),
        }
    }

    /// A flow that runs just this step, so a host can run steps concurrently.
    pub fn flow(&self, ctx: crate::flow::Context) -> crate::Flow {
        crate::Flow::from_machine(ctx, self.machine())
    }
}

/// Polaris: GET the user, then PUT it back without the group.
fn remove_via_user_update(user_id: String, group_id: String) -> Box<dyn Machine> {
    let get = GetUser {
        user_id: user_id.clone(),
    };
    then(Box::new(Call::new(get.into())), move |value| {
        let user: User = serde_json::from_value(value).map_err(|e| Error::Decode {
            message: format!("reading user {user_id} before removing a group: {e}"),
            excerpt: String::new(),
        })?;
        if !user.groups.iter().any(|g| g.id == group_id) {
            // Already not a member: nothing to write.
            return Ok(Continue::Done(Value::Null));
        }
        let mut update = UserUpdate::from_user(&user);
        update.groups.retain(|g| g.id != group_id);
        let put = UpdateUser {
            user_id,
            user: update,
        };
        Ok(Continue::Run(Box::new(Call::new(put.into()))))
    })
}

/// A dry-run diff and the calls that would apply it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembershipPlan {
    /// The provider.
    pub provider: Provider,
    /// The group.
    pub group_id: String,
    /// Users to add.
    pub to_add: Vec<String>,
    /// Users to remove.
    pub to_remove: Vec<String>,
    /// Members already as desired.
    pub unchanged: usize,
    /// The calls, in order.
    pub steps: Vec<PlannedStep>,
}

impl MembershipPlan {
    /// HTTP calls the plan makes when nothing fails.
    pub fn call_count(&self) -> usize {
        self.steps.iter().map(PlannedStep::call_count).sum()
    }

    /// True when nothing needs to change.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The machine that runs every step, recording each one's result.
    pub(crate) fn machine(&self) -> Box<dyn Machine> {
        crate::flow::each(
            self.steps
                .iter()
                .map(|s| (serde_json::to_value(s).unwrap_or(Value::Null), s.machine()))
                .collect(),
        )
    }
}

fn unique_sorted(ids: &[String], field: &str) -> Result<BTreeSet<String>, Error> {
    crate::validate::ids(field, ids, false)?;
    Ok(ids.iter().cloned().collect())
}

/// Plans a sync from `current` to `desired` members.
pub fn plan(
    dir: &Directory,
    group_id: &str,
    current: &[String],
    desired: &[String],
) -> Result<MembershipPlan, Error> {
    let current = unique_sorted(current, "current")?;
    let desired = unique_sorted(desired, "desired")?;
    let to_add: Vec<String> = desired.difference(&current).cloned().collect();
    let to_remove: Vec<String> = current.difference(&desired).cloned().collect();
    let unchanged = current.intersection(&desired).count();
    let mut plan = plan_changes(dir, group_id, &to_add, &to_remove)?;
    plan.unchanged = unchanged;
    Ok(plan)
}

/// Plans explicit additions and removals.
pub fn plan_changes(
    dir: &Directory,
    group_id: &str,
    to_add: &[String],
    to_remove: &[String],
) -> Result<MembershipPlan, Error> {
    crate::encode::check_id("group_id", group_id)?;
    let to_add: Vec<String> = unique_sorted(to_add, "add")?.into_iter().collect();
    let to_remove: Vec<String> = unique_sorted(to_remove, "remove")?.into_iter().collect();
    if let Some(both) = to_add.iter().find(|id| to_remove.contains(id)) {
        return Err(Error::invalid(
            "remove",
            format!("{both:?} is both added and removed"),
        ));
    }
    let caps = capabilities(dir.provider);
    if !caps.add_members.supported && !to_add.is_empty() {
        return Err(Error::unsupported(
            dir.provider,
            "add_members",
            caps.add_members.note,
        ));
    }
    if !caps.remove_members.supported && !to_remove.is_empty() {
        return Err(Error::unsupported(
            dir.provider,
            "remove_members",
            caps.remove_members.note,
        ));
    }
    let group = group_id.to_owned();
    let mut steps = Vec::new();
    let call = |action, add: Vec<String>, remove: Vec<String>, op: Operation| PlannedStep {
        action,
        add,
        remove,
        kind: StepKind::Call { operation: op },
    };
    match dir.provider {
        Provider::Ssw => {
            for user_id in &to_add {
                let op = ssw::AddGroupMember {
                    group_id: group.clone(),
                    user_id: user_id.clone(),
                };
                steps.push(call(Action::Add, vec![user_id.clone()], vec![], op.into()));
            }
            for user_id in &to_remove {
                let op = ssw::RemoveGroupMember {
                    group_id: group.clone(),
                    user_id: user_id.clone(),
                };
                steps.push(call(
                    Action::Remove,
                    vec![],
                    vec![user_id.clone()],
                    op.into(),
                ));
            }
        }
        Provider::Spotnana => {
            if !to_add.is_empty() || !to_remove.is_empty() {
                let action = match (to_add.is_empty(), to_remove.is_empty()) {
                    (false, false) => Action::AddAndRemove,
                    (false, true) => Action::Add,
                    _ => Action::Remove,
                };
                let op = spotnana::UpdateUserGroupMembers {
                    company_id: dir.tenant("membership changes")?,
                    group_id: group.clone(),
                    user_ids_to_add: to_add.clone(),
                    user_ids_to_remove: to_remove.clone(),
                };
                steps.push(call(action, to_add.clone(), to_remove.clone(), op.into()));
            }
        }
        Provider::Polaris => {
            for chunk in to_add.chunks(polaris::ADD_MEMBERS_BATCH) {
                let op = polaris::AddGroupMembers {
                    group_id: group.clone(),
                    user_ids: chunk.to_vec(),
                };
                steps.push(call(Action::Add, chunk.to_vec(), vec![], op.into()));
            }
            for user_id in &to_remove {
                steps.push(PlannedStep {
                    action: Action::Remove,
                    add: vec![],
                    remove: vec![user_id.clone()],
                    kind: StepKind::ReplaceUserGroups {
                        user_id: user_id.clone(),
                        remove_group_id: group.clone(),
                    },
                });
            }
        }
        Provider::Alteryx => {
            for chunk in to_add.chunks(alteryx::ADD_USERS_BATCH) {
                let op = alteryx::AddUsersToUserGroup {
                    group_id: group.clone(),
                    user_ids: chunk.to_vec(),
                };
                steps.push(call(Action::Add, chunk.to_vec(), vec![], op.into()));
            }
            for user_id in &to_remove {
                let op = alteryx::RemoveUserFromUserGroup {
                    group_id: group.clone(),
                    user_id: user_id.clone(),
                };
                steps.push(call(
                    Action::Remove,
                    vec![],
                    vec![user_id.clone()],
                    op.into(),
                ));
            }
        }
        Provider::B2core => {}
    }
    Ok(MembershipPlan {
        provider: dir.provider,
        group_id: group,
        to_add,
        to_remove,
        unchanged: 0,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize, prefix: &str) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}{i:04}")).collect()
    }

    #[test]
    fn fewest_calls_per_vendor() {
        let current = ids(10, "keep");
        let mut desired = current[..7].to_vec();
        desired.extend(ids(250, "new"));
        let spot = Directory::with_tenant(Provider::Spotnana, "c1");
        assert_eq!(
            plan(&spot, "g", &current, &desired).unwrap().call_count(),
            1
        );
        let ssw = Directory::new(Provider::Ssw);
        assert_eq!(
            plan(&ssw, "g", &current, &desired).unwrap().call_count(),
            253
        );
        let polaris = Directory::new(Provider::Polaris);
        // 3 add batches + 3 removals × (GET + PUT)
        assert_eq!(
            plan(&polaris, "g", &current, &desired)
                .unwrap()
                .call_count(),
            9
        );
        let alteryx = Directory::new(Provider::Alteryx);
        assert_eq!(
            plan(&alteryx, "g", &current, &desired)
                .unwrap()
                .call_count(),
            6
        );
        let p = plan(&alteryx, "g", &current, &desired).unwrap();
        assert_eq!(
            (p.to_add.len(), p.to_remove.len(), p.unchanged),
            (250, 3, 7)
        );
    }

    #[test]
    fn b2core_is_unsupported_and_no_change_is_empty() {
        let b2 = Directory::new(Provider::B2core);
        let err = plan(&b2, "1", &[], &["u".into()]).unwrap_err();
        assert_eq!(err.kind(), "unsupported");
        let ssw = Directory::new(Provider::Ssw);
        let same = vec!["a".to_owned(), "b".to_owned()];
        assert!(plan(&ssw, "g", &same, &same).unwrap().is_empty());
    }
}
