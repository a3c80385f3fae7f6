//! Spotnana group membership (vendor document `001_8ad0a0e9917e92fe.txt`).

use super::groups::PageBody;
use super::models::{MemberPage, Pagination};
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

/// `spotnana.list_user_group_members`: POST /v3/companies/{companyId}/user-groups/{groupId}/members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListUserGroupMembers {
    /// The company.
    pub company_id: String,
    /// The group.
    pub group_id: String,
    /// Offset and limit; always sent.
    #[serde(default)]
    pub pagination: Pagination,
}

impl Endpoint for ListUserGroupMembers {
    const ID: &'static str = "spotnana.list_user_group_members";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = MemberPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        self.pagination.check()?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .segment("groupId", &self.group_id)?
            .path("/members")
            .json(&PageBody {
                pagination: self.pagination,
            })
            .map(RequestBuilder::build)
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}

/// `spotnana.update_user_group_members`: PATCH /v3/companies/{companyId}/user-groups/{groupId}/members.
///
/// `userIdsToAdd` is in the vendor document. `userIdsToRemove` comes from
/// Spotnana's public API reference for the same request; the document itself
/// only says members "can be added or removed". Both go in one call, so a sync
/// of any size is a single PATCH. Success is a bare 200.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserGroupMembers {
    /// The company (users must belong to it).
    pub company_id: String,
    /// The group.
    pub group_id: String,
    /// Users to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_ids_to_add: Vec<String>,
    /// Users to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_ids_to_remove: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PatchBody<'a> {
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    user_ids_to_add: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    user_ids_to_remove: &'a [String],
}

impl Endpoint for UpdateUserGroupMembers {
    const ID: &'static str = "spotnana.update_user_group_members";
    const PROVIDER: Provider = Provider::Spotnana;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        if self.user_ids_to_add.is_empty() && self.user_ids_to_remove.is_empty() {
            return Err(Error::invalid(
                "userIdsToAdd",
                "userIdsToAdd and userIdsToRemove are both empty; nothing to change",
            ));
        }
        validate::ids("userIdsToAdd", &self.user_ids_to_add, false)?;
        validate::ids("userIdsToRemove", &self.user_ids_to_remove, false)?;
        validate::unique("userIdsToAdd", &self.user_ids_to_add)?;
        validate::unique("userIdsToRemove", &self.user_ids_to_remove)?;
        if let Some(both) = self
            .user_ids_to_add
            .iter()
            .find(|id| self.user_ids_to_remove.contains(id))
        {
            return Err(Error::invalid(
                "userIdsToRemove",
                format!("{both:?} is both added and removed"),
            ));
        }
        RequestBuilder::new(target, Self::PROVIDER, "PATCH")?
            .path("/v3/companies")
            .segment("companyId", &self.company_id)?
            .path("/user-groups")
            .segment("groupId", &self.group_id)?
            .path("/members")
            .json(&PatchBody {
                user_ids_to_add: &self.user_ids_to_add,
                user_ids_to_remove: &self.user_ids_to_remove,
            })
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    // Adding a member twice or removing an absent one leaves the same set.
    fn retry_safe(&self) -> bool {
        true
    }
}
