//! Unauthenticated control routes under `/_emulator`, so test suites in any
//! language can steer the emulator over HTTP.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::faults::{Fault, FaultKind};
use crate::state::AppState;

/// `POST/GET/DELETE /faults`, `GET/DELETE /log`, `POST /reset`.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/log", get(read_log).delete(clear_log))
        .route("/reset", post(reset))
        .fallback(|| async { bad(StatusCode::NOT_FOUND, "no such admin route") })
}

fn bad(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "message": message }))).into_response()
}

async fn add_fault(State(app): State<AppState>, body: Bytes) -> Response {
    let fault: Fault = match serde_json::from_slice(&body) {
        Ok(fault) => fault,
        Err(e) => return bad(StatusCode::BAD_REQUEST, &format!("invalid fault: {e}")),
    };
    if let FaultKind::Status { status, .. } = fault.kind {
        if !(200..=599).contains(&status) {
            return bad(StatusCode::BAD_REQUEST, "status must be within 200..=599");
        }
    }
    app.faults.add(fault);
    StatusCode::NO_CONTENT.into_response()
}

async fn list_faults(State(app): State<AppState>) -> Json<Vec<Fault>> {
    Json(app.faults.list())
}

async fn clear_faults(State(app): State<AppState>) -> StatusCode {
    app.faults.clear();
    StatusCode::NO_CONTENT
}

async fn read_log(State(app): State<AppState>) -> Response {
    Json(app.log.snapshot()).into_response()
}

async fn clear_log(State(app): State<AppState>) -> StatusCode {
    app.log.clear();
    StatusCode::NO_CONTENT
}

async fn reset(State(app): State<AppState>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}
