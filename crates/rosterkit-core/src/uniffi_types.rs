//! What uniffi needs beyond the derives: an [`Operation`] (a plan step's
//! call) crosses to Swift and Kotlin as its JSON, `{"endpoint", "input"}`,
//! the form `call_endpoint` takes; lifting it back reads and checks it again.

use crate::Operation;

uniffi::custom_type!(Operation, String, {
    lower: |op| serde_json::to_string(&op).unwrap_or_default(),
    try_lift: |json| {
        let op: Operation = serde_json::from_str(&json)?;
        Ok(op)
    },
});
