//! B2Core's User Group object.

use crate::providers::Extra;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A group id as the server sent it: the document's examples use integers
/// (`/api/v2/groups/1`), but a string is kept as a string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GroupId {
    /// A numeric id.
    Number(i64),
    /// A textual id.
    Text(String),
}

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupId::Number(n) => write!(f, "{n}"),
            GroupId::Text(s) => f.write_str(s),
        }
    }
}

impl crate::verbatim::Check for GroupId {
    fn check<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        crate::verbatim::round_trip::<D, GroupId>(d)
    }
}

/// A User Group: `id`, `name`, `permissions`.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The group id.
    pub id: GroupId,
    /// The group name.
    pub name: Option<String>,
    /// Permission strings (case-sensitive, unique).
    pub permissions: Vec<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Group as "a B2Core group" {
    id: "id" => required,
    name: "name" => optional,
    permissions: "permissions" => default,
});
