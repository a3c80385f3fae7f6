//! `rosterkit capabilities`: the core's capability table, no request sent.

use crate::cli::OutputFormat;
use crate::output;
use rosterkit::Provider;
use rosterkit_core::unified::capabilities;
use serde_json::{json, Value};

/// Prints the table for `provider`, or for all five.
pub fn run(provider: Option<Provider>, format: OutputFormat) {
    let providers: Vec<Provider> = match provider {
        Some(p) => vec![p],
        None => Provider::ALL.to_vec(),
    };
    let caps: Vec<Value> = providers
        .iter()
        .map(|p| serde_json::to_value(capabilities(*p)).unwrap_or(Value::Null))
        .collect();
    if format == OutputFormat::Json {
        let value = match caps.as_slice() {
            [one] => one.clone(),
            _ => Value::Array(caps),
        };
        output::print(&output::render(format, &value, &[]));
        return;
    }
    // One row per provider and operation; the support entries are the
    // fields shaped `{supported, note}`.
    let mut rows = Vec::new();
    for cap in &caps {
        let provider = cap.get("provider").cloned().unwrap_or(Value::Null);
        let Some(fields) = cap.as_object() else {
            continue;
        };
        for (operation, support) in fields {
            if let Some(supported) = support.get("supported") {
                rows.push(json!({
                    "provider": provider,
                    "operation": operation,
                    "supported": supported,
                    "note": support.get("note").cloned().unwrap_or(Value::Null),
                }));
            }
        }
    }
    output::print(&output::render(
        format,
        &Value::Array(rows),
        &["provider", "operation", "supported", "note"],
    ));
}
