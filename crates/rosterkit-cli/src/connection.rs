//! Turning flags, a profile and the environment into a client.
//!
//! Precedence: a flag beats the profile. For the token: `--token-insecure`,
//! then the profile's `token_env` or `token`, then `ROSTERKIT_TOKEN`. A token
//! is wrapped in [`Secret`] the moment it is read, so no message, log line or
//! `Debug` output can show it.

use crate::cli::{unknown_provider, Global};
use crate::failure::{usage, Failure};
use crate::profiles::{self, Profile};
use rosterkit::{Client, Hook, Provider, Secret};

/// Environment variable holding the token when no profile names one.
pub const TOKEN_ENV: &str = "ROSTERKIT_TOKEN";

/// Everything needed to reach one tenant.
#[derive(Debug)]
pub struct Connection {
    /// The vendor.
    pub provider: Provider,
    /// The base URL.
    pub base_url: String,
    /// SSW organization or Spotnana company.
    pub tenant_id: Option<String>,
    /// The credential (redacted in `Debug`).
    pub token: Secret,
}

fn env_secret(var: &str) -> Option<Secret> {
    std::env::var(var)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(Secret::new)
}

impl Connection {
    /// Resolves the connection; `implied` is a provider the command itself
    /// names (the prefix of an endpoint id), used when no flag or profile does.
    pub fn resolve(global: &Global, implied: Option<Provider>) -> Result<Connection, Failure> {
        let profile = match &global.profile {
            Some(name) => profiles::load(name)?,
            None => Profile::default(),
        };
        let provider = match (global.provider, &profile.provider) {
            (Some(p), _) => p,
            (None, Some(p)) => p.parse().map_err(|_| usage(unknown_provider(p)))?,
            (None, None) => implied.ok_or_else(|| {
                usage("no provider: pass --provider (ssw, spotnana, b2core, polaris, alteryx) or --profile")
            })?,
        };
        if let Some(implied) = implied {
            if implied != provider {
                return Err(usage(format!(
                    "the endpoint belongs to {implied}, but the provider is {provider}"
                )));
            }
        }
        let base_url = global
            .base_url
            .clone()
            .or(profile.base_url)
            .ok_or_else(|| usage("no base URL: pass --base-url or use a --profile that has one"))?;
        let tenant_id = global.tenant_id.clone().or(profile.tenant_id);
        let token = match (&global.token_insecure, &profile.token_env, profile.token) {
            (Some(t), _, _) => {
                eprintln!(
                    "warning: --token-insecure: the token is visible to other local users and kept in shell history; prefer {TOKEN_ENV} or a profile"
                );
                t.clone()
            }
            (None, Some(var), _) => env_secret(var).ok_or_else(|| {
                usage(format!(
                    "the profile reads its token from ${var}, which is not set"
                ))
            })?,
            (None, None, Some(t)) => t,
            (None, None, None) => env_secret(TOKEN_ENV).ok_or_else(|| {
                usage(format!(
                    "no token: set {TOKEN_ENV}, or use a --profile with token_env"
                ))
            })?,
        };
        Ok(Connection {
            provider,
            base_url,
            tenant_id,
            token,
        })
    }

    /// A client for this connection, with `hook` around every exchange.
    pub fn client(&self, hook: impl Hook + 'static) -> Result<Client, Failure> {
        let mut builder = Client::builder(self.provider, &self.base_url, self.token.clone());
        if let Some(t) = &self.tenant_id {
            builder = builder.tenant_id(t.clone());
        }
        // An invalid base URL or token is the user's input: usage, not failure.
        builder.hook(hook).build().map_err(|e| match e {
            rosterkit::Error::InvalidInput { .. } => usage(e.to_string()),
            other => Failure::Client(other),
        })
    }
}
