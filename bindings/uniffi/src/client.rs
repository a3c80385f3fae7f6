//! The client object: one-line methods over the `rosterkit` driver, with the
//! core's own types in and out.

use crate::config::ClientConfig;
use crate::pages::{GroupPages, MemberPages, UserPages};
use crate::progress::ApplyProgress;
use crate::transport::Foreign;
use futures_util::StreamExt;
use rosterkit::{ApplyControl, Client};
use rosterkit_core::membership::{ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::unified::{Capabilities, Group, GroupChanges, Member, NewGroup, User};
use rosterkit_core::{Error, Operation, Provider};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

/// A client for one provider and tenant. Thread-safe; share one instance.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct RosterKitClient {
    client: Client,
    foreign: bool,
}

impl std::fmt::Display for RosterKitClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dir = self.client.directory();
        write!(
            f,
            "RosterKitClient({} at {}",
            dir.provider,
            self.client.base_url()
        )?;
        if let Some(t) = &dir.tenant_id {
            write!(f, ", tenant {t}")?;
        }
        if self.foreign {
            f.write_str(", custom transport")?;
        }
        f.write_str(")")
    }
}

impl std::fmt::Debug for RosterKitClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

fn control(progress: Option<Arc<ApplyProgress>>) -> ApplyControl {
    match progress {
        Some(p) => ApplyControl {
            progress: Some(p.progress.clone()),
            cancel: Some(p.cancel.clone()),
            ..ApplyControl::default()
        },
        None => ApplyControl::default(),
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl RosterKitClient {
    /// A client for `config.provider` at `config.base_url`, authenticating
    /// with `token` (for Polaris, the API key). The token is kept out of
    /// every error and string form of the client.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig, token: String) -> Result<Arc<Self>, Error> {
        let mut builder = Client::builder(config.provider, &config.base_url, token)
            .retry_policy(config.retry.unwrap_or_default());
        if let Some(t) = config.tenant_id {
            builder = builder.tenant_id(t);
        }
        if let Some(ms) = config.timeout_ms {
            builder = builder.timeout(Duration::from_millis(ms));
        }
        if let Some(n) = config.concurrency {
            builder = builder.concurrency(n as usize);
        }
        let foreign = config.transport.is_some();
        if let Some(http) = config.transport {
            builder =
                builder.transport(Arc::new(rosterkit::TokioTransport::with(Foreign { http })));
        }
        Ok(Arc::new(RosterKitClient {
            client: builder.build()?,
            foreign,
        }))
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.client.provider()
    }

    /// What this provider's API can do, and why not when it cannot.
    pub fn capabilities(&self) -> Capabilities {
        self.client.capabilities()
    }

    /// Every user, all pages.
    pub async fn list_users(&self) -> Result<Vec<User>, Error> {
        self.client.list_users().await
    }

    /// Every group, all pages.
    pub async fn list_groups(&self) -> Result<Vec<Group>, Error> {
        self.client.list_groups().await
    }

    /// Every member of a group, all pages.
    pub async fn list_members(&self, group_id: String) -> Result<Vec<Member>, Error> {
        self.client.list_members(&group_id).await
    }

    /// Users, a page at a time.
    pub fn user_pages(&self) -> Result<Arc<UserPages>, Error> {
        Ok(Arc::new(UserPages(Mutex::new(
            self.client.user_pages()?.boxed(),
        ))))
    }

    /// Groups, a page at a time.
    pub fn group_pages(&self) -> Result<Arc<GroupPages>, Error> {
        Ok(Arc::new(GroupPages(Mutex::new(
            self.client.group_pages()?.boxed(),
        ))))
    }

    /// A group's members, a page at a time.
    pub fn member_pages(&self, group_id: String) -> Result<Arc<MemberPages>, Error> {
        Ok(Arc::new(MemberPages(Mutex::new(
            self.client.member_pages(&group_id)?.boxed(),
        ))))
    }

    /// One group.
    pub async fn get_group(&self, group_id: String) -> Result<Group, Error> {
        self.client.get_group(&group_id).await
    }

    /// Creates a group.
    pub async fn create_group(&self, group: NewGroup) -> Result<Group, Error> {
        self.client.create_group(group).await
    }

    /// Changes a group; what is left out keeps its value. Returns the group
    /// when the vendor answers with it.
    pub async fn update_group(
        &self,
        group_id: String,
        changes: GroupChanges,
    ) -> Result<Option<Group>, Error> {
        self.client.update_group(&group_id, changes).await
    }

    /// Deletes a group; `force` deletes a non-empty Alteryx group.
    #[uniffi::method(default(force = false))]
    pub async fn delete_group(&self, group_id: String, force: bool) -> Result<(), Error> {
        self.client.delete_group(&group_id, force).await
    }

    /// Adds members with the fewest calls; one outcome per user.
    pub async fn add_members(
        &self,
        group_id: String,
        user_ids: Vec<String>,
    ) -> Result<ApplyReport, Error> {
        self.client.add_members(&group_id, &user_ids).await
    }

    /// Removes members with the fewest calls; one outcome per user.
    pub async fn remove_members(
        &self,
        group_id: String,
        user_ids: Vec<String>,
    ) -> Result<ApplyReport, Error> {
        self.client.remove_members(&group_id, &user_ids).await
    }

    /// Approves a pending join request (SSW).
    pub async fn approve_member(&self, group_id: String, user_id: String) -> Result<(), Error> {
        self.client.approve_member(&group_id, &user_id).await
    }

    /// Rejects a pending join request (SSW).
    pub async fn reject_member(&self, group_id: String, user_id: String) -> Result<(), Error> {
        self.client.reject_member(&group_id, &user_id).await
    }

    /// The dry run of a sync toward `desired` (user ids or emails): nothing
    /// changes; risky plans are refused unless `options` says otherwise.
    pub async fn plan(
        &self,
        group_id: String,
        desired: Vec<String>,
        options: SyncOptions,
    ) -> Result<MembershipPlan, Error> {
        self.client.plan(&group_id, &desired, options).await
    }

    /// Applies a plan, additions first; one outcome per user. Pass an
    /// `ApplyProgress` to read the report if the call is cancelled, or to
    /// cancel it (`progress.cancel()`: the call returns the partial report).
    #[uniffi::method(default(progress = None))]
    pub async fn apply(
        &self,
        plan: MembershipPlan,
        progress: Option<Arc<ApplyProgress>>,
    ) -> Result<ApplyReport, Error> {
        self.client.apply_with(&plan, control(progress)).await
    }

    /// Plans and applies a sync.
    #[uniffi::method(default(progress = None))]
    pub async fn sync(
        &self,
        group_id: String,
        desired: Vec<String>,
        options: SyncOptions,
        progress: Option<Arc<ApplyProgress>>,
    ) -> Result<ApplyReport, Error> {
        let plan = self.client.plan(&group_id, &desired, options).await?;
        self.client.apply_with(&plan, control(progress)).await
    }

    /// A plan for the users of `report` whose change failed, is unknown or
    /// did not run; `null`/`nil` when every user is as desired.
    pub fn replan(&self, report: ApplyReport) -> Result<Option<MembershipPlan>, Error> {
        self.client.replan(&report)
    }

    /// One call of a vendor endpoint with its own field names, e.g.
    /// `call_endpoint("polaris.get_user", "{\"user_id\":\"...\"}")`, retried
    /// as the policy allows. Returns the endpoint's result as JSON.
    pub async fn call_endpoint(
        &self,
        endpoint_id: String,
        input_json: String,
    ) -> Result<String, Error> {
        // The body's own text when it already is the result: no parse and
        // write of a 10,000-member page.
        self.client
            .execute_for_host(Operation::from_text(&endpoint_id, &input_json)?)
            .await?
            .into_json()
    }

    /// Any unified operation as JSON, e.g. `{"op": "get_group", "group_id":
    /// "g1"}`; returns its result as JSON (snake_case). What the unified
    /// vectors run; the typed methods above are the everyday API.
    pub async fn unified(&self, op_json: String) -> Result<String, Error> {
        let op = rosterkit_core::unified::UnifiedOp::from_text(&op_json)?;
        self.client.unified(op).await?.to_json()
    }

    /// Every page of a vendor list endpoint; returns the JSON array of all items.
    pub async fn call_endpoint_all_pages(
        &self,
        endpoint_id: String,
        input_json: String,
    ) -> Result<String, Error> {
        use futures_util::TryStreamExt;
        let pages = self
            .client
            .pages(Operation::from_text(&endpoint_id, &input_json)?)?;
        let items: Vec<serde_json::Value> = pages.try_concat().await?;
        serde_json::to_string(&items).map_err(Error::from)
    }
}
