//! The request and response records that cross the FFI, one for one with
//! `rosterkit_core::{Request, Response}`.
//!
//! A built request carries the credential in its `Authorization` header, so
//! these records replace the generated `toString()` (Kotlin) and
//! `description`/`debugDescription` (Swift) with versions that print the
//! header's scheme and `***` instead of its value.

use rosterkit_core::{Request, Response};
use std::fmt;

/// One HTTP header.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct HttpHeader {
    /// Header name, as sent or received.
    pub name: String,
    /// Header value.
    pub value: String,
}

/// An HTTP request built by the core, ready for any transport.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct HttpRequest {
    /// Upper-case method, e.g. `GET`.
    pub method: String,
    /// Absolute URL; every path segment and query value is percent-encoded.
    pub url: String,
    /// Headers, in the order they should be sent.
    pub headers: Vec<HttpHeader>,
    /// The body, when the endpoint sends one.
    pub body: Option<Vec<u8>>,
}

/// An HTTP response as the transport received it.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers as received.
    #[uniffi(default = [])]
    pub headers: Vec<HttpHeader>,
    /// The raw body; empty when there is none.
    #[uniffi(default)]
    pub body: Vec<u8>,
}

/// Headers whose values are credentials.
fn is_secret_header(name: &str) -> bool {
    [
        "authorization",
        "proxy-authorization",
        "cookie",
        "x-api-key",
    ]
    .iter()
    .any(|s| name.eq_ignore_ascii_case(s))
}

impl fmt::Display for HttpHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if is_secret_header(&self.name) {
            // Keep the scheme (`Bearer`, `Basic`): it helps debugging and is not secret.
            match self.value.split_once(' ') {
                Some((scheme, _)) => write!(f, "{}: {scheme} ***", self.name),
                None => write!(f, "{}: ***", self.name),
            }
        } else {
            write!(f, "{}: {}", self.name, self.value)
        }
    }
}

impl fmt::Debug for HttpHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpHeader({self})")
    }
}

struct Headers<'a>(&'a [HttpHeader]);

impl fmt::Display for Headers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, h) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{h}")?;
        }
        f.write_str("]")
    }
}

impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HttpRequest({} {}, headers={}, body={})",
            self.method,
            self.url,
            Headers(&self.headers),
            match &self.body {
                Some(b) => format!("{} bytes", b.len()),
                None => "none".to_owned(),
            }
        )
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HttpResponse({}, headers={}, body={} bytes)",
            self.status,
            Headers(&self.headers),
            self.body.len()
        )
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn headers_in(headers: Vec<(String, String)>) -> Vec<HttpHeader> {
    headers
        .into_iter()
        .map(|(name, value)| HttpHeader { name, value })
        .collect()
}

fn headers_out(headers: Vec<HttpHeader>) -> Vec<(String, String)> {
    headers.into_iter().map(|h| (h.name, h.value)).collect()
}

impl From<Request> for HttpRequest {
    fn from(r: Request) -> Self {
        HttpRequest {
            method: r.method,
            url: r.url,
            headers: headers_in(r.headers),
            body: r.body,
        }
    }
}

impl From<HttpResponse> for Response {
    fn from(r: HttpResponse) -> Self {
        Response {
            status: r.status,
            headers: headers_out(r.headers),
            body: r.body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_debug_hide_credentials() {
        let request = HttpRequest {
            method: "GET".into(),
            url: "https://api.example.com/v1/users".into(),
            headers: vec![
                HttpHeader {
                    name: "Authorization".into(),
                    value: "Bearer s3cret-token".into(),
                },
                HttpHeader {
                    name: "Accept".into(),
                    value: "application/json".into(),
                },
            ],
            body: Some(b"{}".to_vec()),
        };
        for text in [request.to_string(), format!("{request:?}")] {
            assert!(!text.contains("s3cret"), "{text}");
            assert!(text.contains("Authorization: Bearer ***"), "{text}");
            assert!(text.contains("Accept: application/json"), "{text}");
        }
        let bare = HttpHeader {
            name: "x-api-key".into(),
            value: "k".into(),
        };
        assert_eq!(bare.to_string(), "x-api-key: ***");
    }
}
