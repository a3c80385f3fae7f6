//! `Deserialize` for vendor models that name some fields and keep the rest in
//! an [`Extra`](super::Extra) map.
//!
//! serde's `#[serde(flatten)]` does the same, but buffers every object into
//! its private `Content` tree first and then reads the known fields back out
//! of it: for a 10,000-user page that made the typed parse 2.6-3x slower
//! than a plain struct over the same bytes (BENCHMARKS.md). The visitor that
//! [`deserialize_with_extra!`] writes matches each key as it arrives, decodes
//! known fields straight into their types and only unknown ones into
//! `serde_json::Value`. Serialization keeps serde's derive (with `flatten`,
//! which costs nothing extra when writing).
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

/// Writes `Deserialize` for a struct whose last field is `extra: Extra`.
///
/// Each field is listed with its wire name (and aliases) and whether it is
/// `required` (missing: serde's `missing field` error) or `default` (missing:
/// `Default::default()`, as `#[serde(default)]` and `Option` fields behave
/// under the derive). Keep the list in step with the struct's serde
/// attributes: `tests/known_fields.rs` round-trips every such model through
/// its `Serialize` and this `Deserialize`.
macro_rules! deserialize_with_extra {
    (
        $ty:ident $(<$t:ident>)? as $expecting:literal {
            $( $field:ident : $wire:literal $(| $alias:literal)* => $kind:ident ),* $(,)?
        }
    ) => {
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
                            $( $field: $crate::providers::known_fields::deserialize_with_extra!(@take $kind $field $wire), )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(FieldsVisitor(std::marker::PhantomData))
            }
        }
    };
    (@take required $field:ident $wire:literal) => {
        $field.ok_or_else(|| <A::Error as serde::de::Error>::missing_field($wire))?
    };
    (@take default $field:ident $wire:literal) => {
        $field.unwrap_or_default()
    };
}

pub(crate) use deserialize_with_extra;
