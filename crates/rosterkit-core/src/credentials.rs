//! Credentials and the target a request is built for.

use crate::error::Error;
use crate::provider::Provider;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A bearer token or API key. Its `Debug` and `Display` never show the value.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself; call only where it goes on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret::new(s)
    }
}

/// Where requests go and how they authenticate: a base URL (which may carry a
/// path prefix, as Alteryx's `http://host/webapi` does) and the credential.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The tenant's base URL, without a trailing slash.
    pub base_url: String,
    /// The bearer token (Polaris: the API key).
    pub token: Secret,
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("base_url", &self.base_url)
            .field("token", &self.token)
            .finish()
    }
}

impl Target {
    /// A target; checked when a request is built, so construction never fails.
    pub fn new(base_url: impl Into<String>, token: impl Into<Secret>) -> Self {
        Target {
            base_url: base_url.into(),
            token: token.into(),
        }
    }

    /// The base URL without a trailing slash, checked to be http(s) with no
    /// query, fragment or whitespace.
    pub fn base(&self) -> Result<&str, Error> {
        let base = self.base_url.trim_end_matches('/');
        let rest = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"))
            .ok_or_else(|| Error::invalid("base_url", "must start with http:// or https://"))?;
        if rest.is_empty() {
            return Err(Error::invalid("base_url", "has no host"));
        }
        if rest
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#')
        {
            return Err(Error::invalid(
                "base_url",
                "must not contain whitespace, control characters, '?' or '#'",
            ));
        }
        Ok(base)
    }

    /// The `Authorization` header value in the provider's documented scheme.
    pub fn authorization(&self, provider: Provider) -> Result<String, Error> {
        let token = self.token.expose();
        if token.trim().is_empty() {
            return Err(Error::invalid("token", "is empty"));
        }
        // A CR or LF would let a token add headers of its own.
        if token.chars().any(|c| c.is_control()) {
            return Err(Error::invalid(
                "token",
                "contains a control character (CR, LF or similar)",
            ));
        }
        Ok(format!("{} {}", provider.auth_scheme(), token))
    }
}
