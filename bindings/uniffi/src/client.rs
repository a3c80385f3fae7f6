//! The client object: the unified directory API and full-fidelity vendor
//! endpoints, as async methods. Every method builds a core flow and runs it
//! over the configured transport; the results are converted, nothing more.

use crate::config::ClientConfig;
use crate::error::RosterKitError;
use crate::membership::{ApplyReport, SyncPlan};
use crate::models::Capabilities;
use crate::transport::{self, HttpTransport};
use futures_util::stream::{self, StreamExt};
use rosterkit_core::flow::Context;
use rosterkit_core::membership::{self, MembershipPlan};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{self, Directory, Group, Member, Permission, UnifiedOp, User};
use rosterkit_core::{validate, Error, Flow, Operation, Provider, Target};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Calls run at once by `apply` when the config does not say (as in `rosterkit`).
const DEFAULT_CONCURRENCY: usize = 8;

enum Transport {
    /// The `rosterkit` crate's reqwest client.
    Builtin(rosterkit::Client),
    /// The app's own HTTP stack.
    Foreign(Arc<dyn HttpTransport>),
}

/// A client for one provider and tenant. Thread-safe; share one instance.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct RosterKitClient {
    directory: Directory,
    target: Target,
    policy: RetryPolicy,
    concurrency: usize,
    transport: Transport,
}

impl fmt::Display for RosterKitClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RosterKitClient({} at {}",
            self.directory.provider, self.target.base_url
        )?;
        if let Some(t) = &self.directory.tenant_id {
            write!(f, ", tenant {t}")?;
        }
        if matches!(self.transport, Transport::Foreign(_)) {
            f.write_str(", custom transport")?;
        }
        f.write_str(")")
    }
}

impl fmt::Debug for RosterKitClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn typed<T: DeserializeOwned>(v: Value) -> Result<T, RosterKitError> {
    serde_json::from_value(v).map_err(RosterKitError::from)
}

/// Reads a JSON argument; a blank string is `null` (no input).
pub(crate) fn json_arg(field: &str, text: &str) -> Result<Value, RosterKitError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text)
        .map_err(|e| RosterKitError::invalid(field, format!("is not valid JSON: {e}")))
}

fn seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    // RandomState is seeded per process; hashing the time varies it per call.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish()
}

impl RosterKitClient {
    fn context(&self) -> Context {
        Context {
            target: self.target.clone(),
            policy: self.policy,
            seed: seed(),
        }
    }

    /// Drives a core flow over the configured transport.
    async fn run(&self, flow: Flow) -> Result<Value, Error> {
        match &self.transport {
            Transport::Builtin(client) => client.run(flow).await,
            Transport::Foreign(t) => transport::drive(t, flow).await,
        }
    }

    async fn unified(&self, op: UnifiedOp) -> Result<Value, RosterKitError> {
        let flow = op.flow(&self.directory, self.context())?;
        Ok(self.run(flow).await?)
    }

    /// Runs every step, at most `concurrency` at once, reporting each one.
    async fn apply_plan(&self, plan: &MembershipPlan) -> ApplyReport {
        let outcomes = stream::iter(plan.steps.iter().cloned())
            .map(|step| async move {
                let result = self.run(step.flow(self.context())).await;
                (step, result)
            })
            // `buffered` keeps plan order in the report while running in parallel.
            .buffered(self.concurrency)
            .collect()
            .await;
        ApplyReport::new(outcomes)
    }

    fn operation(&self, endpoint_id: &str, input_json: &str) -> Result<Operation, RosterKitError> {
        let op = Operation::from_json(endpoint_id, json_arg("input_json", input_json)?)?;
        op.check_provider(self.directory.provider)?;
        Ok(op)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl RosterKitClient {
    /// A client for `config.provider` at `config.base_url`, authenticating
    /// with `token` (for Polaris, the API key). The token is kept out of
    /// every error and string form of the client.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig, token: String) -> Result<Arc<Self>, RosterKitError> {
        let policy = config
            .retry
            .as_ref()
            .map(RetryPolicy::from)
            .unwrap_or_default();
        let target = Target::new(config.base_url.clone(), token);
        // Checked up front so a bad URL or token fails here, whatever the transport.
        target.base()?;
        target.authorization(config.provider)?;
        let concurrency = config
            .concurrency
            .map_or(DEFAULT_CONCURRENCY, |n| (n as usize).max(1));
        let transport = match config.transport {
            Some(t) => Transport::Foreign(t),
            None => {
                let mut builder = rosterkit::Client::builder(
                    config.provider,
                    &config.base_url,
                    target.token.clone(),
                )
                .retry_policy(policy)
                .concurrency(concurrency);
                if let Some(ms) = config.timeout_ms {
                    builder = builder.timeout(Duration::from_millis(ms));
                }
                Transport::Builtin(builder.build()?)
            }
        };
        Ok(Arc::new(RosterKitClient {
            directory: Directory {
                provider: config.provider,
                tenant_id: config.tenant_id,
            },
            target,
            policy,
            concurrency,
            transport,
        }))
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.directory.provider
    }

    /// What this provider's API can do, and why not when it cannot.
    pub fn capabilities(&self) -> Capabilities {
        unified::capabilities(self.directory.provider).into()
    }

    /// Every user, all pages.
    pub async fn list_users(&self) -> Result<Vec<User>, RosterKitError> {
        typed(self.unified(UnifiedOp::ListUsers).await?)
    }

    /// Every group, all pages.
    pub async fn list_groups(&self) -> Result<Vec<Group>, RosterKitError> {
        typed(self.unified(UnifiedOp::ListGroups).await?)
    }

    /// One group.
    pub async fn get_group(&self, group_id: String) -> Result<Group, RosterKitError> {
        typed(self.unified(UnifiedOp::GetGroup { group_id }).await?)
    }

    /// Creates a group. `permissions` are B2Core names or Polaris scoped
    /// permissions; `role` is Alteryx's (default `Evaluated`).
    #[uniffi::method(default(permissions = [], role = None))]
    pub async fn create_group(
        &self,
        name: String,
        permissions: Vec<Permission>,
        role: Option<String>,
    ) -> Result<Group, RosterKitError> {
        let op = UnifiedOp::CreateGroup {
            name,
            permissions,
            role,
        };
        typed(self.unified(op).await?)
    }

    /// Changes a group; arguments left `null`/`nil` keep their value. Returns
    /// the group when the vendor answers with it.
    #[uniffi::method(default(name = None, permissions = None, role = None))]
    pub async fn update_group(
        &self,
        group_id: String,
        name: Option<String>,
        permissions: Option<Vec<Permission>>,
        role: Option<String>,
    ) -> Result<Option<Group>, RosterKitError> {
        let op = UnifiedOp::UpdateGroup {
            group_id,
            name,
            permissions,
            role,
        };
        typed(self.unified(op).await?)
    }

    /// Deletes a group; `force` deletes a non-empty Alteryx group.
    #[uniffi::method(default(force = false))]
    pub async fn delete_group(&self, group_id: String, force: bool) -> Result<(), RosterKitError> {
        self.unified(UnifiedOp::DeleteGroup { group_id, force })
            .await
            .map(drop)
    }

    /// Every member of a group, all pages.
    pub async fn list_members(&self, group_id: String) -> Result<Vec<Member>, RosterKitError> {
        typed(self.unified(UnifiedOp::ListMembers { group_id }).await?)
    }

    /// Adds members with the fewest calls the vendor allows; each call's
    /// result is in the report.
    pub async fn add_members(
        &self,
        group_id: String,
        user_ids: Vec<String>,
    ) -> Result<ApplyReport, RosterKitError> {
        validate::ids("user_ids", &user_ids, true)?;
        let plan = membership::plan_changes(&self.directory, &group_id, &user_ids, &[])?;
        Ok(self.apply_plan(&plan).await)
    }

    /// Removes members with the fewest calls the vendor allows; each call's
    /// result is in the report.
    pub async fn remove_members(
        &self,
        group_id: String,
        user_ids: Vec<String>,
    ) -> Result<ApplyReport, RosterKitError> {
        validate::ids("user_ids", &user_ids, true)?;
        let plan = membership::plan_changes(&self.directory, &group_id, &[], &user_ids)?;
        Ok(self.apply_plan(&plan).await)
    }

    /// Approves a pending join request (SSW).
    pub async fn approve_member(
        &self,
        group_id: String,
        user_id: String,
    ) -> Result<(), RosterKitError> {
        self.unified(UnifiedOp::ApproveMember { group_id, user_id })
            .await
            .map(drop)
    }

    /// Rejects a pending join request (SSW).
    pub async fn reject_member(
        &self,
        group_id: String,
        user_id: String,
    ) -> Result<(), RosterKitError> {
        self.unified(UnifiedOp::RejectMember { group_id, user_id })
            .await
            .map(drop)
    }

    /// The dry-run diff: reads the current members and plans the fewest
    /// calls that make them exactly `desired`. Nothing is changed.
    pub async fn plan_sync(
        &self,
        group_id: String,
        desired: Vec<String>,
    ) -> Result<SyncPlan, RosterKitError> {
        let op = UnifiedOp::SyncMembers {
            group_id,
            desired,
            dry_run: true,
        };
        let out = self.unified(op).await?;
        // The dry run answers `{"plan": ..., "results": []}`.
        let plan = out.get("plan").cloned().unwrap_or_default();
        let plan: MembershipPlan = typed(plan)?;
        Ok(SyncPlan::from(&plan))
    }

    /// Applies a plan from `plan_sync`, at most `concurrency` calls at once.
    /// Every step's result is in the report.
    pub async fn apply(&self, plan: SyncPlan) -> Result<ApplyReport, RosterKitError> {
        if plan.provider != self.directory.provider {
            return Err(RosterKitError::invalid(
                "plan.provider",
                format!(
                    "the plan is for {}; this client is for {}",
                    plan.provider, self.directory.provider
                ),
            ));
        }
        let plan = membership::plan_changes(
            &self.directory,
            &plan.group_id,
            &plan.to_add,
            &plan.to_remove,
        )?;
        Ok(self.apply_plan(&plan).await)
    }

    /// One call of a vendor endpoint with its own field names, e.g.
    /// `call_endpoint("polaris.get_user", "{\"user_id\":\"...\"}")`, retried as
    /// the policy allows. Returns the endpoint's result as JSON.
    pub async fn call_endpoint(
        &self,
        endpoint_id: String,
        input_json: String,
    ) -> Result<String, RosterKitError> {
        let op = self.operation(&endpoint_id, &input_json)?;
        Ok(self.run(Flow::call(op, self.context())).await?.to_string())
    }

    /// Every page of a vendor list endpoint; returns the JSON array of all items.
    pub async fn call_endpoint_all_pages(
        &self,
        endpoint_id: String,
        input_json: String,
    ) -> Result<String, RosterKitError> {
        let op = self.operation(&endpoint_id, &input_json)?;
        Ok(self
            .run(Flow::all_pages(op, self.context()))
            .await?
            .to_string())
    }
}
