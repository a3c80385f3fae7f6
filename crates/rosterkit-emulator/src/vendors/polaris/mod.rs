//! Imply Polaris Identity management API v1, mounted under `/polaris`.
//!
//! Lists are wrapped as `{"values":[..]}`. Authentication is an API key sent
//! raw under the `Basic` scheme. `PUT` on a user replaces the whole user.

mod catalog;
mod handlers;
mod seed;
mod store;

pub(crate) use store::PolarisStore;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/v1/permissions", get(list_permissions))
        .route("/v1/projects", get(list_projects))
        .route("/v1/groups", get(list_groups).post(create_group))
        .route(
            "/v1/groups/{id}",
            get(get_group).put(replace_group).delete(delete_group),
        )
        .route(
            "/v1/groups/{id}/members",
            get(list_group_members).post(add_group_members),
        )
        .route("/v1/users", get(list_users).post(create_user))
        .route(
            "/v1/users/{id}",
            get(get_user).put(replace_user).delete(delete_user),
        )
        .route(
            "/v1/users/{id}/effectivepermissions",
            get(effective_permissions),
        )
}
