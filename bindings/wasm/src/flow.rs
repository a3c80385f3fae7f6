//! Core flows, driven by the TypeScript host loop:
//!
//! ```text
//! step = flow.start()
//! send  -> step = flow.onResponse(await fetch(step.request), elapsedMs)
//!          (or flow.onTransportError(sent, message, elapsedMs))
//! sleep -> await sleep(step.millis); step = flow.onWoken(elapsedMs)
//! done  -> step.ok, or step.error
//! ```

use crate::args;
use crate::error::{ErrorInfo, Naming};
use crate::http::{HttpRequest, HttpResponse};
use crate::models::Provider;
use crate::ops::{Shape, Shaped, UnifiedOp};
use rosterkit_core::flow::Context;
use rosterkit_core::membership as core_plan;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{self as core, Directory};
use rosterkit_core::{Operation, Step, Target};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the host must do next.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "step", rename_all = "camelCase")]
pub enum FlowStep {
    /// Send this request and report the response with `onResponse`.
    Send {
        /// The request.
        request: HttpRequest,
    },
    /// Wait this long, then call `onWoken`.
    Sleep {
        /// Milliseconds to wait.
        millis: u64,
    },
    /// Finished: exactly one of `ok` and `error` is present.
    Done {
        /// The result.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "unknown"))]
        ok: Option<Shaped>,
        /// The failure (boxed: it is much larger than the other variants).
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<Box<ErrorInfo>>,
    },
}

/// How hard to retry; what is left out keeps the default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryOptions {
    /// Attempts in all, the first included; 1 disables retries (default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    /// First backoff step in milliseconds; it doubles per attempt (default 250).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_delay_ms: Option<u64>,
    /// Cap on one backoff step (default 8000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_delay_ms: Option<u64>,
    /// Longest `Retry-After` honoured (default 60000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retry_after_ms: Option<u64>,
    /// Overall deadline for one operation, retries and waits included (default 120000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_ms: Option<u64>,
}

impl RetryOptions {
    /// The core policy: the defaults with these options applied.
    pub(crate) fn policy(&self) -> RetryPolicy {
        let d = RetryPolicy::default();
        RetryPolicy {
            max_attempts: self.max_attempts.unwrap_or(d.max_attempts),
            base_delay_ms: self.base_delay_ms.unwrap_or(d.base_delay_ms),
            max_delay_ms: self.max_delay_ms.unwrap_or(d.max_delay_ms),
            max_retry_after_ms: self.max_retry_after_ms.unwrap_or(d.max_retry_after_ms),
            deadline_ms: self.deadline_ms.unwrap_or(d.deadline_ms),
        }
    }
}

/// Options of the sans-IO flow constructors.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowOptions {
    /// The retry policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<RetryOptions>,
    /// Seed for backoff jitter; random when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// Which directory a unified operation talks to.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DirectoryOptions {
    /// The vendor API.
    pub provider: Provider,
    /// SSW organization id or Spotnana company id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// A directory given by the caller.
pub(crate) fn directory(value: JsValue) -> Result<Directory, JsValue> {
    let dir: DirectoryOptions = args::object(value, "directory")?;
    Ok(Directory {
        provider: dir.provider.into(),
        tenant_id: dir.tenant_id,
    })
}

/// A seed for backoff jitter. The core reads no random source; the host does.
pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// A core flow, with how to present its result.
#[wasm_bindgen]
pub struct Flow {
    inner: rosterkit_core::Flow,
    shape: Shape,
    naming: Naming,
}

impl Flow {
    pub(crate) fn new(inner: rosterkit_core::Flow, shape: Shape, naming: Naming) -> Flow {
        Flow {
            inner,
            shape,
            naming,
        }
    }

    /// One endpoint call with retries.
    pub(crate) fn of_call(op: Operation, ctx: Context) -> Flow {
        Flow::new(rosterkit_core::Flow::call(op, ctx), Shape::Raw, Naming::Raw)
    }

    /// A unified operation, or `Unsupported` before any request.
    pub(crate) fn of_unified(
        op: core::UnifiedOp,
        dir: &Directory,
        ctx: Context,
    ) -> Result<Flow, JsValue> {
        let shape = Shape::of(&op);
        op.flow(dir, ctx)
            .map(|f| Flow::new(f, shape, Naming::Camel))
            .map_err(|e| crate::error::throw(&e, Naming::Camel))
    }

    /// One planned membership step.
    pub(crate) fn of_step(step: &core_plan::PlannedStep, ctx: Context) -> Flow {
        Flow::new(step.flow(ctx), Shape::Raw, Naming::Camel)
    }

    fn present(&self, step: Step) -> Result<JsValue, JsValue> {
        let step = match step {
            Step::Send { request } => FlowStep::Send {
                request: HttpRequest::from_core(request)?,
            },
            Step::Sleep { millis } => FlowStep::Sleep { millis },
            Step::Done { result } => match result.and_then(|v| self.shape.convert(v)) {
                Ok(value) => FlowStep::Done {
                    ok: Some(value),
                    error: None,
                },
                Err(e) => FlowStep::Done {
                    ok: None,
                    error: Some(Box::new(ErrorInfo::from_core(&e, self.naming))),
                },
            },
        };
        args::to_js(&step)
    }
}

fn context(target: Target, options: Option<JsValue>) -> Result<Context, JsValue> {
    let options: FlowOptions = args::optional_object(options, "options")?;
    Ok(Context {
        target,
        policy: options.retry.unwrap_or_default().policy(),
        seed: options.seed.unwrap_or_else(random_seed),
    })
}

fn operation(endpoint_id: &JsValue, input: JsValue) -> Result<Operation, JsValue> {
    let endpoint = args::string(endpoint_id, "endpointId")?;
    let input = args::json(input, "input")?;
    Operation::from_json(&endpoint, input).map_err(|e| crate::error::throw(&e, Naming::Raw))
}

#[wasm_bindgen]
impl Flow {
    /// One call of an endpoint, retried as the policy allows. Result: the
    /// endpoint's output in the vendor's own field names.
    #[wasm_bindgen(js_name = call)]
    pub fn call(
        #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
        input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FlowOptions | undefined")] options: Option<JsValue>,
    ) -> Result<Flow, JsValue> {
        let op = operation(&endpoint_id, input)?;
        let target = args::target(&target)?;
        Ok(Flow::of_call(op, context(target, options)?))
    }

    /// Every page of a list endpoint. Result: the array of all items.
    #[wasm_bindgen(js_name = allPages)]
    pub fn all_pages(
        #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
        input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FlowOptions | undefined")] options: Option<JsValue>,
    ) -> Result<Flow, JsValue> {
        let op = operation(&endpoint_id, input)?;
        let target = args::target(&target)?;
        Ok(Flow::new(
            rosterkit_core::Flow::all_pages(op, context(target, options)?),
            Shape::Raw,
            Naming::Raw,
        ))
    }

    /// A unified operation on a directory; fails with `unsupported` before
    /// any request when the vendor cannot do it.
    #[wasm_bindgen(js_name = unified)]
    pub fn unified(
        #[wasm_bindgen(unchecked_param_type = "DirectoryOptions")] directory: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UnifiedOp")] op: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FlowOptions | undefined")] options: Option<JsValue>,
    ) -> Result<Flow, JsValue> {
        let dir = self::directory(directory)?;
        let op = UnifiedOp::parse(op, "op")?;
        let target = args::target(&target)?;
        Flow::of_unified(op, &dir, context(target, options)?)
    }

    /// One step of a membership plan. Result: the vendor's answer.
    #[wasm_bindgen(js_name = planStep)]
    pub fn plan_step(
        #[wasm_bindgen(unchecked_param_type = "PlannedStep")] step: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FlowOptions | undefined")] options: Option<JsValue>,
    ) -> Result<Flow, JsValue> {
        let step = crate::plan::parse_step(args::json(step, "step")?, "step", "")?;
        let target = args::target(&target)?;
        Ok(Flow::of_step(&step, context(target, options)?))
    }

    /// The first step.
    #[wasm_bindgen(unchecked_return_type = "FlowStep")]
    pub fn start(&mut self) -> Result<JsValue, JsValue> {
        let step = self.inner.start();
        self.present(step)
    }

    /// Feeds back the response to the last `send` step.
    #[wasm_bindgen(js_name = onResponse, unchecked_return_type = "FlowStep")]
    pub fn on_response(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HttpResponse")] response: JsValue,
        #[wasm_bindgen(js_name = elapsedMs, unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        let response = HttpResponse::from_js(&response, "response")?;
        let elapsed = args::millis(&elapsed_ms, "elapsedMs")?;
        let step = self.inner.on_response(response, elapsed);
        self.present(step)
    }

    /// Reports that the last `send` got no response. `sent` is false only
    /// when the request provably never left (connection refused).
    #[wasm_bindgen(js_name = onTransportError, unchecked_return_type = "FlowStep")]
    pub fn on_transport_error(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] sent: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] message: JsValue,
        #[wasm_bindgen(js_name = elapsedMs, unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        let sent = args::boolean(&sent, "sent")?;
        let message = args::string(&message, "message")?;
        let elapsed = args::millis(&elapsed_ms, "elapsedMs")?;
        let step = self.inner.on_transport_error(sent, &message, elapsed);
        self.present(step)
    }

    /// Reports that the last `sleep` is over.
    #[wasm_bindgen(js_name = onWoken, unchecked_return_type = "FlowStep")]
    pub fn on_woken(
        &mut self,
        #[wasm_bindgen(js_name = elapsedMs, unchecked_param_type = "number")] elapsed_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        let elapsed = args::millis(&elapsed_ms, "elapsedMs")?;
        let step = self.inner.on_woken(elapsed);
        self.present(step)
    }
}
