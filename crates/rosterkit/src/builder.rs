//! Building a [`Client`].

use crate::client::{Client, Inner};
use crate::hooks::Hook;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::Directory;
use rosterkit_core::{Error, Provider, Secret, Target};
use std::sync::Arc;
use std::time::Duration;

/// Options for a [`Client`]; every one has a sensible default.
pub struct ClientBuilder {
    provider: Provider,
    target: Target,
    tenant_id: Option<String>,
    policy: RetryPolicy,
    timeout: Duration,
    connect_timeout: Duration,
    concurrency: usize,
    hooks: Vec<Arc<dyn Hook>>,
    http: Option<reqwest::Client>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("provider", &self.provider)
            .field("target", &self.target)
            .field("tenant_id", &self.tenant_id)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    pub(crate) fn new(provider: Provider, base_url: &str, token: Secret) -> Self {
        ClientBuilder {
            provider,
            target: Target::new(base_url, token),
            tenant_id: None,
            policy: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            concurrency: 8,
            hooks: Vec::new(),
            http: None,
        }
    }

    /// The SSW organization id or Spotnana company id.
    pub fn tenant_id(mut self, tenant_id: impl Into<String>) -> Self {
        self.tenant_id = Some(tenant_id.into());
        self
    }

    /// The retry policy (attempts, backoff, `Retry-After` cap, deadline).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Timeout of one HTTP exchange (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Calls run at once by `apply` (default 8).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Adds a hook called around every exchange.
    pub fn hook(mut self, hook: impl Hook + 'static) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Uses your own reqwest client (proxies, certificates); its timeouts apply.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Checks the options and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        self.target.base()?;
        self.target.authorization(self.provider)?;
        let http = match self.http {
            Some(h) => h,
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .user_agent(concat!("rosterkit/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::transport(format!("could not set up HTTP: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                directory: Directory {
                    provider: self.provider,
                    tenant_id: self.tenant_id,
                },
                target: self.target,
                policy: self.policy,
                concurrency: self.concurrency,
                hooks: self.hooks,
                http,
            }),
        })
    }
}
