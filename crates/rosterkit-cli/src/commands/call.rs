//! `rosterkit call ENDPOINT_ID --input JSON`: one documented endpoint with
//! full vendor fidelity, by its inventory id.

use super::Admin;
use crate::cli::OutputFormat;
use crate::failure::{usage, Failure};
use rosterkit::Operation;
use rosterkit_core::paging::split_items;
use serde_json::Value;

/// Parses the endpoint id and input before any connection is made, so a
/// typo is a usage error even without credentials.
pub fn operation(endpoint: &str, input: &str) -> Result<Operation, Failure> {
    let input: Value = serde_json::from_str(input)
        .map_err(|e| usage(format!("--input is not valid JSON: {e}")))?;
    Ok(Operation::from_json(endpoint, input)?)
}

/// Runs the call; with `all_pages`, follows every page and prints the items.
pub async fn run(admin: &Admin, op: Operation, all_pages: bool) -> Result<(), Failure> {
    let id = op.id();
    if all_pages {
        let pages = admin.client.pages(op)?;
        return super::list_streamed(admin, pages, &["id", "user_id", "name"]).await;
    }
    let value = admin.client.execute(op).await?.to_json();
    match admin.format {
        OutputFormat::Json | OutputFormat::Ndjson => admin.show_as_value(&value),
        // Tables show the list inside the envelope (`values`, `members`, ...).
        OutputFormat::Table | OutputFormat::Csv => {
            let (items, _) = split_items(id, value);
            admin.show(&Value::Array(items), &["id", "user_id", "name"]);
        }
    }
    Ok(())
}

/// `call --list`: every endpoint id in the inventory.
pub fn list_endpoints(format: OutputFormat) {
    let ids: Vec<Value> = Operation::IDS
        .iter()
        .map(|id| serde_json::json!({ "endpoint": id }))
        .collect();
    crate::output::print(&crate::output::render(
        format,
        &Value::Array(ids),
        &["endpoint"],
    ));
}
