//! The reqwest side: send a core `Request`, return a core `Response`.

use crate::hooks::{Hook, RequestInfo};
use rosterkit_core::parse::MAX_BODY_BYTES;
use rosterkit_core::{Request, Response};
use std::sync::Arc;
use std::time::Instant;

/// Why an exchange produced no response.
pub(crate) struct TransportFailure {
    /// False when the request provably never left (connect failure).
    pub sent: bool,
    pub message: String,
}

pub(crate) async fn send(
    http: &reqwest::Client,
    hooks: &[Arc<dyn Hook>],
    request: Request,
) -> Result<Response, TransportFailure> {
    let info = RequestInfo::of(&request);
    for h in hooks {
        h.on_request(&info);
    }
    let started = Instant::now();
    let result = exchange(http, request).await;
    let elapsed = started.elapsed();
    let status = result.as_ref().ok().map(|r| r.status);
    tracing::debug!(
        method = %info.method,
        url = %info.url,
        status = ?status,
        elapsed_ms = elapsed.as_millis() as u64,
        "rosterkit request"
    );
    for h in hooks {
        h.on_response(&info, status, elapsed);
    }
    result
}

async fn exchange(http: &reqwest::Client, request: Request) -> Result<Response, TransportFailure> {
    let method =
        reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| TransportFailure {
            sent: false,
            message: format!("invalid method {:?}", request.method),
        })?;
    let mut builder = http.request(method, &request.url);
    for (k, v) in &request.headers {
        builder = builder.header(k, v);
    }
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let mut resp = builder.send().await.map_err(failure)?;
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    // Read at most one byte past the limit: the core reports the oversize
    // body as a decode error without us holding all of it.
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(failure)? {
        let room = (MAX_BODY_BYTES + 1).saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() > MAX_BODY_BYTES {
            break;
        }
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn failure(e: reqwest::Error) -> TransportFailure {
    // reqwest's messages name the URL, never headers, so they hold no token.
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    TransportFailure {
        sent: !e.is_connect(),
        message,
    }
}
