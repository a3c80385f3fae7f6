//! Spotnana Access Management API v3 (user groups), mounted under `/spotnana`.
//!
//! Bodies are JSON with offset/limit pagination. Groups flagged
//! `isUnmodifiable` were created by the platform: their metadata is fixed but
//! their members may change.

mod handlers;
mod seed;
mod store;

pub(crate) use store::SpotnanaStore;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route(
            "/v3/companies/{company_id}/user-groups/list",
            post(list_groups),
        )
        .route("/v3/companies/{company_id}/user-groups", post(create_group))
        .route(
            "/v3/companies/{company_id}/user-groups/{group_id}",
            get(get_group).put(update_group),
        )
        .route(
            "/v3/companies/{company_id}/user-groups/{group_id}/members",
            post(list_members).patch(update_members),
        )
        .route(
            "/v3/companies/{company_id}/user-groups/{group_id}/roles",
            post(list_roles),
        )
        .route("/v3/users/{user_id}/user-groups", post(groups_of_user))
}
