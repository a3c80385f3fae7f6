//! Golden vectors: runs every case of `tests/vectors/<provider>/<id>.json`
//! against the core and checks that every endpoint id has its vectors.
//!
//! The file format is described in `tests/vectors/README.md`; the Node,
//! Python and Kotlin suites read the same files with the same rules.

use rosterkit_core::{Operation, Request, Response, Target, Verbatim};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const DEFAULT_TARGET: &str = r#"{"base_url":"https://api.example.com","token":"test-token"}"#;
const FILE_KEYS: &[&str] = &["endpoint", "source", "target", "cases"];
const CASE_KEYS: &[&str] = &["name", "target", "input", "request", "response", "expect"];
/// The unified behaviour vectors' directory, skipped here.
const UNIFIED_DIR: &str = "unified";

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// Every `.json` file under `dir`, sorted, except the top-level inventory and
/// the unified behaviour vectors in `unified/` (another format, run by
/// `crates/rosterkit/tests/unified_vectors.rs`).
fn vector_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries =
            fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == UNIFIED_DIR) {
                    continue;
                }
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "json") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.retain(|p| p != &dir.join("inventory.json"));
    out.sort();
    out
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// Lists where two JSON values differ, one line per differing path.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let keys: BTreeSet<&String> = e.keys().chain(a.keys()).collect();
            for k in keys {
                let p = format!("{path}.{k}");
                match (e.get(k), a.get(k)) {
                    (Some(ev), Some(av)) => diff(&p, ev, av, out),
                    (Some(ev), None) => {
                        out.push(format!("  {p}: expected {ev}, missing in actual"))
                    }
                    (None, Some(av)) => out.push(format!("  {p}: not expected, actual has {av}")),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        _ if expected == actual => {}
        _ => out.push(format!("  {path}: expected {expected}, got {actual}")),
    }
}

/// `Ok` when equal, else a message with the differing paths and both values.
fn compare(what: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    if expected == actual {
        return Ok(());
    }
    let mut lines = Vec::new();
    diff("$", expected, actual, &mut lines);
    Err(format!(
        "{what} differs:\n{}\n  expected: {}\n  actual:   {}",
        lines.join("\n"),
        pretty(expected).replace('\n', "\n  "),
        pretty(actual).replace('\n', "\n  "),
    ))
}

fn error_json(e: &rosterkit_core::Error) -> Value {
    serde_json::to_value(e).unwrap_or_else(|err| json!({"unserializable error": err.to_string()}))
}

fn parse_target(v: &Value) -> Result<Target, String> {
    serde_json::from_value(v.clone()).map_err(|e| format!("bad target {v}: {e}"))
}

/// The built request in the vector's wire form. The body is shown the way the
/// expected body is written: `{"json"}` compares parsed JSON, `{"text"}` bytes.
fn request_json(request: &Request, expected_body: Option<&Value>) -> Value {
    let headers: Vec<Value> = request
        .headers
        .iter()
        .map(|h| json!([h.name, h.value]))
        .collect();
    let wants_text = expected_body.is_some_and(|b| b.get("text").is_some());
    let body = match &request.body {
        None => Value::Null,
        Some(bytes) => match serde_json::from_slice::<Value>(bytes) {
            Ok(v) if !wants_text => json!({ "json": v }),
            _ => match std::str::from_utf8(bytes) {
                Ok(text) => json!({ "text": text }),
                Err(_) => json!({ "bytes": bytes }),
            },
        },
    };
    json!({
        "method": request.method,
        "url": request.url,
        "headers": headers,
        "body": body,
    })
}

fn response_from(v: &Value) -> Result<Response, String> {
    let status = v
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or("response.status must be an HTTP status number")?;
    let mut headers = Vec::new();
    for pair in v
        .get("headers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(k), Value::String(v)]) => {
                headers.push(rosterkit_core::Header::new(k, v))
            }
            _ => return Err(format!("response header {pair} must be [name, value]")),
        }
    }
    let body = match v.get("body") {
        None | Some(Value::Null) => Vec::new(),
        Some(b) => match (b.get("json"), b.get("text").and_then(Value::as_str)) {
            (Some(j), None) => serde_json::to_vec(j).map_err(|e| e.to_string())?,
            (None, Some(t)) => t.as_bytes().to_vec(),
            _ => {
                return Err(format!(
                    "response.body must be null, {{\"json\"}} or {{\"text\"}}, got {b}"
                ))
            }
        },
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// Runs one case; `Err` carries the failure message.
fn run_case(endpoint: &str, file_target: &Value, case: &Map<String, Value>) -> Result<(), String> {
    if let Some(k) = case.keys().find(|k| !CASE_KEYS.contains(&k.as_str())) {
        return Err(format!("unknown case key {k:?}"));
    }
    let target = parse_target(case.get("target").unwrap_or(file_target))?;
    let input = case.get("input").cloned().ok_or("a case must have input")?;
    let expect = case.get("expect");
    let built = Operation::from_json(endpoint, input).and_then(|op| {
        let request = op.request(&target)?;
        Ok((op, request))
    });

    let (want_request, want_response) = (case.get("request"), case.get("response"));
    if want_request.is_none() && want_response.is_none() {
        let want = expect
            .and_then(|e| e.get("error"))
            .ok_or("a case without request and response must expect an error")?;
        return match built {
            Ok((_, request)) => Err(format!(
                "expected building the request to fail with\n  {}\nbut it built\n  {}",
                pretty(want),
                pretty(&request_json(&request, None)),
            )),
            Err(e) => compare("request-building error", want, &error_json(&e)),
        };
    }

    let (op, request) =
        built.map_err(|e| format!("building the request failed: {}", pretty(&error_json(&e))))?;
    let mut problems = Vec::new();
    if let Some(want) = want_request {
        let actual = request_json(&request, want.get("body"));
        problems.extend(compare("request", want, &actual).err());
    }
    match (want_response, expect) {
        (Some(resp), Some(want)) => {
            let response = response_from(resp)?;
            let actual = match op.parse(&response) {
                Ok(v) => json!({ "ok": v }),
                Err(e) => json!({ "error": error_json(&e) }),
            };
            problems.extend(compare("parsed result", want, &actual).err());
            problems.extend(verbatim_holds(&op, &response).err());
        }
        (Some(_), None) => problems.push("a case with a response must have expect".to_owned()),
        (None, Some(_)) => {
            problems.push("a case without a response must not have expect".to_owned())
        }
        (None, None) => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `Operation::verbatim` may say the body is the output only when it is:
/// the typed output, written as JSON, equals the body's value (or the field
/// named). Checked on every case, so every documented shape is covered.
fn verbatim_holds(op: &Operation, response: &Response) -> Result<(), String> {
    // `parse_to_json` (the uniffi bindings' path) is the typed output's value
    // whichever way it is made.
    if let Ok(output) = op.parse(response) {
        let text = op.parse_to_json(response).map_err(|e| e.to_string())?;
        let decoded: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        if decoded != serde_json::to_value(&output).map_err(|e| e.to_string())? {
            return Err(format!("parse_to_json wrote {text}"));
        }
    }
    let Some(pick) = op.verbatim(response) else {
        return Ok(());
    };
    VERBATIM_CASES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let output = op
        .parse(response)
        .map_err(|e| format!("verbatim said {pick:?} but parse failed: {e}"))?;
    let written = serde_json::to_value(&output).map_err(|e| e.to_string())?;
    let body: Value = serde_json::from_slice(&response.body).map_err(|e| e.to_string())?;
    let picked = match pick {
        Verbatim::Body => body,
        Verbatim::Field(key) => body.get(key).cloned().unwrap_or(Value::Null),
    };
    if written == picked {
        Ok(())
    } else {
        Err(format!(
            "verbatim said {pick:?}, but the output writes\n{}\nand the body holds\n{}",
            pretty(&written),
            pretty(&picked)
        ))
    }
}

static VERBATIM_CASES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct Outcome {
    endpoints: Vec<String>,
    cases: usize,
    failures: Vec<String>,
}

fn run_all() -> Outcome {
    let dir = vectors_dir();
    let default_target: Value = serde_json::from_str(DEFAULT_TARGET).expect("default target");
    let mut outcome = Outcome {
        endpoints: Vec::new(),
        cases: 0,
        failures: Vec::new(),
    };
    for path in vector_files(&dir) {
        let shown = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        let doc = read_json(&path);
        let Some(file) = doc.as_object() else {
            outcome.failures.push(format!("{shown}: not a JSON object"));
            continue;
        };
        if let Some(k) = file.keys().find(|k| !FILE_KEYS.contains(&k.as_str())) {
            outcome
                .failures
                .push(format!("{shown}: unknown top-level key {k:?}"));
        }
        let endpoint = file
            .get("endpoint")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let provider = endpoint.split('.').next().unwrap_or_default();
        let expected_path = Path::new(provider).join(format!("{endpoint}.json"));
        if endpoint.is_empty() || path.strip_prefix(&dir).ok() != Some(expected_path.as_path()) {
            outcome.failures.push(format!(
                "{shown}: endpoint {endpoint:?} must live in {}",
                expected_path.display()
            ));
        }
        match file.get("source").and_then(Value::as_str) {
            Some(source) if !source.is_empty() => {}
            _ => outcome
                .failures
                .push(format!("{shown}: missing \"source\"")),
        }
        outcome.endpoints.push(endpoint.to_owned());
        let file_target = file.get("target").unwrap_or(&default_target);
        let cases = file
            .get("cases")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if cases.is_empty() {
            outcome.failures.push(format!("{shown}: no cases"));
        }
        let mut names = BTreeSet::new();
        for (i, case) in cases.iter().enumerate() {
            outcome.cases += 1;
            let Some(case) = case.as_object() else {
                outcome
                    .failures
                    .push(format!("{shown}: case #{i} is not an object"));
                continue;
            };
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("<unnamed>");
            if !names.insert(name) {
                outcome
                    .failures
                    .push(format!("{shown}: case name {name:?} is used twice"));
            }
            if let Err(msg) = run_case(endpoint, file_target, case) {
                outcome
                    .failures
                    .push(format!("{shown} / case #{i} {name:?}:\n{msg}"));
            }
        }
    }
    outcome
}

fn inventory_ids() -> Vec<String> {
    let inventory = read_json(&vectors_dir().join("inventory.json"));
    inventory
        .as_array()
        .expect("inventory.json must be an array")
        .iter()
        .map(|row| {
            row.get("id")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("inventory row without id: {row}"))
                .to_owned()
        })
        .collect()
}

#[test]
fn golden_vectors() {
    let outcome = run_all();
    println!(
        "{} vector files, {} cases, {} failures",
        outcome.endpoints.len(),
        outcome.cases,
        outcome.failures.len()
    );
    assert!(
        outcome.failures.is_empty(),
        "{} of {} vector cases failed:\n\n{}",
        outcome.failures.len(),
        outcome.cases,
        outcome.failures.join("\n\n")
    );
    // The fast path must be taken on the documented shapes, not only be safe.
    let verbatim = VERBATIM_CASES.load(std::sync::atomic::Ordering::Relaxed);
    println!("{verbatim} cases read verbatim");
    assert!(verbatim >= 40, "only {verbatim} cases were read verbatim");
    assert!(
        outcome.cases > 200,
        "only {} vector cases; expected more than 200",
        outcome.cases
    );
}

#[test]
fn every_endpoint_has_vectors_and_the_inventory_matches() {
    let files: BTreeSet<String> = vector_files(&vectors_dir())
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let ids: Vec<String> = Operation::IDS.iter().map(|s| (*s).to_owned()).collect();
    let inventory = inventory_ids();
    let missing: BTreeSet<&String> = ids
        .iter()
        .chain(&inventory)
        .filter(|id| !files.contains(*id))
        .collect();
    let mut problems: Vec<String> = missing
        .iter()
        .map(|id| format!("no vector file for endpoint {id:?}"))
        .collect();
    for f in &files {
        if !ids.contains(f) {
            problems.push(format!(
                "vector file {f:?} names no endpoint in Operation::IDS"
            ));
        }
    }
    if ids != inventory {
        problems.push(format!(
            "inventory.json and Operation::IDS differ:\n  only in IDS: {:?}\n  only in inventory: {:?}\n  (or the order differs)",
            ids.iter().filter(|i| !inventory.contains(i)).collect::<Vec<_>>(),
            inventory.iter().filter(|i| !ids.contains(i)).collect::<Vec<_>>(),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
