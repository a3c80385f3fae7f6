//! `Serialize` and `Deserialize` for vendor models that name some fields and
//! keep the rest in an [`Extra`](super::Extra) map.
//!
//! serde's `#[serde(flatten)]` does the same, at a cost measured in
//! BENCHMARKS.md:
//! - reading, it buffers every object into serde's private `Content` tree and
//!   reads the known fields back out of it; the visitor written here matches
//!   each key as it arrives, decodes known fields straight into their types
//!   and only unknown ones into `serde_json::Value`;
//! - writing, it turns every struct into a map, and a map's keys are
//!   made afresh for each object by the serializers the bindings use
//!   (serde-wasm-bindgen creates one JavaScript string per key per object;
//!   it caches a struct's `&'static str` field names). The `Serialize` written
//!   here is a struct whenever `extra` is empty, the common case, and a map
//!   only when there are unknown fields to write. JSON is the same either way.
//!
//! The errors are serde's own (`missing field`, `duplicate field`, and the
//! field type's), so messages and positions are what the derive gave.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// An object key, borrowed from the input when the input allows it (serde_json
/// over bytes without escapes), so matching a known field allocates nothing.
pub(crate) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    pub(crate) fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Writes `Serialize`, `Deserialize` and [`verbatim::Check`](crate::verbatim::Check)
/// (the same walk, building nothing) for a struct whose last field is
/// `extra: Extra`.
///
/// Each field is listed with its wire name (and aliases) and one of:
/// - `required`: missing on read is serde's `missing field` error; always
///   written;
/// - `default`: missing on read is `Default::default()`; always written;
/// - `optional`: an `Option`, missing on read is `None`; not written when
///   `None`;
/// - `nonempty`: missing on read is empty; not written when empty.
///
/// `tests/known_fields.rs` round-trips every such model, so the wire names
/// listed here are checked against JSON written by hand.
macro_rules! model_with_extra {
    (
        $ty:ident $(<$t:ident>)? as $expecting:literal {
            $( $field:ident : $wire:literal $(| $alias:literal)* => $kind:ident ),* $(,)?
        }
    ) => {
        impl $(<$t: serde::Serialize>)? serde::Serialize for $ty $(<$t>)? {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if self.extra.is_empty() {
                    use serde::ser::SerializeStruct as _;
                    let len = 0 $( + usize::from(
                        !$crate::providers::known_fields::model_with_extra!(@skip $kind self.$field)
                    ) )*;
                    let mut out = serializer.serialize_struct(stringify!($ty), len)?;
                    $(
                        if $crate::providers::known_fields::model_with_extra!(@skip $kind self.$field) {
                            out.skip_field($wire)?;
                        } else {
                            out.serialize_field($wire, &self.$field)?;
                        }
                    )*
                    out.end()
                } else {
                    use serde::ser::SerializeMap as _;
                    let mut out = serializer.serialize_map(None)?;
                    $(
                        if !$crate::providers::known_fields::model_with_extra!(@skip $kind self.$field) {
                            out.serialize_entry($wire, &self.$field)?;
                        }
                    )*
                    for (key, value) in &self.extra {
                        out.serialize_entry(key, value)?;
                    }
                    out.end()
                }
            }
        }

        impl<'de $(, $t: serde::Deserialize<'de>)?> serde::Deserialize<'de> for $ty $(<$t>)? {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FieldsVisitor $(<$t>)? (std::marker::PhantomData<fn() -> $ty $(<$t>)?>);

                impl<'de $(, $t: serde::Deserialize<'de>)?> serde::de::Visitor<'de>
                    for FieldsVisitor $(<$t>)?
                {
                    type Value = $ty $(<$t>)?;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Self::Value, A::Error> {
                        $( let mut $field = None; )*
                        let mut extra = $crate::providers::Extra::new();
                        while let Some(key) =
                            map.next_key::<$crate::providers::known_fields::Key<'de>>()?
                        {
                            match key.as_str() {
                                $(
                                    $wire $(| $alias)* => {
                                        if $field.is_some() {
                                            return Err(serde::de::Error::duplicate_field($wire));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                _ => {
                                    let value: serde_json::Value = map.next_value()?;
                                    extra.insert(key.into_owned(), value);
                                }
                            }
                        }
                        Ok($ty {
                            $( $field: $crate::providers::known_fields::model_with_extra!(@take $kind $field $wire), )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(FieldsVisitor(std::marker::PhantomData))
            }
        }

        // The same walk as `Deserialize` above, building nothing: see
        // `crate::verbatim` for what makes a body the output as it stands.
        impl $(<$t: $crate::verbatim::Check>)? $crate::verbatim::Check for $ty $(<$t>)? {
            fn check<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
                struct CheckVisitor $(<$t>)? (std::marker::PhantomData<fn() -> $ty $(<$t>)?>);

                impl<'de $(, $t: $crate::verbatim::Check)?> serde::de::Visitor<'de>
                    for CheckVisitor $(<$t>)?
                {
                    type Value = ();

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<(), A::Error> {
                        $( let mut $field = false; )*
                        while let Some(key) =
                            map.next_key::<$crate::providers::known_fields::Key<'de>>()?
                        {
                            match key.as_str() {
                                $(
                                    $wire => {
                                        if $field {
                                            return $crate::verbatim::duplicate();
                                        }
                                        $field = true;
                                        $crate::providers::known_fields::model_with_extra!(
                                            @check $kind map, &self.0, |s| &s.$field
                                        )?;
                                    }
                                    $( $alias => return $crate::verbatim::alias(), )*
                                )*
                                _ => $crate::verbatim::unknown(&mut map)?,
                            }
                        }
                        $( $crate::providers::known_fields::model_with_extra!(@present $kind $field)?; )*
                        Ok(())
                    }
                }

                deserializer.deserialize_map(CheckVisitor $(::<$t>)? (std::marker::PhantomData))
            }
        }
    };
    (@check nonempty $map:ident, $model:expr, $get:expr) => {
        $crate::verbatim::field_nonempty(&mut $map, $model, $get)
    };
    (@check $other:ident $map:ident, $model:expr, $get:expr) => {
        $crate::verbatim::field(&mut $map, $model, $get)
    };
    (@present required $field:ident) => {
        if $field { Ok::<(), A::Error>(()) } else { $crate::verbatim::missing::<A::Error>() }
    };
    (@present default $field:ident) => {
        if $field { Ok::<(), A::Error>(()) } else { $crate::verbatim::missing::<A::Error>() }
    };
    (@present $other:ident $field:ident) => {
        Ok::<(), A::Error>(())
    };
    (@take required $field:ident $wire:literal) => {
        $field.ok_or_else(|| <A::Error as serde::de::Error>::missing_field($wire))?
    };
    (@take $other:ident $field:ident $wire:literal) => {
        $field.unwrap_or_default()
    };
    (@skip required $value:expr) => { false };
    (@skip default $value:expr) => { false };
    (@skip optional $value:expr) => { $value.is_none() };
    (@skip nonempty $value:expr) => { $value.is_empty() };
}

pub(crate) use model_with_extra;
