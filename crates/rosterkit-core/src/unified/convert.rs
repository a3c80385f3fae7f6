//! Vendor models to unified models. Each vendor names the same things its own
//! way; this is the one place that knows all the names. The conversions are
//! typed: a vendor page becomes unified values without going through JSON.

use super::model::{Group, Member, Permission, User};
use crate::providers::{alteryx, b2core, polaris, spotnana, ssw};

fn full_name(first: &Option<String>, last: &Option<String>) -> Option<String> {
    let name = [first.as_deref(), last.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

fn text(extra: &crate::providers::Extra, key: &str) -> Option<String> {
    extra.get(key).and_then(|v| v.as_str()).map(str::to_owned)
}

impl From<ssw::Member> for User {
    fn from(m: ssw::Member) -> User {
        User {
            name: text(&m.extra, "name"),
            id: m.user_id,
            email: m.email,
            username: None,
            status: m.status,
        }
    }
}

impl From<polaris::User> for User {
    fn from(u: polaris::User) -> User {
        User {
            name: full_name(&u.first_name, &u.last_name),
            id: u.id,
            email: u.email,
            username: Some(u.username),
            status: u
                .enabled
                .map(|e| if e { "enabled" } else { "disabled" }.to_owned()),
        }
    }
}

impl From<polaris::Permission> for Permission {
    fn from(p: polaris::Permission) -> Permission {
        Permission {
            name: p.name,
            resources: p.resources.unwrap_or_default(),
        }
    }
}

impl From<ssw::Group> for Group {
    fn from(g: ssw::Group) -> Group {
        Group {
            id: g.group_id,
            name: g.name,
            ..Group::default()
        }
    }
}

impl From<spotnana::UserGroup> for Group {
    fn from(g: spotnana::UserGroup) -> Group {
        Group {
            id: g.id,
            name: g.name,
            description: g.description,
            read_only: g.is_unmodifiable.unwrap_or(false),
            ..Group::default()
        }
    }
}

impl From<b2core::Group> for Group {
    fn from(g: b2core::Group) -> Group {
        Group {
            id: g.id.to_string(),
            name: g.name,
            permissions: g
                .permissions
                .into_iter()
                .map(|name| Permission {
                    name,
                    resources: Vec::new(),
                })
                .collect(),
            ..Group::default()
        }
    }
}

impl From<polaris::Group> for Group {
    fn from(g: polaris::Group) -> Group {
        Group {
            id: g.id,
            name: Some(g.name),
            permissions: g.permissions.into_iter().map(Permission::from).collect(),
            member_count: g.user_count,
            read_only: g.read_only.unwrap_or(false),
            ..Group::default()
        }
    }
}

impl From<alteryx::UserGroup> for Group {
    fn from(g: alteryx::UserGroup) -> Group {
        Group {
            member_count: g.members.as_ref().map(|m| m.len() as u64),
            id: g.id,
            name: g.name,
            role: g.role,
            ..Group::default()
        }
    }
}

impl From<ssw::Member> for Member {
    fn from(m: ssw::Member) -> Member {
        Member {
            name: text(&m.extra, "name"),
            user_id: m.user_id,
            email: m.email,
            added_at: None,
        }
    }
}

impl From<spotnana::GroupMember> for Member {
    fn from(m: spotnana::GroupMember) -> Member {
        Member {
            user_id: m.user_id,
            email: None,
            name: None,
            added_at: m.added_at,
        }
    }
}

impl From<polaris::GroupMember> for Member {
    fn from(m: polaris::GroupMember) -> Member {
        Member {
            name: full_name(&m.first_name, &m.last_name),
            user_id: m.id,
            email: m.email.or(m.username),
            added_at: None,
        }
    }
}

impl From<alteryx::GroupMember> for Member {
    fn from(m: alteryx::GroupMember) -> Member {
        Member {
            name: full_name(&m.first_name, &m.last_name),
            user_id: m.user_id,
            email: m.email,
            added_at: m.date_added_to_group,
        }
    }
}
