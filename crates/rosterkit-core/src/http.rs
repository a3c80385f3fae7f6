//! The two plain records that cross every boundary: a request the host sends
//! and the response it feeds back. They hold only strings, numbers and bytes so
//! that wasm-bindgen, pyo3 and uniffi can carry them unchanged.

use serde::{Deserialize, Serialize};

/// An HTTP request built by the core, ready for any transport.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Upper-case HTTP method, e.g. `GET`.
    pub method: String,
    /// Absolute URL with every path segment and query value percent-encoded.
    pub url: String,
    /// Header pairs in the order they should be sent.
    pub headers: Vec<(String, String)>,
    /// The body, when the endpoint sends one.
    #[serde(default)]
    pub body: Option<Vec<u8>>,
}

impl Request {
    /// The first header with this name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The body as UTF-8 text, when there is one.
    pub fn body_text(&self) -> Option<&str> {
        self.body
            .as_deref()
            .and_then(|b| std::str::from_utf8(b).ok())
    }
}

/// An HTTP response as the host received it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header pairs as received.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// The raw body; empty when the server sent none.
    #[serde(default)]
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a status and a body, no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header, builder style.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The first header with this name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// True for 2xx statuses.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
