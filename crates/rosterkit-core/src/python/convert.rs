//! Rust values to Python objects straight from serde, with no JSON text and
//! no `serde_json::Value` in between, and Python objects to JSON for inputs.
//! Struct field names are interned, so ten thousand users share one `"id"`
//! string object.

use super::errors::invalid;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use pyo3::BoundObject;
use serde::ser::{self, Serialize};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A serializable Rust value as plain Python objects: dicts (keys in field
/// order), lists, str, int, float, bool, bytes and None.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let keys = Keys::default();
    value
        .serialize(PySer {
            py,
            keys: &keys,
            key: false,
        })
        .map_err(|e| e.0)
}

/// JSON text as plain Python objects, decoded by Python's own `json.loads`
/// (C, sharing repeated keys): for text the core has checked already is the
/// result, so nothing is built twice and the vendor's key order is kept.
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((text,))
}

/// The result of a response whose body [`crate::Operation::verbatim`] found
/// already is it: the body (or its field) through [`loads`]. The whole body
/// goes to `json.loads` and the field is taken after, which costs less than
/// finding the field's text first.
pub fn loads_verbatim<'py>(
    py: Python<'py>,
    body: &[u8],
    pick: crate::Verbatim,
) -> PyResult<Bound<'py, PyAny>> {
    // Verbatim bodies are UTF-8 (checked); an error here is a core bug.
    let text = std::str::from_utf8(body).map_err(|e| invalid("response.body", e.to_string()))?;
    let value = loads(py, text)?;
    match pick {
        crate::Verbatim::Body => Ok(value),
        crate::Verbatim::Field(field) => value.get_item(field),
    }
}

/// A serde error carrying a Python exception.
#[derive(Debug)]
pub struct PyConvertError(PyErr);

impl fmt::Display for PyConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for PyConvertError {}

impl ser::Error for PyConvertError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        PyConvertError(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for PyConvertError {
    fn from(e: PyErr) -> Self {
        PyConvertError(e)
    }
}

/// A `&'static str` field name by address and length.
type FieldAt = (usize, usize);

/// Object keys made once per conversion and shared, as `json.loads` shares
/// them within one document: ten thousand users reuse one `"id"` object
/// instead of making (or looking up in the interpreter's interned table)
/// one per user. Long keys and keys past the cap are made fresh, so a
/// hostile body cannot grow the cache without bound.
///
/// A struct's field names are `&'static str`: those are found by address
/// first (no hashing of the text), the way serde-wasm-bindgen caches them.
#[derive(Default)]
struct Keys<'py> {
    cache: std::cell::RefCell<std::collections::HashMap<Box<str>, Bound<'py, PyString>>>,
    fields: std::cell::RefCell<Vec<(FieldAt, Bound<'py, PyString>)>>,
}

impl<'py> Keys<'py> {
    const MAX_LEN: usize = 64;
    const MAX_KEYS: usize = 2048;
    /// Field names of every struct in one result: a dozen or two, so a scan
    /// beats a hash.
    const MAX_FIELDS: usize = 64;

    fn field(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        // The address identifies the text only together with its length:
        // one literal can be a prefix of another in the binary.
        let at = (name.as_ptr() as usize, name.len());
        let mut fields = self.fields.borrow_mut();
        if let Some((_, k)) = fields.iter().find(|(a, _)| *a == at) {
            return k.clone();
        }
        let k = self.get(py, name);
        if fields.len() < Self::MAX_FIELDS {
            fields.push((at, k.clone()));
        }
        k
    }

    fn get(&self, py: Python<'py>, key: &str) -> Bound<'py, PyString> {
        if key.len() > Self::MAX_LEN {
            return PyString::new(py, key);
        }
        let mut cache = self.cache.borrow_mut();
        if let Some(k) = cache.get(key) {
            return k.clone();
        }
        let k = PyString::new(py, key);
        if cache.len() < Self::MAX_KEYS {
            cache.insert(key.into(), k.clone());
        }
        k
    }
}

#[derive(Clone, Copy)]
struct PySer<'k, 'py> {
    py: Python<'py>,
    keys: &'k Keys<'py>,
    /// Serializing a map key: strings come from `keys`.
    key: bool,
}

type Out<'py> = Result<Bound<'py, PyAny>, PyConvertError>;

impl<'k, 'py> PySer<'k, 'py> {
    fn obj<T: IntoPyObject<'py>>(self, v: T) -> Out<'py> {
        match v.into_pyobject(self.py) {
            Ok(o) => Ok(o.into_any().into_bound()),
            Err(e) => Err(PyConvertError(e.into())),
        }
    }
}

struct Seq<'k, 'py> {
    py: Python<'py>,
    keys: &'k Keys<'py>,
    items: Vec<Bound<'py, PyAny>>,
    /// For a tuple variant: `{variant: [..]}`.
    variant: Option<&'static str>,
}

struct Dict<'k, 'py> {
    py: Python<'py>,
    keys: &'k Keys<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'k, 'py> ser::Serializer for PySer<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    type SerializeSeq = Seq<'k, 'py>;
    type SerializeTuple = Seq<'k, 'py>;
    type SerializeTupleStruct = Seq<'k, 'py>;
    type SerializeTupleVariant = Seq<'k, 'py>;
    type SerializeMap = Dict<'k, 'py>;
    type SerializeStruct = Dict<'k, 'py>;
    type SerializeStructVariant = Dict<'k, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.obj(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        self.obj(v)
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.obj(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        if self.key {
            return Ok(self.keys.get(self.py, v).into_any());
        }
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(pyo3::types::PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(PyString::intern(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(PyString::intern(self.py, variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'k, 'py>, PyConvertError> {
        Ok(Seq {
            py: self.py,
            keys: self.keys,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'k, 'py>, PyConvertError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>, PyConvertError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>, PyConvertError> {
        Ok(Seq {
            py: self.py,
            keys: self.keys,
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Dict<'k, 'py>, PyConvertError> {
        Ok(Dict {
            py: self.py,
            keys: self.keys,
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Dict<'k, 'py>, PyConvertError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Dict<'k, 'py>, PyConvertError> {
        Ok(Dict {
            py: self.py,
            keys: self.keys,
            dict: PyDict::new(self.py),
            key: None,
            variant: Some(variant),
        })
    }
}

impl<'k, 'py> Seq<'k, 'py> {
    fn ser(&self) -> PySer<'k, 'py> {
        PySer {
            py: self.py,
            keys: self.keys,
            key: false,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PyConvertError> {
        self.items.push(value.serialize(self.ser())?);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.py, self.items)?.into_any();
        match self.variant {
            None => Ok(list),
            Some(v) => {
                let dict = PyDict::new(self.py);
                dict.set_item(PyString::intern(self.py, v), list)?;
                Ok(dict.into_any())
            }
        }
    }
}

impl<'k, 'py> ser::SerializeSeq for Seq<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), PyConvertError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> ser::SerializeTuple for Seq<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), PyConvertError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> ser::SerializeTupleStruct for Seq<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PyConvertError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> ser::SerializeTupleVariant for Seq<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PyConvertError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> Dict<'k, 'py> {
    fn ser(&self) -> PySer<'k, 'py> {
        PySer {
            py: self.py,
            keys: self.keys,
            key: false,
        }
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), PyConvertError> {
        let value = value.serialize(self.ser())?;
        self.dict.set_item(self.keys.field(self.py, key), value)?;
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        match self.variant {
            None => Ok(self.dict.into_any()),
            Some(v) => {
                let outer = PyDict::new(self.py);
                outer.set_item(PyString::intern(self.py, v), self.dict)?;
                Ok(outer.into_any())
            }
        }
    }
}

impl<'k, 'py> ser::SerializeMap for Dict<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), PyConvertError> {
        self.key = Some(key.serialize(PySer {
            py: self.py,
            keys: self.keys,
            key: true,
        })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PyConvertError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <PyConvertError as ser::Error>::custom("map value without a key"))?;
        self.dict.set_item(key, value.serialize(self.ser())?)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> ser::SerializeStruct for Dict<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), PyConvertError> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'k, 'py> ser::SerializeStructVariant for Dict<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PyConvertError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), PyConvertError> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
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

/// A Python object as JSON, for endpoint inputs. `path` names the value in
/// errors, so a bad element reads `InvalidInput(field="input.user_ids[2]")`.
pub fn to_json(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
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
            let value = to_json(&v, &child(path, &key))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_json(&item?, &format!("{}[{i}]", field(path)))?);
        }
        return Ok(Value::Array(items));
    }
    // Our own models (Permission, Group, ...) offer to_dict().
    if obj.hasattr("to_dict")? {
        return to_json(&obj.call_method0("to_dict")?, path);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let d = PyDict::new(obj.py());
        for item in m.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            d.set_item(k, v)?;
        }
        return to_json(d.as_any(), path);
    }
    let type_name = obj.get_type().name()?.to_string();
    Err(invalid(
        field(path),
        format!("a {type_name} cannot be sent as JSON"),
    ))
}

/// A Python object read as a core type through JSON, naming the field that
/// does not fit.
pub fn from_py<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<T> {
    let value = to_json(obj, name)?;
    crate::operation::input_from_json(value)
        .map_err(|e| match e {
            // A field named like the argument (the `op` tag of an `op`) is
            // not prefixed twice.
            crate::Error::InvalidInput { field, reason } if !name.is_empty() && field != name => {
                crate::Error::invalid(format!("{name}.{field}"), reason)
            }
            other => other,
        })
        .map_err(PyErr::from)
}

/// A list of ids from any iterable of str (list, tuple, set, generator),
/// naming the element that is not a str; a lone str is refused, since
/// iterating it would send one id per character.
pub fn ids(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<String>> {
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
