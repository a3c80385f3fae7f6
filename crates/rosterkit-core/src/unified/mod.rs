//! The unified directory model: users, groups, members and permissions that
//! work the same for every provider, mapped onto each vendor's endpoints.
//!
//! What a vendor cannot do fails with [`crate::Error::Unsupported`] naming the
//! provider and the reason; nothing is silently skipped.

mod capabilities;
mod convert;
mod model;
mod ops;

pub use capabilities::{capabilities, Capabilities, Support, UNLIMITED};
pub use convert::{to_unified, ItemKind};
pub use model::{Directory, Group, Member, Permission, User};
pub use ops::UnifiedOp;
