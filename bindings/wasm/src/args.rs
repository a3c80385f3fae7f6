//! Reading JavaScript arguments into core types, and writing results back.
//!
//! Every failure names the argument or the path inside it (`groupId`,
//! `permissions[0].name`) and never echoes a credential: the token is read
//! on its own and its value never reaches a message.

use crate::error::ErrorInfo;
use rosterkit_core::operation::input_from_json;
use rosterkit_core::{Error, Secret, Target};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// A result as a plain JavaScript value. Values cross as JSON text, parsed
/// by the engine's own `JSON.parse`: one code path for every type keeps the
/// wasm file small.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        ErrorInfo::from_core(
            &Error::Decode {
                message: format!("could not convert the result for JavaScript: {e}"),
                excerpt: String::new(),
            },
            crate::error::Naming::Raw,
        )
        .into_js()
    })?;
    js_sys::JSON::parse(&text)
}

/// What `typeof` would say, with `null` and arrays told apart.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_function() {
        "a function"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_object() {
        "an object"
    } else {
        "an unsupported value"
    }
}

/// An invalid-input error, ready to throw.
pub(crate) fn invalid(field: &str, reason: &str) -> JsValue {
    ErrorInfo::invalid(field, reason).into_js()
}

fn expected(field: &str, what: &str, value: &JsValue) -> JsValue {
    invalid(field, &format!("must be {what}, got {}", type_name(value)))
}

/// A string argument.
pub(crate) fn string(value: &JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| expected(field, "a string", value))
}

/// An array of strings.
pub(crate) fn strings(value: &JsValue, field: &str) -> Result<Vec<String>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(expected(field, "an array of strings", value));
    }
    let array: &js_sys::Array = value.unchecked_ref();
    array
        .iter()
        .enumerate()
        .map(|(i, item)| string(&item, &format!("{field}[{i}]")))
        .collect()
}

/// Any JSON-like value (through `JSON.stringify`, so `undefined` properties
/// drop out and a `Date` becomes its ISO string).
pub(crate) fn json(value: JsValue, field: &str) -> Result<Value, JsValue> {
    if value.is_undefined() {
        return Ok(Value::Null);
    }
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| invalid(field, "cannot be converted to JSON (a cycle or a bigint)"))?;
    let text = text.as_string().unwrap_or_default();
    if text.is_empty() {
        // JSON.stringify gives undefined for a function or a symbol.
        return Err(expected(field, "JSON-like data", &value));
    }
    serde_json::from_str(&text).map_err(|e| invalid(field, &e.to_string()))
}

/// Whether `value` is a plain object (not null, not an array, not a function).
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value) && !value.is_function()
}

/// An object argument read into `T`, naming the path of the first mismatch.
pub(crate) fn object<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    from_value(json_object(value, field)?.into(), field, "")
}

/// An object argument as a JSON map.
pub(crate) fn json_object(
    value: JsValue,
    field: &str,
) -> Result<serde_json::Map<String, Value>, JsValue> {
    if !is_object(&value) {
        return Err(expected(field, "an object", &value));
    }
    match json(value, field)? {
        Value::Object(map) => Ok(map),
        _ => Err(invalid(field, "must be a plain object")),
    }
}

/// Reads `T` from JSON. A mismatch at the root is named `root`; one inside
/// is named by its path after `prefix` (`steps[2].kind.userId`).
pub(crate) fn from_value<T: DeserializeOwned>(
    json: Value,
    root: &str,
    prefix: &str,
) -> Result<T, JsValue> {
    input_from_json(json).map_err(|e| match e {
        // The core names the root "input".
        Error::InvalidInput { field, reason } => {
            let name = match (field.as_str(), prefix) {
                ("input", _) => root.to_owned(),
                (path, "") => path.to_owned(),
                (path, prefix) => format!("{prefix}.{path}"),
            };
            invalid(&name, &reason)
        }
        other => ErrorInfo::from_core(&other, crate::error::Naming::Raw).into_js(),
    })
}

/// An optional object argument: `undefined` or `null` reads as `{}`.
pub(crate) fn optional_object<T: DeserializeOwned>(
    value: Option<JsValue>,
    field: &str,
) -> Result<T, JsValue> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => object(value, field),
        _ => object(js_sys::Object::new().into(), field),
    }
}

/// A property of an object argument.
pub(crate) fn property(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `{ baseUrl, token }`. The token's value never appears in an error.
pub(crate) fn target(value: &JsValue) -> Result<Target, JsValue> {
    if !is_object(value) {
        return Err(expected(
            "target",
            "an object with baseUrl and token",
            value,
        ));
    }
    let base_url = string(&property(value, "baseUrl"), "baseUrl")?;
    let token = token(&property(value, "token"))?;
    Ok(Target::new(base_url, token))
}

/// The credential, checked to be a string without saying what it was.
pub(crate) fn token(value: &JsValue) -> Result<Secret, JsValue> {
    match value.as_string() {
        Some(token) => Ok(Secret::new(token)),
        None => Err(invalid(
            "token",
            &format!("must be a string, got {}", type_name(value)),
        )),
    }
}

/// A boolean argument.
pub(crate) fn boolean(value: &JsValue, field: &str) -> Result<bool, JsValue> {
    value
        .as_bool()
        .ok_or_else(|| expected(field, "a boolean", value))
}

/// A non-negative number of milliseconds.
pub(crate) fn millis(value: &JsValue, field: &str) -> Result<u64, JsValue> {
    match value.as_f64() {
        Some(ms) if ms.is_finite() && ms >= 0.0 => Ok(ms.round() as u64),
        Some(_) => Err(invalid(
            field,
            "must be a finite number of milliseconds, at least 0",
        )),
        None => Err(expected(field, "a number", value)),
    }
}
