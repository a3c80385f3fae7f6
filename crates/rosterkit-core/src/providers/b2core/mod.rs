//! B2Broker B2Core back-office API v2, user groups (vendor document
//! `002_1a2c9dc34cbc7b4f.txt`).
//!
//! Lists are bare JSON arrays paged by `limit`/`offset`. A group's
//! `permissions` are unique, case-sensitive strings and may be empty. A
//! successful DELETE returns no body. The API has no membership endpoints.

mod groups;
mod models;

pub use groups::{CreateGroup, DeleteGroup, GetGroup, ListGroups, ReplaceGroup, UpdateGroup};
pub use models::{Group, GroupId};

/// Largest `limit` accepted client-side; the document shows 10 and states no maximum.
pub const MAX_LIMIT: u64 = 1000;
