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
    let (vendor_code, vendor_message) = vendor_error_fields(&response.body);
    let message = vendor_message.unwrap_or_else(|| reason(response.status).to_owned());
    match response.status {
        401 | 403 => Error::Auth {
            status: response.status,
            vendor_code,
            message,
        },
        404 => Error::NotFound {
            vendor_code,
            message,
        },
        409 => Error::Conflict {
            vendor_code,
            message,
        },
        429 => Error::RateLimited {
            retry_after: retry_after(response),
            message,
        },
        status => Error::Api {
            status,
            vendor_code,
            message,
        },
    }
}

/// `Retry-After` of a response, measured against its `Date` header when the
/// value is an HTTP date.
pub fn retry_after(response: &Response) -> Option<RetryAfter> {
    RetryAfter::parse(response.header("retry-after")?, response.header("date"))
}

/// Parses a 2xx JSON body into `T`.
pub fn json<T: DeserializeOwned>(response: &Response) -> Result<T, Error> {
    check_status(response)?;
    decode(&response.body)
}

/// Decodes a JSON body with the size limit and a scrubbed excerpt on failure.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::decode(
            format!(
                "response body is {} bytes, above the {} byte limit",
                body.len(),
                MAX_BODY_BYTES
            ),
            body,
        ));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::decode(
            "expected a JSON body, got an empty one",
            body,
        ));
    }
    serde_json::from_slice(body).map_err(|e| Error::decode(e.to_string(), body))
}

/// For endpoints whose success has no documented body: the status decides,
/// and any body is ignored.
pub fn empty(response: &Response) -> Result<(), Error> {
    check_status(response)
}

/// Reads `(code, message)` from the error bodies these vendors send:
/// `{"code","message"}` (SSW, B2Core), `{"errorCode","message"}` and
/// `{"errorMessages":[{"errorCode","message"}]}` (Spotnana),
/// `{"error","message"}` (Polaris), `{"message"}` (Alteryx). Anything else,
/// HTML included, yields nothing and the HTTP reason is used instead.
pub fn vendor_error_fields(body: &[u8]) -> (Option<String>, Option<String>) {
    if body.len() > MAX_BODY_BYTES {
        return (None, None);
    }
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return (None, None);
    };
    let text = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let first_nested = ["errorMessages", "errors"]
        .iter()
        .find_map(|k| {
            map.get(*k)
                .and_then(Value::as_array)
                .and_then(|a| a.first())
        })
        .and_then(Value::as_object);
    let pick = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k).and_then(text))
            .or_else(|| {
                first_nested.and_then(|m| keys.iter().find_map(|k| m.get(*k).and_then(text)))
            })
    };
    let code = pick(&["errorCode", "code", "error"]);
    let message = pick(&[
        "message",
        "errorMessage",
        "error_description",
        "detail",
        "title",
    ]);
    (code, message.map(|m| crate::scrub::scrub_secrets(&m)))
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
