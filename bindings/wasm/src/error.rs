//! The core [`Error`] as a plain JavaScript object, the one shape every
//! failure crosses the boundary in. The TypeScript layer turns it into a
//! `RosterKitError` in one place.

use rosterkit_core::{Error, RetryAfter};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// The error kinds, as `RosterKitError.kind` carries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The caller passed a value the vendor document does not allow.
    InvalidInput,
    /// The vendor's public API cannot do this.
    Unsupported,
    /// The vendor answered with an error not covered by a finer kind.
    Api,
    /// 401 or 403.
    Auth,
    /// 404.
    NotFound,
    /// 409.
    Conflict,
    /// 429.
    RateLimited,
    /// The body did not have the documented shape.
    Decode,
    /// The transport failed.
    Transport,
    /// A bug in rosterkit: a Rust panic, caught at the boundary.
    Internal,
}

impl ErrorKind {
    fn of(error: &Error) -> ErrorKind {
        match error {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Unsupported { .. } => ErrorKind::Unsupported,
            Error::Api { .. } => ErrorKind::Api,
            Error::Auth { .. } => ErrorKind::Auth,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::RateLimited { .. } => ErrorKind::RateLimited,
            Error::Decode { .. } => ErrorKind::Decode,
            // `Error` is non-exhaustive; a future kind is at least a transport-level failure.
            _ => ErrorKind::Transport,
        }
    }
}

/// How field and operation names are spelled for the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Naming {
    /// The client API: `group_id` becomes `groupId`, `add_members` `addMembers`.
    Camel,
    /// Raw endpoint inputs keep the vendor input names the caller wrote;
    /// only the names of the JS arguments themselves (`baseUrl`,
    /// `endpointId`) are spelled as the caller wrote them.
    Raw,
}

/// A failure as a plain object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// A readable sentence; never contains a credential.
    pub message: String,
    /// The offending input field (invalid input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Why the field was rejected, or why the vendor cannot do the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The HTTP status behind the error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The vendor's own error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_code: Option<String>,
    /// How long the server asked to wait (429), in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
    /// The provider that cannot do the operation (unsupported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The operation the provider cannot do (unsupported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// A short, secret-free start of the body that did not decode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The core error exactly as rosterkit-core serializes it (snake_case,
    /// tagged by `kind`): the same JSON in every language and in the golden
    /// vectors.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "{ kind: ErrorKind } & Record<string, unknown>")
    )]
    pub detail: Value,
}

/// `group_id` → `groupId`, `user_ids[3]` → `userIds[3]`.
pub(crate) fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' && !out.is_empty() && !out.ends_with(['.', '[', '_']) {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if upper {
        out.push('_');
    }
    out
}

fn spell_field(field: &str, naming: Naming) -> String {
    match naming {
        Naming::Camel => camel(field),
        Naming::Raw => match field {
            "base_url" => "baseUrl".to_owned(),
            "endpoint" => "endpointId".to_owned(),
            other => other.to_owned(),
        },
    }
}

impl ErrorInfo {
    /// Converts a core error, spelling names for the caller.
    pub(crate) fn from_core(error: &Error, naming: Naming) -> ErrorInfo {
        let mut info = ErrorInfo {
            kind: ErrorKind::of(error),
            message: error.to_string(),
            field: None,
            reason: None,
            status: error.status(),
            vendor_code: error.vendor_code().map(str::to_owned),
            retry_after_ms: None,
            provider: None,
            operation: None,
            excerpt: None,
            detail: serde_json::to_value(error).unwrap_or(Value::Null),
        };
        match error {
            Error::InvalidInput { field, reason } => {
                let field = spell_field(field, naming);
                info.message = format!("invalid input: {field}: {reason}");
                info.field = Some(field);
                info.reason = Some(reason.clone());
            }
            Error::Unsupported {
                provider,
                operation,
                reason,
            } => {
                info.provider = Some(provider.id().to_owned());
                info.operation = Some(match naming {
                    Naming::Camel => camel(operation),
                    Naming::Raw => operation.clone(),
                });
                info.reason = Some(reason.clone());
            }
            Error::RateLimited {
                retry_after: Some(after),
                ..
            } => info.retry_after_ms = Some(delay_millis(after)),
            Error::Decode { excerpt, .. } => info.excerpt = Some(excerpt.clone()),
            _ => {}
        }
        info
    }

    /// An invalid-input error for an argument the caller passed.
    pub(crate) fn invalid(field: &str, reason: &str) -> ErrorInfo {
        ErrorInfo::from_core(&Error::invalid(field, reason), Naming::Raw)
    }

    /// The plain object thrown to JavaScript (its message alone if it
    /// cannot be converted, which strings and numbers always can).
    pub(crate) fn into_js(self) -> JsValue {
        serde_json::to_string(&self)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| JsValue::from_str(&self.message))
    }
}

/// An HTTP-date `Retry-After` without a `Date` header is measured against
/// the host's clock: the core reads none, so the binding supplies it.
fn delay_millis(after: &RetryAfter) -> u64 {
    match after {
        RetryAfter::Delay { millis } => *millis,
        RetryAfter::At { .. } => after.delay_millis(js_sys::Date::now() as u64),
    }
}

/// Throws a core error to JavaScript.
pub(crate) fn throw(error: &Error, naming: Naming) -> JsValue {
    ErrorInfo::from_core(error, naming).into_js()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_paths() {
        assert_eq!(camel("group_id"), "groupId");
        assert_eq!(camel("user_ids[3]"), "userIds[3]");
        assert_eq!(camel("pagination.limit"), "pagination.limit");
        assert_eq!(camel("add_members"), "addMembers");
        assert_eq!(camel("_x"), "_x");
    }
}
