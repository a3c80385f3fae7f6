//! The unified directory models. Provider, User, Group, Member and Permission
//! are the core's own types, declared to uniffi as remote types (the field
//! lists below must match `rosterkit_core::unified`); the capability table is
//! restated because it holds `usize` counts and a paging enum whose variant
//! `None` would clash with Swift's `Optional.none`.

use rosterkit_core::paging::PageStyle;
use rosterkit_core::unified::{self, Group, Member, Permission, User};
use rosterkit_core::Provider;

/// A vendor API that RosterKit speaks.
#[uniffi::remote(Enum)]
pub enum Provider {
    /// Splashtop Secure Workspace IAM API.
    Ssw,
    /// Spotnana Access Management API v3 (user groups).
    Spotnana,
    /// B2Broker B2Core back-office API v2 (user groups).
    B2core,
    /// Imply Polaris Identity management API v1.
    Polaris,
    /// Alteryx Server API v3 (user groups).
    Alteryx,
}

/// A user.
#[uniffi::remote(Record)]
pub struct User {
    /// The vendor's user id.
    pub id: String,
    /// Email address.
    pub email: Option<String>,
    /// Sign-in name, where different from the email.
    pub username: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Status as the vendor says it (`active`, `enabled`, `disabled`).
    pub status: Option<String>,
}

/// A permission or role, optionally scoped to resources.
#[uniffi::remote(Record)]
pub struct Permission {
    /// Permission or role name.
    pub name: String,
    /// Resources it applies to (Polaris project resources, e.g. `projects/<id>`); empty means everywhere.
    #[uniffi(default = [])]
    pub resources: Vec<String>,
}

/// A group.
#[uniffi::remote(Record)]
pub struct Group {
    /// The vendor's group id, as text.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Permissions granted to members (B2Core, Polaris).
    pub permissions: Vec<Permission>,
    /// The role granted to members (Alteryx).
    pub role: Option<String>,
    /// Members, when the vendor reports a count.
    pub member_count: Option<u64>,
    /// True when the vendor forbids changing the group itself (Polaris
    /// predefined groups, Spotnana `isUnmodifiable`); members can still change.
    pub read_only: bool,
}

/// A member of a group.
#[uniffi::remote(Record)]
pub struct Member {
    /// The member's user id.
    pub user_id: String,
    /// Email.
    pub email: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// When the user joined, where the vendor says.
    pub added_at: Option<String>,
}

/// Whether an operation is available, and a note on how or why not.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Support {
    /// Available through the vendor's public API.
    pub supported: bool,
    /// How it is done, or why it cannot be.
    pub note: String,
}

/// How a provider pages its lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum PagingStyle {
    /// `page`/`page_size`, 1-based, with a total (SSW).
    PageNumber,
    /// `offset`/`limit` in a JSON body, with a total (Spotnana).
    OffsetLimitTotal,
    /// `limit`/`offset` query over a bare array, no total (B2Core).
    LimitOffsetArray,
    /// Everything in one response (Polaris, Alteryx).
    SinglePage,
}

/// One provider's row in the capability table.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Capabilities {
    /// The provider.
    pub provider: Provider,
    /// List users.
    pub list_users: Support,
    /// List groups.
    pub list_groups: Support,
    /// Read one group.
    pub get_group: Support,
    /// Create a group.
    pub create_group: Support,
    /// Change a group's name, permissions or role.
    pub update_group: Support,
    /// Delete a group.
    pub delete_group: Support,
    /// List a group's members.
    pub list_members: Support,
    /// Add members.
    pub add_members: Support,
    /// Remove members.
    pub remove_members: Support,
    /// Approve or reject join requests.
    pub approvals: Support,
    /// Users per add call: 1 is one call per user, 0 means no membership
    /// endpoint, and the largest value means one call for any number.
    pub add_batch_size: u64,
    /// Users per remove call, counted as for `add_batch_size`.
    pub remove_batch_size: u64,
    /// How lists are paged.
    pub paging: PagingStyle,
}

impl From<unified::Support> for Support {
    fn from(s: unified::Support) -> Self {
        Support {
            supported: s.supported,
            note: s.note,
        }
    }
}

impl From<PageStyle> for PagingStyle {
    fn from(p: PageStyle) -> Self {
        match p {
            PageStyle::PageNumber => PagingStyle::PageNumber,
            PageStyle::OffsetLimitTotal => PagingStyle::OffsetLimitTotal,
            PageStyle::LimitOffsetArray => PagingStyle::LimitOffsetArray,
            PageStyle::None => PagingStyle::SinglePage,
        }
    }
}

impl From<unified::Capabilities> for Capabilities {
    fn from(c: unified::Capabilities) -> Self {
        Capabilities {
            provider: c.provider,
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
            add_batch_size: c.add_batch_size as u64,
            remove_batch_size: c.remove_batch_size as u64,
            paging: c.paging.into(),
        }
    }
}
