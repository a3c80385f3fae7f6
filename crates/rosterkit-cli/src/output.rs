//! Printing results as a table, JSON, NDJSON or CSV.
//!
//! Every result is first a JSON value (the models are `Serialize`), so the
//! formats show the same data: a list of objects becomes rows with one
//! column per field, a single object one row, anything else one cell.
//! Lists print as their pages arrive ([`Lister`]). Tables fit the terminal:
//! id columns are never cut (an id cut in half is worse than a wide line);
//! other columns shrink and end in `…`.

use crate::cli::OutputFormat;
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

/// The terminal's width in columns, when stdout is a terminal.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    comfy_table::Table::new()
        .width()
        .map(usize::from)
        .filter(|w| *w >= 20)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Renders a whole `value` in `format`, with `columns` first when given
/// (others follow in the order they appear).
pub fn render(format: OutputFormat, value: &Value, columns: &[&str]) -> String {
    match format {
        OutputFormat::Json => {
            let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
            s.push('\n');
            s
        }
        OutputFormat::Ndjson => match value {
            Value::Array(items) => items.iter().map(|v| format!("{v}\n")).collect(),
            other => format!("{other}\n"),
        },
        OutputFormat::Table | OutputFormat::Csv => {
            let items: Vec<Value> = match value {
                Value::Array(items) => items.clone(),
                other => vec![other.clone()],
            };
            let mut lister = Lister::new(format, columns, &[], None);
            lister.width = terminal_width();
            let mut out = lister.page_text(&items);
            out.push_str(&lister.finish_text());
            out
        }
    }
}

/// Prints a list page by page.
pub struct Lister {
    format: OutputFormat,
    preferred: Vec<String>,
    chosen: Vec<String>,
    limit: Option<usize>,
    printed: usize,
    header: Option<Vec<String>>,
    widths: Vec<usize>,
    width: Option<usize>,
}

impl Lister {
    /// A lister; `chosen` columns (from `--columns`) replace the defaults.
    pub fn new(
        format: OutputFormat,
        preferred: &[&str],
        chosen: &[String],
        limit: Option<usize>,
    ) -> Lister {
        Lister {
            format,
            preferred: preferred.iter().map(|s| (*s).to_owned()).collect(),
            chosen: chosen.to_vec(),
            limit,
            printed: 0,
            header: None,
            widths: Vec::new(),
            width: terminal_width(),
        }
    }

    /// True once `--limit` items were printed.
    pub fn full(&self) -> bool {
        self.limit.is_some_and(|l| self.printed >= l)
    }

    /// Prints one page's items (up to the limit).
    pub fn page(&mut self, items: &[Value]) {
        let text = self.page_text(items);
        print(&text);
    }

    /// Ends the list.
    pub fn finish(&mut self) {
        let text = self.finish_text();
        print(&text);
    }

    fn page_text(&mut self, items: &[Value]) -> String {
        let room = self
            .limit
            .map_or(items.len(), |l| l.saturating_sub(self.printed));
        let items = &items[..items.len().min(room)];
        let mut out = String::new();
        match self.format {
            OutputFormat::Json => {
                for item in items {
                    out.push_str(if self.printed == 0 { "[\n" } else { ",\n" });
                    let pretty = serde_json::to_string_pretty(item).unwrap_or_default();
                    out.push_str("  ");
                    out.push_str(&pretty.replace('\n', "\n  "));
                    self.printed += 1;
                }
            }
            OutputFormat::Ndjson => {
                for item in items {
                    out.push_str(&item.to_string());
                    out.push('\n');
                    self.printed += 1;
                }
            }
            OutputFormat::Csv | OutputFormat::Table => {
                if self.header.is_none() && !items.is_empty() {
                    self.start(items);
                    out.push_str(&self.line(&self.header.clone().unwrap_or_default()));
                }
                let header = self.header.clone().unwrap_or_default();
                for item in items {
                    let cells: Vec<String> = header
                        .iter()
                        .map(|h| {
                            item.get(h).map(cell).unwrap_or_else(|| {
                                if h == "value" {
                                    cell(item)
                                } else {
                                    String::new()
                                }
                            })
                        })
                        .collect();
                    out.push_str(&self.line(&cells));
                    self.printed += 1;
                }
            }
        }
        out
    }

    fn finish_text(&mut self) -> String {
        match self.format {
            OutputFormat::Json if self.printed == 0 => "[]\n".to_owned(),
            OutputFormat::Json => "\n]\n".to_owned(),
            // An empty CSV still has its header.
            OutputFormat::Csv if self.header.is_none() => {
                let header: Vec<String> = if self.chosen.is_empty() {
                    self.preferred.clone()
                } else {
                    self.chosen.clone()
                };
                if header.is_empty() {
                    String::new()
                } else {
                    self.line(&header)
                }
            }
            _ => String::new(),
        }
    }

    /// Picks the columns and, for tables, their widths from the first page.
    fn start(&mut self, items: &[Value]) {
        let header: Vec<String> = if !self.chosen.is_empty() {
            self.chosen.clone()
        } else if items.iter().all(Value::is_object) {
            let objects: Vec<&Map<String, Value>> =
                items.iter().filter_map(Value::as_object).collect();
            let mut header = self.preferred.clone();
            for o in &objects {
                for k in o.keys() {
                    if !header.contains(k) {
                        header.push(k.clone());
                    }
                }
            }
            // Preferred columns no row has are dropped, so nothing prints empty.
            header.retain(|h| {
                objects
                    .iter()
                    .any(|o| o.get(h).is_some_and(|v| !v.is_null()))
            });
            header
        } else {
            vec!["value".to_owned()]
        };
        if self.format == OutputFormat::Table {
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for item in items {
                for (i, h) in header.iter().enumerate() {
                    let c = item.get(h).map(cell).unwrap_or_default();
                    widths[i] = widths[i].max(c.chars().count());
                }
            }
            if let Some(total) = self.width {
                fit(&header, &mut widths, total);
            }
            self.widths = widths;
        }
        self.header = Some(header);
    }

    fn line(&self, cells: &[String]) -> String {
        if self.format == OutputFormat::Csv {
            let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
            return format!("{}\r\n", fields.join(","));
        }
        let header = self.header.as_deref().unwrap_or_default();
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let width = self.widths.get(i).copied().unwrap_or(c.len());
            let is_id = header.get(i).is_some_and(|h| is_id_column(h));
            let shown = if is_id { c.clone() } else { truncate(c, width) };
            out.push_str(&shown);
            if i + 1 < cells.len() {
                let pad = width.saturating_sub(shown.chars().count()) + 2;
                out.push_str(&" ".repeat(pad));
            }
        }
        let trimmed = out.trim_end();
        format!("{trimmed}\n")
    }
}

fn is_id_column(name: &str) -> bool {
    name == "id" || name.ends_with("_id") || name == "endpoint"
}

/// Shrinks the widest non-id columns until the line fits `total`.
fn fit(header: &[String], widths: &mut [usize], total: usize) {
    let gaps = 2 * widths.len().saturating_sub(1);
    loop {
        let used: usize = widths.iter().sum::<usize>() + gaps;
        if used <= total {
            return;
        }
        let widest = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| !is_id_column(&header[*i]) && **w > 6)
            .max_by_key(|(_, w)| **w)
            .map(|(i, _)| i);
        match widest {
            Some(i) => widths[i] -= (used - total).min(widths[i] - 6),
            None => return,
        }
    }
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// RFC 4180 quoting: only fields with a comma, quote or line break are quoted.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
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

    #[test]
    fn tables_fit_without_cutting_ids() {
        let id = "d919f276-7857-4b59-a616-0c2540fb4ad1";
        let items = vec![
            json!({"id": id, "name": "A very long group name that would never fit in forty columns"}),
        ];
        let mut l = Lister::new(OutputFormat::Table, &["id", "name"], &[], None);
        l.width = Some(60);
        let text = l.page_text(&items);
        for line in text.lines() {
            assert!(line.chars().count() <= 60, "{line}");
        }
        assert!(text.contains(id));
        assert!(text.contains('…'));
    }

    #[test]
    fn streaming_json_is_one_array_and_the_limit_holds() {
        let mut l = Lister::new(OutputFormat::Json, &[], &[], Some(3));
        let mut out = l.page_text(&[json!({"a": 1}), json!({"a": 2})]);
        out.push_str(&l.page_text(&[json!({"a": 3}), json!({"a": 4})]));
        assert!(l.full());
        out.push_str(&l.finish_text());
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v, json!([{"a": 1}, {"a": 2}, {"a": 3}]));
    }
}
