//! SSW models. Fields the document shows are typed; the rest are kept in `extra`.

use crate::providers::Extra;
use serde::{Deserialize, Serialize};

/// An organization member or group member (`user_id`, `email`, `status`).
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The user's id, used in group membership paths.
    pub user_id: String,
    /// The user's email.
    pub email: Option<String>,
    /// e.g. `active`.
    pub status: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Member as "an SSW group member" {
    user_id: "user_id" => required,
    email: "email" => optional,
    status: "status" => optional,
});

/// A page of members: `data` of `GET /iam/v1/organization/members` and
/// `GET /iam/v1/group/members`.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberPage {
    /// The members on this page. Required: a page without its list is a
    /// broken response, not an empty page.
    pub members: Vec<Member>,
    /// The page number (1-based) the server returned.
    pub page: Option<u64>,
    /// The page size the server used.
    pub page_size: Option<u64>,
    /// Total members across pages.
    pub total: Option<u64>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(MemberPage as "an SSW member page" {
    members: "members" => required,
    page: "page" => optional,
    page_size: "page_size" => optional,
    total: "total" => optional,
});

/// A group (`group_id`, `name`).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The group's id.
    pub group_id: String,
    /// The group's name.
    pub name: Option<String>,
    /// Fields not named above.
    pub extra: Extra,
}

crate::providers::known_fields::model_with_extra!(Group as "an SSW group" {
    group_id: "group_id" => required,
    name: "name" => optional,
});

/// A page of groups. The document shows `data` as a bare array; a paged
/// object `{"groups": [..], "page", "page_size", "total"}` is accepted too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPage {
    /// The groups on this page.
    pub groups: Vec<Group>,
    /// The page number the server returned, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// The page size the server used, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// Total groups, when the server says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

/// `data` of a group listing when it is an object (the document shows a
/// bare array; a paged object is accepted too).
#[derive(Deserialize)]
pub(crate) struct PagedGroups {
    #[serde(alias = "items")]
    pub(crate) groups: Vec<Group>,
    #[serde(default)]
    pub(crate) page: Option<u64>,
    #[serde(default)]
    pub(crate) page_size: Option<u64>,
    #[serde(default)]
    pub(crate) total: Option<u64>,
}
