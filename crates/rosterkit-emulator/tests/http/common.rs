//! Shared test harness: a running emulator and an authenticated client.

use reqwest::{Client, Method, RequestBuilder};
use rosterkit_emulator::{tokens, Emulator, RunningEmulator};

pub struct Harness {
    pub running: RunningEmulator,
    pub client: Client,
}

/// The Authorization header value each vendor expects.
pub fn auth(provider: &str) -> String {
    let token = tokens::for_provider(provider).expect("known provider");
    if provider == "polaris" {
        format!("Basic {token}")
    } else {
        format!("Bearer {token}")
    }
}

pub async fn start() -> Harness {
    start_with(Emulator::new()).await
}

pub async fn start_with(emulator: Emulator) -> Harness {
    let running = emulator.start().await.expect("emulator starts");
    Harness {
        running,
        client: Client::new(),
    }
}

impl Harness {
    pub fn url(&self, provider: &str, path: &str) -> String {
        format!("{}{}", self.running.base_url(provider), path)
    }

    /// A request with the provider's valid credentials.
    pub fn call(&self, method: Method, provider: &str, path: &str) -> RequestBuilder {
        self.client
            .request(method, self.url(provider, path))
            .header("Authorization", auth(provider))
    }
}
