//! Request extraction that fails with the vendor's error body instead of
//! axum's plain-text rejections.
//!
//! The gate middleware stores the current [`Vendor`] in the request
//! extensions; the extractors here read it to shape their errors.

use std::str::FromStr;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::errors::ApiError;
use crate::vendor::Vendor;

/// The vendor serving this request. Every vendor route sits behind the gate,
/// which inserts it; the fallback only matters if that wiring ever changes.
fn vendor_of(parts: &Parts) -> Vendor {
    parts
        .extensions
        .get::<Vendor>()
        .copied()
        .unwrap_or(Vendor::Alteryx)
}

/// Percent-decoded path parameters (axum's `Path`) with vendor-shaped errors.
pub(crate) struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let vendor = vendor_of(parts);
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Ids(value)),
            Err(e) => Err(ApiError::generic(
                vendor,
                StatusCode::BAD_REQUEST,
                format!("invalid path parameter: {e}"),
            )),
        }
    }
}

/// The decoded query string as ordered key/value pairs.
pub(crate) struct Params {
    vendor: Vendor,
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let vendor = vendor_of(parts);
        let raw = parts.uri.query().unwrap_or_default();
        serde_urlencoded::from_str::<Vec<(String, String)>>(raw)
            .map(|pairs| Params { vendor, pairs })
            .map_err(|e| {
                ApiError::generic(
                    vendor,
                    StatusCode::BAD_REQUEST,
                    format!("malformed query: {e}"),
                )
            })
    }
}

impl Params {
    /// The first non-blank value of `key`, trimmed. Blank values count as
    /// absent because web UIs send empty filters (`roles=&groups=`).
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// `key` parsed as a number, `default` when absent; 400 when unparsable.
    pub(crate) fn number<T: FromStr>(&self, key: &str, default: T) -> Result<T, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(raw) => raw.parse().map_err(|_| {
                ApiError::generic(
                    self.vendor,
                    StatusCode::BAD_REQUEST,
                    format!("query parameter `{key}` must be a non-negative integer"),
                )
            }),
        }
    }
}

/// Parses a required JSON body.
pub(crate) fn json_body<T: DeserializeOwned>(vendor: Vendor, body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::generic(
            vendor,
            StatusCode::BAD_REQUEST,
            format!("invalid JSON body: {e}"),
        )
    })
}

/// Parses an optional JSON body: an empty (or all-blank) body means defaults.
pub(crate) fn optional_json_body<T: DeserializeOwned + Default>(
    vendor: Vendor,
    body: &[u8],
) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        json_body(vendor, body)
    }
}
