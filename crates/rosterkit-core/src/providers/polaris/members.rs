//! Polaris group members (vendor document `003_dd1a18090924cbef.txt`, "Add
//! users to a group" and "List all group members"). The document has no
//! removal endpoint; see [`crate::membership`] for how removal is planned.

use super::models::{GroupMember, Values};
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

/// `polaris.add_group_members`: POST /v1/groups/{id}/members with `[{"id"}, ..]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddGroupMembers {
    /// The group.
    pub group_id: String,
    /// Users to add.
    pub user_ids: Vec<String>,
}

#[derive(Serialize)]
struct IdRef<'a> {
    id: &'a str,
}

impl Endpoint for AddGroupMembers {
    const ID: &'static str = "polaris.add_group_members";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::ids("user_ids", &self.user_ids, true)?;
        validate::unique("user_ids", &self.user_ids)?;
        let body: Vec<IdRef<'_>> = self.user_ids.iter().map(|id| IdRef { id }).collect();
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v1/groups")
            .segment("group_id", &self.group_id)?
            .path("/members")
            .json(&body)
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    // Membership is a set: adding the same users again changes nothing.
    fn retry_safe(&self) -> bool {
        true
    }
}

/// `polaris.list_group_members`: GET /v1/groups/{id}/members → `values`, `count`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroupMembers {
    /// The group.
    pub group_id: String,
}

impl Endpoint for ListGroupMembers {
    const ID: &'static str = "polaris.list_group_members";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<GroupMember>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/v1/groups")
            .segment("group_id", &self.group_id)?
            .path("/members")
            .build())
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
