//! Unified behaviour vectors: runs every case of `tests/vectors/unified/*.json`
//! through the client's by-name entry point, [`Client::unified`], over a
//! transport that answers from the case's script.
//!
//! The format and the rules are in `tests/vectors/unified/README.md`; the
//! Python, Node and Kotlin suites read the same files with the same rules.
//! Every failing case is reported (file, name and what differed), and a
//! directory without cases fails too.

use rosterkit::{
    BoxFuture, Client, Provider, Request, Response, RetryPolicy, Transport, TransportError,
    UnifiedOp,
};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const FILE_KEYS: &[&str] = &["topic", "description", "cases"];
const CASE_KEYS: &[&str] = &[
    "name",
    "provider",
    "target",
    "retry",
    "op",
    "exchanges",
    "expect",
];
const TARGET_KEYS: &[&str] = &["base_url", "token", "tenant_id"];
const RETRY_KEYS: [&str; 5] = [
    "max_attempts",
    "base_delay_ms",
    "max_delay_ms",
    "max_retry_after_ms",
    "deadline_ms",
];

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/unified")
}

/// The `.json` files of the directory, sorted.
fn vector_files(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let mut out: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// JSON equality where numbers compare by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
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
        _ if same(expected, actual) => {}
        _ => out.push(format!("  {path}: expected {expected}, got {actual}")),
    }
}

/// `Ok` when equal, else the differing paths and both values.
fn compare(what: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    if same(expected, actual) {
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

fn error_json(e: &rosterkit::Error) -> Value {
    serde_json::to_value(e).unwrap_or_else(|err| json!({"unserializable error": err.to_string()}))
}

/// A request as the vectors write it: method, URL and body, the body in the
/// form the expected one uses (`{"json"}` parsed, `{"text"}` as a string).
fn request_json(request: &Request, expected_body: &Value) -> Value {
    let wants_text = expected_body.get("text").is_some();
    let body = match request.body.as_deref() {
        None | Some([]) => Value::Null,
        Some(bytes) => match serde_json::from_slice::<Value>(bytes) {
            Ok(v) if !wants_text => json!({ "json": v }),
            _ => match std::str::from_utf8(bytes) {
                Ok(text) => json!({ "text": text }),
                Err(_) => json!({ "bytes": bytes }),
            },
        },
    };
    json!({"method": request.method, "url": request.url, "body": body})
}

fn check_request_shape(v: &Value) -> Result<(), String> {
    let keys: BTreeSet<&str> = v
        .as_object()
        .ok_or("an exchange's request must be an object")?
        .keys()
        .map(String::as_str)
        .collect();
    if keys != BTreeSet::from(["method", "url", "body"]) {
        return Err(format!(
            "an exchange's request must have exactly method, url and body, got {v}"
        ));
    }
    match &v["body"] {
        Value::Null => Ok(()),
        Value::Object(b) if b.len() == 1 && (b.contains_key("json") || b["text"].is_string()) => {
            Ok(())
        }
        other => Err(format!(
            "request.body must be null, {{\"json\"}} or {{\"text\"}}, got {other}"
        )),
    }
}

fn response_from(v: &Value) -> Result<Response, String> {
    let status = v
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or("response.status must be an HTTP status number")?;
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
    let mut response = Response::new(status, body);
    for pair in v
        .get("headers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(k), Value::String(v)]) => response = response.with_header(k, v),
            _ => return Err(format!("response header {pair} must be [name, value]")),
        }
    }
    Ok(response)
}

struct Exchange {
    request: Value,
    response: Response,
}

#[derive(Default)]
struct Script {
    exchanges: Vec<Exchange>,
    used: usize,
    problems: Vec<String>,
}

/// Answers each request with the next exchange of the script, after checking
/// that the request is the one the script expects. A request that differs, or
/// one beyond the script, is recorded and ends the call (as a cancellation).
struct ScriptedTransport {
    script: Mutex<Script>,
}

impl ScriptedTransport {
    fn answer(&self, request: &Request) -> Result<Response, TransportError> {
        let mut guard = self.script.lock().expect("script lock");
        let script = &mut *guard;
        let n = script.used;
        let checked = match script.exchanges.get(n) {
            None => Err(format!(
                "request #{} is beyond the script ({} exchanges): {}",
                n + 1,
                script.exchanges.len(),
                pretty(&request_json(request, &Value::Null)).replace('\n', "\n  ")
            )),
            Some(exchange) => {
                let actual = request_json(request, &exchange.request["body"]);
                compare(&format!("request #{}", n + 1), &exchange.request, &actual)
                    .map(|()| exchange.response.clone())
            }
        };
        match checked {
            Ok(response) => {
                script.used += 1;
                Ok(response)
            }
            Err(msg) => {
                script.problems.push(msg);
                Err(TransportError::Cancelled)
            }
        }
    }
}

impl Transport for ScriptedTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        let result = self.answer(&request);
        Box::pin(async move { result })
    }

    fn sleep(&self, _millis: u64) -> BoxFuture<'_, Result<(), TransportError>> {
        Box::pin(async { Ok(()) })
    }

    fn now_ms(&self) -> u64 {
        0
    }

    fn seed(&self) -> u64 {
        0
    }
}

fn provider(v: Option<&Value>) -> Result<Provider, String> {
    let id = v.and_then(Value::as_str).unwrap_or_default();
    Provider::ALL
        .into_iter()
        .find(|p| p.id() == id)
        .ok_or_else(|| {
            format!("provider must be one of ssw, spotnana, b2core, polaris, alteryx, got {id:?}")
        })
}

/// The case's retry policy: every field given, or none at all (one attempt).
fn retry_policy(v: Option<&Value>) -> Result<RetryPolicy, String> {
    let Some(v) = v else {
        return Ok(RetryPolicy::none());
    };
    let keys: BTreeSet<&str> = v
        .as_object()
        .ok_or_else(|| format!("retry must be an object, got {v}"))?
        .keys()
        .map(String::as_str)
        .collect();
    if keys != BTreeSet::from(RETRY_KEYS) {
        return Err(format!("retry must have exactly {RETRY_KEYS:?}, got {v}"));
    }
    serde_json::from_value(v.clone()).map_err(|e| format!("bad retry {v}: {e}"))
}

fn build_client(
    case: &Map<String, Value>,
    transport: Arc<ScriptedTransport>,
) -> Result<Result<Client, rosterkit::Error>, String> {
    let provider = provider(case.get("provider"))?;
    let target = case
        .get("target")
        .and_then(Value::as_object)
        .ok_or("a case must have a target object")?;
    if let Some(k) = target.keys().find(|k| !TARGET_KEYS.contains(&k.as_str())) {
        return Err(format!("unknown target key {k:?}"));
    }
    let text = |k: &str| {
        target
            .get(k)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("target.{k} must be a string"))
    };
    let tenant = match target.get("tenant_id") {
        Some(Value::Null) => None,
        Some(Value::String(t)) => Some(t.clone()),
        _ => return Err("target.tenant_id must be a string or null".to_owned()),
    };
    let mut builder = Client::builder(provider, text("base_url")?, text("token")?)
        .retry_policy(retry_policy(case.get("retry"))?)
        .concurrency(1)
        .transport(transport);
    if let Some(t) = tenant {
        builder = builder.tenant_id(t);
    }
    Ok(builder.build())
}

fn load_script(case: &Map<String, Value>) -> Result<Script, String> {
    let exchanges = case
        .get("exchanges")
        .and_then(Value::as_array)
        .ok_or("a case must have an exchanges array")?;
    let mut script = Script::default();
    for (i, e) in exchanges.iter().enumerate() {
        let at = |msg: String| format!("exchange #{}: {msg}", i + 1);
        let request = e.get("request").ok_or_else(|| at("no request".into()))?;
        check_request_shape(request).map_err(at)?;
        let response = e
            .get("response")
            .ok_or_else(|| at("no response".into()))
            .and_then(|r| response_from(r).map_err(at))?;
        script.exchanges.push(Exchange {
            request: request.clone(),
            response,
        });
    }
    Ok(script)
}

/// What the call returned, checked against `expect`.
fn check_expect(expect: &Value, outcome: &Result<Value, rosterkit::Error>) -> Result<(), String> {
    let expect = expect.as_object().ok_or("expect must be an object")?;
    match (expect.get("ok"), expect.get("error"), outcome) {
        (Some(want), None, Ok(actual)) => compare("result", want, actual),
        (Some(_), None, Err(e)) => Err(format!(
            "expected a result, the call failed with\n  {}",
            pretty(&error_json(e)).replace('\n', "\n  ")
        )),
        (None, Some(want), Err(e)) => {
            let want = want.as_object().ok_or("expect.error must be an object")?;
            if !want.contains_key("kind") {
                return Err("expect.error must name its kind".to_owned());
            }
            let actual = error_json(e);
            let wrong: Vec<String> = want
                .iter()
                .filter(|(k, v)| !actual.get(k.as_str()).is_some_and(|a| same(v, a)))
                .map(|(k, v)| {
                    let got = actual
                        .get(k.as_str())
                        .map_or("nothing".to_owned(), Value::to_string);
                    format!("  $.{k}: expected {v}, got {got}")
                })
                .collect();
            if wrong.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "error differs:\n{}\n  expected (a subset): {}\n  actual:   {}",
                    wrong.join("\n"),
                    pretty(&Value::Object(want.clone())).replace('\n', "\n  "),
                    pretty(&actual).replace('\n', "\n  "),
                ))
            }
        }
        (None, Some(_), Ok(actual)) => Err(format!(
            "expected an error, the call returned\n  {}",
            pretty(actual).replace('\n', "\n  ")
        )),
        _ => Err("expect must be {\"ok\": ..} or {\"error\": ..}".to_owned()),
    }
}

/// Runs one case; `Err` carries everything that went wrong.
async fn run_case(case: &Map<String, Value>) -> Result<(), String> {
    if let Some(k) = case.keys().find(|k| !CASE_KEYS.contains(&k.as_str())) {
        return Err(format!("unknown case key {k:?}"));
    }
    for k in CASE_KEYS.iter().filter(|k| **k != "retry") {
        if !case.contains_key(*k) {
            return Err(format!("a case must have {k:?}"));
        }
    }
    let op = case.get("op").ok_or("a case must have op")?;
    let transport = Arc::new(ScriptedTransport {
        script: Mutex::new(load_script(case)?),
    });
    let client = build_client(case, transport.clone())?;
    let outcome = match (client, UnifiedOp::from_text(&op.to_string())) {
        (Ok(client), Ok(op)) => match client.unified(op).await {
            Ok(out) => out
                .to_json()
                .map_err(|e| format!("the result is not JSON: {e}"))
                .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
                .map(Ok)?,
            Err(e) => Err(e),
        },
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let script = transport.script.lock().expect("script lock");
    let mut problems = script.problems.clone();
    if !problems.is_empty() {
        // The transport ended the call at that request: what it returned
        // then says nothing about the case.
        problems.push("(the call was stopped there; its result is not compared)".to_owned());
        return Err(problems.join("\n"));
    }
    if script.used < script.exchanges.len() {
        let rest: Vec<String> = script.exchanges[script.used..]
            .iter()
            .map(|e| format!("  {} {}", e.request["method"], e.request["url"]))
            .collect();
        problems.push(format!(
            "{} of {} exchanges were not used:\n{}",
            script.exchanges.len() - script.used,
            script.exchanges.len(),
            rest.join("\n")
        ));
    }
    problems.extend(check_expect(&case["expect"], &outcome).err());
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[tokio::test]
async fn unified_vectors() {
    let dir = vectors_dir();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut names = BTreeSet::new();
    let files = vector_files(&dir);
    for path in &files {
        let shown = path.file_name().unwrap_or_default().to_string_lossy();
        let text =
            fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let doc: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{shown}: not JSON: {e}"));
                continue;
            }
        };
        let Some(file) = doc.as_object() else {
            failures.push(format!("{shown}: not a JSON object"));
            continue;
        };
        if let Some(k) = file.keys().find(|k| !FILE_KEYS.contains(&k.as_str())) {
            failures.push(format!("{shown}: unknown top-level key {k:?}"));
        }
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if file.get("topic").and_then(Value::as_str) != Some(stem.as_ref()) {
            failures.push(format!("{shown}: \"topic\" must be {stem:?}"));
        }
        let cases = file
            .get("cases")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if cases.is_empty() {
            failures.push(format!("{shown}: no cases"));
        }
        for (i, case) in cases.iter().enumerate() {
            total += 1;
            let Some(case) = case.as_object() else {
                failures.push(format!("{shown}: case #{i} is not an object"));
                continue;
            };
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("<unnamed>")
                .to_owned();
            if !names.insert(name.clone()) {
                failures.push(format!("{shown}: case name {name:?} is used twice"));
            }
            if let Err(msg) = run_case(case).await {
                failures.push(format!("{shown} / case #{i} {name:?}:\n{msg}"));
            }
        }
    }
    println!(
        "{} unified vector files, {total} cases, {} failures",
        files.len(),
        failures.len()
    );
    assert!(
        total > 0,
        "no unified vector cases under {}; run python3 tests/vectors/unified/generate.py",
        dir.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} unified vector cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
