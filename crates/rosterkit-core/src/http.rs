//! The two plain records that cross every boundary: a request the host sends
//! and the response it feeds back. They hold only strings, numbers and bytes so
//! that wasm-bindgen, pyo3 and uniffi carry them unchanged.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One header. Serialized as a `[name, value]` pair.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
// Kotlin's `toString()` and Swift's `description` are this Display, which
// hides the credential (a data class would print it whole).
#[cfg_attr(feature = "uniffi", uniffi::export(Display))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(type = "[string, string]"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Header {
    /// The header name, as the vendor document spells it.
    pub name: String,
    /// The value.
    pub value: String,
}

impl Header {
    /// A header.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Header {
        Header {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// `Name: value`, with an `Authorization` value shown as its scheme only.
impl std::fmt::Display for Header {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.name.eq_ignore_ascii_case("authorization") {
            let scheme = self.value.split(' ').next().unwrap_or("");
            write!(f, "{}: {scheme} ***", self.name)
        } else {
            write!(f, "{}: {}", self.name, self.value)
        }
    }
}

/// `GET https://… [Accept: application/json, Authorization: Bearer ***] (12 bytes)`:
/// what a log or a debugger may show of a request, without its credential.
impl std::fmt::Display for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} [", self.method, self.url)?;
        for (i, h) in self.headers.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{h}")?;
        }
        f.write_str("]")?;
        if let Some(body) = &self.body {
            write!(f, " ({} bytes)", body.len())?;
        }
        Ok(())
    }
}

impl Serialize for Header {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.name, &self.value).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (name, value) = <(String, String)>::deserialize(d)?;
        Ok(Header { name, value })
    }
}

/// An HTTP request built by the core, ready for any transport.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Display))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
// TypeScript already has a global `Request` (fetch's); the container name
// only names the type, the wire fields stay as they are.
#[cfg_attr(feature = "wasm", tsify(rename = "HttpRequest"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Request {
    /// Upper-case HTTP method, e.g. `GET`.
    pub method: String,
    /// Absolute URL with every path segment and query value percent-encoded.
    pub url: String,
    /// Header pairs in the order they should be sent.
    pub headers: Vec<Header>,
    /// The body, when the endpoint sends one.
    #[serde(default, with = "bytes")]
    #[cfg_attr(feature = "wasm", tsify(type = "Uint8Array | null"))]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "HttpResponse"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash, from_py_object)
)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header pairs as received.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub headers: Vec<Header>,
    /// The raw body; empty when the server sent none.
    #[serde(default, with = "bytes")]
    #[cfg_attr(feature = "wasm", tsify(type = "Uint8Array", optional))]
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
        self.headers.push(Header::new(name, value));
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

fn find_header<'a>(headers: &'a [Header], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// Bodies as byte strings (a `Uint8Array` in JavaScript, `bytes` in Python),
/// read back from a byte string or, for JSON callers, an array of numbers.
mod bytes {
    use serde::de::{self, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub(super) trait Body: Sized {
        fn ser<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
        fn de<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
    }

    struct Bytes;

    impl<'de> Visitor<'de> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("bytes")
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u8>, E> {
            Ok(v.as_bytes().to_vec())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(b) = seq.next_element::<u8>()? {
                out.push(b);
            }
            Ok(out)
        }
    }

    struct MaybeBytes;

    impl<'de> Visitor<'de> for MaybeBytes {
        type Value = Option<Vec<u8>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("bytes or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Bytes).map(Some)
        }
    }

    impl Body for Vec<u8> {
        fn ser<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self)
        }
        fn de<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Bytes)
        }
    }

    impl Body for Option<Vec<u8>> {
        fn ser<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(b) => s.serialize_bytes(b),
                None => s.serialize_none(),
            }
        }
        fn de<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_option(MaybeBytes)
        }
    }

    pub(super) fn serialize<T: Body, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        v.ser(s)
    }

    pub(super) fn deserialize<'de, T: Body, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        T::de(d)
    }
}
