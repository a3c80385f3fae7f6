//! TypeScript for the types tsify cannot see through: a plan step's call
//! crosses to JavaScript as `{endpoint, input}`, the form `call()` takes.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const ENDPOINT_CALL: &str = r#"
/** One endpoint call: an endpoint id and its input, in the vendor's own field names. */
export interface EndpointCall {
    endpoint: string;
    input: Record<string, unknown>;
}
"#;
