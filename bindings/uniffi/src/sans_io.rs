//! The sans-IO layer as free functions: build one endpoint's request, parse
//! one response. The golden-vector suites of Kotlin and Swift run on these.

use crate::client::json_arg;
use crate::error::RosterKitError;
use crate::http::{HttpRequest, HttpResponse};
use crate::models::Capabilities;
use rosterkit_core::{unified, Operation, Provider, Target};

/// The request for endpoint `endpoint_id` (e.g. `ssw.list_members`) with its
/// JSON input, for the tenant at `base_url` authenticating with `token`.
#[uniffi::export]
pub fn build_request(
    endpoint_id: String,
    input_json: String,
    base_url: String,
    token: String,
) -> Result<HttpRequest, RosterKitError> {
    let op = Operation::from_json(&endpoint_id, json_arg("input_json", &input_json)?)?;
    Ok(op.request(&Target::new(base_url, token))?.into())
}

/// Parses `response` to the endpoint's result as JSON, or its typed error.
#[uniffi::export]
pub fn parse_response(
    endpoint_id: String,
    input_json: String,
    response: HttpResponse,
) -> Result<String, RosterKitError> {
    let op = Operation::from_json(&endpoint_id, json_arg("input_json", &input_json)?)?;
    Ok(op.parse(&response.into())?.to_string())
}

/// Every endpoint id, in documentation order.
#[uniffi::export]
pub fn endpoint_ids() -> Vec<String> {
    Operation::IDS.iter().map(|s| (*s).to_owned()).collect()
}

/// The capability table row for `provider`, without a client.
#[uniffi::export]
pub fn provider_capabilities(provider: Provider) -> Capabilities {
    unified::capabilities(provider).into()
}
