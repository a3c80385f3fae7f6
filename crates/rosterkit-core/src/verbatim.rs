//! Whether a response body, read as JSON, already *is* an endpoint's output.
//!
//! A binding whose host parses JSON natively and faster than it can receive
//! built objects asks [`Endpoint::verbatim`](crate::Endpoint::verbatim) first:
//! JavaScript (`JSON.parse` against one boundary call per object, field and
//! string), Python (`json.loads`), Kotlin and Swift (which receive JSON text
//! anyway). `Some` means the typed parse would succeed and its output, written
//! as JSON, would be the same JSON value as the body (or one field of it), so
//! the host may decode the body itself. The check validates the body as UTF-8
//! once and reads it without building the output: strings are borrowed,
//! numbers and booleans are read into their types, unknown fields are walked.
//!
//! The check is conservative: anything where the output would differ from the
//! wire is `None` and the caller takes the typed path, which also produces
//! every error. That covers a `null` (the output leaves it out, JavaScript
//! would see `null`), a `default` field left out (the output writes the
//! default), an alias (the output writes the canonical name), a duplicate
//! known key (the typed parse refuses it), and an integer beyond 2^53 (the
//! bindings refuse to turn it into an imprecise number).
//!
//! `tests/vectors.rs` checks, over every golden vector, that `Some` is only
//! ever said when the typed output written as JSON equals the body's value;
//! `tests/verbatim.rs` pins each reason to fall back, and the `parse` fuzz
//! target asserts the same property on hostile bytes.

use crate::providers::known_fields::Key;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// Where the output of a successful response already is in its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbatim {
    /// The whole body is the output.
    Body,
    /// The output is this field of the body's top-level object (SSW's
    /// `data` inside its `{"code","data","message"}` envelope).
    Field(&'static str),
}

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE: u64 = 9_007_199_254_740_991;

/// Why a check failed; only the typed path's errors are ever shown.
fn differs<E: de::Error>(why: &str) -> E {
    E::custom(format_args!("not verbatim: {why}"))
}

/// A type whose JSON can be checked against what it would write back.
pub(crate) trait Check {
    /// Reads one value and succeeds only if `Self` would read it and write
    /// it back as the same JSON value.
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error>;

    /// The same, for a field written only when not empty: an empty value
    /// on the wire would be left out of the output.
    fn check_nonempty<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let _ = d;
        Err(differs("an empty field is not written"))
    }
}

/// `T`'s check as a `Deserialize`, to read nested values with.
pub(crate) struct Checked<T: ?Sized>(PhantomData<fn() -> T>);

impl<'de, T: Check + ?Sized> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::check(d).map(|()| Checked(PhantomData))
    }
}

struct CheckedNonEmpty<T: ?Sized>(PhantomData<fn() -> T>);

impl<'de, T: Check + ?Sized> Deserialize<'de> for CheckedNonEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::check_nonempty(d).map(|()| CheckedNonEmpty(PhantomData))
    }
}

/// Checks the value of a model's field; the field's type comes from the
/// accessor (and the model's from its visitor's marker), so the model macro
/// need not repeat either.
pub(crate) fn field<'de, A: MapAccess<'de>, S, F: Check>(
    map: &mut A,
    _model: &PhantomData<fn() -> S>,
    _field: fn(&S) -> &F,
) -> Result<(), A::Error> {
    map.next_value::<Checked<F>>().map(drop)
}

/// [`field`] for a field written only when not empty.
pub(crate) fn field_nonempty<'de, A: MapAccess<'de>, S, F: Check>(
    map: &mut A,
    _model: &PhantomData<fn() -> S>,
    _field: fn(&S) -> &F,
) -> Result<(), A::Error> {
    map.next_value::<CheckedNonEmpty<F>>().map(drop)
}

/// Checks a whole body against `T`; trailing bytes other than whitespace fail.
pub(crate) fn check_body<T: Check>(body: &[u8]) -> bool {
    utf8(body).is_some_and(|text| {
        let mut de = serde_json::Deserializer::from_str(text);
        T::check(&mut de).is_ok() && de.end().is_ok()
    })
}

/// The body as text, for a parser that then trusts it: one pass over the
/// whole body costs less than checking each string as `from_slice` does, and
/// the host decodes exactly this text.
pub(crate) fn utf8(body: &[u8]) -> Option<&str> {
    std::str::from_utf8(body).ok()
}

/// The raw JSON text of `field` of the body's top-level object (`None` when
/// it is not there or a key needs unescaping).
pub(crate) fn field_text<'a>(body: &'a [u8], field: &str) -> Option<&'a str> {
    let fields: std::collections::BTreeMap<&str, &'a serde_json::value::RawValue> =
        serde_json::from_slice(body).ok()?;
    fields.get(field).map(|raw| raw.get())
}

/// An unknown field's value, as `serde_json::Value` would keep it.
pub(crate) fn unknown<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<Checked<Value>>().map(drop)
}

/// A known key given under an alias: the output writes the canonical name.
pub(crate) fn alias<E: de::Error>() -> Result<(), E> {
    Err(differs("an alias is written under its canonical name"))
}

/// A known key given twice: the typed parse refuses it.
pub(crate) fn duplicate<E: de::Error>() -> Result<(), E> {
    Err(differs("a duplicate key"))
}

/// A `required` or `default` field that is not on the wire.
pub(crate) fn missing<E: de::Error>() -> Result<(), E> {
    Err(differs("a field the output writes is missing"))
}

impl Check for String {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, _: &'de str) -> Result<(), E> {
                Ok(())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
                Ok(())
            }
        }
        d.deserialize_str(V)
    }
}

impl Check for bool {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        bool::deserialize(d).map(drop)
    }
}

impl Check for u64 {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        match u64::deserialize(d)? {
            n if n <= MAX_SAFE => Ok(()),
            _ => Err(differs("an integer beyond 2^53")),
        }
    }
}

impl Check for i64 {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        match i64::deserialize(d)? {
            n if n.unsigned_abs() <= MAX_SAFE => Ok(()),
            _ => Err(differs("an integer beyond 2^53")),
        }
    }
}

impl<T: Check> Check for Option<T> {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        struct V<T>(PhantomData<fn() -> T>);
        impl<'de, T: Check> Visitor<'de> for V<T> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an optional value")
            }
            fn visit_none<E: de::Error>(self) -> Result<(), E> {
                Err(differs("a null is left out"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<(), E> {
                Err(differs("a null is left out"))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
                T::check(d)
            }
        }
        d.deserialize_option(V::<T>(PhantomData))
    }
}

fn check_seq<'de, D: Deserializer<'de>, T: Check>(d: D, nonempty: bool) -> Result<(), D::Error> {
    struct V<T>(bool, PhantomData<fn() -> T>);
    impl<'de, T: Check> Visitor<'de> for V<T> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut len = 0usize;
            while seq.next_element::<Checked<T>>()?.is_some() {
                len += 1;
            }
            if self.0 && len == 0 {
                return Err(differs("an empty field is not written"));
            }
            Ok(())
        }
    }
    d.deserialize_seq(V::<T>(nonempty, PhantomData))
}

impl<T: Check> Check for Vec<T> {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        check_seq::<D, T>(d, false)
    }

    fn check_nonempty<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        check_seq::<D, T>(d, true)
    }
}

impl Check for std::collections::BTreeMap<String, String> {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while map.next_key::<Key<'de>>()?.is_some() {
                    map.next_value::<Checked<String>>()?;
                }
                Ok(())
            }
        }
        d.deserialize_map(V)
    }
}

/// Any JSON without a `null` and without an integer beyond 2^53, which is
/// what `serde_json::Value` writes back as the same value.
impl Check for Value {
    fn check<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
                Ok(())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
                match n.unsigned_abs() <= MAX_SAFE {
                    true => Ok(()),
                    false => Err(differs("an integer beyond 2^53")),
                }
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
                match n <= MAX_SAFE {
                    true => Ok(()),
                    false => Err(differs("an integer beyond 2^53")),
                }
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
                Ok(())
            }
            fn visit_borrowed_str<E: de::Error>(self, _: &'de str) -> Result<(), E> {
                Ok(())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
                Ok(())
            }
            fn visit_unit<E: de::Error>(self) -> Result<(), E> {
                Err(differs("a null becomes undefined"))
            }
            fn visit_none<E: de::Error>(self) -> Result<(), E> {
                Err(differs("a null becomes undefined"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                while seq.next_element::<Checked<Value>>()?.is_some() {}
                Ok(())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while map.next_key::<Key<'de>>()?.is_some() {
                    map.next_value::<Checked<Value>>()?;
                }
                Ok(())
            }
        }
        d.deserialize_any(V)
    }
}

/// The check for types read rarely and in small numbers (enums, derived
/// structs): read the value, check it as a [`Value`], read `T` from it, and
/// compare what `T` writes.
pub(crate) fn round_trip<'de, D, T>(d: D) -> Result<(), D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Serialize,
{
    let value = Value::deserialize(d)?;
    let plain = Checked::<Value>::deserialize(&value).is_ok();
    match T::deserialize(&value).map(serde_json::to_value) {
        Ok(Ok(written)) if plain && written == value => Ok(()),
        _ => Err(differs("the value is written differently")),
    }
}
