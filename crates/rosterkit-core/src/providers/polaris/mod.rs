//! Imply Polaris Identity management API v1 (vendor document
//! `003_dd1a18090924cbef.txt`, "Manage users and groups through API").
//!
//! The API key goes in `Authorization: Basic <api key>` as the document shows
//! it, not base64-encoded. Lists come as `{"values": [..]}`; creates answer 201.
//! `PUT /v1/users/{id}` replaces the whole user, so every field to keep must
//! be sent. Endpoints the document only mentions (get/delete user, get, update
//! and delete group, list users and projects) follow the same conventions.

mod groups;
mod members;
mod models;
mod projects;
mod users;

pub use groups::{CreateGroup, DeleteGroup, GetGroup, ListGroups, ListPermissions, UpdateGroup};
pub use members::{AddGroupMembers, ListGroupMembers};
pub use models::{Group, GroupMember, GroupRef, Permission, Project, User, UserUpdate, Values};
pub use projects::ListProjects;
pub use users::{CreateUser, DeleteUser, GetUser, ListEffectivePermissions, ListUsers, UpdateUser};

/// Users sent per `POST /v1/groups/{id}/members`; the document gives no
/// limit, so a conservative batch keeps each request small.
pub const ADD_MEMBERS_BATCH: usize = 100;
