//! The five supported vendor APIs.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A vendor API that RosterKit speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Provider {
    /// Splashtop Secure Workspace IAM API.
    Ssw,
    /// Spotnana Access Management API v3 (user groups).
    Spotnana,
    /// B2Broker B2Core back-office API v2 (user groups).
    B2core,
    /// Imply Polaris Identity management API v1.
    Polaris,
    /// Alteryx Server API v3 (user groups).
    Alteryx,
}

impl Provider {
    /// Every provider, in documentation order.
    pub const ALL: [Provider; 5] = [
        Provider::Ssw,
        Provider::Spotnana,
        Provider::B2core,
        Provider::Polaris,
        Provider::Alteryx,
    ];

    /// The stable id used in endpoint ids, vectors and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Provider::Ssw => "ssw",
            Provider::Spotnana => "spotnana",
            Provider::B2core => "b2core",
            Provider::Polaris => "polaris",
            Provider::Alteryx => "alteryx",
        }
    }

    /// The vendor's product name, for reports.
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::Ssw => "Splashtop Secure Workspace IAM",
            Provider::Spotnana => "Spotnana Access Management v3",
            Provider::B2core => "B2Broker B2Core",
            Provider::Polaris => "Imply Polaris Identity",
            Provider::Alteryx => "Alteryx Server v3",
        }
    }

    /// The Authorization scheme the vendor documents. Polaris alone sends its
    /// API key under `Basic`, unencoded, exactly as its document shows.
    pub fn auth_scheme(self) -> &'static str {
        match self {
            Provider::Polaris => "Basic",
            _ => "Bearer",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Provider {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Provider::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                crate::Error::invalid(
                    "provider",
                    format!("unknown provider {s:?}; expected one of ssw, spotnana, b2core, polaris, alteryx"),
                )
            })
    }
}
