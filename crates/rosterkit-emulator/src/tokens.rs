//! The credentials each emulated vendor accepts.
//!
//! The emulator knows exactly one valid credential per vendor; anything else
//! is rejected with that vendor's 401 error body.

/// Bearer token for the SSW IAM API.
pub const SSW: &str = "ssw-demo-token";
/// Bearer token for the Spotnana API.
pub const SPOTNANA: &str = "spotnana-demo-token";
/// Bearer token for the B2Core API.
pub const B2CORE: &str = "b2core-demo-token";
/// API key for Polaris, sent raw (not base64) after `Basic`.
pub const POLARIS: &str = "polaris-demo-api-key";
/// Bearer token for the Alteryx Server API.
pub const ALTERYX: &str = "alteryx-demo-token";

/// The accepted credential for a provider id (`"ssw"`, `"polaris"`, ...),
/// compared case-insensitively; `None` for an unknown provider.
pub fn for_provider(provider: &str) -> Option<&'static str> {
    crate::vendor::Vendor::from_id(provider).map(crate::vendor::Vendor::token)
}
