//! HTTP glue for the Polaris routes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::catalog::{Scope, BILLING_PERMISSION, PERMISSIONS, PROJECTS};
use super::store::{Grant, IdRef, PGroup, PUser, PolarisStore, UserInput};
use crate::errors::ApiError;
use crate::extract::{json_body, Ids};
use crate::state::AppState;
use crate::vendor::Vendor;

type Reply = Result<Json<Value>, ApiError>;

#[derive(Debug, Deserialize)]
struct GroupInput {
    name: String,
    permissions: Vec<Grant>,
}

fn values(items: Vec<Value>) -> Json<Value> {
    Json(json!({ "values": items }))
}

fn created(body: Value) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

fn group_json(store: &PolarisStore, group: &PGroup) -> Value {
    json!({
        "id": group.id,
        "name": group.name,
        "readOnly": group.read_only,
        "permissions": group.permissions,
        "userCount": store.user_count(&group.id),
    })
}

fn user_json(store: &PolarisStore, user: &PUser) -> Value {
    let groups: Vec<Value> = user
        .groups
        .iter()
        .filter_map(|id| store.groups.get(id))
        .map(|g| json!({ "id": g.id, "name": g.name }))
        .collect();
    let mut body = json!({
        "id": user.id,
        "username": user.username,
        "email": user.email,
        "enabled": user.enabled,
        "emailVerified": user.email_verified,
        "permissions": user.permissions,
        "groups": groups,
        "identities": user.identities,
        "actions": user.actions,
        "createdOn": user.created_on,
    });
    add_names(&mut body, user);
    body
}

/// Adds `firstName`/`lastName` when set: names a full replacement did not
/// send are absent from responses, not null.
fn add_names(body: &mut Value, user: &PUser) {
    if let Some(object) = body.as_object_mut() {
        if let Some(first) = &user.first_name {
            object.insert("firstName".into(), first.clone().into());
        }
        if let Some(last) = &user.last_name {
            object.insert("lastName".into(), last.clone().into());
        }
    }
}

/// `GET /v1/permissions`
pub(crate) async fn list_permissions() -> Json<Value> {
    let items = PERMISSIONS
        .iter()
        .map(|(name, scope)| {
            let mut entry = json!({ "name": name });
            if let Some(object) = entry.as_object_mut() {
                if *scope == Scope::Projects {
                    object.insert("resources".into(), json!(["projects/*"]));
                }
                if *name == BILLING_PERMISSION.0 {
                    object.insert("description".into(), BILLING_PERMISSION.1.into());
                }
            }
            entry
        })
        .collect();
    values(items)
}

/// `GET /v1/projects`
pub(crate) async fn list_projects() -> Json<Value> {
    values(
        PROJECTS
            .iter()
            .map(|(id, name)| json!({ "id": id, "name": name }))
            .collect(),
    )
}

/// `GET /v1/groups`
pub(crate) async fn list_groups(State(app): State<AppState>) -> Json<Value> {
    let world = app.world();
    let store = &world.polaris;
    values(
        store
            .groups
            .values()
            .map(|g| group_json(store, g))
            .collect(),
    )
}

/// `POST /v1/groups` — 201 with the group.
pub(crate) async fn create_group(
    State(app): State<AppState>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: GroupInput = json_body(Vendor::Polaris, &body)?;
    let mut world = app.world();
    let id = world
        .polaris
        .create_group(input.name, input.permissions)?
        .id
        .clone();
    let store = &world.polaris;
    Ok(created(group_json(store, store.group(&id)?)))
}

/// `GET /v1/groups/{id}`
pub(crate) async fn get_group(State(app): State<AppState>, Ids(id): Ids<String>) -> Reply {
    let world = app.world();
    let store = &world.polaris;
    Ok(Json(group_json(store, store.group(&id)?)))
}

/// `PUT /v1/groups/{id}` — replaces name and permissions.
pub(crate) async fn replace_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    body: Bytes,
) -> Reply {
    let input: GroupInput = json_body(Vendor::Polaris, &body)?;
    let mut world = app.world();
    world
        .polaris
        .replace_group(&id, input.name, input.permissions)?;
    let store = &world.polaris;
    Ok(Json(group_json(store, store.group(&id)?)))
}

/// `DELETE /v1/groups/{id}` — 204.
pub(crate) async fn delete_group(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
) -> Result<StatusCode, ApiError> {
    app.world().polaris.delete_group(&id)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/groups/{id}/members` — `values` plus `count`.
pub(crate) async fn list_group_members(State(app): State<AppState>, Ids(id): Ids<String>) -> Reply {
    let world = app.world();
    let members: Vec<Value> = world
        .polaris
        .members(&id)?
        .into_iter()
        .map(|u| {
            let mut member = json!({ "id": u.id, "username": u.username, "email": u.email });
            add_names(&mut member, u);
            member
        })
        .collect();
    let count = members.len();
    Ok(Json(json!({ "values": members, "count": count })))
}

/// `POST /v1/groups/{id}/members` with `[{"id":..},..]` — 200, empty body.
pub(crate) async fn add_group_members(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let users: Vec<IdRef> = json_body(Vendor::Polaris, &body)?;
    app.world().polaris.add_members(&id, &users)?;
    Ok(StatusCode::OK)
}

/// `GET /v1/users`
pub(crate) async fn list_users(State(app): State<AppState>) -> Json<Value> {
    let world = app.world();
    let store = &world.polaris;
    values(store.users.values().map(|u| user_json(store, u)).collect())
}

/// `POST /v1/users` — 201 with the user.
pub(crate) async fn create_user(
    State(app): State<AppState>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: UserInput = json_body(Vendor::Polaris, &body)?;
    let now = crate::clock::now_iso();
    let mut world = app.world();
    let id = world.polaris.create_user(input, &now)?.id.clone();
    let store = &world.polaris;
    Ok(created(user_json(store, store.user(&id)?)))
}

/// `GET /v1/users/{id}`
pub(crate) async fn get_user(State(app): State<AppState>, Ids(id): Ids<String>) -> Reply {
    let world = app.world();
    let store = &world.polaris;
    Ok(Json(user_json(store, store.user(&id)?)))
}

/// `PUT /v1/users/{id}` — full replacement.
pub(crate) async fn replace_user(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
    body: Bytes,
) -> Reply {
    let input: UserInput = json_body(Vendor::Polaris, &body)?;
    let mut world = app.world();
    world.polaris.replace_user(&id, input)?;
    let store = &world.polaris;
    Ok(Json(user_json(store, store.user(&id)?)))
}

/// `DELETE /v1/users/{id}` — 204.
pub(crate) async fn delete_user(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
) -> Result<StatusCode, ApiError> {
    app.world().polaris.delete_user(&id)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/users/{id}/effectivepermissions`
pub(crate) async fn effective_permissions(
    State(app): State<AppState>,
    Ids(id): Ids<String>,
) -> Reply {
    let grants = app.world().polaris.effective_permissions(&id)?;
    Ok(Json(json!({ "values": grants })))
}
