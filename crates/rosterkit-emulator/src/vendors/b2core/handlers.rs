//! HTTP glue for the B2Core routes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::store::{B2Error, B2Group};
use crate::errors::ApiError;
use crate::extract::{json_body, Ids, Params};
use crate::state::AppState;
use crate::vendor::Vendor;

type Reply = Result<Json<Value>, ApiError>;

#[derive(Debug, Deserialize)]
struct NewGroup {
    name: String,
    permissions: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GroupChanges {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    permissions: Option<Vec<String>>,
}

fn group_json(group: &B2Group) -> Value {
    json!({ "id": group.id, "name": group.name, "permissions": group.permissions })
}

/// `GET /api/v2/groups?limit=&offset=` — a bare array.
pub(crate) async fn list_groups(State(app): State<AppState>, params: Params) -> Reply {
    let limit: usize = params.number("limit", 10)?;
    let offset: usize = params.number("offset", 0)?;
    if !(1..=1000).contains(&limit) {
        return Err(B2Error::Validation("limit must be between 1 and 1000".to_owned()).into());
    }
    let world = app.world();
    let groups: Vec<Value> = world
        .b2core
        .groups
        .values()
        .skip(offset)
        .take(limit)
        .map(group_json)
        .collect();
    Ok(Json(Value::Array(groups)))
}

/// `GET /api/v2/groups/{groupId}`
pub(crate) async fn get_group(State(app): State<AppState>, Ids(id): Ids<String>) -> Reply {
    let world = app.world();
    Ok(Json(group_json(world.b2core.group(&id)?)))
}

/// `POST /api/v2/groups` — 201 with the new group.
pub(crate) async fn create_group(
    State(app): State<AppState>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let new: NewGroup = json_body(Vendor::B2core, &body)?;
    let mut world = app.world();
    let group = world.b2core.create(new.name, new.permissions)?;
    Ok((StatusCode::CREATED, Json(group_json(group))).into_response())
}

/// `PUT` and `PATCH /api/v2/groups/{groupId}` — both change only what is sent.
pub(crate) async fn update_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    body: Bytes,
) -> Reply {
    let changes: GroupChanges = json_body(Vendor::B2core, &body)?;
    let mut world = app.world();
    let group = world
        .b2core
        .update(&id, changes.name, changes.permissions)?;
    Ok(Json(group_json(group)))
}

/// `DELETE /api/v2/groups/{groupId}` — 204 without a body.
pub(crate) async fn delete_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
) -> Result<StatusCode, ApiError> {
    app.world().b2core.delete(&id)?;
    Ok(StatusCode::NO_CONTENT)
}
