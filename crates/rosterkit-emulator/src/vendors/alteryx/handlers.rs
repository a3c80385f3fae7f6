//! HTTP glue for the Alteryx routes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::store::{AGroup, AlteryxStore, AxError};
use crate::errors::ApiError;
use crate::extract::{json_body, Ids, Params};
use crate::state::AppState;
use crate::vendor::Vendor;

type Reply = Result<Json<Value>, ApiError>;

/// The create/update "contract": a name and a role.
#[derive(Debug, Default, Deserialize)]
struct Contract {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    role: Option<String>,
}

/// The add-users body: documented as the user ids; a bare array is the
/// usual form, a `{"userIds": [..]}` object is accepted too.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum UserIds {
    List(Vec<String>),
    Wrapped {
        #[serde(rename = "userIds")]
        user_ids: Vec<String>,
    },
}

/// Reads the contract as JSON when the client says so (or the body looks
/// like a JSON object), and as a urlencoded form otherwise.
fn parse_contract(headers: &HeaderMap, body: &[u8]) -> Result<Contract, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let looks_like_json = body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{');
    if content_type.contains("json") || (!content_type.contains("form") && looks_like_json) {
        json_body(Vendor::Alteryx, body)
    } else {
        serde_urlencoded::from_bytes(body)
            .map_err(|e| AxError::BadRequest(format!("invalid form body: {e}")).into())
    }
}

/// `UserGroupView`, as Alteryx's help pages describe it and a real server
/// sends it (members are `{userId, dateAddedToGroup, addedByUserId}`, per
/// `jupiterbak/ayx-node`, whose tests run against one).
fn group_json(store: &AlteryxStore, group: &AGroup) -> Value {
    let members: Vec<Value> = group
        .members
        .iter()
        .filter(|id| store.users.contains_key(*id))
        .map(|id| {
            json!({
                "userId": id,
                "dateAddedToGroup": group.date_created,
                "addedByUserId": super::seed::ADMIN_USER_ID,
            })
        })
        .collect();
    json!({
        "id": group.id,
        "name": group.name,
        "dateAdded": group.date_created,
        "role": group.role,
        "members": members,
    })
}

/// `GET /v3/usergroups` — a bare array of `ReducedUserGroupView`
/// (`{id, name, role}`, no members).
pub(crate) async fn list_groups(State(app): State<AppState>) -> Json<Value> {
    let world = app.world();
    Json(Value::Array(
        world
            .alteryx
            .groups
            .values()
            .map(|g| json!({ "id": g.id, "name": g.name, "role": g.role }))
            .collect(),
    ))
}

/// `POST /v3/usergroups` — 201 with the new id as a bare JSON string.
pub(crate) async fn create_group(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let contract = parse_contract(&headers, &body)?;
    let now = crate::clock::now_iso();
    let mut world = app.world();
    let id = world
        .alteryx
        .create(contract.name, contract.role, &now)?
        .id
        .clone();
    Ok((StatusCode::CREATED, Json(Value::String(id))).into_response())
}

/// `GET /v3/usergroups/{id}`
pub(crate) async fn get_group(State(app): State<AppState>, Ids(id): Ids<String>) -> Reply {
    let world = app.world();
    let store = &world.alteryx;
    Ok(Json(group_json(store, store.group(&id)?)))
}

/// `PUT /v3/usergroups/{id}` — name and role both required.
pub(crate) async fn update_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let contract = parse_contract(&headers, &body)?;
    let mut world = app.world();
    world.alteryx.update(&id, contract.name, contract.role)?;
    let store = &world.alteryx;
    Ok(Json(group_json(store, store.group(&id)?)))
}

/// `POST /v3/usergroups/{id}/users` — answers `UserGroupAddedUsersView`:
/// known users are added, unknown ones listed in `failedUserReasons`, all
/// inside a 200.
pub(crate) async fn add_users(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    body: Bytes,
) -> Reply {
    let user_ids = match json_body::<UserIds>(Vendor::Alteryx, &body)? {
        UserIds::List(ids) | UserIds::Wrapped { user_ids: ids } => ids,
    };
    let failed = app.world().alteryx.add_users(&id, &user_ids)?;
    let reasons: serde_json::Map<String, Value> = failed
        .iter()
        .map(|(user, reason)| (user.clone(), Value::String(reason.clone())))
        .collect();
    Ok(Json(json!({
        "successfullyAddedUserCount": user_ids.len() - failed.len(),
        "totalUsersSubmittedCount": user_ids.len(),
        "failedUserReasons": reasons,
    })))
}

/// `DELETE /v3/usergroups/{userGroupId}/users/{userId}` — answers the
/// group's `UserGroupView`.
pub(crate) async fn remove_user(
    State(app): State<AppState>,
    Ids((id, user_id)): Ids<(String, String)>,
) -> Reply {
    let mut world = app.world();
    world.alteryx.remove_user(&id, &user_id)?;
    let store = &world.alteryx;
    Ok(Json(group_json(store, store.group(&id)?)))
}

/// `DELETE /v3/usergroups/{id}?forceDelete=` — answers `{}`.
pub(crate) async fn delete_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    params: Params,
) -> Reply {
    let force = match params
        .get("forceDelete")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(AxError::BadRequest("forceDelete must be true or false".to_owned()).into())
        }
    };
    app.world().alteryx.delete(&id, force)?;
    Ok(Json(json!({})))
}
