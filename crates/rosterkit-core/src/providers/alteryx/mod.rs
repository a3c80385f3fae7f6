//! Alteryx Server API v3, user groups (vendor document `004_1215b0607d515864.txt`).
//!
//! Only custom user groups are reachable; Active Directory groups are not
//! listed or retrievable. Deleting a non-empty group answers 400 unless
//! `forceDelete=true`.
//!
//! Body encoding, decided here: the document's examples send `name` and
//! `role` as `application/x-www-form-urlencoded`, and we send exactly that, so
//! the request matches the documented one byte for byte. `userIds` has no
//! example and is an array, which form encoding has no single convention
//! for, so it goes as a JSON array of strings.

mod groups;
mod models;
mod users;

pub use groups::{CreateUserGroup, DeleteUserGroup, GetUserGroup, ListUserGroups, UpdateUserGroup};
pub use models::{AddedUsers, GroupMember, Role, UserGroup};
pub use users::{AddUsersToUserGroup, RemoveUserFromUserGroup};

/// Users sent per `POST /v3/usergroups/{id}/users`; the document gives no
/// limit, so a conservative batch keeps each request small.
pub const ADD_USERS_BATCH: usize = 100;
