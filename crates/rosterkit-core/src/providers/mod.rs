//! One module per vendor, one file per endpoint family. Each public request
//! type implements [`crate::Endpoint`] and names its vendor document.

pub mod alteryx;
pub mod b2core;
pub(crate) mod known_fields;
pub mod polaris;
pub mod spotnana;
pub mod ssw;

use serde_json::{Map, Value};

/// Fields a vendor sent that the typed model does not name. They are kept so
/// that nothing a vendor adds is lost or rejected.
pub type Extra = Map<String, Value>;
