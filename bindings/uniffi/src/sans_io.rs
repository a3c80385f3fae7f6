//! The sans-IO layer, one endpoint at a time: the request the core builds and
//! what it makes of a response, with no client and no network.

use rosterkit_core::unified::{capabilities, Capabilities};
use rosterkit_core::{Error, Operation, Provider, Request, Response, Target};

/// The request for one endpoint (`input_json` in the endpoint's own field
/// names), ready for any HTTP stack.
#[uniffi::export]
pub fn build_request(
    endpoint_id: String,
    input_json: String,
    base_url: String,
    token: String,
) -> Result<Request, Error> {
    Operation::from_text(&endpoint_id, &input_json)?.request(&Target::new(base_url, token))
}

/// The endpoint's result as JSON, or its typed error.
#[uniffi::export]
pub fn parse_response(
    endpoint_id: String,
    input_json: String,
    response: Response,
) -> Result<String, Error> {
    Operation::from_text(&endpoint_id, &input_json)?.parse_to_json(&response)
}

/// Every endpoint id, in documentation order.
#[uniffi::export]
pub fn endpoint_ids() -> Vec<String> {
    Operation::IDS.iter().map(|s| (*s).to_owned()).collect()
}

/// What a provider's API can do, and why not when it cannot.
#[uniffi::export]
pub fn provider_capabilities(provider: Provider) -> Capabilities {
    capabilities(provider)
}
