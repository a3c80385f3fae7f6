//! HTTP glue for the SSW routes: parse the request, run the store
//! operation under the lock, wrap the result in SSW's envelope.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Map, Value};

use super::store::{Joined, MemberQuery, SswGroup, SswUser};
use crate::errors::ApiError;
use crate::extract::{json_body, optional_json_body, Ids, Params};
use crate::paging::page_offset;
use crate::state::AppState;
use crate::vendor::Vendor;

type Reply = Result<Json<Value>, ApiError>;

/// Page sizes above this are refused, as a real API would.
const MAX_PAGE_SIZE: usize = 1000;

fn with_data(data: Value) -> Json<Value> {
    Json(json!({ "code": 0, "data": data, "message": "success" }))
}

fn done(message: &str) -> Json<Value> {
    Json(json!({ "code": 0, "message": message }))
}

fn bad_request(message: &str) -> ApiError {
    ApiError::ssw(StatusCode::BAD_REQUEST, 40000, message)
}

/// One-based `page` and `page_size` with their defaults and bounds.
fn paging(params: &Params, default_size: usize) -> Result<(usize, usize), ApiError> {
    let page: usize = params.number("page", 1)?;
    let page_size: usize = params.number("page_size", default_size)?;
    if page == 0 {
        return Err(bad_request("`page` starts at 1"));
    }
    if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
        return Err(bad_request("`page_size` must be between 1 and 1000"));
    }
    Ok((page, page_size))
}

fn parse_bool(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// `order` as the web UI sends it, e.g. `status asc`; unknown keys are ignored.
fn parse_order(raw: &str) -> Option<(String, bool)> {
    let mut words = raw.split_whitespace();
    let field = words.next()?.to_ascii_lowercase();
    let descending = words.next().is_some_and(|d| d.eq_ignore_ascii_case("desc"));
    matches!(field.as_str(), "email" | "status" | "user_id").then_some((field, descending))
}

fn group_json(group: &SswGroup) -> Value {
    let mut object = group.extra.clone();
    object.insert("group_id".into(), group.group_id.clone().into());
    object.insert("name".into(), group.name.clone().into());
    object.insert("approval_required".into(), group.approval_required.into());
    Value::Object(object)
}

fn member_json(user: &SswUser) -> Value {
    json!({ "user_id": user.user_id, "email": user.email, "status": user.status })
}

/// `GET /iam/v1/organization/members`
pub(crate) async fn list_members(State(app): State<AppState>, params: Params) -> Reply {
    let (page, page_size) = paging(&params, 30)?;
    let query = MemberQuery {
        search: params.get("search").map(str::to_lowercase),
        filter: params.get("filter").map(str::to_lowercase),
        active: params.get("active").and_then(parse_bool),
        groups: params
            .get("groups")
            .map(|g| g.split(',').map(|s| s.trim().to_owned()).collect())
            .unwrap_or_default(),
        order: params.get("order").and_then(parse_order),
    };
    let world = app.world();
    let found = world.ssw.members(&query);
    let members: Vec<Value> = found
        .iter()
        .skip(page_offset(page, page_size))
        .take(page_size)
        .map(|u| member_json(u))
        .collect();
    Ok(with_data(json!({
        "members": members,
        "page": page,
        "page_size": page_size,
        "total": found.len(),
    })))
}

/// `GET /iam/v1/organization/{organization_id}/groups` — `data` is the bare
/// array of groups on the requested page.
pub(crate) async fn list_groups(
    State(app): State<AppState>,
    Ids(organization_id): Ids<String>,
    params: Params,
) -> Reply {
    let (page, page_size) = paging(&params, 50)?;
    let world = app.world();
    let groups: Vec<Value> = world
        .ssw
        .groups_of(&organization_id)?
        .into_iter()
        .skip(page_offset(page, page_size))
        .take(page_size)
        .map(group_json)
        .collect();
    Ok(with_data(Value::Array(groups)))
}

/// `GET /iam/v1/group/members?group_id=`
pub(crate) async fn list_group_members(State(app): State<AppState>, params: Params) -> Reply {
    let group_id = params
        .get("group_id")
        .ok_or_else(|| bad_request("query parameter `group_id` is required"))?;
    let (page, page_size) = paging(&params, 50)?;
    let world = app.world();
    let found = world.ssw.group_members(group_id)?;
    let members: Vec<Value> = found
        .iter()
        .skip(page_offset(page, page_size))
        .take(page_size)
        .map(|u| json!({ "user_id": u.user_id, "email": u.email }))
        .collect();
    Ok(with_data(json!({
        "members": members,
        "page": page,
        "page_size": page_size,
        "total": found.len(),
    })))
}

/// `POST /iam/v1/group/{group_id}/members/{user_id}`
pub(crate) async fn add_member(
    State(app): State<AppState>,
    Ids((group_id, user_id)): Ids<(String, String)>,
) -> Reply {
    match app.world().ssw.add_member(&group_id, &user_id)? {
        Joined::Member => Ok(done("success")),
        Joined::PendingApproval => Ok(done("pending approval")),
    }
}

/// `POST /iam/v1/group/{group_id}/members/{user_id}/approval`
pub(crate) async fn approve_member(
    State(app): State<AppState>,
    Ids((group_id, user_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    // The body's schema is not documented; `{}` is enough, but it must be JSON.
    optional_json_body::<Value>(Vendor::Ssw, &body)?;
    app.world().ssw.approve(&group_id, &user_id)?;
    Ok(done("success"))
}

/// `POST /iam/v1/group/{group_id}/members/{user_id}/reject`
pub(crate) async fn reject_member(
    State(app): State<AppState>,
    Ids((group_id, user_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    optional_json_body::<Value>(Vendor::Ssw, &body)?;
    app.world().ssw.reject(&group_id, &user_id)?;
    Ok(done("success"))
}

/// `DELETE /iam/v1/group/{group_id}/members/{user_id}`
pub(crate) async fn remove_member(
    State(app): State<AppState>,
    Ids((group_id, user_id)): Ids<(String, String)>,
) -> Reply {
    app.world().ssw.remove_member(&group_id, &user_id)?;
    Ok(done("success"))
}

/// `PUT /iam/v1/group`
pub(crate) async fn update_group(State(app): State<AppState>, body: Bytes) -> Reply {
    let body: Map<String, Value> = json_body(Vendor::Ssw, &body)?;
    app.world().ssw.update_group(body)?;
    Ok(done("success"))
}

/// `DELETE /iam/v1/group/{group_id}`
pub(crate) async fn delete_group(State(app): State<AppState>, Ids(group_id): Ids<String>) -> Reply {
    app.world().ssw.delete_group(&group_id)?;
    Ok(done("success"))
}
