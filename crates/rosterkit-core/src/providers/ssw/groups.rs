//! SSW groups: list, update, delete (vendor document `000_9864484e91baf0a8.txt`,
//! Steps B, G and H). Creating a group is not in the public API.

use super::envelope::{self, Ack};
use super::models::PagedGroups;
use super::{GroupPage, MAX_PAGE_SIZE};
use crate::encode::RequestBuilder;
use crate::providers::Extra;
use crate::{validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

/// `ssw.list_groups`: GET /iam/v1/organization/{organization_id}/groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroups {
    /// The organization whose groups to list.
    pub organization_id: String,
    /// 1-based page number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// Groups per page, 1 to 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

impl Endpoint for ListGroups {
    const ID: &'static str = "ssw.list_groups";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = GroupPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::range_opt("page", self.page, 1, u64::from(u32::MAX))?;
        validate::range_opt("page_size", self.page_size, 1, MAX_PAGE_SIZE)?;
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/iam/v1/organization")
            .segment("organization_id", &self.organization_id)?
            .path("/groups")
            .query_opt("page", self.page)
            .query_opt("page_size", self.page_size)
            .build())
    }

    fn parse(&self, response: &Response) -> Result<GroupPage, Error> {
        let raw = envelope::raw_data(response)?.get();
        // A bare array (as documented) or a paged object; anything else is
        // refused with the key named, never read as an empty page.
        if raw.trim_start().starts_with('[') {
            let groups = crate::parse::decode_part(raw.as_bytes(), &response.body, "data")?;
            return Ok(GroupPage {
                groups,
                page: None,
                page_size: None,
                total: None,
            });
        }
        let p: PagedGroups = crate::parse::decode_part(raw.as_bytes(), &response.body, "data")?;
        Ok(GroupPage {
            groups: p.groups,
            page: p.page,
            page_size: p.page_size,
            total: p.total,
        })
    }

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `ssw.update_group`: PUT /iam/v1/group with a `GroupRequest` body.
///
/// The document shows `group_id` and `name` and defers the rest of
/// `GroupRequest` to the API reference, so other fields pass through `extra`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UpdateGroup {
    /// The group to update (sent in the body, not the path).
    pub group_id: String,
    /// The new name.
    pub name: Option<String>,
    /// Further `GroupRequest` fields, sent as given.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(UpdateGroup as "an SSW group update" {
    group_id: "group_id" => required,
    name: "name" => optional,
});

impl Endpoint for UpdateGroup {
    const ID: &'static str = "ssw.update_group";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        crate::encode::check_id("group_id", &self.group_id)?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        RequestBuilder::new(target, Self::PROVIDER, "PUT")?
            .path("/iam/v1/group")
            .json(self)
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `ssw.delete_group`: DELETE /iam/v1/group/{group_id}.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteGroup {
    /// The group to delete.
    pub group_id: String,
}

impl Endpoint for DeleteGroup {
    const ID: &'static str = "ssw.delete_group";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = Ack;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "DELETE")?
            .path("/iam/v1/group")
            .segment("group_id", &self.group_id)?
            .build())
    }

    fn parse(&self, response: &Response) -> Result<Ack, Error> {
        envelope::ack(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}
