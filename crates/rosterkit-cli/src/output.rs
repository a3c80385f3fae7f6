//! Printing results as a table, JSON or CSV.
//!
//! Every result is first a JSON value (the models are `Serialize`), so the
//! three formats show the same data: a list of objects becomes rows with one
//! column per field, a single object becomes one row, anything else one cell.

use crate::cli::OutputFormat;
use comfy_table::{modifiers, presets, ContentArrangement, Table};
use serde_json::{Map, Value};
use std::io::{IsTerminal, Write};

/// The format to use: the flag, else table on a terminal and JSON otherwise.
pub fn choose(flag: Option<OutputFormat>) -> OutputFormat {
    flag.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        }
    })
}

/// Renders `value` in `format`, with `columns` first when given (others follow
/// in the order they appear).
pub fn render(format: OutputFormat, value: &Value, columns: &[&str]) -> String {
    match format {
        OutputFormat::Json => {
            let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
            s.push('\n');
            s
        }
        OutputFormat::Table => {
            let (header, rows) = rows(value, columns);
            let mut table = Table::new();
            table
                .load_preset(presets::UTF8_FULL_CONDENSED)
                .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(header);
            // A pseudo-terminal may report no or a tiny width; wrapping to
            // it would print one letter per line, so do not wrap then.
            if table.width().is_none_or(|w| w < 40) {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
            for row in rows {
                table.add_row(row);
            }
            format!("{table}\n")
        }
        OutputFormat::Csv => {
            let (header, rows) = rows(value, columns);
            let mut out = String::new();
            for line in std::iter::once(header).chain(rows) {
                let cells: Vec<String> = line.iter().map(|c| csv_field(c)).collect();
                out.push_str(&cells.join(","));
                out.push_str("\r\n");
            }
            out
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// RFC 4180 quoting: only fields with a comma, quote or line break are quoted.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn rows(value: &Value, preferred: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    if items.iter().all(|v| v.is_object()) {
        let mut header: Vec<String> = preferred.iter().map(|s| (*s).to_owned()).collect();
        let objects: Vec<&Map<String, Value>> =
            items.iter().filter_map(|v| v.as_object()).collect();
        for object in &objects {
            for key in object.keys() {
                if !header.contains(key) {
                    header.push(key.clone());
                }
            }
        }
        // Preferred columns no row has are dropped, so nothing prints empty;
        // with no rows at all they stay, so CSV still has its header.
        if !objects.is_empty() {
            header.retain(|h| objects.iter().any(|o| o.contains_key(h)));
        }
        let rows = objects
            .iter()
            .map(|o| {
                header
                    .iter()
                    .map(|h| o.get(h).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        (header, rows)
    } else {
        (
            vec!["value".to_owned()],
            items.iter().map(|v| vec![cell(v)]).collect(),
        )
    }
}

/// One value as a cell: scalars as text, lists joined with "; ", named
/// objects (permissions) by name with their resources in parentheses.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        Value::Object(o) => match o.get("name").and_then(Value::as_str) {
            Some(name) => match o.get("resources").and_then(Value::as_array) {
                Some(r) if !r.is_empty() => format!(
                    "{name} ({})",
                    cell(&Value::Array(r.clone())).replace("; ", ", ")
                ),
                _ => name.to_owned(),
            },
            None => Value::Object(o.clone()).to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let v = json!([{"id": "1", "name": "Sales, EMEA"}, {"id": "2", "name": "say \"hi\""}]);
        let out = render(OutputFormat::Csv, &v, &["id", "name", "missing"]);
        assert_eq!(
            out,
            "id,name\r\n1,\"Sales, EMEA\"\r\n2,\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn permissions_show_names_and_resources() {
        let v = json!({"permissions": [{"name": "A", "resources": ["projects/1", "projects/2"]}, {"name": "B"}]});
        let out = render(OutputFormat::Csv, &v, &[]);
        assert_eq!(out, "permissions\r\n\"A (projects/1, projects/2); B\"\r\n");
    }

    #[test]
    fn empty_lists_keep_the_header() {
        let out = render(OutputFormat::Csv, &json!([]), &["change", "user_id"]);
        assert_eq!(out, "change,user_id\r\n");
    }
}
