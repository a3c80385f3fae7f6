//! Vendor JSON to unified models. Each vendor names the same things its own
//! way; this is the one place that knows all the names.

use super::model::{Group, Member, Permission, User};
use crate::Provider;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a unified list yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// [`User`] items.
    User,
    /// [`Group`] items.
    Group,
    /// [`Member`] items.
    Member,
}

/// One vendor list item (as a page of the vendor operation yields it) as the
/// unified model's JSON. Hosts that page a unified list themselves use this.
pub fn to_unified(provider: Provider, kind: ItemKind, item: &Value) -> Value {
    let v = match kind {
        ItemKind::User => serde_json::to_value(user(provider, item)),
        ItemKind::Group => serde_json::to_value(group(provider, item)),
        ItemKind::Member => serde_json::to_value(member(provider, item)),
    };
    v.unwrap_or(Value::Null)
}

fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn full_name(v: &Value) -> Option<String> {
    let name = [text(v, "firstName"), text(v, "lastName")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

fn permissions(v: &Value) -> Vec<Permission> {
    let Some(list) = v.get("permissions").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| match p {
            // B2Core: plain strings.
            Value::String(name) => Some(Permission {
                name: name.clone(),
                resources: Vec::new(),
            }),
            // Polaris: {"name", "resources"}.
            Value::Object(_) => Some(Permission {
                name: text(p, "name")?,
                resources: p
                    .get("resources")
                    .and_then(Value::as_array)
                    .map(|r| {
                        r.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
            _ => None,
        })
        .collect()
}

/// A vendor user as a unified [`User`].
pub(crate) fn user(provider: Provider, v: &Value) -> User {
    match provider {
        Provider::Ssw => User {
            id: text(v, "user_id").unwrap_or_default(),
            email: text(v, "email"),
            username: None,
            name: text(v, "name"),
            status: text(v, "status"),
        },
        _ => User {
            id: text(v, "id")
                .or_else(|| text(v, "userId"))
                .unwrap_or_default(),
            email: text(v, "email"),
            username: text(v, "username"),
            name: full_name(v),
            status: v
                .get("enabled")
                .and_then(Value::as_bool)
                .map(|e| if e { "enabled" } else { "disabled" }.to_owned()),
        },
    }
}

/// A vendor group as a unified [`Group`].
pub(crate) fn group(provider: Provider, v: &Value) -> Group {
    let id_key = if provider == Provider::Ssw {
        "group_id"
    } else {
        "id"
    };
    Group {
        id: text(v, id_key).unwrap_or_default(),
        name: text(v, "name"),
        description: text(v, "description"),
        permissions: permissions(v),
        role: text(v, "role"),
        member_count: v.get("userCount").and_then(Value::as_u64).or_else(|| {
            v.get("members")
                .and_then(Value::as_array)
                .map(|m| m.len() as u64)
        }),
        read_only: v
            .get("readOnly")
            .or_else(|| v.get("isUnmodifiable"))
            .and_then(Value::as_bool)
            .unwrap_or(false),
    }
}

/// A vendor group member as a unified [`Member`].
pub(crate) fn member(provider: Provider, v: &Value) -> Member {
    match provider {
        Provider::Ssw => Member {
            user_id: text(v, "user_id").unwrap_or_default(),
            email: text(v, "email"),
            name: text(v, "name"),
            added_at: None,
        },
        Provider::Spotnana => Member {
            user_id: text(v, "userId").unwrap_or_default(),
            email: None,
            name: None,
            added_at: text(v, "addedAt"),
        },
        _ => Member {
            user_id: text(v, "id").unwrap_or_default(),
            email: text(v, "email").or_else(|| text(v, "username")),
            name: full_name(v),
            added_at: None,
        },
    }
}
