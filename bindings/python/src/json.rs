//! JSON values to Python objects and back. Endpoint inputs and raw results
//! cross the boundary as plain dicts, lists, strings, numbers and None.

use crate::errors::invalid;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// A JSON value as the matching Python object.
pub(crate) fn value_to_py(py: Python<'_>, value: &Value) -> PyResult<Py<PyAny>> {
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any().unbind(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any().unbind()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any().unbind()
            } else {
                n.as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
                    .unbind()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, value_to_py(py, v)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// A serializable Rust value as a Python object.
pub(crate) fn to_py<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let value = serde_json::to_value(value)
        .map_err(|e| crate::errors::to_py_err(rosterkit_core::Error::from(e)))?;
    value_to_py(py, &value)
}

/// The name of the value at `path` for an error; the root is `input`.
fn field(path: &str) -> &str {
    if path.is_empty() {
        "input"
    } else {
        path
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A Python object as JSON. `path` names the value in errors, so a bad
/// element reads `InvalidInput(field="input.user_ids[2]")`.
pub(crate) fn py_to_value(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool first: Python's bool is a subclass of int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(invalid(field(path), "integer is out of the 64-bit range"));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract()?;
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| invalid(field(path), "NaN and infinity are not JSON numbers"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| invalid(field(path), "dict keys must be str"))?
                .to_cow()?
                .into_owned();
            let value = py_to_value(&v, &child(path, &key))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(py_to_value(&item?, &format!("{}[{i}]", field(path)))?);
        }
        return Ok(Value::Array(items));
    }
    // Our own models (Permission, Group, ...) offer to_dict().
    if obj.hasattr("to_dict")? {
        return py_to_value(&obj.call_method0("to_dict")?, path);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let d = PyDict::new(obj.py());
        for item in m.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            d.set_item(k, v)?;
        }
        return py_to_value(d.as_any(), path);
    }
    let type_name = obj.get_type().name()?.to_string();
    Err(invalid(
        field(path),
        format!("a {type_name} cannot be sent as JSON"),
    ))
}

/// A list of ids from any iterable of str (list, tuple, set, generator); a
/// lone str is refused, since iterating it would send one id per character.
pub(crate) fn ids(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(invalid(field, "must be a list of ids, not one str"));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| invalid(field, "must be an iterable of str"))?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let s = item
            .cast::<PyString>()
            .map_err(|_| invalid(format!("{field}[{i}]"), "must be a str"))?;
        out.push(s.to_cow()?.into_owned());
    }
    Ok(out)
}

/// `(name, value)` header pairs from a list of pairs or a mapping.
pub(crate) fn headers(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, String)>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    if obj.is_none() {
        return Ok(Vec::new());
    }
    let pairs = match obj.cast::<PyMapping>() {
        Ok(m) => m.items()?.into_any(),
        Err(_) => obj.clone(),
    };
    let mut out = Vec::new();
    for (i, pair) in pairs
        .try_iter()
        .map_err(|_| invalid("headers", "must be a mapping or a list of (name, value)"))?
        .enumerate()
    {
        let (k, v): (String, String) = pair?
            .extract()
            .map_err(|_| invalid(format!("headers[{i}]"), "must be a (str, str) pair"))?;
        out.push((k, v));
    }
    Ok(out)
}

/// A body from bytes, str or None.
pub(crate) fn body(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<u8>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    if obj.is_none() {
        return Ok(Vec::new());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    obj.extract::<std::borrow::Cow<'_, [u8]>>()
        .map(std::borrow::Cow::into_owned)
        .map_err(|_| invalid("body", "must be bytes, str or None"))
}
