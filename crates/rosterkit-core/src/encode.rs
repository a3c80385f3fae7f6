//! Building requests safely: every path segment and query value is
//! percent-encoded, so no id can change the path or add a header.

use crate::credentials::Target;
use crate::error::Error;
use crate::http::{Header, Request};
use crate::provider::Provider;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

/// Everything but RFC 3986 unreserved characters is encoded, in paths and queries.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment or query component.
pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Checks an id before it becomes a path segment.
///
/// `.` and `..` are refused outright: the URL standard treats them, and their
/// `%2E` spellings, as navigation, so no encoding keeps them a literal segment.
pub fn check_id(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be blank"));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(
            field,
            "'.' and '..' cannot be used as an id in a URL path",
        ));
    }
    Ok(())
}

/// Builds one request: path, query, headers and body.
#[derive(Debug)]
pub struct RequestBuilder {
    method: &'static str,
    url: String,
    query: Vec<(String, String)>,
    body: Option<(&'static str, Vec<u8>)>,
    authorization: String,
}

impl RequestBuilder {
    /// Starts a request to `target` with the provider's auth scheme.
    pub fn new(target: &Target, provider: Provider, method: &'static str) -> Result<Self, Error> {
        Ok(RequestBuilder {
            method,
            url: target.base()?.to_owned(),
            query: Vec::new(),
            body: None,
            authorization: target.authorization(provider)?,
        })
    }

    /// Appends literal path text, e.g. `/iam/v1/group`; never user input.
    pub fn path(mut self, literal: &'static str) -> Self {
        self.url.push_str(literal);
        self
    }

    /// Appends `/` and one encoded segment taken from the named input field.
    pub fn segment(mut self, field: &str, value: &str) -> Result<Self, Error> {
        check_id(field, value)?;
        self.url.push('/');
        self.url.push_str(&encode_component(value));
        Ok(self)
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    /// Adds a query parameter when a value is present.
    pub fn query_opt(self, name: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Sends a JSON body.
    pub fn json(mut self, body: &impl Serialize) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))?;
        self.body = Some(("application/json", bytes));
        Ok(self)
    }

    /// Sends an `application/x-www-form-urlencoded` body.
    pub fn form(mut self, pairs: &[(&str, &str)]) -> Self {
        let text = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.body = Some(("application/x-www-form-urlencoded", text.into_bytes()));
        self
    }

    /// The finished request. Headers: Accept, Authorization, and Content-Type
    /// when a body is sent.
    pub fn build(self) -> Request {
        let mut url = self.url;
        for (i, (k, v)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_component(k));
            url.push('=');
            url.push_str(&encode_component(v));
        }
        let mut headers = vec![
            Header::new("Accept", "application/json"),
            Header::new("Authorization", self.authorization),
        ];
        let body = self.body.map(|(content_type, bytes)| {
            headers.push(Header::new("Content-Type", content_type));
            bytes
        });
        Request {
            method: self.method.to_owned(),
            url,
            headers,
            body,
        }
    }
}
