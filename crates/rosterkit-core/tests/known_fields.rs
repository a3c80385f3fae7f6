//! The vendor models read known fields with a hand-listed visitor
//! (`providers/known_fields.rs`) and write them with serde's derive. These
//! tests keep the two in step: every model, given every field it names (with
//! a non-default value) plus one it does not, reads and writes back the same
//! JSON, from bytes and from a `serde_json::Value` alike.

use rosterkit_core::providers::{alteryx, b2core, polaris, spotnana, ssw};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn round_trip<T: Serialize + DeserializeOwned>(mut wire: Value) {
    wire["unknownField"] = json!({"kept": [1, "two"]});
    let name = std::any::type_name::<T>();
    let from_bytes: T = serde_json::from_slice(&serde_json::to_vec(&wire).unwrap())
        .unwrap_or_else(|e| panic!("{name} from bytes: {e}"));
    assert_eq!(serde_json::to_value(&from_bytes).unwrap(), wire, "{name}");
    let from_value: T =
        serde_json::from_value(wire.clone()).unwrap_or_else(|e| panic!("{name} from a Value: {e}"));
    assert_eq!(serde_json::to_value(&from_value).unwrap(), wire, "{name}");
}

#[test]
fn polaris_models_round_trip() {
    let perm = json!({"name": "ManageDashboards", "resources": ["projects/*"], "description": "d"});
    let group_ref = json!({"id": "g1", "name": "Admins"});
    round_trip::<polaris::Permission>(perm.clone());
    round_trip::<polaris::GroupRef>(group_ref.clone());
    round_trip::<polaris::Group>(json!({
        "id": "g1", "name": "Admins", "readOnly": true, "permissions": [perm], "userCount": 3
    }));
    round_trip::<polaris::User>(json!({
        "id": "u1", "username": "a@x.io", "email": "a@x.io", "firstName": "A", "lastName": "B",
        "enabled": true, "emailVerified": false, "permissions": [perm], "groups": [group_ref],
        "identities": [{"provider": "okta"}], "actions": ["VERIFY_EMAIL"],
        "createdOn": "2023-09-21T02:45:09.205Z"
    }));
    round_trip::<polaris::GroupMember>(json!({
        "id": "u1", "username": "a@x.io", "email": "a@x.io", "firstName": "A", "lastName": "B"
    }));
    round_trip::<polaris::Project>(json!({"id": "p1", "name": "Sales"}));
    round_trip::<polaris::Values<polaris::Project>>(json!({
        "values": [{"id": "p1", "name": "Sales", "region": "us"}], "count": 1
    }));
    round_trip::<polaris::CreateUser>(json!({
        "username": "a@x.io", "email": "a@x.io", "firstName": "A", "lastName": "B",
        "groups": [{"id": "g1"}], "permissions": [perm]
    }));
}

#[test]
fn ssw_models_round_trip() {
    let member = json!({"user_id": "u1", "email": "a@x.io", "status": "active"});
    round_trip::<ssw::Member>(member.clone());
    round_trip::<ssw::MemberPage>(json!({
        "members": [member], "page": 1, "page_size": 30, "total": 100
    }));
    round_trip::<ssw::Group>(json!({"group_id": "g1", "name": "Ops"}));
    round_trip::<ssw::Ack>(json!({"message": "ok", "data": {"id": 1}}));
    round_trip::<ssw::UpdateGroup>(json!({"group_id": "g1", "name": "Ops"}));
}

#[test]
fn spotnana_models_round_trip() {
    let pagination = json!({"offset": 0, "limit": 100, "totalNumResults": 1});
    let group = json!({
        "id": "g1", "name": "Travel", "description": "d", "companyId": "c1",
        "isUnmodifiable": false, "createdAt": {"iso8601": "2024-01-01T00:00:00Z"},
        "updatedAt": {"iso8601": "2024-01-02T00:00:00Z"}, "createdBy": {"id": "u0"},
        "updatedBy": {"id": "u0"}
    });
    let role = json!({
        "id": "r1", "name": "Admin", "description": "d", "isPlatformRole": true,
        "permissions": ["x"]
    });
    round_trip::<spotnana::PaginationResult>(pagination.clone());
    round_trip::<spotnana::UserGroup>(group.clone());
    round_trip::<spotnana::UserGroupPage>(json!({"userGroups": [group], "pagination": pagination}));
    round_trip::<spotnana::GroupMember>(json!({"userId": "u1", "addedAt": "2024-01-01"}));
    round_trip::<spotnana::MemberPage>(json!({
        "members": [{"userId": "u1"}], "pagination": pagination
    }));
    round_trip::<spotnana::Role>(role.clone());
    round_trip::<spotnana::RolePage>(json!({"roles": [role], "pagination": pagination}));
}

#[test]
fn b2core_and_alteryx_models_round_trip() {
    round_trip::<b2core::Group>(json!({"id": 7, "name": "VIP", "permissions": ["read"]}));
    let member = json!({
        "userId": "u1", "dateAddedToGroup": "2024-01-01", "addedByUserId": "u0",
        "firstName": "A", "lastName": "B", "email": "a@x.io"
    });
    round_trip::<alteryx::GroupMember>(member.clone());
    round_trip::<alteryx::UserGroup>(json!({
        "id": "g1", "name": "Analysts", "role": "Artisan", "dateCreated": "2024-01-01",
        "members": [member]
    }));
    round_trip::<alteryx::AddedUsers>(json!({
        "successfullyAddedUserCount": 1, "totalUsersSubmittedCount": 2,
        "failedUserReasons": {"u9": "User not found"}
    }));
}

#[test]
fn an_alias_reads_as_its_field() {
    // Alteryx group detail members as the vendor file shows them (`id`).
    let m: alteryx::GroupMember = serde_json::from_value(json!({"id": "u1"})).unwrap();
    assert_eq!(m.user_id, "u1");
    assert!(m.extra.is_empty());
}

#[test]
fn errors_are_serdes_own() {
    let missing = serde_json::from_str::<ssw::Member>(r#"{"email": "a@x.io"}"#).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "missing field `user_id` at line 1 column 19"
    );
    let twice =
        serde_json::from_str::<ssw::Member>(r#"{"user_id": "a", "user_id": "b"}"#).unwrap_err();
    assert!(
        twice.to_string().starts_with("duplicate field `user_id`"),
        "{twice}"
    );
    let wrong = serde_json::from_str::<ssw::Member>(r#"["u1"]"#).unwrap_err();
    assert!(
        wrong
            .to_string()
            .starts_with("invalid type: sequence, expected an SSW group member"),
        "{wrong}"
    );
    let null_list =
        serde_json::from_str::<polaris::Group>(r#"{"id":"g","name":"n","permissions":null}"#)
            .unwrap_err();
    assert!(
        null_list
            .to_string()
            .starts_with("invalid type: null, expected a sequence"),
        "{null_list}"
    );
}

#[test]
fn escaped_keys_are_matched_too() {
    // A key with an escape cannot be borrowed from the input; it must still
    // match its field rather than land in `extra`.
    let m: ssw::Member = serde_json::from_str(r#"{"user\u005fid": "u1"}"#).unwrap();
    assert_eq!(m.user_id, "u1");
    assert!(m.extra.is_empty());
}
