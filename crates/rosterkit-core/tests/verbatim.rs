//! `Operation::verbatim`: the body is declared to be the output only when the
//! typed output, written as JSON, is the same value; everything else falls
//! back to `parse`. `tests/vectors.rs` checks the same property over every
//! golden vector; these cases pin each reason to fall back.

use rosterkit_core::{Operation, Response, Verbatim};
use serde_json::{json, Value};

fn op(id: &str, input: Value) -> Operation {
    Operation::from_json(id, input).expect("operation")
}

fn polaris_members() -> Operation {
    op("polaris.list_group_members", json!({"group_id": "g1"}))
}

fn ssw_members() -> Operation {
    op("ssw.list_members", json!({}))
}

fn response(status: u16, body: &str) -> Response {
    Response::new(status, body.as_bytes().to_vec())
}

/// The verdict, after checking that a `Some` is true.
fn verdict(op: &Operation, body: &str) -> Option<Verbatim> {
    let resp = response(200, body);
    let pick = op.verbatim(&resp)?;
    let written = serde_json::to_value(op.parse(&resp).expect("parse after Some")).unwrap();
    let value: Value = serde_json::from_str(body).unwrap();
    let picked = match pick {
        Verbatim::Body => value,
        Verbatim::Field(key) => value[key].clone(),
    };
    assert_eq!(written, picked, "verbatim said {pick:?} for {body}");
    Some(pick)
}

const MEMBER: &str =
    r#"{"id":"u1","username":"a@x.io","email":"a@x.io","firstName":"A","lastName":"B"}"#;

#[test]
fn documented_list_pages_are_verbatim() {
    let polaris = format!(r#"{{"values":[{MEMBER},{MEMBER}],"count":2}}"#);
    assert_eq!(verdict(&polaris_members(), &polaris), Some(Verbatim::Body));
    let ssw = r#"{"code":0,"message":"success","data":{"members":[
        {"user_id":"u1","email":"a@x.io","status":"active"}],"page":1,"page_size":100,"total":1}}"#;
    assert_eq!(verdict(&ssw_members(), ssw), Some(Verbatim::Field("data")));
}

#[test]
fn parse_to_json_hands_over_the_body_text() {
    let polaris = format!(r#"{{"values":[{MEMBER}],"count":1}}"#);
    let resp = response(200, &polaris);
    assert_eq!(polaris_members().parse_to_json(&resp).unwrap(), polaris);
    let ssw = r#"{"code":0,"data":{"members":[{"user_id":"u1"}]},"message":"success"}"#;
    let resp = response(200, ssw);
    assert_eq!(
        ssw_members().parse_to_json(&resp).unwrap(),
        r#"{"members":[{"user_id":"u1"}]}"#
    );
    // Not verbatim: the typed output, written.
    let resp = response(200, r#"{"values":[{"id":"u1","email":null}]}"#);
    assert_eq!(
        polaris_members().parse_to_json(&resp).unwrap(),
        r#"{"values":[{"id":"u1"}]}"#
    );
    // A failure is the typed error either way.
    let resp = response(404, r#"{"message":"no such group"}"#);
    assert!(polaris_members().parse_to_json(&resp).is_err());
}

#[test]
fn unknown_fields_and_escapes_stay_verbatim() {
    let body = r#"{"values":[{"id":"u\u00e9","team":{"name":"x","tags":["a",1.5,true]}}]}"#;
    assert_eq!(verdict(&polaris_members(), body), Some(Verbatim::Body));
}

#[test]
fn what_the_output_would_write_differently_falls_back() {
    let cases = [
        // The output leaves a null out; JavaScript would see `null`.
        (
            r#"{"values":[{"id":"u1","email":null}]}"#,
            "null optional field",
        ),
        (
            r#"{"values":[{"id":"u1","team":null}]}"#,
            "null unknown field",
        ),
        (
            r#"{"values":[{"id":"u1","team":[1,null]}]}"#,
            "null inside an unknown field",
        ),
        (r#"{"values":[],"count":null}"#, "null count"),
        // serde's typed parse refuses these; the typed path says why.
        (
            r#"{"values":[{"id":"u1","id":"u2"}]}"#,
            "duplicate known key",
        ),
        (r#"{"values":[{"username":"a"}]}"#, "missing required field"),
        (r#"{"values":[{"id":7}]}"#, "wrong type"),
        (r#"{"count":1}"#, "missing list key"),
        (r#"{"values":[]} x"#, "trailing bytes"),
        (r#"{"values":["#, "truncated"),
        ("", "empty body"),
        // Beyond 2^53 a JavaScript number is not the integer the vendor sent.
        (
            r#"{"values":[],"count":9007199254740993}"#,
            "count beyond 2^53",
        ),
        (
            r#"{"values":[{"id":"u1","n":-9007199254740993}]}"#,
            "unknown integer beyond 2^53",
        ),
    ];
    for (body, why) in cases {
        assert_eq!(verdict(&polaris_members(), body), None, "{why}: {body}");
    }
}

#[test]
fn a_default_field_left_out_falls_back() {
    // `groups` is written even when the vendor left it out (as `[]`).
    let get_user = op("polaris.get_user", json!({"user_id": "u1"}));
    let without = r#"{"id":"u1","username":"a"}"#;
    assert_eq!(verdict(&get_user, without), None);
    let with = r#"{"id":"u1","username":"a","groups":[{"id":"g1","name":"G"}]}"#;
    assert_eq!(verdict(&get_user, with), Some(Verbatim::Body));
}

#[test]
fn failures_are_never_verbatim() {
    let polaris = format!(r#"{{"values":[{MEMBER}]}}"#);
    for status in [201, 204] {
        assert!(polaris_members()
            .verbatim(&response(status, &polaris))
            .is_some());
    }
    for status in [301, 400, 401, 404, 409, 429, 500] {
        assert_eq!(
            polaris_members().verbatim(&response(status, &polaris)),
            None,
            "{status}"
        );
    }
    // SSW: a failure inside a 200, or no `data`.
    for body in [
        r#"{"code":40001,"message":"bad","data":{"members":[]}}"#,
        r#"{"code":"7","data":{"members":[]}}"#,
        r#"{"code":0,"message":"success"}"#,
        r#"{"code":0,"data":null}"#,
        r#"{"code":0,"data":{"members":[]},"data":{"members":[]}}"#,
    ] {
        assert_eq!(verdict(&ssw_members(), body), None, "{body}");
    }
    // Not UTF-8 outside `data` (found by the fuzzer): the host could not
    // decode the body as the core read it.
    let body = [
        &br#"{"code":0,"message":"suc"#[..],
        &[0xd9],
        br#"ess","data":{"members":[]}}"#,
    ]
    .concat();
    assert_eq!(ssw_members().verbatim(&Response::new(200, body)), None);
    assert_eq!(
        verdict(&ssw_members(), r#"{"code":"0","data":{"members":[]}}"#),
        Some(Verbatim::Field("data"))
    );
}

#[test]
fn endpoints_without_a_plain_parse_never_say_verbatim() {
    // Alteryx reports per-user failures inside a 200: always the typed path.
    let add = op(
        "alteryx.add_users_to_user_group",
        json!({"group_id": "g1", "user_ids": ["u1"]}),
    );
    assert_eq!(
        add.verbatim(&response(200, r#"{"failedUserReasons":[]}"#)),
        None
    );
}

#[test]
fn a_group_id_is_checked_by_writing_it_back() {
    // B2Core ids are an integer or a string (an untagged enum): checked by
    // reading the value into the type and comparing what it writes.
    let get = op("b2core.get_group", json!({"group_id": "1"}));
    for body in [
        r#"{"id":1,"name":"Admins","permissions":["a"]}"#,
        r#"{"id":"g-1","permissions":[]}"#,
    ] {
        assert_eq!(verdict(&get, body), Some(Verbatim::Body), "{body}");
    }
    for body in [
        r#"{"id":1.5,"permissions":[]}"#,
        r#"{"id":9007199254740993,"permissions":[]}"#,
        r#"{"id":null,"permissions":[]}"#,
    ] {
        assert_eq!(verdict(&get, body), None, "{body}");
    }
}
