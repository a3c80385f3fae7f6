//! Shared response handling: status to typed error, size and shape checks.
//!
//! Non-2xx responses become typed errors here, in one place, with the vendor's
//! code and message read from whatever error body that vendor sends.

use crate::error::Error;
use crate::http::Response;
use crate::retry_after::RetryAfter;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Bodies above this size are refused before parsing, so a runaway response
/// cannot exhaust memory. A 10,000-member page is about 1.5 MB.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Turns a non-2xx response into the matching typed error.
pub fn check_status(response: &Response) -> Result<(), Error> {
    if response.is_success() {
        return Ok(());
    }
    Err(status_error(response))
}

/// The typed error for a non-2xx response.
pub fn status_error(response: &Response) -> Error {
    let VendorError {
        code: vendor_code,
        message,
        debug_identifier,
    } = vendor_error(&response.body);
    let message = message.unwrap_or_else(|| reason(response.status).to_owned());
    match response.status {
        401 | 403 => Error::Auth {
            status: response.status,
            vendor_code,
            message,
            debug_identifier,
        },
        404 => Error::NotFound {
            vendor_code,
            message,
            debug_identifier,
        },
        409 => Error::Conflict {
            vendor_code,
            message,
            debug_identifier,
        },
        429 => Error::RateLimited {
            retry_after: retry_after(response),
            vendor_code,
            message,
            debug_identifier,
        },
        status => Error::Api {
            status,
            vendor_code,
            message,
            debug_identifier,
        },
    }
}

/// `Retry-After` of a response, measured against its `Date` header when the
/// value is an HTTP date.
pub fn retry_after(response: &Response) -> Option<RetryAfter> {
    RetryAfter::parse(response.header("retry-after")?, response.header("date"))
}

/// Decodes a JSON body into a type that borrows from it.
pub(crate) fn decode_borrowed<'a, T: serde::Deserialize<'a>>(body: &'a [u8]) -> Result<T, Error> {
    decode_part(body, body, "")
}

/// Parses a 2xx JSON body into `T`.
pub fn json<T: DeserializeOwned>(response: &Response) -> Result<T, Error> {
    check_status(response)?;
    decode(&response.body)
}

/// `parse` ([`json`]) and `verbatim` ([`verbatim`]) of an endpoint whose
/// output is its 2xx JSON body as it stands. One declaration for both, so
/// that the check can never describe another parse than the one that runs.
macro_rules! json_body {
    () => {
        fn parse(&self, response: &$crate::Response) -> Result<Self::Output, $crate::Error> {
            $crate::parse::json(response)
        }

        fn verbatim(&self, response: &$crate::Response) -> Option<$crate::Verbatim> {
            $crate::parse::verbatim::<Self::Output>(response)
        }
    };
}

pub(crate) use json_body;

/// [`Endpoint::verbatim`](crate::Endpoint::verbatim) for an endpoint whose
/// `parse` is [`json`]: the same status, size and shape conditions, checked
/// without building `T`.
pub(crate) fn verbatim<T: crate::verbatim::Check>(response: &Response) -> Option<crate::Verbatim> {
    let fits = response.is_success() && response.body.len() <= MAX_BODY_BYTES;
    (fits && crate::verbatim::check_body::<T>(&response.body)).then_some(crate::Verbatim::Body)
}

/// Decodes a JSON body with the size limit and a scrubbed excerpt on failure.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    decode_part(body, body, "")
}

/// Decodes `part` (all of `body`, or the raw JSON of one of its fields,
/// named by `prefix`). A failure names where it happened, e.g.
/// `data: missing field `members`` or `values[3].id: invalid type`.
pub(crate) fn decode_part<'a, T: serde::Deserialize<'a>>(
    part: &'a [u8],
    body: &[u8],
    prefix: &str,
) -> Result<T, Error> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::decode(
            format!(
                "response body is {} bytes, above the {} byte limit",
                body.len(),
                MAX_BODY_BYTES
            ),
            &body[..body.len().min(4096)],
        ));
    }
    if part.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::decode(
            "expected a JSON body, got an empty one",
            body,
        ));
    }
    // The fast path tracks no paths; only a failure pays for a second,
    // path-tracking pass that says which key was wrong.
    serde_json::from_slice(part).map_err(|first| {
        // A truncated or malformed body has no meaningful path: the parser
        // stopped where the bytes did, not at a wrong key.
        if !first.is_data() {
            return Error::decode(first.to_string(), body);
        }
        let mut de = serde_json::Deserializer::from_slice(part);
        let message = match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner().to_string();
                match (prefix, path.as_str()) {
                    ("", ".") => inner,
                    (prefix, ".") => format!("{prefix}: {inner}"),
                    ("", path) => format!("{path}: {inner}"),
                    (prefix, path) => format!("{prefix}.{path}: {inner}"),
                }
            }
            Ok(_) => first.to_string(),
        };
        Error::decode(message, body)
    })
}

/// For endpoints whose success has no documented body: the status decides,
/// and any body is ignored.
pub fn empty(response: &Response) -> Result<(), Error> {
    check_status(response)
}

/// What a vendor's error body says.
#[derive(Debug, Default, PartialEq)]
pub struct VendorError {
    /// The vendor's error code.
    pub code: Option<String>,
    /// Every message in the body, joined with `; `.
    pub message: Option<String>,
    /// Spotnana's `debugIdentifier`, which its support asks for.
    pub debug_identifier: Option<String>,
}

/// Reads the error bodies these vendors send: `{"code","message"}` (SSW,
/// B2Core), `{"errorCode","message"}` and Spotnana's `ErrorResponse`
/// `{"debugIdentifier","errorMessages":[{"errorCode","message",
/// "errorDetail"}]}` (public OpenAPI description, see REFERENCES), with every
/// message kept, `{"error","message"}` (Polaris), `{"message"}` (Alteryx).
/// Anything else, HTML included, yields nothing and the HTTP reason is used.
pub fn vendor_error(body: &[u8]) -> VendorError {
    if body.len() > MAX_BODY_BYTES {
        return VendorError::default();
    }
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return VendorError::default();
    };
    let text = |v: &Value| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    const CODES: [&str; 3] = ["errorCode", "code", "error"];
    const MESSAGES: [&str; 5] = [
        "message",
        "errorMessage",
        "error_description",
        "detail",
        "title",
    ];
    let pick = |m: &serde_json::Map<String, Value>, keys: &[&str]| {
        keys.iter().find_map(|k| m.get(*k).and_then(text))
    };
    let nested: Vec<&serde_json::Map<String, Value>> = ["errorMessages", "errors"]
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_array))
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default();
    let mut messages: Vec<String> = pick(&map, &MESSAGES).into_iter().collect();
    for m in &nested {
        let mut line = pick(m, &MESSAGES).unwrap_or_default();
        if let Some(detail) = m.get("errorDetail").and_then(text) {
            if !line.contains(&detail) {
                line = if line.is_empty() {
                    detail
                } else {
                    format!("{line} ({detail})")
                };
            }
        }
        if !line.is_empty() && !messages.contains(&line) {
            messages.push(line);
        }
    }
    let code = pick(&map, &CODES).or_else(|| nested.iter().find_map(|m| pick(m, &CODES)));
    VendorError {
        code,
        message: (!messages.is_empty()).then(|| crate::scrub::scrub_secrets(&messages.join("; "))),
        debug_identifier: map.get("debugIdentifier").and_then(text),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "HTTP error",
    }
}
