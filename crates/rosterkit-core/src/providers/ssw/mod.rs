//! Splashtop Secure Workspace IAM API (vendor document
//! `000_9864484e91baf0a8.txt`, "Users & Groups operations using SSW IAM APIs").
//!
//! Every response is wrapped as `{"code": 0, "data": .., "message": ..}`; a
//! `code` other than 0 is an error even on HTTP 200. The public API cannot
//! create users or groups.

mod envelope;
mod group_members;
mod groups;
mod members;
mod models;

pub use envelope::Ack;
pub use group_members::{
    AddGroupMember, ApproveGroupMember, ListGroupMembers, RejectGroupMember, RemoveGroupMember,
};
pub use groups::{DeleteGroup, ListGroups, UpdateGroup};
pub use members::ListMembers;
pub use models::{Group, GroupPage, Member, MemberPage};

/// Largest `page_size` accepted client-side. The document shows 30 and 50 and
/// states no maximum; 1000 keeps a page bounded.
pub const MAX_PAGE_SIZE: u64 = 1000;
