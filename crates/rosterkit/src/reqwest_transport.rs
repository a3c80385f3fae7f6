//! The default transport: reqwest with rustls, on tokio's timer and clock.

use crate::transport::{BoxFuture, Sender, TokioTransport, TransportError};
use rosterkit_core::parse::MAX_BODY_BYTES;
use rosterkit_core::{Header, Request, Response};

/// reqwest as the sending half of a [`TokioTransport`].
#[derive(Clone, Debug)]
pub struct ReqwestSender(reqwest::Client);

/// reqwest with tokio's timer: the built-in transport.
pub type ReqwestTransport = TokioTransport<ReqwestSender>;

impl ReqwestTransport {
    /// Uses `http` (its proxies, certificates and timeouts apply).
    pub fn new(http: reqwest::Client) -> ReqwestTransport {
        TokioTransport::with(ReqwestSender(http))
    }
}

impl Sender for ReqwestSender {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(exchange(&self.0, request))
    }
}

async fn exchange(http: &reqwest::Client, request: Request) -> Result<Response, TransportError> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes())
        .map_err(|_| TransportError::NotSent(format!("invalid method {:?}", request.method)))?;
    let mut builder = http.request(method, &request.url);
    for h in &request.headers {
        builder = builder.header(&h.name, &h.value);
    }
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let mut resp = builder.send().await.map_err(failure)?;
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| Header::new(k.as_str(), String::from_utf8_lossy(v.as_bytes())))
        .collect();
    // Read at most one byte past the limit: the core reports the oversize
    // body as a decode error without this process holding all of it.
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

fn failure(e: reqwest::Error) -> TransportError {
    // reqwest's messages name the URL, never headers, so they hold no token.
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    if e.is_timeout() {
        // The wording `Error::is_timeout` looks for.
        TransportError::Failed(format!("timed out: {message}"))
    } else if e.is_connect() {
        TransportError::NotSent(message)
    } else {
        TransportError::Failed(message)
    }
}
