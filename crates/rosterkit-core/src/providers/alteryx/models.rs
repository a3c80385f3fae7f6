//! Alteryx user-group models.

use crate::providers::Extra;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The role a user group grants. `Evaluated` is the default, resolved at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// No access.
    NoAccess,
    /// View only.
    Viewer,
    /// Member.
    Member,
    /// Artisan: creates and runs workflows.
    Artisan,
    /// Curator: administers the server.
    Curator,
    /// Evaluated at run time (the default).
    Evaluated,
}

impl Role {
    /// Every role, in the document's order.
    pub const ALL: [Role; 6] = [
        Role::NoAccess,
        Role::Viewer,
        Role::Member,
        Role::Artisan,
        Role::Curator,
        Role::Evaluated,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::NoAccess => "NoAccess",
            Role::Viewer => "Viewer",
            Role::Member => "Member",
            Role::Artisan => "Artisan",
            Role::Curator => "Curator",
            Role::Evaluated => "Evaluated",
        }
    }

    /// Reads a role, naming `field` when it is not one of the six.
    pub fn parse_field(field: &str, value: &str) -> Result<Role, Error> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == value)
            .ok_or_else(|| {
                Error::invalid(
                    field,
                    format!(
                        "{value:?} is not a role; use NoAccess, Viewer, Member, Artisan, Curator or Evaluated"
                    ),
                )
            })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Role::parse_field("role", s)
    }
}

/// A member of a user group, as a group's detail lists it.
///
/// Alteryx's help pages name the view `UserGroupView.members[]` with
/// `userId`, `dateAddedToGroup`, `addedByUserId` and `activeDirectoryObject`
/// (the shape a real server sends, per `jupiterbak/ayx-node`, whose tests run
/// against one); an `id` is accepted too, as a reading of the vendor file.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupMember {
    /// The user id (`userId`; `id` accepted).
    pub user_id: String,
    /// When the user joined the group.
    pub date_added_to_group: Option<String>,
    /// Who added the user.
    pub added_by_user_id: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(GroupMember as "an Alteryx group member" {
    user_id: "userId" | "id" => required,
    date_added_to_group: "dateAddedToGroup" => optional,
    added_by_user_id: "addedByUserId" => optional,
    first_name: "firstName" => optional,
    last_name: "lastName" => optional,
    email: "email" => optional,
});

/// A custom user group. The document names `id`, `name` and `role`; the
/// detail view's `members` list is read when the server sends it.
#[derive(Clone, Debug, PartialEq)]
pub struct UserGroup {
    /// The group id, e.g. `61d58ac83c15317e1a482069`.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Role, kept as text so a role added by a newer server is not rejected.
    pub role: Option<String>,
    /// Creation time.
    pub date_created: Option<String>,
    /// Members, when the server includes them.
    pub members: Option<Vec<GroupMember>>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(UserGroup as "an Alteryx user group" {
    id: "id" => required,
    name: "name" => optional,
    role: "role" => optional,
    date_created: "dateCreated" => optional,
    members: "members" => optional,
});

/// What `POST /v3/usergroups/{id}/users` answers: `UserGroupAddedUsersView`
/// (Alteryx help pages; `jupiterbak/ayx-node` `src/api/sdk/models`). A 200
/// can carry a partial failure: the users in `failedUserReasons` were not
/// added. An empty 200 (as the vendor file implies) means every user was.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AddedUsers {
    /// Users added by this call.
    pub successfully_added_user_count: Option<u64>,
    /// Users sent.
    pub total_users_submitted_count: Option<u64>,
    /// User id to the reason it was not added.
    pub failed_user_reasons: std::collections::BTreeMap<String, String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(AddedUsers as "an Alteryx add-users result" {
    successfully_added_user_count: "successfullyAddedUserCount" => optional,
    total_users_submitted_count: "totalUsersSubmittedCount" => optional,
    failed_user_reasons: "failedUserReasons" => nonempty,
});

/// A create answers either the new group or just its id as a JSON string.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum Created {
    Group(UserGroup),
    Id(String),
}

impl From<Created> for UserGroup {
    fn from(c: Created) -> Self {
        match c {
            Created::Group(g) => g,
            Created::Id(id) => UserGroup {
                id,
                name: None,
                role: None,
                date_created: None,
                members: None,
                extra: Extra::new(),
            },
        }
    }
}
