//! The unified directory model in JavaScript spelling (camelCase), mirrored
//! from `rosterkit_core::unified` so the TypeScript declarations are
//! generated from the very types that are returned.

use rosterkit_core::paging::PageStyle as CorePageStyle;
use rosterkit_core::unified as core;
use rosterkit_core::Provider as CoreProvider;
use serde::{Deserialize, Serialize};

/// A vendor API that RosterKit speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// Splashtop Secure Workspace IAM.
    Ssw,
    /// Spotnana Access Management v3.
    Spotnana,
    /// B2Broker B2Core.
    B2core,
    /// Imply Polaris Identity.
    Polaris,
    /// Alteryx Server v3.
    Alteryx,
}

impl From<CoreProvider> for Provider {
    fn from(p: CoreProvider) -> Provider {
        match p {
            CoreProvider::Ssw => Provider::Ssw,
            CoreProvider::Spotnana => Provider::Spotnana,
            CoreProvider::B2core => Provider::B2core,
            CoreProvider::Polaris => Provider::Polaris,
            CoreProvider::Alteryx => Provider::Alteryx,
        }
    }
}

impl From<Provider> for CoreProvider {
    fn from(p: Provider) -> CoreProvider {
        match p {
            Provider::Ssw => CoreProvider::Ssw,
            Provider::Spotnana => CoreProvider::Spotnana,
            Provider::B2core => CoreProvider::B2core,
            Provider::Polaris => CoreProvider::Polaris,
            Provider::Alteryx => CoreProvider::Alteryx,
        }
    }
}

/// A user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The vendor's user id.
    pub id: String,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Sign-in name, where different from the email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Status as the vendor says it (`active`, `enabled`, `disabled`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl From<core::User> for User {
    fn from(u: core::User) -> User {
        User {
            id: u.id,
            email: u.email,
            username: u.username,
            name: u.name,
            status: u.status,
        }
    }
}

/// A permission or role, optionally scoped to resources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Permission {
    /// Permission or role name.
    pub name: String,
    /// Resources it applies to (Polaris `projects/*`); absent means everywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
}

impl From<core::Permission> for Permission {
    fn from(p: core::Permission) -> Permission {
        Permission {
            name: p.name,
            resources: p.resources,
        }
    }
}

impl From<Permission> for core::Permission {
    fn from(p: Permission) -> core::Permission {
        core::Permission {
            name: p.name,
            resources: p.resources,
        }
    }
}

/// A group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The vendor's group id, as text.
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Permissions granted to members (B2Core, Polaris).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub permissions: Vec<Permission>,
    /// The role granted to members (Alteryx).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Members, when the vendor reports a count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_count: Option<u64>,
    /// True when the vendor forbids changing the group itself (Polaris
    /// predefined groups, Spotnana `isUnmodifiable`); members can still change.
    pub read_only: bool,
}

impl From<core::Group> for Group {
    fn from(g: core::Group) -> Group {
        Group {
            id: g.id,
            name: g.name,
            description: g.description,
            permissions: g.permissions.into_iter().map(Permission::from).collect(),
            role: g.role,
            member_count: g.member_count,
            read_only: g.read_only,
        }
    }
}

/// A member of a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The member's user id.
    pub user_id: String,
    /// Email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the user joined, where the vendor says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
}

impl From<core::Member> for Member {
    fn from(m: core::Member) -> Member {
        Member {
            user_id: m.user_id,
            email: m.email,
            name: m.name,
            added_at: m.added_at,
        }
    }
}

/// Whether an operation is available, and how or why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Support {
    /// Available through the vendor's public API.
    pub supported: bool,
    /// How it is done, or why it cannot be.
    pub note: String,
}

impl From<core::Support> for Support {
    fn from(s: core::Support) -> Support {
        Support {
            supported: s.supported,
            note: s.note,
        }
    }
}

/// How a vendor pages its lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PageStyle {
    /// `page`/`page_size` with a total (SSW).
    PageNumber,
    /// `offset`/`limit` in a JSON body with a total (Spotnana).
    OffsetLimitTotal,
    /// `limit`/`offset` over bare arrays (B2Core).
    LimitOffsetArray,
    /// Everything in one response (Polaris, Alteryx).
    None,
}

impl From<CorePageStyle> for PageStyle {
    fn from(s: CorePageStyle) -> PageStyle {
        match s {
            CorePageStyle::PageNumber => PageStyle::PageNumber,
            CorePageStyle::OffsetLimitTotal => PageStyle::OffsetLimitTotal,
            CorePageStyle::LimitOffsetArray => PageStyle::LimitOffsetArray,
            CorePageStyle::None => PageStyle::None,
        }
    }
}

/// One provider's row in the capability table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    /// The provider.
    pub provider: Provider,
    /// `listUsers()`.
    pub list_users: Support,
    /// `listGroups()`.
    pub list_groups: Support,
    /// `getGroup()`.
    pub get_group: Support,
    /// `createGroup()`.
    pub create_group: Support,
    /// `updateGroup()`.
    pub update_group: Support,
    /// `deleteGroup()`.
    pub delete_group: Support,
    /// `listMembers()`.
    pub list_members: Support,
    /// `addMembers()`.
    pub add_members: Support,
    /// `removeMembers()`.
    pub remove_members: Support,
    /// `approveMember()` and `rejectMember()`.
    pub approvals: Support,
    /// Users per add call: 1 means one call per user, null means no limit.
    pub add_batch_size: Option<u64>,
    /// Users per remove call: 1 means one call per user, null means no limit.
    pub remove_batch_size: Option<u64>,
    /// How lists are paged.
    pub paging: PageStyle,
}

/// The core's "one call carries any number" becomes `null`.
fn batch(n: usize) -> Option<u64> {
    (n != core::UNLIMITED).then_some(n as u64)
}

impl From<core::Capabilities> for Capabilities {
    fn from(c: core::Capabilities) -> Capabilities {
        Capabilities {
            provider: c.provider.into(),
            list_users: c.list_users.into(),
            list_groups: c.list_groups.into(),
            get_group: c.get_group.into(),
            create_group: c.create_group.into(),
            update_group: c.update_group.into(),
            delete_group: c.delete_group.into(),
            list_members: c.list_members.into(),
            add_members: c.add_members.into(),
            remove_members: c.remove_members.into(),
            approvals: c.approvals.into(),
            add_batch_size: batch(c.add_batch_size),
            remove_batch_size: batch(c.remove_batch_size),
            paging: c.paging.into(),
        }
    }
}
