//! The middleware in front of every vendor API: request logging, fault
//! injection and authentication, in that order (faults fire even for
//! unauthenticated requests so clients' retry paths can be tested alone).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;
use crate::faults::FaultKind;
use crate::request_log::LoggedRequest;
use crate::state::AppState;
use crate::vendor::Vendor;

/// Marks a response that must not be sent: the emulator's server closes the
/// connection instead (see `server.rs`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DropConnection;

/// State of the gate layered onto one vendor's router.
#[derive(Clone)]
pub(crate) struct Gate {
    pub(crate) app: AppState,
    pub(crate) vendor: Vendor,
}

/// Logs, applies faults, checks credentials, then runs the route.
pub(crate) async fn gate(State(gate): State<Gate>, mut request: Request, next: Next) -> Response {
    let Gate { app, vendor } = gate;
    let method = request.method().as_str().to_owned();
    // Inside a nested router the URI no longer carries the vendor prefix,
    // which is exactly the form fault prefixes and log entries use.
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);

    let verdict = app.faults.judge(vendor.id(), &method, &path);
    if verdict.delay_millis > 0 {
        tokio::time::sleep(Duration::from_millis(verdict.delay_millis)).await;
    }

    let mut handled = None;
    let response = match verdict.outcome {
        Some(fault) if !verdict.after => injected(vendor, fault),
        after => {
            let response = if vendor.is_authorized(request.headers()) {
                request.extensions_mut().insert(vendor);
                next.run(request).await
            } else {
                ApiError::generic(
                    vendor,
                    StatusCode::UNAUTHORIZED,
                    "missing or invalid credentials",
                )
                .into_response()
            };
            match after {
                // The change is made; the client never hears of it.
                Some(fault) => {
                    handled = Some(response.status().as_u16());
                    injected(vendor, fault)
                }
                None => response,
            }
        }
    };

    let status = if response.extensions().get::<DropConnection>().is_some() {
        0
    } else {
        response.status().as_u16()
    };
    app.log.push(LoggedRequest {
        provider: vendor.id().to_owned(),
        method,
        path,
        query,
        status,
        handled,
    });
    response
}

fn injected(vendor: Vendor, fault: FaultKind) -> Response {
    match fault {
        FaultKind::Status {
            status,
            retry_after,
        } => injected_status(vendor, status, retry_after.as_deref()),
        FaultKind::Drop | FaultKind::Latency { .. } => {
            let mut response = ApiError::generic(
                vendor,
                StatusCode::INTERNAL_SERVER_ERROR,
                "connection dropped by an injected fault",
            )
            .into_response();
            response.extensions_mut().insert(DropConnection);
            response
        }
    }
}

fn injected_status(vendor: Vendor, status: u16, retry_after: Option<&str>) -> Response {
    // Informational and out-of-range codes are refused when faults are added
    // over HTTP; one added from Rust still must not panic or confuse hyper.
    let status = StatusCode::from_u16(status)
        .ok()
        .filter(|s| s.as_u16() >= 200)
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = ApiError::generic(vendor, status, "injected fault").into_response();
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(v).ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
