//! The five vendor APIs and the router that mounts them under their prefixes.

pub(crate) mod alteryx;
pub(crate) mod b2core;
pub(crate) mod polaris;
pub(crate) mod spotnana;
pub(crate) mod ssw;

use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::{Json, Router};
use serde_json::json;

use crate::errors::ApiError;
use crate::gate::{gate, Gate};
use crate::state::AppState;
use crate::vendor::Vendor;

/// Every vendor API behind its gate, plus the admin routes.
pub(crate) fn router(app: AppState) -> Router {
    let mut router = Router::new().nest("/_emulator", crate::admin::routes());
    for vendor in Vendor::ALL {
        let api = match vendor {
            Vendor::Ssw => ssw::routes(),
            Vendor::Spotnana => spotnana::routes(),
            Vendor::B2core => b2core::routes(),
            Vendor::Polaris => polaris::routes(),
            Vendor::Alteryx => alteryx::routes(),
        };
        // The fallbacks sit inside the gate so unknown endpoints are still
        // authenticated, logged and answered in the vendor's error shape.
        let api = api
            .fallback(move || async move {
                ApiError::generic(vendor, StatusCode::NOT_FOUND, "no such endpoint")
            })
            .method_not_allowed_fallback(move || async move {
                ApiError::generic(
                    vendor,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "method not allowed on this endpoint",
                )
            })
            .layer(from_fn_with_state(
                Gate {
                    app: app.clone(),
                    vendor,
                },
                gate,
            ));
        router = router.nest(vendor.prefix(), api);
    }
    router
        .fallback(|| async {
            let body = json!({
                "message": "unknown path; vendor APIs live under /ssw, /spotnana, /b2core, /polaris and /alteryx/webapi",
            });
            (StatusCode::NOT_FOUND, Json(body)).into_response()
        })
        .with_state(app)
}
