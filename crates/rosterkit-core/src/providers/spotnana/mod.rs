//! Spotnana Access Management API v3, user groups (vendor document
//! `001_8ad0a0e9917e92fe.txt`).
//!
//! Lists are POSTs with a JSON body whose `pagination` object is always
//! required. Group creation and update come from Spotnana's public API
//! reference (see `manage.rs`). Groups marked `isUnmodifiable` are platform-created: their name,
//! description and roles cannot change, but members can.

mod groups;
mod manage;
mod members;
mod models;

pub use groups::{GetUserGroup, ListUserGroupRoles, ListUserGroups, ListUserGroupsForUser};
pub use manage::{CreateUserGroup, UpdateUserGroup};
pub use members::{ListUserGroupMembers, UpdateUserGroupMembers};
pub use models::{
    GroupMember, MemberPage, Pagination, PaginationResult, Role, RolePage, UserGroup, UserGroupPage,
};

/// Largest `pagination.limit` accepted client-side.
pub const MAX_LIMIT: u64 = 1000;
/// Limit used when the caller gives no pagination.
pub const DEFAULT_LIMIT: u64 = 100;
