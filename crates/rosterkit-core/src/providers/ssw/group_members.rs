//! SSW group membership (vendor document `000_9864484e91baf0a8.txt`, Steps C–F):
//! list, add, approve, reject, remove. Membership changes go one user per call.

use super::envelope::{self, Ack};
use super::{MemberPage, MAX_PAGE_SIZE};
use crate::encode::RequestBuilder;
use crate::providers::Extra;
use crate::{validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

/// `ssw.list_group_members`: GET /iam/v1/group/members?group_id=..
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroupMembers {
    /// Required: the group whose members to list.
    pub group_id: String,
    /// 1-based page number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// Members per page, 1 to 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

impl Endpoint for ListGroupMembers {
    const ID: &'static str = "ssw.list_group_members";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = MemberPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        // A query value, not a path segment: any non-blank text is safe here.
        validate::non_empty("group_id", &self.group_id)?;
        validate::range_opt("page", self.page, 1, u64::from(u32::MAX))?;
        validate::range_opt("page_size", self.page_size, 1, MAX_PAGE_SIZE)?;
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/iam/v1/group/members")
            .query("group_id", &self.group_id)
            .query_opt("page", self.page)
            .query_opt("page_size", self.page_size)
            .build())
    }

    envelope::data_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

fn membership(
    target: &Target,
    method: &'static str,
    group_id: &str,
    user_id: &str,
) -> Result<RequestBuilder, Error> {
    RequestBuilder::new(target, Provider::Ssw, method)?
        .path("/iam/v1/group")
        .segment("group_id", group_id)?
        .path("/members")
        .segment("user_id", user_id)
}

/// `ssw.add_group_member`: POST /iam/v1/group/{group_id}/members/{user_id}, no body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddGroupMember {
    /// The group.
    pub group_id: String,
    /// The user to add.
    pub user_id: String,
}

impl Endpoint for AddGroupMember {
    const ID: &'static str = "ssw.add_group_member";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(membership(target, "POST", &self.group_id, &self.user_id)?.build())
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    // Where approval is on, a repeated add may file a second join request.
    fn retry_safe(&self) -> bool {
        false
    }
}

/// `ssw.approve_group_member`: POST .../members/{user_id}/approval with a JSON
/// `UserJoinGroupRequest` body; `{}` is the documented minimum.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproveGroupMember {
    /// The group.
    pub group_id: String,
    /// The user whose request to approve.
    pub user_id: String,
    /// `UserJoinGroupRequest` fields, sent as the body; empty sends `{}`.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub body: Extra,
}

impl Endpoint for ApproveGroupMember {
    const ID: &'static str = "ssw.approve_group_member";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        membership(target, "POST", &self.group_id, &self.user_id)?
            .path("/approval")
            .json(&self.body)
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `ssw.reject_group_member`: POST .../members/{user_id}/reject with a JSON
/// `UserJoinGroupRequest` body; `{}` is the documented minimum.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectGroupMember {
    /// The group.
    pub group_id: String,
    /// The user whose request to reject.
    pub user_id: String,
    /// `UserJoinGroupRequest` fields, sent as the body; empty sends `{}`.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub body: Extra,
}

impl Endpoint for RejectGroupMember {
    const ID: &'static str = "ssw.reject_group_member";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        membership(target, "POST", &self.group_id, &self.user_id)?
            .path("/reject")
            .json(&self.body)
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    fn retry_safe(&self) -> bool {
        false
    }
}

/// `ssw.remove_group_member`: DELETE /iam/v1/group/{group_id}/members/{user_id}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveGroupMember {
    /// The group.
    pub group_id: String,
    /// The user to remove.
    pub user_id: String,
}

impl Endpoint for RemoveGroupMember {
    const ID: &'static str = "ssw.remove_group_member";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(membership(target, "DELETE", &self.group_id, &self.user_id)?.build())
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}
