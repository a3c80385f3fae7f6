//! B2Broker B2Core back-office API v2 (user groups), mounted under `/b2core`.
//!
//! Groups are named permission sets with integer ids; the documented API has
//! no notion of members.

mod handlers;
mod seed;
mod store;

pub(crate) use store::B2coreStore;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    use handlers::*;
    Router::new()
        .route("/api/v2/groups", get(list_groups).post(create_group))
        .route(
            "/api/v2/groups/{group_id}",
            get(get_group)
                .put(update_group)
                .patch(update_group)
                .delete(delete_group),
        )
}
