//! The sans-IO layer for callers who bring their own HTTP: build a request,
//! parse a response, plan membership changes, ask for a retry decision.

use crate::args;
use crate::error::{throw, Naming};
use crate::flow::{directory, RetryOptions};
use crate::http::{HttpRequest, HttpResponse};
use crate::models::Capabilities;
use crate::plan::MembershipPlan;
use rosterkit_core::membership;
use rosterkit_core::operation::Operation;
use rosterkit_core::retry::{Attempt, Decision};
use rosterkit_core::unified::capabilities as core_capabilities;
use rosterkit_core::Provider;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

fn operation(endpoint_id: &JsValue, input: JsValue) -> Result<Operation, JsValue> {
    let endpoint = args::string(endpoint_id, "endpointId")?;
    let input = args::json(input, "input")?;
    Operation::from_json(&endpoint, input).map_err(|e| throw(&e, Naming::Raw))
}

/// The request for one endpoint call (see the endpoint inventory for ids
/// and the vendor documents they come from).
#[wasm_bindgen(js_name = buildRequest, unchecked_return_type = "HttpRequest")]
pub fn build_request(
    #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation(&endpoint_id, input)?;
    let target = args::target(&target)?;
    let request = op.request(&target).map_err(|e| throw(&e, Naming::Raw))?;
    args::to_js(&HttpRequest::from_core(request)?)
}

/// The endpoint's output parsed from a response, or the typed error.
#[wasm_bindgen(js_name = parseResponse, unchecked_return_type = "unknown")]
pub fn parse_response(
    #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "HttpResponse")] response: JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation(&endpoint_id, input)?;
    let response = HttpResponse::from_js(&response, "response")?;
    let value = op.parse(&response).map_err(|e| throw(&e, Naming::Raw))?;
    args::to_js(&value)
}

/// Every endpoint id, in documentation order.
#[wasm_bindgen(js_name = endpointIds)]
pub fn endpoint_ids() -> Vec<String> {
    Operation::IDS.iter().map(|s| (*s).to_owned()).collect()
}

/// What a provider's API can do.
#[wasm_bindgen(js_name = capabilities, unchecked_return_type = "Capabilities")]
pub fn capabilities(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: JsValue,
) -> Result<JsValue, JsValue> {
    let provider: Provider = args::string(&provider, "provider")?
        .parse()
        .map_err(|e| throw(&e, Naming::Camel))?;
    args::to_js(&Capabilities::from(core_capabilities(provider)))
}

/// The fewest calls that make a group's members exactly `desired`.
#[wasm_bindgen(js_name = planSync, unchecked_return_type = "MembershipPlan")]
pub fn plan_sync(
    #[wasm_bindgen(js_name = directory, unchecked_param_type = "DirectoryOptions")]
    directory_options: JsValue,
    #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] desired: JsValue,
) -> Result<JsValue, JsValue> {
    let dir = directory(directory_options)?;
    let group_id = args::string(&group_id, "groupId")?;
    let current = args::strings(&current, "current")?;
    let desired = args::strings(&desired, "desired")?;
    let plan = membership::plan(&dir, &group_id, &current, &desired)
        .map_err(|e| throw(&e, Naming::Camel))?;
    args::to_js(&MembershipPlan::from(&plan))
}

/// The fewest calls that add `add` and remove `remove`.
#[wasm_bindgen(js_name = planChanges, unchecked_return_type = "MembershipPlan")]
pub fn plan_changes(
    #[wasm_bindgen(js_name = directory, unchecked_param_type = "DirectoryOptions")]
    directory_options: JsValue,
    #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] add: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] remove: JsValue,
) -> Result<JsValue, JsValue> {
    let dir = directory(directory_options)?;
    let group_id = args::string(&group_id, "groupId")?;
    let add = args::strings(&add, "add")?;
    let remove = args::strings(&remove, "remove")?;
    let plan = membership::plan_changes(&dir, &group_id, &add, &remove)
        .map_err(|e| throw(&e, Naming::Camel))?;
    args::to_js(&MembershipPlan::from(&plan))
}

/// What happened to one attempt, for `retryDecision`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryQuery {
    /// The policy; defaults apply to what is left out.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub policy: Option<RetryOptions>,
    /// Whether sending the request twice has the same effect as once.
    pub retry_safe: bool,
    /// Which attempt just ended, 1 for the first.
    pub attempt: u32,
    /// The response, when the server answered (read apart from the rest,
    /// so that its body arrives byte for byte).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "HttpResponse"))]
    pub response: Option<serde::de::IgnoredAny>,
    /// With no response: whether the request may have reached the server
    /// (false only when it provably never left). Defaults to true.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub sent: Option<bool>,
    /// Milliseconds since the operation started.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub elapsed_ms: u64,
    /// Seed for backoff jitter.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub seed: u64,
}

/// The policy's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "decision", rename_all = "camelCase")]
pub enum RetryDecision {
    /// Wait this long, then send the same request again.
    #[serde(rename_all = "camelCase")]
    Retry {
        /// Milliseconds to wait.
        after_ms: u64,
    },
    /// Do not retry; report the outcome.
    Stop,
}

/// Whether and when to retry after an attempt: 429 honours `Retry-After`,
/// 5xx and transport failures are retried only when safe to repeat.
#[wasm_bindgen(js_name = retryDecision, unchecked_return_type = "RetryDecision")]
pub fn retry_decision(
    #[wasm_bindgen(unchecked_param_type = "RetryQuery")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let response = args::property(&query, "response");
    let response = match response.is_undefined() || response.is_null() {
        true => None,
        false => Some(HttpResponse::from_js(&response, "response")?),
    };
    let query: RetryQuery = args::object(query, "query")?;
    let policy = query.policy.unwrap_or_default().policy();
    let outcome = match &response {
        Some(r) => Attempt::Response(r),
        None => Attempt::Transport {
            sent: query.sent.unwrap_or(true),
        },
    };
    let decision = match policy.decide(
        query.retry_safe,
        query.attempt,
        outcome,
        query.elapsed_ms,
        query.seed,
    ) {
        Decision::Retry { after_ms } => RetryDecision::Retry { after_ms },
        Decision::Stop => RetryDecision::Stop,
    };
    args::to_js(&decision)
}
