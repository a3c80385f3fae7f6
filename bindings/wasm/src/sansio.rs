//! The sans-IO exports (`rosterkit/sansio`): the request the core builds,
//! what it makes of a response, and whole flows a JavaScript host drives
//! itself (its own HTTP stack, a recorded script, a service worker).

use crate::client::operation;
use crate::convert::{argument, fail, flag, out, record, string, thrown, to_js, whole, Names};
use crate::host::response_from_js;
use rosterkit::RetryPolicy;
use rosterkit_core::unified::{capabilities as caps, Directory, UnifiedOp};
use rosterkit_core::{Context, Error, Operation, Provider, Step, Target, Verbatim};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Where requests go and the credential they carry. */
export interface Target {
    baseUrl: string;
    token: string;
    /** SSW organization or Spotnana company id (unified flows). */
    tenantId?: string;
}

/**
 * What `parseResponse` hands the TypeScript layer: the output, or word that
 * the body (or its `field`) already is the output as JSON, which the host's
 * own `JSON.parse` decodes faster than objects can cross the boundary.
 */
export type Parsed = { value: unknown } | { verbatim: true; field?: string };

/** What a flow asks of its host next. */
export type FlowStep =
    | { step: "send"; request: HttpRequest }
    | { step: "sleep"; millis: number }
    | { step: "done"; ok: unknown }
    | { step: "done"; error: Thrown };
"#;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsTarget {
    base_url: String,
    token: String,
    #[serde(default)]
    tenant_id: Option<String>,
}

fn target(value: JsValue) -> Result<JsTarget, JsValue> {
    record(value, "target")
}

fn response(value: &JsValue) -> Result<rosterkit_core::Response, JsValue> {
    response_from_js(value).map_err(|(field, m)| thrown(&Error::invalid(field, m)))
}

/// The request for one endpoint call.
#[wasm_bindgen(js_name = buildRequest, unchecked_return_type = "HttpRequest")]
pub fn build_request(
    #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Target")] t: JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation(endpoint, input)?;
    let t = target(t)?;
    out(op.request(&Target::new(t.base_url, t.token)), Names::Vendor)
}

/// The endpoint's result for a response, or its typed error (thrown). When
/// the core finds the body already is the result as JSON
/// ([`Operation::verbatim`]), it says so instead of building it: one
/// `JSON.parse` in the host beats one boundary call per object, field and
/// string (BENCHMARKS.md).
#[wasm_bindgen(js_name = parseResponse, unchecked_return_type = "Parsed")]
pub fn parse_response(
    #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "HttpResponse")] resp: JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation(endpoint, input)?;
    let resp = response(&resp)?;
    let parsed = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&parsed, &key.into(), value);
    match op.verbatim(&resp) {
        Some(Verbatim::Body) => set("verbatim", &JsValue::TRUE)?,
        Some(Verbatim::Field(field)) => {
            set("verbatim", &JsValue::TRUE)? && set("field", &field.into())?
        }
        None => set("value", &out(op.parse(&resp), Names::Vendor)?)?,
    };
    Ok(parsed.into())
}

/// Every endpoint id, in documentation order.
#[wasm_bindgen(js_name = endpointIds)]
pub fn endpoint_ids() -> Vec<String> {
    Operation::IDS.iter().map(|s| (*s).to_owned()).collect()
}

/// What a provider's API can do, and why not where it cannot.
#[wasm_bindgen(unchecked_return_type = "Capabilities")]
pub fn capabilities(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&caps(provider_of(provider)?))
}

fn provider_of(value: JsValue) -> Result<Provider, JsValue> {
    string(value, "provider")?
        .parse::<Provider>()
        .map_err(|e| fail(e, Names::Camel))
}

/// A core flow for a JavaScript host to drive: `start()`, then report each
/// response, transport failure or wake-up, until a `done` step.
#[wasm_bindgen]
pub struct Flow(rosterkit_core::Flow<Value>);

fn context(t: &JsTarget, retry: JsValue) -> Result<Context, JsValue> {
    let policy: RetryPolicy = if retry.is_undefined() || retry.is_null() {
        RetryPolicy::default()
    } else {
        argument(retry, "retry")?
    };
    policy.check().map_err(|e| fail(e, Names::Camel))?;
    let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    Ok(Context::new(
        Target::new(t.base_url.clone(), t.token.clone()),
        policy,
        seed,
    ))
}

// Results are plain data; a value that cannot become JSON is a core bug, and
// `null` is a safer answer than a panic across the boundary.
fn json<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn step(s: Step<Value>) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    #[serde(tag = "step", rename_all = "lowercase")]
    enum Out<'a> {
        Send {
            request: &'a rosterkit_core::Request,
        },
        Sleep {
            millis: u64,
        },
        Done {
            ok: &'a Value,
        },
    }
    match &s {
        Step::Send { request } => to_js(&Out::Send { request }),
        Step::Sleep { millis } => to_js(&Out::Sleep { millis: *millis }),
        Step::Done { result: Ok(v) } => to_js(&Out::Done { ok: v }),
        Step::Done { result: Err(e) } => {
            let obj = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&obj, &"step".into(), &"done".into());
            let _ = js_sys::Reflect::set(&obj, &"error".into(), &fail(e.clone(), Names::Vendor));
            Ok(obj.into())
        }
    }
}

#[wasm_bindgen]
impl Flow {
    /// One endpoint call, with retries.
    pub fn call(
        #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] t: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RetryPolicy | undefined")] retry: JsValue,
    ) -> Result<Flow, JsValue> {
        let op = operation(endpoint, input)?;
        let t = target(t)?;
        Ok(Flow(
            rosterkit_core::Flow::call(op, context(&t, retry)?).map(json),
        ))
    }

    /// Every page of a list endpoint; the result is all the items.
    pub fn pages(
        #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] t: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RetryPolicy | undefined")] retry: JsValue,
    ) -> Result<Flow, JsValue> {
        let op = operation(endpoint, input)?;
        let t = target(t)?;
        Ok(Flow(
            rosterkit_core::Flow::all_pages(op, context(&t, retry)?).map(json),
        ))
    }

    /// A unified operation (`{op: "planSync", groupId, ...}`) on a
    /// provider's directory.
    pub fn unified(
        #[wasm_bindgen(unchecked_param_type = "Provider")] provider: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] op: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] t: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RetryPolicy | undefined")] retry: JsValue,
    ) -> Result<Flow, JsValue> {
        let provider = provider_of(provider)?;
        if !op.is_object() {
            return Err(thrown(&Error::invalid("op", "must be an object")));
        }
        let op: UnifiedOp = serde_wasm_bindgen::from_value::<Value>(op)
            .map_err(|e| thrown(&Error::invalid("op", format!("is not plain data: {e}"))))
            .and_then(|v| {
                rosterkit_core::operation::input_from_json(v).map_err(|e| fail(e, Names::Vendor))
            })?;
        let t = target(t)?;
        let ctx = context(&t, retry)?;
        let dir = Directory {
            provider,
            tenant_id: t.tenant_id,
        };
        let flow = op.flow(&dir, ctx).map_err(|e| fail(e, Names::Vendor))?;
        Ok(Flow(flow.map(json)))
    }

    /// The first step.
    #[wasm_bindgen(unchecked_return_type = "FlowStep")]
    pub fn start(&mut self) -> Result<JsValue, JsValue> {
        step(self.0.start())
    }

    /// The response to the last `send` step.
    #[wasm_bindgen(js_name = onResponse, unchecked_return_type = "FlowStep")]
    pub fn on_response(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HttpResponse")] resp: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        let resp = response(&resp)?;
        let elapsed = whole(elapsed_ms, "elapsedMs")?;
        step(self.0.on_response(resp, elapsed))
    }

    /// The last `send` step failed in transport; `sent`: it may have arrived.
    #[wasm_bindgen(js_name = onTransportError, unchecked_return_type = "FlowStep")]
    pub fn on_transport_error(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] sent: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] message: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        if sent.as_bool().is_none() {
            return Err(thrown(&Error::invalid("sent", "must be a boolean")));
        }
        let (sent, message) = (flag(sent, "sent")?, string(message, "message")?);
        let elapsed = whole(elapsed_ms, "elapsedMs")?;
        step(self.0.on_transport_error(sent, &message, elapsed))
    }

    /// The last `sleep` step is over.
    #[wasm_bindgen(js_name = onWoken, unchecked_return_type = "FlowStep")]
    pub fn on_woken(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        let elapsed = whole(elapsed_ms, "elapsedMs")?;
        step(self.0.on_woken(elapsed))
    }
}
