//! Building a [`Client`].

use crate::client::{Client, Inner};
use crate::driver::Driver;
use crate::hooks::Hook;
use crate::locks::UserLocks;
use crate::transport::Transport;
use rosterkit_core::paging::MAX_PAGES;
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
    max_pages: u32,
    hooks: Vec<Arc<dyn Hook>>,
    transport: Option<Arc<dyn Transport>>,
    #[cfg(feature = "reqwest")]
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
            max_pages: MAX_PAGES,
            hooks: Vec::new(),
            transport: None,
            #[cfg(feature = "reqwest")]
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

    /// Timeout of one HTTP exchange with the built-in transport (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connect timeout of the built-in transport (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Calls run at once by `apply` (default 8).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// The most pages one list may take before it is treated as a loop
    /// (default [`MAX_PAGES`]); raise it for very large directories.
    pub fn max_pages(mut self, n: u32) -> Self {
        self.max_pages = n.max(1);
        self
    }

    /// Adds a hook called around every exchange.
    pub fn hook(mut self, hook: impl Hook + 'static) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Calls `log` with one line per HTTP exchange (see [`crate::log_line`]).
    pub fn log(self, log: impl Fn(&str) + crate::MaybeSendSync + 'static) -> Self {
        self.hook(crate::hooks::LogHook(log))
    }

    /// Uses your own transport (a foreign HTTP stack, a test double).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Uses your own reqwest client (proxies, certificates); its timeouts apply.
    #[cfg(feature = "reqwest")]
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    #[cfg(feature = "reqwest")]
    fn default_transport(&mut self) -> Result<Arc<dyn Transport>, Error> {
        let http = match self.http.take() {
            Some(h) => h,
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .user_agent(concat!("rosterkit/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::transport(format!("could not set up HTTP: {e}")))?,
        };
        Ok(Arc::new(crate::reqwest_transport::ReqwestTransport::new(
            http,
        )))
    }

    #[cfg(not(feature = "reqwest"))]
    fn default_transport(&mut self) -> Result<Arc<dyn Transport>, Error> {
        Err(Error::invalid(
            "transport",
            "this build has no built-in HTTP stack; pass one with ClientBuilder::transport",
        ))
    }

    /// Checks the options and builds the client.
    pub fn build(mut self) -> Result<Client, Error> {
        let base = self.target.base()?.to_owned();
        self.policy.check()?;
        self.target.authorization(self.provider)?;
        let transport = match self.transport.take() {
            Some(t) => t,
            None => self.default_transport()?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                directory: Directory {
                    provider: self.provider,
                    tenant_id: self.tenant_id,
                },
                locks: UserLocks::new(&base),
                target: self.target,
                policy: self.policy,
                concurrency: self.concurrency,
                max_pages: self.max_pages,
                driver: Driver {
                    transport,
                    hooks: self.hooks,
                    extra_headers: Vec::new(),
                    timeout_ms: None,
                },
            }),
        })
    }
}
