//! Alteryx Server API v3 (custom user groups), mounted under
//! `/alteryx/webapi` so the vendor's `{baseURL}/v3/...` paths apply as-is.
//!
//! Create and update accept form-encoded bodies as documented, and JSON too.

mod handlers;
mod seed;
mod store;

pub(crate) use store::AlteryxStore;

use axum::routing::{delete, get, post};
use axum::Router;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/v3/usergroups", get(list_groups).post(create_group))
        .route(
            "/v3/usergroups/{id}",
            get(get_group).put(update_group).delete(delete_group),
        )
        .route("/v3/usergroups/{id}/users", post(add_users))
        .route("/v3/usergroups/{id}/users/{user_id}", delete(remove_user))
}
