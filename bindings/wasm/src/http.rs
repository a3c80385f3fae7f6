//! The two records that cross the boundary: the request the host sends and
//! the response it feeds back.

use crate::args;
use crate::error::ErrorInfo;
use rosterkit_core::{Request, Response};
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// A request built by the core, ready for `fetch`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct HttpRequest {
    /// Upper-case HTTP method.
    pub method: String,
    /// Absolute URL, every path segment and query value percent-encoded.
    pub url: String,
    /// Header pairs in the order they should be sent.
    pub headers: Vec<(String, String)>,
    /// The body as text (the core sends only JSON and form bodies), or null.
    pub body: Option<String>,
}

impl HttpRequest {
    /// Converts a core request. Bodies the core builds are always UTF-8.
    pub(crate) fn from_core(request: Request) -> Result<HttpRequest, JsValue> {
        let body = match request.body {
            None => None,
            Some(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
                ErrorInfo::invalid("body", "the request body is not UTF-8").into_js()
            })?),
        };
        Ok(HttpRequest {
            method: request.method,
            url: request.url,
            headers: request.headers,
            body,
        })
    }
}

/// A response as the host received it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header pairs as received (`[...response.headers]`).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub headers: Vec<(String, String)>,
    /// The body: text, bytes, or null/absent for none.
    #[cfg_attr(
        feature = "wasm",
        tsify(optional, type = "string | Uint8Array | number[] | null")
    )]
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// Reads `{ status, headers?, body? }`. The body is taken as it is (text
    /// or bytes), not through JSON, so binary and malformed bodies arrive
    /// byte for byte.
    pub(crate) fn from_js(value: &JsValue, field: &str) -> Result<Response, JsValue> {
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(ErrorInfo::invalid(
                field,
                "must be an object with status, headers and body",
            )
            .into_js());
        }
        let status = args::property(value, "status");
        let status = match status.as_f64() {
            Some(s) if s.fract() == 0.0 && (100.0..=999.0).contains(&s) => s as u16,
            _ => {
                return Err(ErrorInfo::invalid(
                    "status",
                    "must be an HTTP status code (100 to 999)",
                )
                .into_js())
            }
        };
        let headers = match args::json(args::property(value, "headers"), "headers")? {
            Value::Null => Vec::new(),
            headers => serde_json::from_value(headers).map_err(|_| {
                ErrorInfo::invalid("headers", "must be an array of [name, value] string pairs")
                    .into_js()
            })?,
        };
        Ok(Response {
            status,
            headers,
            body: body(&args::property(value, "body"))?,
        })
    }
}

fn body(value: &JsValue) -> Result<Vec<u8>, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(Vec::new())
    } else if let Some(text) = value.as_string() {
        Ok(text.into_bytes())
    } else if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        Ok(bytes.to_vec())
    } else if js_sys::Array::is_array(value) {
        serde_json::from_value(args::json(value.clone(), "body")?).map_err(|_| {
            ErrorInfo::invalid("body", "an array body must hold bytes (0 to 255)").into_js()
        })
    } else {
        Err(ErrorInfo::invalid(
            "body",
            "must be a string, a Uint8Array, an array of bytes or null",
        )
        .into_js())
    }
}

/// Where requests go and how they authenticate.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// The tenant's base URL, e.g. `https://acme.example.com` (Alteryx: `.../webapi`).
    pub base_url: String,
    /// The bearer token (Polaris: the API key).
    pub token: String,
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("base_url", &self.base_url)
            .field("token", &"***")
            .finish()
    }
}
