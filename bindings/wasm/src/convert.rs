//! Values across the boundary: core types to plain JavaScript values and
//! back, and the core's error as the object the TypeScript layer wraps in a
//! `RosterKitError`.

use rosterkit_core::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const THROWN: &str = r#"
/** What the module throws: the core error's kind, its message (secret-free), its HTTP status and its fields. */
export interface Thrown {
    kind: ErrorDetail["kind"];
    message: string;
    status?: number;
    detail: ErrorDetail;
}
"#;

/// How values cross: maps as plain objects (a vendor's extra fields read
/// like any other property), bodies as `Uint8Array`, and `None` as
/// `undefined`, which is what the generated TypeScript types say (a vendor's
/// JSON `null` also reads as `undefined`; `== null` covers both).
fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)
}

/// A core value as a plain JavaScript value.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serializer()).map_err(|e| {
        thrown(&Error::transport(format!(
            "could not convert a result: {e}"
        )))
    })
}

/// How a field is named in an `invalid_input` error: the unified API's
/// fields are the core's records, which JavaScript sees in camelCase
/// (`groupId`, `userIds[1]`); an endpoint's input keeps the vendor's keys.
#[derive(Clone, Copy)]
pub(crate) enum Names {
    Camel,
    Vendor,
}

fn camel(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut upper = false;
    for c in segment.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The core error with its field named as `names` says.
pub(crate) fn renamed(e: Error, names: Names) -> Error {
    match e {
        Error::InvalidInput { field, reason } => {
            let field = match (names, field.as_str()) {
                // The endpoint id is an argument, not part of the input.
                (_, "endpoint") => "endpointId".to_owned(),
                (Names::Vendor, _) => field,
                (Names::Camel, _) => field.split('.').map(camel).collect::<Vec<_>>().join("."),
            };
            Error::InvalidInput { field, reason }
        }
        other => other,
    }
}

/// The error as thrown, with its field named for JavaScript.
pub(crate) fn fail(e: Error, names: Names) -> JsValue {
    thrown(&renamed(e, names))
}

fn invalid(field: &str, reason: &str) -> JsValue {
    thrown(&Error::invalid(field, reason))
}

fn plain(value: JsValue, field: &str) -> Result<serde_json::Value, JsValue> {
    // BigInt, functions and symbols have no JSON form.
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| invalid(field, &format!("is not plain data: {e}")))
}

/// A core record (`NewGroup`, `SyncOptions`, a plan) from a JavaScript
/// object. It goes through JSON's data model so that a wrong field is named
/// the way every language names it.
pub(crate) fn record<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(invalid(field, "must be an object"));
    }
    rosterkit_core::operation::input_from_json(plain(value, field)?)
        .map_err(|e| fail(e, Names::Camel))
}

/// A record given as its own argument (`retry`): a wrong field inside it
/// is named with the argument (`retry.maxAttemps`).
pub(crate) fn argument<T: DeserializeOwned>(value: JsValue, field: &str) -> Result<T, JsValue> {
    record(value, field).map_err(|thrown| {
        let detail = js_sys::Reflect::get(&thrown, &"detail".into()).unwrap_or(JsValue::UNDEFINED);
        let inner = js_sys::Reflect::get(&detail, &"field".into())
            .ok()
            .and_then(|f| f.as_string());
        match inner {
            Some(inner) if inner != field => {
                let reason = js_sys::Reflect::get(&detail, &"reason".into())
                    .ok()
                    .and_then(|r| r.as_string())
                    .unwrap_or_default();
                self::invalid(&format!("{field}.{inner}"), &reason)
            }
            _ => thrown,
        }
    })
}

/// A record that may be left out (`undefined` or `null` read as `{}`).
pub(crate) fn optional_record<T: DeserializeOwned>(
    value: JsValue,
    field: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return rosterkit_core::operation::input_from_json(serde_json::Value::Null)
            .map_err(|e| fail(e, Names::Camel));
    }
    record(value, field)
}

/// An endpoint's input object (`null` or `undefined` read as `{}`), keys
/// as the vendor spells them.
pub(crate) fn input(value: JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(invalid("input", "must be an object"));
    }
    plain(value, "input")
}

/// A string argument.
pub(crate) fn string(value: JsValue, field: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid(field, "must be a string"))
}

/// An array of strings, naming the element that is not one.
pub(crate) fn strings(value: JsValue, field: &str) -> Result<Vec<String>, JsValue> {
    if !js_sys::Array::is_array(&value) {
        return Err(invalid(field, "must be an array of strings"));
    }
    js_sys::Array::from(&value)
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_string()
                .ok_or_else(|| invalid(&format!("{field}[{i}]"), "must be a string"))
        })
        .collect()
}

/// A boolean option; `undefined` is `false`.
pub(crate) fn flag(value: JsValue, field: &str) -> Result<bool, JsValue> {
    if value.is_undefined() {
        return Ok(false);
    }
    value
        .as_bool()
        .ok_or_else(|| invalid(field, "must be a boolean"))
}

/// A non-negative integer (milliseconds, a count).
pub(crate) fn whole(value: JsValue, field: &str) -> Result<u64, JsValue> {
    match value.as_f64() {
        Some(n)
            if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 =>
        {
            Ok(n as u64)
        }
        _ => Err(invalid(field, "must be a whole number of at least 0")),
    }
}

/// An optional count of at least 1 (`undefined`: the default).
pub(crate) fn count(value: JsValue, field: &str) -> Result<Option<usize>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    match whole(value, field) {
        Ok(n) if n >= 1 => Ok(Some(n as usize)),
        _ => Err(invalid(field, "must be an integer of at least 1")),
    }
}

/// The core error as thrown to JavaScript: `{kind, message, detail}`.
pub(crate) fn thrown(e: &Error) -> JsValue {
    let obj = js_sys::Object::new();
    let detail = e.serialize(&serializer()).unwrap_or(JsValue::NULL);
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    };
    set("kind", &JsValue::from_str(e.kind()));
    set("message", &JsValue::from_str(&e.to_string()));
    // The HTTP status behind any kind (429 for `rate_limited` too).
    if let Some(status) = e.status() {
        set("status", &JsValue::from(status));
    }
    set("detail", &detail);
    obj.into()
}

/// `Result<T, Error>` as a JavaScript value or a thrown error.
pub(crate) fn out<T: Serialize>(
    result: Result<T, Error>,
    names: Names,
) -> Result<JsValue, JsValue> {
    match result {
        Ok(v) => to_js(&v),
        Err(e) => Err(fail(e, names)),
    }
}
