//! Membership plans in JavaScript spelling, both ways: a plan is handed to
//! the caller for review and comes back to be applied step by step.

use crate::args;
use crate::error::{throw, Naming};
use crate::models::Provider;
use rosterkit_core::membership as core;
use rosterkit_core::{Error, Operation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::JsValue;

/// Which way a step moves members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Adds the listed users.
    Add,
    /// Removes the listed users.
    Remove,
    /// Adds and removes in one call (Spotnana).
    AddAndRemove,
}

/// One endpoint call: an endpoint id and its input, in the vendor's own
/// field names (as `call()` and the golden vectors take them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct EndpointCall {
    /// The endpoint id, e.g. `ssw.add_group_member`.
    pub endpoint: String,
    /// The endpoint's input.
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, unknown>"))]
    pub input: Value,
}

impl From<&Operation> for EndpointCall {
    fn from(op: &Operation) -> EndpointCall {
        EndpointCall {
            endpoint: op.id().to_owned(),
            input: op.input(),
        }
    }
}

impl TryFrom<EndpointCall> for Operation {
    type Error = Error;
    fn try_from(call: EndpointCall) -> Result<Operation, Error> {
        Operation::from_json(&call.endpoint, call.input)
    }
}

/// How a step is carried out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum StepKind {
    /// One endpoint call.
    Call {
        /// The call.
        operation: EndpointCall,
    },
    /// Polaris removal: read the user, then write it back without the group.
    #[serde(rename_all = "camelCase")]
    ReplaceUserGroups {
        /// The user to update.
        user_id: String,
        /// The group to take out of the user's list.
        remove_group_id: String,
    },
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlannedStep {
    /// Add, remove, or both.
    pub action: Action,
    /// Users this step adds.
    pub add: Vec<String>,
    /// Users this step removes.
    pub remove: Vec<String>,
    /// How.
    pub kind: StepKind,
    /// HTTP calls this step makes when nothing fails.
    pub call_count: usize,
}

impl From<&core::PlannedStep> for PlannedStep {
    fn from(s: &core::PlannedStep) -> PlannedStep {
        PlannedStep {
            action: match s.action {
                core::Action::Add => Action::Add,
                core::Action::Remove => Action::Remove,
                core::Action::AddAndRemove => Action::AddAndRemove,
            },
            add: s.add.clone(),
            remove: s.remove.clone(),
            kind: match &s.kind {
                core::StepKind::Call { operation } => StepKind::Call {
                    operation: operation.into(),
                },
                core::StepKind::ReplaceUserGroups {
                    user_id,
                    remove_group_id,
                } => StepKind::ReplaceUserGroups {
                    user_id: user_id.clone(),
                    remove_group_id: remove_group_id.clone(),
                },
            },
            call_count: s.call_count(),
        }
    }
}

/// A dry-run diff and the calls that would apply it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
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
    /// HTTP calls the plan makes when nothing fails.
    pub call_count: usize,
}

impl From<&core::MembershipPlan> for MembershipPlan {
    fn from(p: &core::MembershipPlan) -> MembershipPlan {
        MembershipPlan {
            provider: p.provider.into(),
            group_id: p.group_id.clone(),
            to_add: p.to_add.clone(),
            to_remove: p.to_remove.clone(),
            unchanged: p.unchanged,
            steps: p.steps.iter().map(PlannedStep::from).collect(),
            call_count: p.call_count(),
        }
    }
}

#[derive(Deserialize)]
struct StepIn {
    action: Action,
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    kind: Value,
}

#[derive(Deserialize)]
struct CallIn {
    operation: EndpointCall,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReplaceIn {
    user_id: String,
    remove_group_id: String,
}

fn join(prefix: &str, name: &str) -> String {
    match prefix {
        "" => name.to_owned(),
        _ => format!("{prefix}.{name}"),
    }
}

/// Reads a planned step given back by the caller (`prefix` names where it
/// sits, e.g. `steps[2]`). The `kind` tag is dispatched by hand: serde's
/// internally tagged enums cost the wasm file kilobytes per variant.
pub(crate) fn parse_step(
    json: Value,
    root: &str,
    prefix: &str,
) -> Result<core::PlannedStep, JsValue> {
    let step: StepIn = args::from_value(json, root, prefix)?;
    let at = join(prefix, "kind");
    let Value::Object(mut kind) = step.kind else {
        return Err(args::invalid(&at, "must be an object with a type"));
    };
    let kind = match kind.remove("type").as_ref().and_then(Value::as_str) {
        Some("call") => {
            let call: CallIn = args::from_value(Value::Object(kind), &at, &at)?;
            let operation = Operation::try_from(call.operation).map_err(|e| match e {
                Error::InvalidInput { field, reason } => {
                    let inner = match field.as_str() {
                        "endpoint" => "operation.endpoint".to_owned(),
                        "input" => "operation.input".to_owned(),
                        path => format!("operation.input.{path}"),
                    };
                    args::invalid(&join(&at, &inner), &reason)
                }
                other => throw(&other, Naming::Raw),
            })?;
            core::StepKind::Call { operation }
        }
        Some("replaceUserGroups") => {
            let r: ReplaceIn = args::from_value(Value::Object(kind), &at, &at)?;
            core::StepKind::ReplaceUserGroups {
                user_id: r.user_id,
                remove_group_id: r.remove_group_id,
            }
        }
        _ => {
            return Err(args::invalid(
                &join(&at, "type"),
                "must be \"call\" or \"replaceUserGroups\"",
            ))
        }
    };
    Ok(core::PlannedStep {
        action: match step.action {
            Action::Add => core::Action::Add,
            Action::Remove => core::Action::Remove,
            Action::AddAndRemove => core::Action::AddAndRemove,
        },
        add: step.add,
        remove: step.remove,
        kind,
    })
}

/// The steps of a plan given back by the caller, each read on its own.
pub(crate) fn parse_plan_steps(value: JsValue) -> Result<Vec<core::PlannedStep>, JsValue> {
    let mut plan = args::json_object(value, "plan")?;
    let Some(Value::Array(steps)) = plan.remove("steps") else {
        return Err(args::invalid("steps", "must be the plan's array of steps"));
    };
    steps
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let at = format!("steps[{i}]");
            parse_step(step, &at, &at)
        })
        .collect()
}
