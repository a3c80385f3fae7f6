//! A plan: the diff and the calls that carry it out, fewest first.

use super::sync::{DesiredEntry, SyncMode};
use crate::operation::Operation;
use crate::providers::polaris::{GetUser, UpdateUser};
use crate::providers::{alteryx, polaris, spotnana, ssw};
use crate::unified::{capabilities, Directory};
use crate::{Endpoint, Error, Provider};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// Which way a step moves members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all_fields = "camelCase"))]
pub enum StepKind {
    /// One endpoint call (its id and input, as `call` takes them).
    Call {
        /// The call.
        #[cfg_attr(feature = "wasm", tsify(type = "EndpointCall"))]
        operation: Operation,
    },
    /// Polaris removal: read the user, write it back without the group, and
    /// read it again to confirm.
    ReplaceUserGroups {
        /// The user to update.
        user_id: String,
        /// The group to take out of the user's list.
        remove_group_id: String,
    },
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq)
)]
pub struct PlannedStep {
    /// Add, remove, or both.
    pub action: Action,
    /// Users this step adds.
    #[serde(default)]
    pub add: Vec<String>,
    /// Users this step removes.
    #[serde(default)]
    pub remove: Vec<String>,
    /// How.
    pub kind: StepKind,
    /// The vendor endpoints it calls when nothing fails, in order.
    #[serde(default)]
    pub endpoint_ids: Vec<String>,
}

impl PlannedStep {
    fn new(action: Action, add: Vec<String>, remove: Vec<String>, kind: StepKind) -> PlannedStep {
        let endpoint_ids = match &kind {
            StepKind::Call { operation } => vec![operation.id().to_owned()],
            StepKind::ReplaceUserGroups { .. } => {
                vec![
                    GetUser::ID.into(),
                    UpdateUser::ID.into(),
                    GetUser::ID.into(),
                ]
            }
        };
        PlannedStep {
            action,
            add,
            remove,
            kind,
            endpoint_ids,
        }
    }

    /// HTTP calls this step makes when nothing fails.
    pub fn call_count(&self) -> u64 {
        self.endpoint_ids.len() as u64
    }

    /// Users whose vendor record this step reads and writes whole, and so
    /// must not be touched by another step of this process at the same time
    /// (Polaris: a removal rewrites the user, which would undo a concurrent
    /// addition). Hosts that run steps concurrently lock these keys.
    pub fn lock_keys(&self) -> Vec<String> {
        match &self.kind {
            StepKind::ReplaceUserGroups { user_id, .. } => vec![user_id.clone()],
            StepKind::Call {
                operation: Operation::PolarisAddGroupMembers(op),
            } => op.user_ids.clone(),
            StepKind::Call { .. } => Vec::new(),
        }
    }

    /// True for the steps that run in the first phase (anything that adds).
    pub fn is_addition(&self) -> bool {
        matches!(self.action, Action::Add | Action::AddAndRemove)
    }
}

/// A dry-run diff and the calls that would apply it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq)
)]
pub struct MembershipPlan {
    /// The provider.
    pub provider: Provider,
    /// The group.
    pub group_id: String,
    /// The sync mode, for a sync; absent for an explicit add or remove.
    #[serde(default)]
    pub mode: Option<SyncMode>,
    /// Each desired entry as given, and the user it resolved to.
    #[serde(default)]
    pub entries: Vec<DesiredEntry>,
    /// Members before the change (for a sync).
    #[serde(default)]
    pub current_count: u64,
    /// Users to add.
    pub to_add: Vec<String>,
    /// Users to remove.
    pub to_remove: Vec<String>,
    /// Members already as desired.
    #[serde(default)]
    pub unchanged: Vec<String>,
    /// The calls, in order (additions first).
    pub steps: Vec<PlannedStep>,
    /// HTTP calls the plan makes when nothing fails.
    pub call_count: u64,
}

impl MembershipPlan {
    /// True when nothing needs to change.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Entries that resolved to no user (skipped when the caller asked).
    pub fn unresolved(&self) -> impl Iterator<Item = &DesiredEntry> {
        self.entries.iter().filter(|e| e.user_id.is_none())
    }
}

/// Unique, sorted, non-blank ids.
fn id_set(field: &str, ids: &[String]) -> Result<BTreeSet<String>, Error> {
    crate::validate::ids(field, ids, false)?;
    Ok(ids.iter().map(|s| s.trim().to_owned()).collect())
}

/// Plans explicit additions and removals.
pub fn plan_changes(
    dir: &Directory,
    group_id: &str,
    to_add: &[String],
    to_remove: &[String],
) -> Result<MembershipPlan, Error> {
    crate::encode::check_id("group_id", group_id)?;
    let to_add: Vec<String> = id_set("add", to_add)?.into_iter().collect();
    let to_remove: Vec<String> = id_set("remove", to_remove)?.into_iter().collect();
    let removing: HashSet<&str> = to_remove.iter().map(String::as_str).collect();
    if let Some(both) = to_add.iter().find(|id| removing.contains(id.as_str())) {
        return Err(Error::invalid(
            "remove",
            format!("{both:?} is both added and removed"),
        ));
    }
    let steps = steps(dir, group_id, &to_add, &to_remove)?;
    Ok(MembershipPlan {
        provider: dir.provider,
        group_id: group_id.to_owned(),
        mode: None,
        entries: Vec::new(),
        current_count: 0,
        call_count: steps.iter().map(PlannedStep::call_count).sum(),
        to_add,
        to_remove,
        unchanged: Vec::new(),
        steps,
    })
}

/// The fewest calls that add `to_add` and remove `to_remove`, additions first.
pub(crate) fn steps(
    dir: &Directory,
    group_id: &str,
    to_add: &[String],
    to_remove: &[String],
) -> Result<Vec<PlannedStep>, Error> {
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
    let call = |action, add: Vec<String>, remove: Vec<String>, op: Operation| {
        PlannedStep::new(action, add, remove, StepKind::Call { operation: op })
    };
    // Each branch sizes the list once, so a large plan is not copied (and
    // its pages faulted in again) as it grows: that copying made 40,000
    // members 1.6x slower.
    let mut steps = Vec::new();
    match dir.provider {
        Provider::Ssw => {
            steps.reserve_exact(to_add.len() + to_remove.len());
            for user_id in to_add {
                let op = ssw::AddGroupMember {
                    group_id: group.clone(),
                    user_id: user_id.clone(),
                };
                steps.push(call(Action::Add, vec![user_id.clone()], vec![], op.into()));
            }
            for user_id in to_remove {
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
                    user_ids_to_add: to_add.to_vec(),
                    user_ids_to_remove: to_remove.to_vec(),
                };
                steps.push(call(action, to_add.to_vec(), to_remove.to_vec(), op.into()));
            }
        }
        Provider::Polaris => {
            steps
                .reserve_exact(to_add.len().div_ceil(polaris::ADD_MEMBERS_BATCH) + to_remove.len());
            for chunk in to_add.chunks(polaris::ADD_MEMBERS_BATCH) {
                let op = polaris::AddGroupMembers {
                    group_id: group.clone(),
                    user_ids: chunk.to_vec(),
                };
                steps.push(call(Action::Add, chunk.to_vec(), vec![], op.into()));
            }
            for user_id in to_remove {
                steps.push(PlannedStep::new(
                    Action::Remove,
                    vec![],
                    vec![user_id.clone()],
                    StepKind::ReplaceUserGroups {
                        user_id: user_id.clone(),
                        remove_group_id: group.clone(),
                    },
                ));
            }
        }
        Provider::Alteryx => {
            steps.reserve_exact(to_add.len().div_ceil(alteryx::ADD_USERS_BATCH) + to_remove.len());
            for chunk in to_add.chunks(alteryx::ADD_USERS_BATCH) {
                let op = alteryx::AddUsersToUserGroup {
                    group_id: group.clone(),
                    user_ids: chunk.to_vec(),
                };
                steps.push(call(Action::Add, chunk.to_vec(), vec![], op.into()));
            }
            for user_id in to_remove {
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
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize, prefix: &str) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}{i:04}")).collect()
    }

    #[test]
    fn fewest_calls_per_vendor() {
        let add = ids(250, "new");
        let remove = ids(3, "old");
        let count = |dir: Directory| plan_changes(&dir, "g", &add, &remove).unwrap().call_count;
        assert_eq!(count(Directory::with_tenant(Provider::Spotnana, "c1")), 1);
        assert_eq!(count(Directory::new(Provider::Ssw)), 253);
        // 3 add batches + 3 removals × (GET + PUT + confirming GET)
        assert_eq!(count(Directory::new(Provider::Polaris)), 12);
        assert_eq!(count(Directory::new(Provider::Alteryx)), 6);
    }

    #[test]
    fn additions_come_first_and_b2core_is_unsupported() {
        let p = plan_changes(
            &Directory::new(Provider::Ssw),
            "g",
            &ids(2, "a"),
            &ids(2, "r"),
        )
        .unwrap();
        let actions: Vec<Action> = p.steps.iter().map(|s| s.action).collect();
        assert_eq!(
            actions,
            [Action::Add, Action::Add, Action::Remove, Action::Remove]
        );
        let err =
            plan_changes(&Directory::new(Provider::B2core), "1", &["u".into()], &[]).unwrap_err();
        assert_eq!(err.kind(), "unsupported");
    }
}
