//! Error responses in each vendor's own body shape.
//!
//! Clients under test parse these bodies, so every failure the emulator
//! produces — including auth failures, unknown routes and injected faults —
//! goes through here to get the right envelope.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::vendor::Vendor;

/// An HTTP status plus a vendor-shaped JSON body.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    /// SSW's envelope: a nonzero numeric `code` and a `message`. SSW reports
    /// some business errors with HTTP 200, hence the explicit status.
    pub(crate) fn ssw(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({ "code": code, "message": message.into() }),
        }
    }

    /// Spotnana's body: a per-response debug id and a list of coded messages.
    pub(crate) fn spotnana(
        status: StatusCode,
        error_code: &str,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            body: json!({
                "debugIdentifier": crate::ids::debug_identifier(),
                "errorMessages": [{ "errorCode": error_code, "message": message.into() }],
            }),
        }
    }

    /// B2Core's body: a snake_case `code` and a `message`.
    pub(crate) fn b2core(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({ "code": code, "message": message.into() }),
        }
    }

    /// Polaris's body: a PascalCase `error` and a `message`.
    pub(crate) fn polaris(status: StatusCode, error: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({ "error": error, "message": message.into() }),
        }
    }

    /// Alteryx's body: just a `message`.
    pub(crate) fn alteryx(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({ "message": message.into() }),
        }
    }

    /// The vendor's generic error for a status with no more specific code
    /// (auth failures, unknown routes, malformed input, injected faults).
    pub(crate) fn generic(vendor: Vendor, status: StatusCode, message: impl Into<String>) -> Self {
        let message = message.into();
        match vendor {
            Vendor::Ssw => ApiError::ssw(status, i64::from(status.as_u16()) * 100, message),
            Vendor::Spotnana => ApiError::spotnana(status, spotnana_code(status), message),
            Vendor::B2core => ApiError::b2core(status, b2core_code(status), message),
            Vendor::Polaris => ApiError::polaris(status, polaris_code(status), message),
            Vendor::Alteryx => ApiError::alteryx(status, message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

fn spotnana_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "INVALID_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "CONFLICT",
        429 => "TOO_MANY_REQUESTS",
        503 => "SERVICE_UNAVAILABLE",
        _ if status.is_server_error() => "INTERNAL_ERROR",
        _ => "ERROR",
    }
}

fn b2core_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "validation_error",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        429 => "too_many_requests",
        503 => "service_unavailable",
        _ if status.is_server_error() => "server_error",
        _ => "error",
    }
}

fn polaris_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        _ if status.is_server_error() => "InternalServerError",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_bodies_follow_each_vendor() {
        let e = ApiError::generic(Vendor::Ssw, StatusCode::UNAUTHORIZED, "x");
        assert_eq!(e.body["code"], 40100);
        let e = ApiError::generic(Vendor::Spotnana, StatusCode::UNAUTHORIZED, "x");
        assert_eq!(e.body["errorMessages"][0]["errorCode"], "UNAUTHORIZED");
        assert!(e.body["debugIdentifier"].is_string());
        let e = ApiError::generic(Vendor::B2core, StatusCode::NOT_FOUND, "x");
        assert_eq!(e.body["code"], "not_found");
        let e = ApiError::generic(Vendor::Polaris, StatusCode::CONFLICT, "x");
        assert_eq!(e.body["error"], "Conflict");
        let e = ApiError::generic(Vendor::Alteryx, StatusCode::BAD_REQUEST, "x");
        assert_eq!(e.body, json!({ "message": "x" }));
    }
}
