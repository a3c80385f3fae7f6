//! The unified directory model: users, groups, members and permissions that
//! work the same for every provider, mapped onto each vendor's endpoints.
//!
//! What a vendor cannot do fails with [`crate::Error::Unsupported`] naming the
//! provider and the reason; nothing is silently skipped. The operations are
//! typed flows on a [`Directory`] (`dir.list_groups(ctx)`), and the same
//! operations by name as [`UnifiedOp`].

mod capabilities;
mod convert;
mod directory;
mod model;
mod ops;
mod pages;

pub use capabilities::{capabilities, Capabilities, Support, UNLIMITED};
pub use model::{Directory, Group, GroupChanges, Member, NewGroup, Permission, User};
pub use ops::{UnifiedOp, UnifiedOutput};
pub use pages::PageFlows;
