//! A blocking client for scripts and non-async hosts. It owns a small tokio
//! runtime; do not call it from inside an async runtime.

use crate::apply::ApplyReport;
use crate::builder::ClientBuilder;
use futures_util::StreamExt;
use rosterkit_core::membership::MembershipPlan;
use rosterkit_core::unified::{Capabilities, Group, Member, Permission, UnifiedOp, User};
use rosterkit_core::{Endpoint, Error, Flow, Operation, Provider, Secret};
use serde_json::Value;
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
    pub fn run(&self, flow: Flow) -> Result<Value, Error> {
        self.runtime.block_on(self.inner.run(flow))
    }

    /// One endpoint call, result as JSON.
    pub fn execute(&self, op: Operation) -> Result<Value, Error> {
        self.runtime.block_on(self.inner.execute(op))
    }

    /// One typed endpoint call.
    pub fn call<E: Endpoint + Into<Operation>>(&self, endpoint: E) -> Result<E::Output, Error> {
        self.runtime.block_on(self.inner.call(endpoint))
    }

    /// Pages of a list operation, fetched as the iterator advances.
    pub fn pages(&self, op: Operation) -> Pages<'_> {
        Pages {
            runtime: &self.runtime,
            stream: Box::pin(self.inner.pages(op)),
        }
    }

    /// Pages of a unified list, in the unified model, fetched as the
    /// iterator advances.
    pub fn unified_pages(&self, op: &UnifiedOp) -> Result<Pages<'_>, Error> {
        Ok(Pages {
            runtime: &self.runtime,
            stream: Box::pin(self.inner.unified_pages(op)?),
        })
    }

    /// A unified operation, result as JSON.
    pub fn unified(&self, op: UnifiedOp) -> Result<Value, Error> {
        self.runtime.block_on(self.inner.unified(op))
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
    pub fn create_group(
        &self,
        name: &str,
        permissions: Vec<Permission>,
        role: Option<&str>,
    ) -> Result<Group, Error> {
        self.runtime
            .block_on(self.inner.create_group(name, permissions, role))
    }

    /// Changes a group.
    pub fn update_group(
        &self,
        group_id: &str,
        name: Option<&str>,
        permissions: Option<Vec<Permission>>,
        role: Option<&str>,
    ) -> Result<Option<Group>, Error> {
        self.runtime
            .block_on(self.inner.update_group(group_id, name, permissions, role))
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

    /// The dry-run diff toward `desired`.
    pub fn plan(&self, group_id: &str, desired: &[String]) -> Result<MembershipPlan, Error> {
        self.runtime.block_on(self.inner.plan(group_id, desired))
    }

    /// Runs a plan with the client's concurrency limit.
    pub fn apply(&self, plan: &MembershipPlan) -> ApplyReport {
        self.runtime.block_on(self.inner.apply(plan))
    }
}

type PageStream = Pin<Box<dyn futures_util::Stream<Item = Result<Vec<Value>, Error>> + Send>>;

/// An iterator over pages; each `next` fetches one page.
pub struct Pages<'a> {
    runtime: &'a tokio::runtime::Runtime,
    stream: PageStream,
}

impl Iterator for Pages<'_> {
    type Item = Result<Vec<Value>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.runtime.block_on(self.stream.next())
    }
}
