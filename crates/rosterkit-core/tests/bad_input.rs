//! Hostile input: ids that try to change the path, tokens that try to add
//! headers, out-of-range sizes, and responses that try to break the parser.

use proptest::prelude::*;
use rosterkit_core::providers::{alteryx, b2core, polaris, spotnana, ssw};
use rosterkit_core::{Endpoint, Error, Operation, Response, Target};
use serde_json::json;

fn target() -> Target {
    Target::new("https://api.example.com/base", "test-token")
}

fn field_of(e: Error) -> String {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn hostile_ids_are_encoded_into_one_segment() {
    let cases = [
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("a..b", "a..b"),
        ("x?y=1", "x%3Fy%3D1"),
        ("x#frag", "x%23frag"),
        ("50%", "50%25"),
        ("with space", "with%20space"),
        ("crlf\r\nX-Evil: 1", "crlf%0D%0AX-Evil%3A%201"),
        ("héllo✓", "h%C3%A9llo%E2%9C%93"),
    ];
    for (id, encoded) in cases {
        let req = alteryx::RemoveUserFromUserGroup {
            group_id: id.into(),
            user_id: id.into(),
        }
        .request(&target())
        .unwrap();
        assert_eq!(
            req.url,
            format!("https://api.example.com/base/v3/usergroups/{encoded}/users/{encoded}")
        );
        assert_eq!(req.headers.len(), 2, "no header added by {id:?}");
        assert!(req
            .headers
            .iter()
            .all(|h| !h.name.contains('\n') && !h.value.contains('\n')));
    }
}

#[test]
fn dot_segments_and_empty_ids_are_rejected_naming_the_field() {
    for id in [".", "..", "", "   "] {
        let e = polaris::GetUser { user_id: id.into() }
            .request(&target())
            .unwrap_err();
        assert_eq!(field_of(e), "user_id", "{id:?}");
    }
    let e = ssw::AddGroupMember {
        group_id: "g".into(),
        user_id: String::new(),
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "user_id");
    let e = ssw::ListGroupMembers::default()
        .request(&target())
        .unwrap_err();
    assert_eq!(field_of(e), "group_id");
}

#[test]
fn tokens_with_line_breaks_are_rejected_and_never_echoed() {
    for token in ["abc\r\nX-Evil: 1", "abc\n", "abc\r", ""] {
        let t = Target::new("https://api.example.com", token);
        let e = b2core::GetGroup {
            group_id: "1".into(),
        }
        .request(&t)
        .unwrap_err();
        let shown = format!("{e} {e:?}");
        assert_eq!(field_of(e), "token");
        if !token.is_empty() {
            assert!(!shown.contains("abc"), "{shown}");
        }
    }
}

#[test]
fn credentials_are_redacted_in_debug_and_display() {
    let t = Target::new("https://api.example.com", "s3cr3t-token-value");
    let shown = format!("{t:?} {} {:?}", t.token, t.token);
    assert!(!shown.contains("s3cr3t"), "{shown}");
}

#[test]
fn bad_base_urls_are_rejected() {
    for base in [
        "ftp://x",
        "https://",
        "https://host/a b",
        "https://host/?q",
        "host.example",
    ] {
        let e = polaris::ListGroups {}
            .request(&Target::new(base, "t"))
            .unwrap_err();
        assert_eq!(field_of(e), "base_url", "{base}");
    }
}

#[test]
fn page_sizes_out_of_range_name_the_field() {
    let e = ssw::ListMembers {
        page_size: Some(0),
        ..Default::default()
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "page_size");
    let e = ssw::ListMembers {
        page_size: Some(1001),
        ..Default::default()
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "page_size");
    let e = spotnana::ListUserGroups {
        company_id: "c".into(),
        pagination: spotnana::Pagination {
            offset: 0,
            limit: 5000,
        },
        ..Default::default()
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "pagination.limit");
    let e = b2core::ListGroups {
        limit: Some(0),
        offset: None,
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "limit");
}

#[test]
fn documented_constraints_are_checked() {
    let e = b2core::CreateGroup {
        name: "Admins".into(),
        permissions: vec!["accounts.read".into(), "accounts.read".into()],
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "permissions");
    // Case-sensitive: these two are different permissions.
    b2core::CreateGroup {
        name: "Admins".into(),
        permissions: vec!["accounts.read".into(), "Accounts.read".into()],
    }
    .request(&target())
    .unwrap();
    let e = alteryx::CreateUserGroup {
        name: "Accounting".into(),
        role: "Admin".into(),
    }
    .request(&target())
    .unwrap_err();
    assert_eq!(field_of(e), "role");
}

#[test]
fn json_input_errors_name_the_field() {
    let e = Operation::from_json(
        "polaris.add_group_members",
        json!({"group_id": "g", "user_ids": [1]}),
    )
    .unwrap_err();
    assert_eq!(field_of(e), "user_ids[0]");
    let e = Operation::from_json("polaris.get_user", json!({})).unwrap_err();
    assert_eq!(field_of(e), "user_id");
    let e =
        Operation::from_json("polaris.get_user", json!({"user_id": "u", "extra": 1})).unwrap_err();
    assert_eq!(field_of(e), "extra");
    let e = Operation::from_json("nope.nothing", json!({})).unwrap_err();
    assert_eq!(field_of(e), "endpoint");
}

fn decode_kind(body: Vec<u8>) -> String {
    let op = polaris::ListGroups {};
    match op.parse(&Response::new(200, body)) {
        Err(Error::Decode { excerpt, .. }) => {
            assert!(excerpt.chars().count() <= 121);
            "decode".into()
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn hostile_responses_give_decode_errors() {
    assert_eq!(
        decode_kind(br#"{"values": [{"id": "a", "na"#.to_vec()),
        "decode"
    );
    assert_eq!(
        decode_kind(b"<html><body>502 Bad Gateway</body></html>".to_vec()),
        "decode"
    );
    assert_eq!(
        decode_kind(br#"{"values": "not a list"}"#.to_vec()),
        "decode"
    );
    assert_eq!(
        decode_kind(br#"{"values": [{"id": 7, "name": []}]}"#.to_vec()),
        "decode"
    );
    assert_eq!(decode_kind(Vec::new()), "decode");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(decode_kind(deep.into_bytes()), "decode");
    let deep_obj = "{\"a\":".repeat(10_000) + &"}".repeat(10_000);
    assert_eq!(decode_kind(deep_obj.into_bytes()), "decode");
    let mut big = br#"{"values": [{"id": "x", "name": ""#.to_vec();
    big.resize(50 * 1024 * 1024, b'a');
    big.extend_from_slice(br#""}]}"#);
    assert_eq!(decode_kind(big), "decode");
}

#[test]
fn decode_excerpts_hide_echoed_secrets() {
    let body = br#"{"values": 1, "token": "s3cr3t-token-value", "auth": "Bearer s3cr3t-2"}"#;
    let e = polaris::ListGroups {}
        .parse(&Response::new(200, body.to_vec()))
        .unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains("s3cr3t"), "{shown}");
}

#[test]
fn ssw_nonzero_code_on_http_200_is_an_error() {
    let body = br#"{"code": 40900, "message": "user is already a member"}"#;
    let e = ssw::AddGroupMember {
        group_id: "g".into(),
        user_id: "u".into(),
    }
    .parse(&Response::new(200, body.to_vec()))
    .unwrap_err();
    assert_eq!(
        e,
        Error::Api {
            status: 200,
            vendor_code: Some("40900".into()),
            message: "user is already a member".into(),
            debug_identifier: None,
        }
    );
}

proptest! {
    #[test]
    fn any_id_stays_one_path_segment(id in "\\PC{1,40}") {
        prop_assume!(id != "." && id != ".." && !id.trim().is_empty());
        let req = polaris::GetUser { user_id: id.clone() }.request(&target()).unwrap();
        let prefix = "https://api.example.com/base/v1/users/";
        prop_assert!(req.url.starts_with(prefix));
        let segment = &req.url[prefix.len()..];
        prop_assert!(segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{}", segment);
        let decoded = percent_decode(segment);
        prop_assert_eq!(decoded, id);
    }

    #[test]
    fn any_query_value_round_trips(search in "\\PC{0,40}") {
        let req = ssw::ListMembers { search: Some(search.clone()), ..Default::default() }.request(&target()).unwrap();
        let query = req.url.split_once('?').unwrap().1;
        prop_assert_eq!(query.matches('&').count(), 0);
        let value = query.strip_prefix("search=").unwrap();
        prop_assert_eq!(percent_decode(value), search);
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
