//! A blocking client for scripts and non-async hosts. It owns a small tokio
//! runtime; do not call it from inside an async runtime.

use crate::builder::ClientBuilder;
use crate::driver::ApplyControl;
use futures_util::{Stream, StreamExt};
use rosterkit_core::membership::{ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::unified::{Capabilities, Group, GroupChanges, Member, NewGroup, User};
use rosterkit_core::{Endpoint, Error, Flow, Operation, Output, Provider, Secret};
use std::pin::Pin;

/// The blocking twin of [`crate::Client`].
#[derive(Debug)]
pub struct Client {
    inner: crate::Client,
    runtime: tokio::runtime::Runtime,
}

impl Client {
    /// Wraps a configured builder.
    pub fn from_builder(builder: ClientBuilder) -> Result<Client, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::transport(format!("could not start a runtime: {e}")))?;
        Ok(Client {
            inner: builder.build()?,
            runtime,
        })
    }

    /// A client with default options.
    pub fn new(
        provider: Provider,
        base_url: &str,
        token: impl Into<Secret>,
    ) -> Result<Client, Error> {
        Client::from_builder(crate::Client::builder(provider, base_url, token))
    }

    /// The async client inside.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// What this provider's API can do.
    pub fn capabilities(&self) -> Capabilities {
        self.inner.capabilities()
    }

    /// Drives any core flow.
    pub fn run<T: Send + 'static>(&self, flow: Flow<T>) -> Result<T, Error> {
        self.runtime.block_on(self.inner.run(flow))
    }

    /// Any unified operation given as a value; see [`crate::Client::unified`].
    pub fn unified(
        &self,
        op: rosterkit_core::unified::UnifiedOp,
    ) -> Result<rosterkit_core::unified::UnifiedOutput, Error> {
        self.runtime.block_on(self.inner.unified(op))
    }

    /// One endpoint call by id.
    pub fn execute(&self, op: Operation) -> Result<Output, Error> {
        self.runtime.block_on(self.inner.execute(op))
    }

    /// One typed endpoint call.
    pub fn call<E>(&self, endpoint: E) -> Result<E::Output, Error>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send + 'static,
    {
        self.runtime.block_on(self.inner.call(endpoint))
    }

    fn iter<T: 'static>(
        &self,
        stream: impl Stream<Item = Result<Vec<T>, Error>> + Send + 'static,
    ) -> Pages<'_, T> {
        Pages {
            runtime: &self.runtime,
            stream: Box::pin(stream),
        }
    }

    /// Pages of a list endpoint as JSON, fetched as the iterator advances.
    pub fn pages(&self, op: Operation) -> Result<Pages<'_, serde_json::Value>, Error> {
        Ok(self.iter(self.inner.pages(op)?))
    }

    /// Users, a page per step of the iterator.
    pub fn user_pages(&self) -> Result<Pages<'_, User>, Error> {
        Ok(self.iter(self.inner.user_pages()?))
    }

    /// Groups, a page per step of the iterator.
    pub fn group_pages(&self) -> Result<Pages<'_, Group>, Error> {
        Ok(self.iter(self.inner.group_pages()?))
    }

    /// A group's members, a page per step of the iterator.
    pub fn member_pages(&self, group_id: &str) -> Result<Pages<'_, Member>, Error> {
        Ok(self.iter(self.inner.member_pages(group_id)?))
    }

    /// Every user.
    pub fn list_users(&self) -> Result<Vec<User>, Error> {
        self.runtime.block_on(self.inner.list_users())
    }

    /// Every group.
    pub fn list_groups(&self) -> Result<Vec<Group>, Error> {
        self.runtime.block_on(self.inner.list_groups())
    }

    /// One group.
    pub fn get_group(&self, group_id: &str) -> Result<Group, Error> {
        self.runtime.block_on(self.inner.get_group(group_id))
    }

    /// Creates a group.
    pub fn create_group(&self, group: NewGroup) -> Result<Group, Error> {
        self.runtime.block_on(self.inner.create_group(group))
    }

    /// Changes a group.
    pub fn update_group(
        &self,
        group_id: &str,
        changes: GroupChanges,
    ) -> Result<Option<Group>, Error> {
        self.runtime
            .block_on(self.inner.update_group(group_id, changes))
    }

    /// Deletes a group.
    pub fn delete_group(&self, group_id: &str, force: bool) -> Result<(), Error> {
        self.runtime
            .block_on(self.inner.delete_group(group_id, force))
    }

    /// Every member of a group.
    pub fn list_members(&self, group_id: &str) -> Result<Vec<Member>, Error> {
        self.runtime.block_on(self.inner.list_members(group_id))
    }

    /// Adds members.
    pub fn add_members(&self, group_id: &str, user_ids: &[String]) -> Result<ApplyReport, Error> {
        self.runtime
            .block_on(self.inner.add_members(group_id, user_ids))
    }

    /// Removes members.
    pub fn remove_members(
        &self,
        group_id: &str,
        user_ids: &[String],
    ) -> Result<ApplyReport, Error> {
        self.runtime
            .block_on(self.inner.remove_members(group_id, user_ids))
    }

    /// Approves a pending join request (SSW).
    pub fn approve_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.runtime
            .block_on(self.inner.approve_member(group_id, user_id))
    }

    /// Rejects a pending join request (SSW).
    pub fn reject_member(&self, group_id: &str, user_id: &str) -> Result<(), Error> {
        self.runtime
            .block_on(self.inner.reject_member(group_id, user_id))
    }

    /// The dry run of a sync toward `desired`.
    pub fn plan(
        &self,
        group_id: &str,
        desired: &[String],
        options: SyncOptions,
    ) -> Result<MembershipPlan, Error> {
        self.runtime
            .block_on(self.inner.plan(group_id, desired, options))
    }

    /// Plans and applies a sync.
    pub fn sync(
        &self,
        group_id: &str,
        desired: &[String],
        options: SyncOptions,
    ) -> Result<ApplyReport, Error> {
        self.runtime
            .block_on(self.inner.sync(group_id, desired, options))
    }

    /// Runs a plan with the client's concurrency limit.
    pub fn apply(&self, plan: &MembershipPlan) -> Result<ApplyReport, Error> {
        self.runtime.block_on(self.inner.apply(plan))
    }

    /// Runs a plan with cancellation and progress tracking.
    pub fn apply_with(
        &self,
        plan: &MembershipPlan,
        control: ApplyControl,
    ) -> Result<ApplyReport, Error> {
        self.runtime.block_on(self.inner.apply_with(plan, control))
    }

    /// A plan for the users whose change failed, is unknown or did not run.
    pub fn replan(&self, report: &ApplyReport) -> Result<Option<MembershipPlan>, Error> {
        self.inner.replan(report)
    }
}

type PageStream<T> = Pin<Box<dyn Stream<Item = Result<Vec<T>, Error>> + Send>>;

/// An iterator over pages; each `next` fetches one page.
pub struct Pages<'a, T> {
    runtime: &'a tokio::runtime::Runtime,
    stream: PageStream<T>,
}

impl<T> Iterator for Pages<'_, T> {
    type Item = Result<Vec<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.runtime.block_on(self.stream.next())
    }
}
