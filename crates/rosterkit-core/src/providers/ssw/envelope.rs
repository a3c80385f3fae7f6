//! The `{"code","data","message"}` envelope around every SSW response.

use crate::error::Error;
use crate::http::Response;
use crate::parse;
use crate::providers::Extra;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// The envelope with `data` left as raw JSON, so the payload is decoded once,
/// straight into its typed model.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(default)]
    code: Value,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
    #[serde(default)]
    message: Option<String>,
}

/// The outcome of an SSW call whose document shows only `{"code":0,"message":"success"}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ack {
    /// The vendor's message, e.g. `success`.
    pub message: Option<String>,
    /// `data`, when the deployment sends one.
    pub data: Option<Value>,
    /// Other envelope fields.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Ack as "an SSW acknowledgement" {
    message: "message" => optional,
    data: "data" => optional,
});

fn code_is_ok(code: &Value) -> bool {
    match code {
        Value::Null => true,
        Value::Number(n) => n.as_i64() == Some(0),
        Value::String(s) => s == "0",
        _ => false,
    }
}

fn code_text(code: &Value) -> Option<String> {
    match code {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Opens the envelope: HTTP errors first, then `code != 0`, then `data`.
fn open(response: &Response) -> Result<Envelope<'_>, Error> {
    if !response.is_success() {
        let mut err = parse::status_error(response);
        // SSW error bodies use the same envelope; its code is the vendor code.
        if let Ok(env) = serde_json::from_slice::<Envelope>(&response.body) {
            if let Error::Api { vendor_code, .. }
            | Error::Auth { vendor_code, .. }
            | Error::NotFound { vendor_code, .. }
            | Error::Conflict { vendor_code, .. }
            | Error::RateLimited { vendor_code, .. } = &mut err
            {
                if vendor_code.is_none() {
                    *vendor_code = code_text(&env.code);
                }
            }
        }
        return Err(err);
    }
    let env: Envelope = parse::decode_borrowed(&response.body)?;
    if !code_is_ok(&env.code) {
        // HTTP 200 with a failure inside: the code decides, not the status.
        return Err(Error::Api {
            status: response.status,
            vendor_code: code_text(&env.code),
            message: env
                .message
                .map(|m| crate::scrub::scrub_secrets(&m))
                .unwrap_or_else(|| "SSW returned a non-zero code".to_owned()),
            debug_identifier: None,
        });
    }
    Ok(env)
}

/// The raw `data` of a successful envelope, which must be present.
pub(crate) fn raw_data(response: &Response) -> Result<&RawValue, Error> {
    open(response)?
        .data
        .ok_or_else(|| Error::decode("SSW envelope has no `data`", &response.body))
}

/// Parses `data` of a successful envelope into `T`, naming the key that
/// does not fit (`data.members`, for one).
/// The envelope read in one pass with `data` typed, for the common case.
#[derive(Deserialize)]
struct TypedEnvelope<T> {
    #[serde(default)]
    code: Value,
    data: Option<T>,
}

pub(crate) fn data<T: DeserializeOwned>(response: &Response) -> Result<T, Error> {
    // One pass when all is well (a 2xx, code 0, `data` of the right shape):
    // reading the envelope with `data` as raw JSON first and decoding it
    // second scans a 10,000-member page twice, 1.3x the time of a plain
    // struct (BENCHMARKS.md). Anything else takes the two-pass path below,
    // which says exactly what was wrong (status, code, or which key).
    if response.is_success() && response.body.len() <= parse::MAX_BODY_BYTES {
        if let Ok(TypedEnvelope {
            code,
            data: Some(data),
        }) = serde_json::from_slice::<TypedEnvelope<T>>(&response.body)
        {
            if code_is_ok(&code) {
                return Ok(data);
            }
        }
    }
    let raw = raw_data(response)?;
    parse::decode_part(raw.get().as_bytes(), &response.body, "data")
}

/// `parse` ([`data`]) and `verbatim` ([`verbatim_data`]) of an endpoint whose
/// output is the envelope's `data`, declared once so that they cannot drift.
macro_rules! data_body {
    () => {
        fn parse(&self, response: &$crate::Response) -> Result<Self::Output, $crate::Error> {
            $crate::providers::ssw::envelope::data(response)
        }

        fn verbatim(&self, response: &$crate::Response) -> Option<$crate::Verbatim> {
            $crate::providers::ssw::envelope::verbatim_data::<Self::Output>(response)
        }
    };
}

pub(crate) use data_body;

/// The envelope as [`data`] reads it, with `data` checked instead of built.
#[derive(Deserialize)]
#[serde(bound = "")]
struct CheckedEnvelope<T: crate::verbatim::Check> {
    #[serde(default)]
    code: Value,
    data: Option<crate::verbatim::Checked<T>>,
}

/// [`Endpoint::verbatim`](crate::Endpoint::verbatim) for an endpoint whose
/// `parse` is [`data`]: the output is the envelope's `data` when [`data`]'s
/// one-pass read would succeed and `data` is written back as it stands.
pub(crate) fn verbatim_data<T: crate::verbatim::Check>(
    response: &Response,
) -> Option<crate::Verbatim> {
    if !response.is_success() || response.body.len() > parse::MAX_BODY_BYTES {
        return None;
    }
    // The whole body is UTF-8, not only `data`: the host decodes all of it
    // (the fuzzer found an envelope `message` that was not).
    let text = crate::verbatim::utf8(&response.body)?;
    match serde_json::from_str::<CheckedEnvelope<T>>(text) {
        Ok(CheckedEnvelope {
            code,
            data: Some(_),
        }) if code_is_ok(&code) => Some(crate::Verbatim::Field("data")),
        _ => None,
    }
}

/// Parses an acknowledgement; an empty 2xx body is accepted as success since
/// the document shows no body for some calls (delete group).
pub(crate) fn ack(response: &Response) -> Result<Ack, Error> {
    if response.is_success() && response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Ack::default());
    }
    let opened = open(response)?;
    let message = opened.message;
    let data = match opened.data {
        Some(raw) => Some(parse::decode_part(
            raw.get().as_bytes(),
            &response.body,
            "data",
        )?),
        None => None,
    };
    let env: Extra = parse::decode(&response.body)?;
    let extra = env
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "code" | "data" | "message"))
        .collect();
    Ok(Ack {
        message,
        data,
        extra,
    })
}
