//! The five emulated vendors and what distinguishes them at the HTTP edge.

use axum::http::{header, HeaderMap};

use crate::tokens;

/// One emulated vendor API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Vendor {
    Ssw,
    Spotnana,
    B2core,
    Polaris,
    Alteryx,
}

impl Vendor {
    /// Every vendor, in documentation order.
    pub(crate) const ALL: [Vendor; 5] = [
        Vendor::Ssw,
        Vendor::Spotnana,
        Vendor::B2core,
        Vendor::Polaris,
        Vendor::Alteryx,
    ];

    /// The stable provider id shared with the rest of the workspace.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Vendor::Ssw => "ssw",
            Vendor::Spotnana => "spotnana",
            Vendor::B2core => "b2core",
            Vendor::Polaris => "polaris",
            Vendor::Alteryx => "alteryx",
        }
    }

    /// Looks a provider id up, ignoring case and surrounding blanks.
    pub(crate) fn from_id(id: &str) -> Option<Vendor> {
        let id = id.trim();
        Vendor::ALL
            .into_iter()
            .find(|v| v.id().eq_ignore_ascii_case(id))
    }

    /// Where the vendor's API is mounted on the shared server. Alteryx keeps
    /// its conventional `/webapi` base so clients can append `/v3/...` as the
    /// vendor documents.
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            Vendor::Ssw => "/ssw",
            Vendor::Spotnana => "/spotnana",
            Vendor::B2core => "/b2core",
            Vendor::Polaris => "/polaris",
            Vendor::Alteryx => "/alteryx/webapi",
        }
    }

    /// The single credential this vendor accepts.
    pub(crate) fn token(self) -> &'static str {
        match self {
            Vendor::Ssw => tokens::SSW,
            Vendor::Spotnana => tokens::SPOTNANA,
            Vendor::B2core => tokens::B2CORE,
            Vendor::Polaris => tokens::POLARIS,
            Vendor::Alteryx => tokens::ALTERYX,
        }
    }

    /// Polaris alone sends its raw API key under the `Basic` scheme.
    fn auth_scheme(self) -> &'static str {
        match self {
            Vendor::Polaris => "Basic",
            _ => "Bearer",
        }
    }

    /// Whether the request carries this vendor's credential. The scheme is
    /// matched case-insensitively (as HTTP requires); the credential exactly.
    pub(crate) fn is_authorized(self, headers: &HeaderMap) -> bool {
        let Some(value) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        else {
            return false;
        };
        let mut parts = value.trim().splitn(2, ' ');
        let scheme = parts.next().unwrap_or_default();
        let credential = parts.next().unwrap_or_default().trim();
        scheme.eq_ignore_ascii_case(self.auth_scheme()) && credential == self.token()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn checks_scheme_and_credential() {
        assert!(Vendor::Ssw.is_authorized(&headers("Bearer ssw-demo-token")));
        assert!(Vendor::Ssw.is_authorized(&headers("bearer ssw-demo-token")));
        assert!(!Vendor::Ssw.is_authorized(&headers("Basic ssw-demo-token")));
        assert!(!Vendor::Ssw.is_authorized(&headers("Bearer other")));
        assert!(Vendor::Polaris.is_authorized(&headers("Basic polaris-demo-api-key")));
        assert!(!Vendor::Polaris.is_authorized(&headers("Bearer polaris-demo-api-key")));
        assert!(!Vendor::B2core.is_authorized(&HeaderMap::new()));
    }

    #[test]
    fn ids_round_trip() {
        for v in Vendor::ALL {
            assert_eq!(Vendor::from_id(v.id()), Some(v));
        }
        assert_eq!(Vendor::from_id(" SSW "), Some(Vendor::Ssw));
        assert_eq!(Vendor::from_id("okta"), None);
    }
}
