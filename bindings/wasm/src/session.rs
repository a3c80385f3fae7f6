//! One provider, tenant and credential: what the `RosterKit` client holds.
//! The token stays here, in wasm memory, out of reach of JavaScript
//! inspection; every method hands out a flow for the host loop to drive.

use crate::args;
use crate::error::{throw, Naming};
use crate::flow::{random_seed, Flow, RetryOptions};
use crate::models::Capabilities;
use crate::ops::{DeleteOptions, GroupChanges, NewGroup};
use crate::pager::UnifiedPager;
use crate::plan::MembershipPlan;
use rosterkit_core::flow::Context;
use rosterkit_core::membership;
use rosterkit_core::retry::RetryPolicy;
use rosterkit_core::unified::{capabilities, Directory, Permission, UnifiedOp};
use rosterkit_core::{validate, Error, Operation, Provider, Target};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Everything a session needs but the token, which is passed on its own so
/// that no message about these options can ever include it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionOptions {
    /// `ssw`, `spotnana`, `b2core`, `polaris` or `alteryx`.
    #[cfg_attr(feature = "wasm", tsify(type = "Provider"))]
    pub provider: String,
    /// The tenant's base URL.
    pub base_url: String,
    /// SSW organization id or Spotnana company id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// The retry policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<RetryOptions>,
}

/// A provider, tenant and credential.
#[wasm_bindgen]
pub struct Session {
    directory: Directory,
    target: Target,
    policy: RetryPolicy,
}

fn camel_err(e: Error) -> JsValue {
    throw(&e, Naming::Camel)
}

impl Session {
    fn context(&self) -> Context {
        Context {
            target: self.target.clone(),
            policy: self.policy,
            seed: random_seed(),
        }
    }

    fn unified(&self, op: UnifiedOp) -> Result<Flow, JsValue> {
        Flow::of_unified(op, &self.directory, self.context())
    }

    fn plan_js(plan: Result<membership::MembershipPlan, Error>) -> Result<JsValue, JsValue> {
        let plan = plan.map_err(camel_err)?;
        args::to_js(&MembershipPlan::from(&plan))
    }
}

#[wasm_bindgen]
impl Session {
    /// Checks the options and the token (never echoing it) and keeps them.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SessionOptions")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    ) -> Result<Session, JsValue> {
        let options: SessionOptions = args::object(options, "options")?;
        let token = args::token(&token)?;
        let provider: Provider = options.provider.parse().map_err(camel_err)?;
        let target = Target::new(options.base_url, token);
        // Fail at construction, not at the first call, on a bad URL or token.
        target.base().map_err(camel_err)?;
        target.authorization(provider).map_err(camel_err)?;
        Ok(Session {
            directory: Directory {
                provider,
                tenant_id: options.tenant_id,
            },
            target,
            policy: options.retry.unwrap_or_default().policy(),
        })
    }

    /// The provider id.
    #[wasm_bindgen(getter, unchecked_return_type = "Provider")]
    pub fn provider(&self) -> String {
        self.directory.provider.id().to_owned()
    }

    /// The base URL (not secret, shown by `inspect`).
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.target.base_url.clone()
    }

    /// The tenant id, when there is one.
    #[wasm_bindgen(getter, js_name = tenantId)]
    pub fn tenant_id(&self) -> Option<String> {
        self.directory.tenant_id.clone()
    }

    /// What this provider's API can do.
    #[wasm_bindgen(unchecked_return_type = "Capabilities")]
    pub fn capabilities(&self) -> Result<JsValue, JsValue> {
        args::to_js(&Capabilities::from(capabilities(self.directory.provider)))
    }

    /// Every user. Result: `User[]`.
    #[wasm_bindgen(js_name = listUsers)]
    pub fn list_users(&self) -> Result<Flow, JsValue> {
        self.unified(UnifiedOp::ListUsers)
    }

    /// Every group. Result: `Group[]`.
    #[wasm_bindgen(js_name = listGroups)]
    pub fn list_groups(&self) -> Result<Flow, JsValue> {
        self.unified(UnifiedOp::ListGroups)
    }

    /// One group. Result: `Group`.
    #[wasm_bindgen(js_name = getGroup)]
    pub fn get_group(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        self.unified(UnifiedOp::GetGroup { group_id })
    }

    /// Creates a group. Result: `Group`.
    #[wasm_bindgen(js_name = createGroup)]
    pub fn create_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NewGroup")] group: JsValue,
    ) -> Result<Flow, JsValue> {
        let group: NewGroup = args::object(group, "group")?;
        self.unified(UnifiedOp::CreateGroup {
            name: group.name,
            permissions: group
                .permissions
                .into_iter()
                .map(Permission::from)
                .collect(),
            role: group.role,
        })
    }

    /// Changes a group. Result: `Group`, or `null` where the vendor answers without one.
    #[wasm_bindgen(js_name = updateGroup)]
    pub fn update_group(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "GroupChanges")] changes: JsValue,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let changes: GroupChanges = args::object(changes, "changes")?;
        self.unified(UnifiedOp::UpdateGroup {
            group_id,
            name: changes.name,
            permissions: changes
                .permissions
                .map(|ps| ps.into_iter().map(Permission::from).collect()),
            role: changes.role,
        })
    }

    /// Deletes a group. Result: `null`.
    #[wasm_bindgen(js_name = deleteGroup)]
    pub fn delete_group(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DeleteOptions | undefined")] options: Option<
            JsValue,
        >,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let options: DeleteOptions = args::optional_object(options, "options")?;
        self.unified(UnifiedOp::DeleteGroup {
            group_id,
            force: options.force,
        })
    }

    /// Every member of a group. Result: `Member[]`.
    #[wasm_bindgen(js_name = listMembers)]
    pub fn list_members(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        self.unified(UnifiedOp::ListMembers { group_id })
    }

    /// Approves a pending join request (SSW). Result: the vendor's answer.
    #[wasm_bindgen(js_name = approveMember)]
    pub fn approve_member(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(js_name = userId, unchecked_param_type = "string")] user_id: JsValue,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let user_id = args::string(&user_id, "userId")?;
        self.unified(UnifiedOp::ApproveMember { group_id, user_id })
    }

    /// Rejects a pending join request (SSW). Result: the vendor's answer.
    #[wasm_bindgen(js_name = rejectMember)]
    pub fn reject_member(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(js_name = userId, unchecked_param_type = "string")] user_id: JsValue,
    ) -> Result<Flow, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let user_id = args::string(&user_id, "userId")?;
        self.unified(UnifiedOp::RejectMember { group_id, user_id })
    }

    /// One endpoint call with retries. Result: the vendor's own JSON.
    pub fn call(
        &self,
        #[wasm_bindgen(js_name = endpointId, unchecked_param_type = "string")] endpoint_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
        input: JsValue,
    ) -> Result<Flow, JsValue> {
        let endpoint = args::string(&endpoint_id, "endpointId")?;
        let input = args::json(input, "input")?;
        let op = Operation::from_json(&endpoint, input).map_err(|e| throw(&e, Naming::Raw))?;
        // Another provider's endpoint would carry this token to the wrong API.
        op.check_provider(self.directory.provider)
            .map_err(|e| throw(&e, Naming::Raw))?;
        Ok(Flow::of_call(op, self.context()))
    }

    /// The plan that adds `userIds` with the fewest calls.
    #[wasm_bindgen(js_name = planAdd, unchecked_return_type = "MembershipPlan")]
    pub fn plan_add(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(js_name = userIds, unchecked_param_type = "string[]")] user_ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let user_ids = args::strings(&user_ids, "userIds")?;
        validate::ids("user_ids", &user_ids, true).map_err(camel_err)?;
        Self::plan_js(membership::plan_changes(
            &self.directory,
            &group_id,
            &user_ids,
            &[],
        ))
    }

    /// The plan that removes `userIds` with the fewest calls.
    #[wasm_bindgen(js_name = planRemove, unchecked_return_type = "MembershipPlan")]
    pub fn plan_remove(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(js_name = userIds, unchecked_param_type = "string[]")] user_ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let user_ids = args::strings(&user_ids, "userIds")?;
        validate::ids("user_ids", &user_ids, true).map_err(camel_err)?;
        Self::plan_js(membership::plan_changes(
            &self.directory,
            &group_id,
            &[],
            &user_ids,
        ))
    }

    /// The plan that makes the members exactly `desired`, given the current ones.
    #[wasm_bindgen(js_name = planSync, unchecked_return_type = "MembershipPlan")]
    pub fn plan_sync(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] current: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] desired: JsValue,
    ) -> Result<JsValue, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        let current = args::strings(&current, "current")?;
        let desired = args::strings(&desired, "desired")?;
        Self::plan_js(membership::plan(
            &self.directory,
            &group_id,
            &current,
            &desired,
        ))
    }

    /// Every user, page by page.
    #[wasm_bindgen(js_name = usersPager)]
    pub fn users_pager(&self) -> Result<UnifiedPager, JsValue> {
        UnifiedPager::of(&UnifiedOp::ListUsers, &self.directory)
    }

    /// Every group, page by page.
    #[wasm_bindgen(js_name = groupsPager)]
    pub fn groups_pager(&self) -> Result<UnifiedPager, JsValue> {
        UnifiedPager::of(&UnifiedOp::ListGroups, &self.directory)
    }

    /// Every member of a group, page by page.
    #[wasm_bindgen(js_name = membersPager)]
    pub fn members_pager(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
    ) -> Result<UnifiedPager, JsValue> {
        let group_id = args::string(&group_id, "groupId")?;
        UnifiedPager::of(&UnifiedOp::ListMembers { group_id }, &self.directory)
    }

    /// One flow per step of `plan`, in plan order.
    #[wasm_bindgen(js_name = stepFlows)]
    pub fn step_flows(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MembershipPlan")] plan: JsValue,
    ) -> Result<Vec<Flow>, JsValue> {
        crate::plan::parse_plan_steps(plan)?
            .iter()
            .map(|step| Ok(Flow::of_step(step, self.context())))
            .collect()
    }
}
