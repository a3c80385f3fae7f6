//! Splashtop Secure Workspace IAM API, mounted under `/ssw`.
//!
//! Responses use SSW's envelope: `{"code":0,"data":..,"message":"success"}`
//! on success and a nonzero `code` otherwise, sometimes with HTTP 200.
//! The public API cannot create users or groups, so neither can the emulator.

mod handlers;
mod seed;
mod store;

pub(crate) use store::SswStore;

use axum::routing::{delete, get, post};
use axum::Router;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/iam/v1/organization/members", get(list_members))
        .route(
            "/iam/v1/organization/{organization_id}/groups",
            get(list_groups),
        )
        .route("/iam/v1/group/members", get(list_group_members))
        .route("/iam/v1/group", axum::routing::put(update_group))
        .route("/iam/v1/group/{group_id}", delete(delete_group))
        .route(
            "/iam/v1/group/{group_id}/members/{user_id}",
            post(add_member).delete(remove_member),
        )
        .route(
            "/iam/v1/group/{group_id}/members/{user_id}/approval",
            post(approve_member),
        )
        .route(
            "/iam/v1/group/{group_id}/members/{user_id}/reject",
            post(reject_member),
        )
}
