//! The host loop over a foreign transport, with a transport written in Rust
//! that plays back scripted responses: retries after 429, transport failures
//! and typed results, without a network.

use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::{Error, Header, Provider, Request as HttpRequest, Response};
use rosterkit_uniffi::{ClientConfig, HttpTransport, HttpTransportError, RosterKitClient};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// Answers each request with the next scripted outcome and records it.
struct Scripted {
    outcomes: Mutex<VecDeque<Result<Response, HttpTransportError>>>,
    seen: Mutex<Vec<HttpRequest>>,
}

impl Scripted {
    fn new(outcomes: Vec<Result<Response, HttpTransportError>>) -> Arc<Self> {
        Arc::new(Scripted {
            outcomes: Mutex::new(outcomes.into()),
            seen: Mutex::new(Vec::new()),
        })
    }
}

#[async_trait::async_trait]
impl HttpTransport for Scripted {
    async fn send(&self, request: HttpRequest) -> Result<Response, HttpTransportError> {
        self.seen.lock().unwrap().push(request);
        self.outcomes
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| panic!("no scripted outcome left"))
    }
}

fn json(status: u16, body: &str) -> Response {
    Response {
        status,
        headers: vec![Header::new("Content-Type", "application/json")],
        body: body.as_bytes().to_vec(),
    }
}

fn client(transport: Arc<Scripted>, retry: Option<RetryPolicy>) -> Arc<RosterKitClient> {
    RosterKitClient::new(
        ClientConfig {
            provider: Provider::B2core,
            base_url: "https://b2core.example.com".into(),
            tenant_id: None,
            retry,
            timeout_ms: None,
            concurrency: None,
            transport: Some(transport),
        },
        "secret-token".into(),
    )
    .unwrap()
}

#[tokio::test]
async fn a_429_is_slept_through_and_the_same_request_resent() {
    let mut limited = json(429, r#"{"message":"slow down"}"#);
    limited.headers.push(Header::new("Retry-After", "0"));
    let t = Scripted::new(vec![
        Ok(limited),
        Ok(json(
            200,
            r#"{"id":1,"name":"Administrators","permissions":[]}"#,
        )),
    ]);
    let group = client(t.clone(), None).get_group("1".into()).await.unwrap();
    assert_eq!(group.name.as_deref(), Some("Administrators"));
    let seen = t.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0].url, "https://b2core.example.com/api/v2/groups/1");
}

#[tokio::test]
async fn transport_failures_become_a_scrubbed_transport_error() {
    let t = Scripted::new(vec![Err(HttpTransportError::NotSent {
        reason: "refused; sent Bearer secret-token".into(),
    })]);
    let retry = RetryPolicy::none();
    let err = client(t, Some(retry)).list_groups().await.unwrap_err();
    let Error::Transport { message } = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert!(message.contains("refused"), "{message}");
    assert!(!message.contains("secret-token"), "{message}");
    assert!(!format!("{err} {err:?}").contains("secret-token"));
}

#[tokio::test]
async fn a_vendor_error_is_typed() {
    let t = Scripted::new(vec![Ok(json(404, r#"{"message":"group not found"}"#))]);
    let err = client(t, None).get_group("9".into()).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}
