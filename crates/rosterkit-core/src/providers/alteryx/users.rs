//! Alteryx user-group membership (vendor document `004_1215b0607d515864.txt`).

use super::AddedUsers;
use crate::encode::RequestBuilder;
use crate::{parse, validate, Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Serialize};

/// `alteryx.add_users_to_user_group`: POST /v3/usergroups/{id}/users with a
/// JSON array of user ids (see the module note on encodings). The answer may
/// report users that were not added ([`AddedUsers::failed_user_reasons`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddUsersToUserGroup {
    /// The group.
    pub group_id: String,
    /// Users to add.
    pub user_ids: Vec<String>,
}

impl Endpoint for AddUsersToUserGroup {
    const ID: &'static str = "alteryx.add_users_to_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = AddedUsers;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::ids("user_ids", &self.user_ids, true)?;
        validate::unique("user_ids", &self.user_ids)?;
        RequestBuilder::new(target, Self::PROVIDER, "POST")?
            .path("/v3/usergroups")
            .segment("group_id", &self.group_id)?
            .path("/users")
            .json(&self.user_ids)
            .map(RequestBuilder::build)
    }

    fn parse(&self, response: &Response) -> Result<AddedUsers, Error> {
        parse::check_status(response)?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(AddedUsers::default());
        }
        parse::decode(&response.body)
    }

    // Membership is a set: adding the same users again changes nothing.
    fn retry_safe(&self) -> bool {
        true
    }
}

/// `alteryx.remove_user_from_user_group`: DELETE
/// /v3/usergroups/{userGroupId}/users/{userId}; OK even if not a member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveUserFromUserGroup {
    /// The group.
    pub group_id: String,
    /// The user to remove.
    pub user_id: String,
}

impl Endpoint for RemoveUserFromUserGroup {
    const ID: &'static str = "alteryx.remove_user_from_user_group";
    const PROVIDER: Provider = Provider::Alteryx;
    type Output = ();

    fn request(&self, target: &Target) -> Result<Request, Error> {
        Ok(RequestBuilder::new(target, Self::PROVIDER, "DELETE")?
            .path("/v3/usergroups")
            .segment("group_id", &self.group_id)?
            .path("/users")
            .segment("user_id", &self.user_id)?
            .build())
    }

    fn parse(&self, response: &Response) -> Result<(), Error> {
        parse::empty(response)
    }

    fn retry_safe(&self) -> bool {
        true
    }
}
