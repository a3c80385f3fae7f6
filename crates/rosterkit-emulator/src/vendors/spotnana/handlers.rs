//! HTTP glue for the Spotnana routes.

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::store::{GroupQuery, SortBy, SpotError, SpotGroup, SpotRole};
use crate::errors::ApiError;
use crate::extract::{json_body, optional_json_body, Ids};
use crate::state::AppState;
use crate::vendor::Vendor;

type Reply = Result<Json<Value>, ApiError>;

/// Largest page a client may ask for.
const MAX_LIMIT: u64 = 1000;
/// Page size when a member or role listing sends no pagination.
const DEFAULT_LIMIT: u64 = 100;

/// `{"offset":..,"limit":..}` as clients send it.
#[derive(Debug, Default, Deserialize)]
struct Pagination {
    #[serde(default)]
    offset: u64,
    #[serde(default)]
    limit: Option<u64>,
}

/// Bodies that carry nothing but optional pagination.
#[derive(Debug, Default, Deserialize)]
struct PageRequest {
    #[serde(default)]
    pagination: Option<Pagination>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SortParam {
    sort_by: String,
    #[serde(default)]
    sort_order: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Filter {
    #[serde(default)]
    user_group_ids: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListRequest {
    #[serde(default)]
    pagination: Option<Pagination>,
    #[serde(default)]
    search_text: Option<String>,
    #[serde(default)]
    sort_params: Option<Vec<SortParam>>,
    #[serde(default)]
    filters: Option<Vec<Filter>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MembersPatch {
    #[serde(default)]
    user_ids_to_add: Option<Vec<String>>,
    #[serde(default)]
    user_ids_to_remove: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct GroupUpdate {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

fn invalid(message: impl Into<String>) -> ApiError {
    SpotError::Invalid(message.into()).into()
}

/// Resolves offset and limit, enforcing `1..=1000` for the limit.
fn window(
    pagination: Option<Pagination>,
    default_limit: Option<u64>,
) -> Result<(u64, u64), ApiError> {
    let pagination = pagination.unwrap_or_default();
    let limit = pagination
        .limit
        .or(default_limit)
        .ok_or_else(|| invalid("pagination.limit is required"))?;
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(invalid("pagination.limit must be between 1 and 1000"));
    }
    Ok((pagination.offset, limit))
}

fn page_of<T>(items: Vec<T>, offset: u64, limit: u64) -> Vec<T> {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    items.into_iter().skip(offset).take(limit).collect()
}

fn pagination_json(offset: u64, limit: u64, total: usize) -> Value {
    json!({ "offset": offset, "limit": limit, "totalNumResults": total })
}

fn group_json(group: &SpotGroup) -> Value {
    json!({
        "id": group.id,
        "name": group.name,
        "description": group.description,
        "companyId": group.company_id,
        "isUnmodifiable": group.is_unmodifiable,
        "createdAt": group.created_at,
        "updatedAt": group.updated_at,
        "createdBy": { "id": group.created_by },
        "updatedBy": { "id": group.updated_by },
    })
}

fn role_json(role: &SpotRole, company_id: &str) -> Value {
    json!({
        "id": role.id,
        "name": role.name,
        "description": role.description,
        "isPlatformRole": role.is_platform_role,
        "permissions": role.permissions,
        "scope": { "type": "COMPANY", "companyId": company_id },
    })
}

fn parse_sort(params: Vec<SortParam>) -> Result<Vec<(SortBy, bool)>, ApiError> {
    params
        .into_iter()
        .map(|p| {
            let key = match p.sort_by.as_str() {
                "NAME" => SortBy::Name,
                "CREATED_AT" => SortBy::CreatedAt,
                other => return Err(invalid(format!("unsupported sortBy `{other}`"))),
            };
            let descending = match p.sort_order.as_deref() {
                None | Some("ASCENDING") => false,
                Some("DESCENDING") => true,
                Some(other) => return Err(invalid(format!("unsupported sortOrder `{other}`"))),
            };
            Ok((key, descending))
        })
        .collect()
}

/// `POST /v3/companies/{companyId}/user-groups/list`
pub(crate) async fn list_groups(
    State(app): State<AppState>,
    Ids(company_id): Ids<String>,
    body: Bytes,
) -> Reply {
    let request: ListRequest = json_body(Vendor::Spotnana, &body)?;
    let pagination = request
        .pagination
        .ok_or_else(|| invalid("pagination is required"))?;
    let (offset, limit) = window(Some(pagination), None)?;
    let query = GroupQuery {
        search: request
            .search_text
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty()),
        id_filters: request
            .filters
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| f.user_group_ids)
            .collect(),
        sort: parse_sort(request.sort_params.unwrap_or_default())?,
    };
    let world = app.world();
    let found = world.spotnana.list_groups(&company_id, &query)?;
    let total = found.len();
    let groups: Vec<Value> = page_of(found, offset, limit)
        .into_iter()
        .map(group_json)
        .collect();
    Ok(Json(json!({
        "userGroups": groups,
        "pagination": pagination_json(offset, limit, total),
    })))
}

/// `GET /v3/companies/{companyId}/user-groups/{groupId}`
pub(crate) async fn get_group(
    State(app): State<AppState>,
    Ids((company_id, group_id)): Ids<(String, String)>,
) -> Reply {
    let world = app.world();
    Ok(Json(group_json(
        world.spotnana.group(&company_id, &group_id)?,
    )))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupCreate {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    role_ids: Vec<String>,
}

/// `POST /v3/companies/{companyId}/user-groups` — from Spotnana's public API
/// reference rather than the provided document.
pub(crate) async fn create_group(
    State(app): State<AppState>,
    Ids(company_id): Ids<String>,
    body: Bytes,
) -> Reply {
    let create: GroupCreate = json_body(Vendor::Spotnana, &body)?;
    let now = crate::clock::now_iso();
    let mut world = app.world();
    let group = world.spotnana.create_group(
        &company_id,
        create.name,
        create.description,
        create.role_ids,
        &now,
    )?;
    Ok(Json(group_json(group)))
}

/// `PUT /v3/companies/{companyId}/user-groups/{groupId}` — not in the
/// provided document; an emulator extension so clients can exercise the
/// `GROUP_UNMODIFIABLE` error on platform-owned groups.
pub(crate) async fn update_group(
    State(app): State<AppState>,
    Ids((company_id, group_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    let update: GroupUpdate = json_body(Vendor::Spotnana, &body)?;
    let now = crate::clock::now_iso();
    let mut world = app.world();
    let group = world.spotnana.update_group(
        &company_id,
        &group_id,
        update.name,
        update.description,
        &now,
    )?;
    Ok(Json(group_json(group)))
}

/// `POST /v3/companies/{companyId}/user-groups/{groupId}/members`
pub(crate) async fn list_members(
    State(app): State<AppState>,
    Ids((company_id, group_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    let request: PageRequest = optional_json_body(Vendor::Spotnana, &body)?;
    let (offset, limit) = window(request.pagination, Some(DEFAULT_LIMIT))?;
    let world = app.world();
    let group = world.spotnana.group(&company_id, &group_id)?;
    let members: Vec<Value> = page_of(group.members.iter().collect(), offset, limit)
        .into_iter()
        .map(|(user_id, added_at)| json!({ "userId": user_id, "addedAt": added_at }))
        .collect();
    Ok(Json(json!({
        "members": members,
        "pagination": pagination_json(offset, limit, group.members.len()),
    })))
}

/// `PATCH /v3/companies/{companyId}/user-groups/{groupId}/members` — answers `{}`.
pub(crate) async fn update_members(
    State(app): State<AppState>,
    Ids((company_id, group_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    let patch: MembersPatch = json_body(Vendor::Spotnana, &body)?;
    let add = patch.user_ids_to_add.unwrap_or_default();
    let remove = patch.user_ids_to_remove.unwrap_or_default();
    let now = crate::clock::now_iso();
    app.world()
        .spotnana
        .update_members(&company_id, &group_id, &add, &remove, &now)?;
    Ok(Json(json!({})))
}

/// `POST /v3/companies/{companyId}/user-groups/{groupId}/roles`
pub(crate) async fn list_roles(
    State(app): State<AppState>,
    Ids((company_id, group_id)): Ids<(String, String)>,
    body: Bytes,
) -> Reply {
    let request: PageRequest = optional_json_body(Vendor::Spotnana, &body)?;
    let (offset, limit) = window(request.pagination, Some(DEFAULT_LIMIT))?;
    let world = app.world();
    let group = world.spotnana.group(&company_id, &group_id)?;
    let roles = world.spotnana.group_roles(group);
    let total = roles.len();
    let roles: Vec<Value> = page_of(roles, offset, limit)
        .into_iter()
        .map(|r| role_json(r, &group.company_id))
        .collect();
    Ok(Json(json!({
        "roles": roles,
        "pagination": pagination_json(offset, limit, total),
    })))
}

/// `POST /v3/users/{userId}/user-groups`
pub(crate) async fn groups_of_user(
    State(app): State<AppState>,
    Ids(user_id): Ids<String>,
    body: Bytes,
) -> Reply {
    let request: PageRequest = optional_json_body(Vendor::Spotnana, &body)?;
    let (offset, limit) = window(request.pagination, Some(DEFAULT_LIMIT))?;
    let world = app.world();
    let found = world.spotnana.groups_of_user(&user_id)?;
    let total = found.len();
    let groups: Vec<Value> = page_of(found, offset, limit)
        .into_iter()
        .map(group_json)
        .collect();
    Ok(Json(json!({
        "userGroups": groups,
        "pagination": pagination_json(offset, limit, total),
    })))
}
