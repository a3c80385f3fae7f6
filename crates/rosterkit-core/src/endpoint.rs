//! The contract every vendor endpoint implements.

use crate::credentials::Target;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::provider::Provider;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// One documented vendor endpoint: build one request, parse one response.
pub trait Endpoint {
    /// The stable id from the endpoint inventory, e.g. `ssw.list_members`.
    const ID: &'static str;
    /// The vendor this endpoint belongs to.
    const PROVIDER: Provider;
    /// What a successful response parses into.
    type Output: Serialize + DeserializeOwned;

    /// The request, or an invalid-input error naming the field.
    fn request(&self, target: &Target) -> Result<Request, Error>;

    /// The typed result, or the vendor's error as a typed error.
    fn parse(&self, response: &Response) -> Result<Self::Output, Error>;

    /// Where the output already is in a successful response's JSON: `Some`
    /// only when [`parse`](Endpoint::parse) would succeed and its output,
    /// written as JSON, would be the same value as the body (or one field of
    /// it). Checked without building the output; `None` (the default, and
    /// for anything unusual) means: call `parse`. See [`crate::verbatim`].
    fn verbatim(&self, response: &Response) -> Option<crate::Verbatim> {
        let _ = response;
        None
    }

    /// Whether sending the request twice has the same effect as once, so a
    /// retry after an unknown outcome (a dropped connection, a 5xx) is safe.
    fn retry_safe(&self) -> bool;
}
