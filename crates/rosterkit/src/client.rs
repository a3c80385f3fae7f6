//! The async client: every method builds a core flow and drives it.

use crate::builder::ClientBuilder;
use crate::cancel::Cancel;
use crate::driver::{check_plan, ApplyControl, Driver};
use crate::locks::UserLocks;
use futures_util::stream::{self, Stream};
use rosterkit_core::membership::{self, Apply, ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{
    capabilities, Capabilities, Directory, Group, GroupChanges, Member, NewGroup, PageFlows,
    UnifiedOp, UnifiedOutput, User,
};
use rosterkit_core::{Context, Endpoint, Error, Flow, Operation, Output, Provider, Secret, Target};
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub(crate) struct Inner {
    pub(crate) directory: Directory,
    pub(crate) target: Target,
    pub(crate) policy: RetryPolicy,
    pub(crate) concurrency: usize,
    pub(crate) max_pages: u32,
    pub(crate) driver: Driver,
    pub(crate) locks: UserLocks,
}

/// Options of one call (or of every call of a derived client), for what a
/// caller changes per request: the retry policy, a deadline per exchange,
/// extra headers (a trace id, a vendor's beta flag).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallOptions {
    /// Replaces the client's retry policy.
    pub retry: Option<RetryPolicy>,
    /// Gives up on one HTTP exchange after this many milliseconds (a
    /// transport error; retried only when the call is safe to repeat).
    pub timeout_ms: Option<u64>,
    /// Headers added to every request; `Authorization` is refused.
    pub headers: Vec<(String, String)>,
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

    /// The provider and tenant.
    pub fn directory(&self) -> &Directory {
        &self.inner.directory
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.target.base_url
    }

    /// What this provider's API can do.
    pub fn capabilities(&self) -> Capabilities {
        capabilities(self.provider())
    }

    /// The context every flow of this client runs in.
    pub fn context(&self) -> Context {
        let mut ctx = Context::new(
            self.inner.target.clone(),
            self.inner.policy,
            self.inner.driver.transport.seed(),
        );
        ctx.max_pages = self.inner.max_pages;
        ctx
    }

    /// A client that shares this one's transport and locks but applies
    /// `options` to every call: `client.with_options(&o).list_groups()`.
    pub fn with_options(&self, options: &CallOptions) -> Result<Client, Error> {
        let mut inner = (*self.inner).clone();
        if let Some(policy) = options.retry {
            policy.check()?;
            inner.policy = policy;
        }
        if let Some(ms) = options.timeout_ms {
            if ms == 0 {
                return Err(Error::invalid("timeout", "must be at least 1 ms"));
            }
            inner.driver.timeout_ms = Some(ms);
        }
        for (name, value) in &options.headers {
            if name.eq_ignore_ascii_case("authorization") {
                return Err(Error::invalid(
                    "headers",
                    "Authorization is set from the client's credential",
                ));
            }
            if name.is_empty() || name.bytes().any(|b| !b.is_ascii_graphic() || b == b':') {
                return Err(Error::invalid(
                    "headers",
                    format!("{name:?} is not a header name"),
                ));
            }
            if value.bytes().any(|b| b == b'\r' || b == b'\n') {
                return Err(Error::invalid(
                    "headers",
                    format!("the value of {name} has a line break"),
                ));
            }
            inner.driver.extra_headers.push(rosterkit_core::Header {
                name: name.clone(),
                value: value.clone(),
            });
        }
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    /// A client that shares this one's settings and locks but sends through
    /// `transport`: how a JavaScript call brings its own `AbortSignal`.
    pub fn with_transport(&self, transport: Arc<dyn crate::Transport>) -> Client {
        let mut inner = (*self.inner).clone();
        inner.driver.transport = transport;
        Client {
            inner: Arc::new(inner),
        }
    }

    /// Drives any core flow to its end.
    pub async fn run<T: Send + 'static>(&self, mut flow: Flow<T>) -> Result<T, Error> {
        self.inner.driver.run(&mut flow, None).await
    }

    /// Drives a core flow until it ends or `cancel` is set.
    pub async fn run_until<T: Send + 'static>(
        &self,
        mut flow: Flow<T>,
        cancel: &Cancel,
    ) -> Result<T, Error> {
        self.inner.driver.run(&mut flow, Some(cancel)).await
    }

    /// One endpoint call by id with retries. An endpoint of another provider
    /// is refused: it would send this client's credential there.
    pub async fn execute(&self, op: Operation) -> Result<Output, Error> {
        op.check_provider(self.provider())?;
        self.run(Flow::call(op, self.context())).await
    }

    /// [`Client::execute`] for a host that parses JSON itself (JavaScript):
    /// the result is the body's own JSON text when it already is the output
    /// ([`rosterkit_core::Operation::verbatim`]), the typed output otherwise.
    pub async fn execute_for_host(
        &self,
        op: Operation,
    ) -> Result<rosterkit_core::operation::HostOutput, Error> {
        op.check_provider(self.provider())?;
        let op = rosterkit_core::operation::ForHost(op);
        self.run(Flow::of(op, self.context())).await
    }

    /// One typed endpoint call with retries.
    pub async fn call<E>(&self, endpoint: E) -> Result<E::Output, Error>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send + 'static,
    {
        if E::PROVIDER != self.provider() {
            return Err(Error::invalid(
                "endpoint",
                format!(
                    "{} is a {} endpoint; this client is for {}",
                    E::ID,
                    E::PROVIDER,
                    self.provider()
                ),
            ));
        }
        self.run(Flow::of(endpoint, self.context())).await
    }

    fn stream<T: Send + 'static>(
        &self,
        pages: PageFlows<T>,
    ) -> impl Stream<Item = Result<Vec<T>, Error>> + use<T> {
        let client = self.clone();
        stream::try_unfold(Some(pages), move |pages| {
            let client = client.clone();
            async move {
                let Some(mut pages) = pages else {
                    return Ok(None);
                };
                let Some(flow) = pages.next_page(client.context()) else {
                    return Ok(None);
                };
                let items = client.run(flow).await?;
                Ok(Some((items, Some(pages))))
            }
        })
    }

    /// Every item of every page of a list endpoint, page by page, as the
    /// vendor's JSON (the full-fidelity escape hatch).
    pub fn pages(
        &self,
        op: Operation,
    ) -> Result<impl Stream<Item = Result<Vec<serde_json::Value>, Error>> + use<>, Error> {
        op.check_provider(self.provider())?;
        Ok(self.stream(PageFlows::of_operation(op)))
    }

    /// Users, fetched one page at a time as the stream is polled.
    pub fn user_pages(
        &self,
    ) -> Result<impl Stream<Item = Result<Vec<User>, Error>> + use<>, Error> {
        Ok(self.stream(self.inner.directory.user_pages()?))
    }

    /// Groups, fetched one page at a time as the stream is polled.
    pub fn group_pages(
        &self,
    ) -> Result<impl Stream<Item = Result<Vec<Group>, Error>> + use<>, Error> {
        Ok(self.stream(self.inner.directory.group_pages()?))
    }

    /// A group's members, fetched one page at a time as the stream is polled.
    pub fn member_pages(
        &self,
        group_id: &str,
    ) -> Result<impl Stream<Item = Result<Vec<Member>, Error>> + use<>, Error> {
        Ok(self.stream(self.inner.directory.member_pages(group_id)?))
    }

    /// Every user.
    pub async fn list_users(&self) -> Result<Vec<User>, Error> {
        self.run(self.inner.directory.list_users(self.context())?)
            .await
    }

    /// Every group.
    pub async fn list_groups(&self) -> Result<Vec<Group>, Error> {
        self.run(self.inner.directory.list_groups(self.context())?)
            .await
    }

    /// One group.
    pub async fn get_group(&self, group_id: &str) -> Result<Group, Error> {
        self.run(self.inner.directory.get_group(group_id, self.context())?)
            .await
    }

    /// Creates a group (`role` is Alteryx's; others ignore it).
    pub async fn create_group(&self, group: NewGroup) -> Result<Group, Error> {
        self.run(self.inner.directory.create_group(group, self.context())?)
            .await
    }

    /// Changes a group; what is left out keeps its value. Returns the group
    /// when the vendor answers with it.
    pub async fn update_group(
        &self,
        group_id: &str,
        changes: GroupChanges,
    ) -> Result<Option<Group>, Error> {
        self.run(
            self.inner
                .directory
                .update_group(group_id, changes, self.context())?,
        )
        .await
    }

    /// Deletes a group; `force` deletes a non-empty Alteryx group.
    pub async fn delete_group(&self, group_id: &str, force: bool) -> Result<(), Error> {
        self.run(
            self.inner
                .directory
                .delete_group(group_id, force, self.context())?,
        )
        .await
    }

    /// Every member of a group.
    pub async fn list_members(&self, group_id: &str) -> Result<Vec<Member>, Error> {
        self.run(
            self.inner
                .directory
                .list_members(group_id, self.context())?,
        )
        .await
    }

    /// Approves a pending join request (SSW).
    pub async fn approve_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.run(
            self.inner
                .directory
                .approve_member(group_id, user_id, self.context())?,
        )
        .await
    }

    /// Rejects a pending join request (SSW).
    pub async fn reject_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.run(
            self.inner
                .directory
                .reject_member(group_id, user_id, self.context())?,
        )
        .await
    }

    /// Adds members with the fewest calls; one outcome per user.
    pub async fn add_members(
        &self,
        group_id: &str,
        user_ids: &[String],
    ) -> Result<ApplyReport, Error> {
        self.add_members_with(group_id, user_ids, ApplyControl::default())
            .await
    }

    /// [`Client::add_members`] with cancellation, progress and concurrency.
    pub async fn add_members_with(
        &self,
        group_id: &str,
        user_ids: &[String],
        control: ApplyControl,
    ) -> Result<ApplyReport, Error> {
        rosterkit_core::validate::ids("user_ids", user_ids, true)?;
        let plan = membership::plan_changes(&self.inner.directory, group_id, user_ids, &[])?;
        self.apply_with(&plan, control).await
    }

    /// Removes members with the fewest calls; one outcome per user.
    pub async fn remove_members(
        &self,
        group_id: &str,
        user_ids: &[String],
    ) -> Result<ApplyReport, Error> {
        self.remove_members_with(group_id, user_ids, ApplyControl::default())
            .await
    }

    /// [`Client::remove_members`] with cancellation, progress and concurrency.
    pub async fn remove_members_with(
        &self,
        group_id: &str,
        user_ids: &[String],
        control: ApplyControl,
    ) -> Result<ApplyReport, Error> {
        rosterkit_core::validate::ids("user_ids", user_ids, true)?;
        let plan = membership::plan_changes(&self.inner.directory, group_id, &[], user_ids)?;
        self.apply_with(&plan, control).await
    }

    /// The dry run of a sync: reads the members (and the users, when a
    /// desired entry is an email to look up) and plans the fewest calls that
    /// make the group match. Nothing is changed. Risky plans are refused with
    /// [`Error::Refused`] unless `options` overrides that guard.
    pub async fn plan(
        &self,
        group_id: &str,
        desired: &[String],
        options: SyncOptions,
    ) -> Result<MembershipPlan, Error> {
        let flow =
            self.inner
                .directory
                .plan_sync(group_id, desired.to_vec(), options, self.context())?;
        self.run(flow).await
    }

    /// Plans and applies a sync: [`Client::plan`], then [`Client::apply`].
    pub async fn sync(
        &self,
        group_id: &str,
        desired: &[String],
        options: SyncOptions,
    ) -> Result<ApplyReport, Error> {
        self.sync_with(group_id, desired, options, ApplyControl::default())
            .await
    }

    /// [`Client::sync`] with cancellation, progress and concurrency.
    pub async fn sync_with(
        &self,
        group_id: &str,
        desired: &[String],
        options: SyncOptions,
        control: ApplyControl,
    ) -> Result<ApplyReport, Error> {
        let plan = self.plan(group_id, desired, options).await?;
        self.apply_with(&plan, control).await
    }

    /// Runs a plan, additions first, at most `concurrency` calls at once.
    /// Every user's outcome is in the report: a partial failure is never
    /// silent. Fails only when the plan is not this client's.
    pub async fn apply(&self, plan: &MembershipPlan) -> Result<ApplyReport, Error> {
        self.apply_with(plan, ApplyControl::default()).await
    }

    /// [`Client::apply`] with cancellation, progress tracking and a
    /// concurrency of its own. A cancelled apply returns the report of what
    /// it did: changes in flight are "unknown", the rest "not run".
    pub async fn apply_with(
        &self,
        plan: &MembershipPlan,
        control: ApplyControl,
    ) -> Result<ApplyReport, Error> {
        check_plan(plan, self.provider())?;
        let apply = Arc::new(Mutex::new(Apply::new(plan.clone())?));
        if let Some(p) = &control.progress {
            p.track(&apply);
        }
        Ok(self
            .inner
            .driver
            .apply(
                apply,
                || self.context(),
                control.concurrency.unwrap_or(self.inner.concurrency),
                &self.inner.locks,
                control.cancel.as_ref(),
            )
            .await)
    }

    /// Any unified operation given as a value (`{"op": "list_groups"}`): what
    /// the bindings' by-name entry points and the unified vectors run. Changes
    /// to membership go through [`Client::apply`], with this client's
    /// concurrency and per-user locks, like the typed methods.
    pub async fn unified(&self, op: UnifiedOp) -> Result<UnifiedOutput, Error> {
        match op {
            UnifiedOp::AddMembers { group_id, user_ids } => self
                .add_members(&group_id, &user_ids)
                .await
                .map(UnifiedOutput::Report),
            UnifiedOp::RemoveMembers { group_id, user_ids } => self
                .remove_members(&group_id, &user_ids)
                .await
                .map(UnifiedOutput::Report),
            UnifiedOp::SyncMembers {
                group_id,
                desired,
                options,
            } => self
                .sync(&group_id, &desired, options)
                .await
                .map(UnifiedOutput::Report),
            UnifiedOp::Apply { plan } => self.apply(&plan).await.map(UnifiedOutput::Report),
            op => {
                let flow = op.flow(&self.inner.directory, self.context())?;
                self.run(flow).await
            }
        }
    }

    /// A plan for the users of `report` whose change failed, is unknown or
    /// did not run; `None` when every user is as desired.
    pub fn replan(&self, report: &ApplyReport) -> Result<Option<MembershipPlan>, Error> {
        membership::replan(&self.inner.directory, report)
    }
}
