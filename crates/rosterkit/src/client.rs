//! The async client: one drive loop for every core flow.

use crate::apply::{self, ApplyReport};
use crate::builder::ClientBuilder;
use crate::hooks::Hook;
use crate::transport;
use futures_util::stream::{self, Stream, StreamExt};
use rosterkit_core::flow::Context;
use rosterkit_core::membership::{self, MembershipPlan};
use rosterkit_core::paging::Pager;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{
    capabilities, to_unified, Capabilities, Directory, Group, Member, Permission, UnifiedOp, User,
};
use rosterkit_core::{Endpoint, Error, Flow, Operation, Provider, Secret, Step, Target};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::sync::Arc;
use std::time::Instant;

pub(crate) struct Inner {
    pub(crate) directory: Directory,
    pub(crate) target: Target,
    pub(crate) policy: RetryPolicy,
    pub(crate) concurrency: usize,
    pub(crate) hooks: Vec<Arc<dyn Hook>>,
    pub(crate) http: reqwest::Client,
}

/// An async client for one provider and tenant. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("directory", &self.inner.directory)
            .field("target", &self.inner.target)
            .finish_non_exhaustive()
    }
}

fn typed<T: DeserializeOwned>(v: Value) -> Result<T, Error> {
    serde_json::from_value(v).map_err(Error::from)
}

fn seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    // RandomState is seeded per process; hashing the time varies it per call.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish()
}

impl Client {
    /// Starts building a client for `provider` at `base_url` with `token`
    /// (for Polaris, the API key).
    pub fn builder(provider: Provider, base_url: &str, token: impl Into<Secret>) -> ClientBuilder {
        ClientBuilder::new(provider, base_url, token.into())
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.inner.directory.provider
    }

    /// What this provider's API can do.
    pub fn capabilities(&self) -> Capabilities {
        capabilities(self.provider())
    }

    pub(crate) fn context(&self) -> Context {
        Context {
            target: self.inner.target.clone(),
            policy: self.inner.policy,
            seed: seed(),
        }
    }

    /// Drives any core flow to its end: the host loop of the design.
    pub async fn run(&self, mut flow: Flow) -> Result<Value, Error> {
        let started = Instant::now();
        let elapsed = || started.elapsed().as_millis() as u64;
        let mut step = flow.start();
        loop {
            step = match step {
                Step::Send { request } => {
                    match transport::send(&self.inner.http, &self.inner.hooks, request).await {
                        Ok(response) => flow.on_response(response, elapsed()),
                        Err(f) => flow.on_transport_error(f.sent, &f.message, elapsed()),
                    }
                }
                Step::Sleep { millis } => {
                    tokio::time::sleep(std::time::Duration::from_millis(millis)).await;
                    flow.on_woken(elapsed())
                }
                Step::Done { result } => return result,
            };
        }
    }

    /// One endpoint call with retries, result as JSON. An endpoint of another
    /// provider is refused: it would send this client's credential there.
    pub async fn execute(&self, op: Operation) -> Result<Value, Error> {
        op.check_provider(self.provider())?;
        self.run(Flow::call(op, self.context())).await
    }

    /// One typed endpoint call with retries.
    pub async fn call<E>(&self, endpoint: E) -> Result<E::Output, Error>
    where
        E: Endpoint + Into<Operation>,
    {
        typed(self.execute(endpoint.into()).await?)
    }

    /// Every item of every page of a list operation, page by page.
    pub fn pages(
        &self,
        op: Operation,
    ) -> impl Stream<Item = Result<Vec<Value>, Error>> + Send + 'static {
        let client = self.clone();
        stream::try_unfold(Some(Pager::new(op)), move |pager| {
            let client = client.clone();
            async move {
                let Some(mut pager) = pager else {
                    return Ok(None);
                };
                let Some(op) = pager.next_operation() else {
                    return Ok(None);
                };
                let page = client.execute(op).await?;
                let items = pager.advance(page)?;
                let next = (!pager.is_done()).then_some(pager);
                Ok(Some((items, next)))
            }
        })
    }

    /// The pages of a unified list (`ListUsers`, `ListGroups`, `ListMembers`),
    /// each page's items already in the unified model, fetched one page at a
    /// time as the stream is polled.
    pub fn unified_pages(
        &self,
        op: &UnifiedOp,
    ) -> Result<impl Stream<Item = Result<Vec<Value>, Error>> + Send + 'static, Error> {
        let (list, kind) = op.list_operation(&self.inner.directory)?.ok_or_else(|| {
            Error::invalid("op", format!("{} is not a list operation", op.name()))
        })?;
        let provider = self.provider();
        Ok(self.pages(list).map(move |page| {
            page.map(|items| {
                items
                    .iter()
                    .map(|item| to_unified(provider, kind, item))
                    .collect()
            })
        }))
    }

    /// Runs a unified operation; result as JSON.
    pub async fn unified(&self, op: UnifiedOp) -> Result<Value, Error> {
        let flow = op.flow(&self.inner.directory, self.context())?;
        self.run(flow).await
    }

    /// Every user.
    pub async fn list_users(&self) -> Result<Vec<User>, Error> {
        typed(self.unified(UnifiedOp::ListUsers).await?)
    }

    /// Every group.
    pub async fn list_groups(&self) -> Result<Vec<Group>, Error> {
        typed(self.unified(UnifiedOp::ListGroups).await?)
    }

    /// One group.
    pub async fn get_group(&self, group_id: &str) -> Result<Group, Error> {
        typed(
            self.unified(UnifiedOp::GetGroup {
                group_id: group_id.to_owned(),
            })
            .await?,
        )
    }

    /// Creates a group (`role` is Alteryx's; others ignore it).
    pub async fn create_group(
        &self,
        name: &str,
        permissions: Vec<Permission>,
        role: Option<&str>,
    ) -> Result<Group, Error> {
        typed(
            self.unified(UnifiedOp::CreateGroup {
                name: name.to_owned(),
                permissions,
                role: role.map(str::to_owned),
            })
            .await?,
        )
    }

    /// Changes a group; fields left `None` keep their value. Returns the
    /// group when the vendor answers with it.
    pub async fn update_group(
        &self,
        group_id: &str,
        name: Option<&str>,
        permissions: Option<Vec<Permission>>,
        role: Option<&str>,
    ) -> Result<Option<Group>, Error> {
        typed(
            self.unified(UnifiedOp::UpdateGroup {
                group_id: group_id.to_owned(),
                name: name.map(str::to_owned),
                permissions,
                role: role.map(str::to_owned),
            })
            .await?,
        )
    }

    /// Deletes a group; `force` deletes a non-empty Alteryx group.
    pub async fn delete_group(&self, group_id: &str, force: bool) -> Result<(), Error> {
        self.unified(UnifiedOp::DeleteGroup {
            group_id: group_id.to_owned(),
            force,
        })
        .await
        .map(|_| ())
    }

    /// Every member of a group.
    pub async fn list_members(&self, group_id: &str) -> Result<Vec<Member>, Error> {
        typed(
            self.unified(UnifiedOp::ListMembers {
                group_id: group_id.to_owned(),
            })
            .await?,
        )
    }

    /// Adds members with the fewest calls; each call's result is reported.
    pub async fn add_members(
        &self,
        group_id: &str,
        user_ids: &[String],
    ) -> Result<ApplyReport, Error> {
        let plan = membership::plan_changes(&self.inner.directory, group_id, user_ids, &[])?;
        Ok(self.apply(&plan).await)
    }

    /// Removes members with the fewest calls; each call's result is reported.
    pub async fn remove_members(
        &self,
        group_id: &str,
        user_ids: &[String],
    ) -> Result<ApplyReport, Error> {
        let plan = membership::plan_changes(&self.inner.directory, group_id, &[], user_ids)?;
        Ok(self.apply(&plan).await)
    }

    /// Approves a pending join request (SSW).
    pub async fn approve_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.unified(UnifiedOp::ApproveMember {
            group_id: group_id.to_owned(),
            user_id: user_id.to_owned(),
        })
        .await
        .map(|_| ())
    }

    /// Rejects a pending join request (SSW).
    pub async fn reject_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.unified(UnifiedOp::RejectMember {
            group_id: group_id.to_owned(),
            user_id: user_id.to_owned(),
        })
        .await
        .map(|_| ())
    }

    /// The dry-run diff: reads the current members and plans the fewest calls
    /// that make them exactly `desired`. Nothing is changed.
    pub async fn plan(&self, group_id: &str, desired: &[String]) -> Result<MembershipPlan, Error> {
        let current: Vec<String> = self
            .list_members(group_id)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        membership::plan(&self.inner.directory, group_id, &current, desired)
    }

    /// Runs a plan, at most `concurrency` calls at once. Every step's result
    /// is in the report: a partial failure is never silent.
    pub async fn apply(&self, plan: &MembershipPlan) -> ApplyReport {
        apply::run(self, plan, self.inner.concurrency).await
    }
}
