//! `Client`: one provider, one tenant, one credential, over the `rosterkit`
//! driver. Each method is one line into the driver; the TypeScript layer
//! adds `fetch`, signals and idiomatic names around it.

use crate::convert::{
    count, fail, flag, input, optional_record, out, record, string, strings, to_js, Names,
};
use crate::host::{Host, JsTransport};
use crate::pages::Pages;
use js_sys::Promise;
use rosterkit::{ApplyControl, CallOptions, RetryPolicy};
use rosterkit_core::membership::{ApplyReport, MembershipPlan, SyncOptions};
use rosterkit_core::unified::{capabilities, GroupChanges, NewGroup, UnifiedOp};
use rosterkit_core::{Error, Operation, Provider};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const SETTINGS: &str = r#"
/** The client's settings; the token is passed apart, so it is never part of an options object. */
export interface ClientSettings {
    provider: Provider;
    baseUrl: string;
    tenantId?: string;
    retry?: RetryPolicy;
    /** Calls a membership change runs at once (default 4). */
    concurrency?: number;
    /** The most pages one listing reads before it stops with an error. */
    maxPages?: number;
}

/** What one call changes: its retry policy, a deadline per HTTP exchange, extra headers. */
export interface CallSettings {
    retry?: RetryPolicy;
    /** Milliseconds one HTTP exchange may take. */
    timeout?: number;
    /** Added to every request of the call (not `Authorization`). */
    headers?: Record<string, string>;
}
"#;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Settings {
    provider: Provider,
    base_url: String,
    #[serde(default)]
    tenant_id: Option<String>,
    #[serde(default)]
    retry: Option<RetryPolicy>,
    #[serde(default)]
    concurrency: Option<usize>,
    #[serde(default)]
    max_pages: Option<u32>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CallSettings {
    #[serde(default)]
    retry: Option<RetryPolicy>,
    #[serde(default)]
    timeout: Option<u64>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
}

/// The default number of membership calls in flight: polite to the vendor,
/// and most plans are a few batches.
const CONCURRENCY: usize = 4;

fn promise<T: Serialize + 'static>(
    names: Names,
    f: impl Future<Output = Result<T, Error>> + 'static,
) -> Promise {
    future_to_promise(async move { out(f.await, names) })
}

/// A promise of the unified API (fields named in camelCase).
fn unified<T: Serialize + 'static>(f: impl Future<Output = Result<T, Error>> + 'static) -> Promise {
    promise(Names::Camel, f)
}

fn camel(e: Error) -> JsValue {
    fail(e, Names::Camel)
}

/// A client for one provider and tenant.
#[wasm_bindgen]
pub struct Client {
    inner: rosterkit::Client,
}

#[wasm_bindgen]
impl Client {
    /// Checks the settings and the token (never echoing it); `host` sends
    /// the requests of calls made without their own; `logger` gets one
    /// secret-free line per HTTP exchange.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientSettings")] settings: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
        host: Host,
        #[wasm_bindgen(unchecked_param_type = "((line: string) => void) | undefined")]
        logger: JsValue,
    ) -> Result<Client, JsValue> {
        let s: Settings = record(settings, "options")?;
        let token = string(token, "token")?;
        let mut b = rosterkit::Client::builder(s.provider, &s.base_url, token)
            .concurrency(s.concurrency.unwrap_or(CONCURRENCY))
            .transport(Arc::new(JsTransport(host)));
        if let Some(t) = s.tenant_id {
            b = b.tenant_id(t);
        }
        if let Some(p) = s.retry {
            b = b.retry_policy(p);
        }
        if let Some(n) = s.max_pages {
            b = b.max_pages(n);
        }
        if let Some(log) = logger.dyn_ref::<js_sys::Function>().cloned() {
            // A logger that throws must not fail the call it describes.
            b = b.log(move |line| {
                let _ = log.call1(&JsValue::UNDEFINED, &JsValue::from_str(line));
            });
        } else if !logger.is_undefined() && !logger.is_null() {
            return Err(camel(Error::invalid("logger", "must be a function")));
        }
        b.build().map(|inner| Client { inner }).map_err(camel)
    }

    /// This client for one call: requests go through `host` (which carries
    /// the call's signal), with `settings` applied.
    #[wasm_bindgen(js_name = forCall)]
    pub fn for_call(
        &self,
        host: Host,
        #[wasm_bindgen(unchecked_param_type = "CallSettings | undefined")] settings: JsValue,
    ) -> Result<Client, JsValue> {
        let s: CallSettings = optional_record(settings, "options")?;
        let options = CallOptions {
            retry: s.retry,
            timeout_ms: s.timeout,
            headers: s.headers.into_iter().collect(),
        };
        let inner = self.inner.with_transport(Arc::new(JsTransport(host)));
        let inner = if options == CallOptions::default() {
            inner
        } else {
            inner.with_options(&options).map_err(camel)?
        };
        Ok(Client { inner })
    }

    /// The base URL.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// What this provider's API can do, and why not where it cannot.
    #[wasm_bindgen(unchecked_return_type = "Capabilities")]
    pub fn capabilities(&self) -> Result<JsValue, JsValue> {
        to_js(&capabilities(self.inner.provider()))
    }

    /// Every user (all pages).
    #[wasm_bindgen(js_name = listUsers, unchecked_return_type = "Promise<User[]>")]
    pub fn list_users(&self) -> Promise {
        let c = self.inner.clone();
        unified(async move { c.list_users().await })
    }

    /// Every group (all pages).
    #[wasm_bindgen(js_name = listGroups, unchecked_return_type = "Promise<Group[]>")]
    pub fn list_groups(&self) -> Promise {
        let c = self.inner.clone();
        unified(async move { c.list_groups().await })
    }

    /// One group.
    #[wasm_bindgen(js_name = getGroup, unchecked_return_type = "Promise<Group>")]
    pub fn get_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group_id) = (self.inner.clone(), string(group_id, "groupId")?);
        Ok(unified(async move { c.get_group(&group_id).await }))
    }

    /// Creates a group.
    #[wasm_bindgen(js_name = createGroup, unchecked_return_type = "Promise<Group>")]
    pub fn create_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NewGroup")] group: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group): (_, NewGroup) = (self.inner.clone(), record(group, "group")?);
        Ok(unified(async move { c.create_group(group).await }))
    }

    /// Changes a group; the group comes back where the vendor answers with it.
    #[wasm_bindgen(js_name = updateGroup, unchecked_return_type = "Promise<Group | null>")]
    pub fn update_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "GroupChanges")] changes: JsValue,
    ) -> Result<Promise, JsValue> {
        let group_id = string(group_id, "groupId")?;
        let (c, changes): (_, GroupChanges) = (self.inner.clone(), record(changes, "changes")?);
        Ok(unified(
            async move { c.update_group(&group_id, changes).await },
        ))
    }

    /// Deletes a group; `force` deletes a non-empty Alteryx group.
    #[wasm_bindgen(js_name = deleteGroup, unchecked_return_type = "Promise<void>")]
    pub fn delete_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean | undefined")] force: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group_id, force) = (
            self.inner.clone(),
            string(group_id, "groupId")?,
            flag(force, "force")?,
        );
        Ok(unified(
            async move { c.delete_group(&group_id, force).await },
        ))
    }

    /// Every member of a group (all pages).
    #[wasm_bindgen(js_name = listMembers, unchecked_return_type = "Promise<Member[]>")]
    pub fn list_members(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group_id) = (self.inner.clone(), string(group_id, "groupId")?);
        Ok(unified(async move { c.list_members(&group_id).await }))
    }

    /// Approves a pending join request (SSW).
    #[wasm_bindgen(js_name = approveMember, unchecked_return_type = "Promise<void>")]
    pub fn approve_member(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] user_id: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group_id, user_id) = (
            self.inner.clone(),
            string(group_id, "groupId")?,
            string(user_id, "userId")?,
        );
        Ok(unified(async move {
            c.approve_member(&group_id, &user_id).await
        }))
    }

    /// Rejects a pending join request (SSW).
    #[wasm_bindgen(js_name = rejectMember, unchecked_return_type = "Promise<void>")]
    pub fn reject_member(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] user_id: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, group_id, user_id) = (
            self.inner.clone(),
            string(group_id, "groupId")?,
            string(user_id, "userId")?,
        );
        Ok(unified(async move {
            c.reject_member(&group_id, &user_id).await
        }))
    }

    /// Adds members with the fewest calls; one outcome per user.
    #[wasm_bindgen(js_name = addMembers, unchecked_return_type = "Promise<ApplyReport>")]
    pub fn add_members(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] user_ids: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] concurrency: JsValue,
    ) -> Result<Promise, JsValue> {
        let (group_id, user_ids) = (string(group_id, "groupId")?, strings(user_ids, "userIds")?);
        let (c, control) = (self.inner.clone(), control(concurrency)?);
        Ok(unified(async move {
            c.add_members_with(&group_id, &user_ids, control).await
        }))
    }

    /// Removes members with the fewest calls; one outcome per user.
    #[wasm_bindgen(js_name = removeMembers, unchecked_return_type = "Promise<ApplyReport>")]
    pub fn remove_members(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] user_ids: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] concurrency: JsValue,
    ) -> Result<Promise, JsValue> {
        let (group_id, user_ids) = (string(group_id, "groupId")?, strings(user_ids, "userIds")?);
        let (c, control) = (self.inner.clone(), control(concurrency)?);
        Ok(unified(async move {
            c.remove_members_with(&group_id, &user_ids, control).await
        }))
    }

    /// The dry run of a sync toward `desired` (ids or emails); refused by a
    /// guard unless `options` overrides it.
    #[wasm_bindgen(unchecked_return_type = "Promise<MembershipPlan>")]
    pub fn plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] desired: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SyncOptions")] options: JsValue,
    ) -> Result<Promise, JsValue> {
        let (group_id, desired) = (string(group_id, "groupId")?, strings(desired, "desired")?);
        let (c, options): (_, SyncOptions) = (self.inner.clone(), record(options, "options")?);
        Ok(unified(async move {
            c.plan(&group_id, &desired, options).await
        }))
    }

    /// Runs a plan, additions first; one outcome per user. An aborted apply
    /// resolves with the report of what it did, marked `cancelled`.
    #[wasm_bindgen(unchecked_return_type = "Promise<ApplyReport>")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MembershipPlan")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] concurrency: JsValue,
    ) -> Result<Promise, JsValue> {
        let (plan, control): (MembershipPlan, _) = (record(plan, "plan")?, control(concurrency)?);
        let c = self.inner.clone();
        Ok(unified(async move { c.apply_with(&plan, control).await }))
    }

    /// Plans and applies a sync.
    #[wasm_bindgen(unchecked_return_type = "Promise<ApplyReport>")]
    pub fn sync(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] desired: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SyncOptions")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] concurrency: JsValue,
    ) -> Result<Promise, JsValue> {
        let (group_id, desired) = (string(group_id, "groupId")?, strings(desired, "desired")?);
        let (options, control): (SyncOptions, _) =
            (record(options, "options")?, control(concurrency)?);
        let c = self.inner.clone();
        Ok(unified(async move {
            c.sync_with(&group_id, &desired, options, control).await
        }))
    }

    /// A plan for the users of `report` whose change did not take effect;
    /// `null` when every user is as desired.
    #[wasm_bindgen(unchecked_return_type = "MembershipPlan | null")]
    pub fn replan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ApplyReport")] report: JsValue,
    ) -> Result<JsValue, JsValue> {
        let report: ApplyReport = record(report, "report")?;
        out(self.inner.replan(&report), Names::Camel)
    }

    /// One vendor endpoint by id, with the vendor's own field names: the
    /// body's JSON text when it already is the result (`JSON.parse` in the
    /// host is faster than building it across the boundary), else the value.
    #[wasm_bindgen(unchecked_return_type = "Promise<{ json: string } | { value: unknown }>")]
    pub fn call(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")] input: JsValue,
    ) -> Result<Promise, JsValue> {
        let (c, op) = (self.inner.clone(), operation(endpoint, input)?);
        Ok(promise(Names::Vendor, async move {
            c.execute_for_host(op).await
        }))
    }

    /// Any unified operation as JSON text (`{"op": "getGroup", "groupId":
    /// ..}`: camelCase, like every record in JavaScript); its result as
    /// JSON text.
    #[wasm_bindgen(unchecked_return_type = "Promise<string>")]
    pub fn unified(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] op: JsValue,
    ) -> Result<Promise, JsValue> {
        let op = UnifiedOp::from_text(&string(op, "op")?).map_err(|e| fail(e, Names::Vendor))?;
        let c = self.inner.clone();
        Ok(promise(Names::Vendor, async move {
            c.unified(op).await?.to_json()
        }))
    }

    /// The pages of a list endpoint, each as the vendor's items.
    pub fn pages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] endpoint: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")] input: JsValue,
    ) -> Result<Pages, JsValue> {
        let op = operation(endpoint, input)?;
        let pages = self.inner.pages(op).map_err(|e| fail(e, Names::Vendor))?;
        Ok(Pages::of(pages, Names::Vendor))
    }

    /// Users, one page per `next()`.
    #[wasm_bindgen(js_name = userPages)]
    pub fn user_pages(&self) -> Result<Pages, JsValue> {
        Ok(Pages::of(
            self.inner.user_pages().map_err(camel)?,
            Names::Camel,
        ))
    }

    /// Groups, one page per `next()`.
    #[wasm_bindgen(js_name = groupPages)]
    pub fn group_pages(&self) -> Result<Pages, JsValue> {
        Ok(Pages::of(
            self.inner.group_pages().map_err(camel)?,
            Names::Camel,
        ))
    }

    /// Members of a group, one page per `next()`.
    #[wasm_bindgen(js_name = memberPages)]
    pub fn member_pages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<Pages, JsValue> {
        let group_id = string(group_id, "groupId")?;
        Ok(Pages::of(
            self.inner.member_pages(&group_id).map_err(camel)?,
            Names::Camel,
        ))
    }
}

fn control(concurrency: JsValue) -> Result<ApplyControl, JsValue> {
    Ok(ApplyControl {
        concurrency: count(concurrency, "concurrency")?,
        ..ApplyControl::default()
    })
}

/// An endpoint call from its id and input (the vendor's field names).
pub(crate) fn operation(endpoint: JsValue, value: JsValue) -> Result<Operation, JsValue> {
    let endpoint = string(endpoint, "endpointId")?;
    Operation::from_json(&endpoint, input(value)?).map_err(|e| fail(e, Names::Vendor))
}
