//! The transport: the TypeScript layer's `Host` (fetch, timers, the call's
//! `AbortSignal`) behind the driver's `Transport` trait.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use rosterkit::{BoxFuture, Transport, TransportError};
use rosterkit_core::{Header, Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(typescript_custom_section)]
const HOST: &str = r#"
/**
 * What the TypeScript layer gives the module for one call: `send` runs
 * `fetch` with the call's signal, `sleep` waits (cut short by the signal).
 * Both reject with a `HostFailure`.
 */
export interface Host {
    send(request: HttpRequest): Promise<HttpResponse>;
    sleep(millis: number): Promise<void>;
}

/** Why `send` or `sleep` produced nothing. */
export interface HostFailure {
    /** The call was aborted. */
    cancelled?: boolean;
    /** The request may have reached the server (so only a safe call is repeated). */
    sent?: boolean;
    /** What failed. */
    message?: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// See the `Host` interface.
    #[wasm_bindgen(typescript_type = "Host")]
    pub type Host;

    #[wasm_bindgen(method, catch)]
    fn send(this: &Host, request: JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn sleep(this: &Host, millis: f64) -> Result<Promise, JsValue>;
}

/// The driver's transport over a `Host`.
pub(crate) struct JsTransport(pub(crate) Host);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A rejection of the host as the driver's error.
fn failure(reason: JsValue) -> TransportError {
    if get(&reason, "cancelled").is_truthy() {
        return TransportError::Cancelled;
    }
    let message = get(&reason, "message")
        .as_string()
        .unwrap_or_else(|| "the request failed".to_owned());
    if get(&reason, "sent").as_bool() == Some(false) {
        TransportError::NotSent(message)
    } else {
        TransportError::Failed(message)
    }
}

fn headers_to_js(headers: &[Header]) -> Array {
    headers
        .iter()
        .map(|h| Array::of2(&JsValue::from_str(&h.name), &JsValue::from_str(&h.value)))
        .collect()
}

/// The request as `{method, url, headers, body}` (built by hand: it is the
/// hot path, and the body must be a `Uint8Array`, not an array of numbers).
fn request_to_js(request: &Request) -> JsValue {
    let obj = Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    };
    set("method", &JsValue::from_str(&request.method));
    set("url", &JsValue::from_str(&request.url));
    set("headers", &headers_to_js(&request.headers));
    match &request.body {
        Some(body) => set("body", &Uint8Array::from(body.as_slice())),
        None => set("body", &JsValue::NULL),
    }
    obj.into()
}

/// The host's `{status, headers, body}` as the core's response, or the
/// field that is wrong and why.
pub(crate) fn response_from_js(value: &JsValue) -> Result<Response, (&'static str, String)> {
    if !value.is_object() {
        return Err(("response", "must be an object".to_owned()));
    }
    let status = get(value, "status")
        .as_f64()
        .filter(|s| s.fract() == 0.0 && (100.0..=999.0).contains(s))
        .ok_or(("status", "must be an HTTP status code".to_owned()))? as u16;
    let mut headers = Vec::new();
    let list = get(value, "headers");
    if Array::is_array(&list) {
        for pair in Array::from(&list).iter() {
            let pair = Array::from(&pair);
            match (pair.get(0).as_string(), pair.get(1).as_string()) {
                (Some(name), Some(value)) => headers.push(Header { name, value }),
                _ => {
                    return Err((
                        "headers",
                        "each header must be a [name, value] pair of strings".to_owned(),
                    ))
                }
            }
        }
    } else if !list.is_undefined() && !list.is_null() {
        return Err((
            "headers",
            "must be an array of [name, value] pairs".to_owned(),
        ));
    }
    let body = get(value, "body");
    let body = if body.is_undefined() || body.is_null() {
        Vec::new()
    } else if let Some(text) = body.as_string() {
        text.into_bytes()
    } else if body.is_instance_of::<Uint8Array>() || body.is_instance_of::<js_sys::ArrayBuffer>() {
        Uint8Array::new(&body).to_vec()
    } else {
        return Err((
            "body",
            "must be a Uint8Array, an ArrayBuffer or a string".to_owned(),
        ));
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

impl Transport for JsTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            let promise = self.0.send(request_to_js(&request)).map_err(failure)?;
            let value = JsFuture::from(promise).await.map_err(failure)?;
            response_from_js(&value)
                .map_err(|(field, m)| TransportError::Failed(format!("{field}: {m}")))
        })
    }

    fn sleep(&self, millis: u64) -> BoxFuture<'_, Result<(), TransportError>> {
        Box::pin(async move {
            let promise = self.0.sleep(millis as f64).map_err(failure)?;
            JsFuture::from(promise).await.map(drop).map_err(failure)
        })
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn seed(&self) -> u64 {
        // Jitter only: `Math.random` is enough, and works in every host.
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    }
}
