//! What each provider's public API can do, and why not when it cannot.

use crate::paging::PageStyle;
use crate::providers::{alteryx, polaris};
use crate::Provider;
use serde::{Deserialize, Serialize};

/// Whether an operation is available, and a note on how or why not.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Support {
    /// Available through the vendor's public API.
    pub supported: bool,
    /// How it is done, or why it cannot be.
    pub note: String,
}

fn yes(note: &str) -> Support {
    Support {
        supported: true,
        note: note.to_owned(),
    }
}

fn no(note: &str) -> Support {
    Support {
        supported: false,
        note: note.to_owned(),
    }
}

/// One provider's row in the capability table.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct Capabilities {
    /// The provider.
    pub provider: Provider,
    /// List users.
    pub list_users: Support,
    /// List groups.
    pub list_groups: Support,
    /// Read one group.
    pub get_group: Support,
    /// Create a group.
    pub create_group: Support,
    /// Change a group's name, permissions or role.
    pub update_group: Support,
    /// Delete a group.
    pub delete_group: Support,
    /// List a group's members.
    pub list_members: Support,
    /// Add members.
    pub add_members: Support,
    /// Remove members.
    pub remove_members: Support,
    /// Approve or reject join requests.
    pub approvals: Support,
    /// Name desired members by email: the vendor offers a way to look them up.
    pub email_lookup: Support,
    /// Users per add call (1 = one call per user).
    pub add_batch_size: u64,
    /// Users per remove call (1 = one call per user).
    pub remove_batch_size: u64,
    /// How lists are paged.
    pub paging: PageStyle,
}

/// Batch size meaning "one call carries every change". u32::MAX rather than
/// usize::MAX so the value stays exact in JavaScript numbers.
pub const UNLIMITED: u64 = u32::MAX as u64;

const NO_MEMBERSHIP_B2CORE: &str =
    "B2Core's user-group API has no membership endpoints; users keep individual permissions";

fn email_note(provider: Provider) -> &'static str {
    crate::membership::email_lookup_note(provider)
}

/// The capability table row for `provider`.
pub fn capabilities(provider: Provider) -> Capabilities {
    match provider {
        Provider::Ssw => Capabilities {
            provider,
            list_users: yes("GET /iam/v1/organization/members, paged"),
            list_groups: yes("GET /iam/v1/organization/{organization_id}/groups, paged"),
            get_group: no("SSW's public IAM API has no single-group read; use list_groups"),
            create_group: no("SSW's public IAM API does not support creating groups"),
            update_group: yes("PUT /iam/v1/group (name)"),
            delete_group: yes("DELETE /iam/v1/group/{group_id}"),
            list_members: yes("GET /iam/v1/group/members, paged"),
            add_members: yes("one POST per user; may create a pending join request"),
            remove_members: yes("one DELETE per user"),
            approvals: yes("POST .../approval and .../reject"),
            email_lookup: yes("group members and GET /iam/v1/organization/members carry emails"),
            add_batch_size: 1,
            remove_batch_size: 1,
            paging: PageStyle::PageNumber,
        },
        Provider::Spotnana => Capabilities {
            provider,
            list_users: no("Spotnana's access-management API documents no user listing"),
            list_groups: yes("POST /v3/companies/{companyId}/user-groups/list, paged"),
            get_group: yes("GET /v3/companies/{companyId}/user-groups/{groupId}"),
            create_group: yes("POST /v3/companies/{companyId}/user-groups (public API reference)"),
            update_group: yes(
                "PUT /v3/companies/{companyId}/user-groups/{groupId} (public API reference); isUnmodifiable groups refuse",
            ),
            delete_group: no("neither the Spotnana document nor its public reference used here covers group deletion"),
            list_members: yes("POST .../user-groups/{groupId}/members, paged"),
            add_members: yes("one PATCH with userIdsToAdd"),
            remove_members: yes("the same PATCH with userIdsToRemove"),
            approvals: no("Spotnana has no join approval flow"),
            email_lookup: no(email_note(Provider::Spotnana)),
            add_batch_size: UNLIMITED,
            remove_batch_size: UNLIMITED,
            paging: PageStyle::OffsetLimitTotal,
        },
        Provider::B2core => Capabilities {
            provider,
            list_users: no("B2Core's user-group API documents no user listing"),
            list_groups: yes("GET /api/v2/groups, limit/offset"),
            get_group: yes("GET /api/v2/groups/{groupId}"),
            create_group: yes("POST /api/v2/groups"),
            update_group: yes("PATCH /api/v2/groups/{groupId}"),
            delete_group: yes("DELETE /api/v2/groups/{groupId}"),
            list_members: no(NO_MEMBERSHIP_B2CORE),
            add_members: no(NO_MEMBERSHIP_B2CORE),
            remove_members: no(NO_MEMBERSHIP_B2CORE),
            approvals: no("B2Core has no join approval flow"),
            email_lookup: no(email_note(Provider::B2core)),
            add_batch_size: 0,
            remove_batch_size: 0,
            paging: PageStyle::LimitOffsetArray,
        },
        Provider::Polaris => Capabilities {
            provider,
            list_users: yes("GET /v1/users"),
            list_groups: yes("GET /v1/groups"),
            get_group: yes("GET /v1/groups/{id}"),
            create_group: yes("POST /v1/groups"),
            update_group: yes("PUT /v1/groups/{id}; reads the group first when only part is given"),
            delete_group: yes("DELETE /v1/groups/{id}"),
            list_members: yes("GET /v1/groups/{id}/members"),
            add_members: yes("POST /v1/groups/{id}/members in batches"),
            remove_members: yes(
                "no removal endpoint: GET /v1/users/{id}, then PUT the whole user without the group",
            ),
            approvals: no("Polaris has no join approval flow"),
            email_lookup: yes("group members and GET /v1/users carry emails and usernames"),
            add_batch_size: polaris::ADD_MEMBERS_BATCH as u64,
            remove_batch_size: 1,
            paging: PageStyle::Unpaged,
        },
        Provider::Alteryx => Capabilities {
            provider,
            list_users: no("the Alteryx user-group document covers no user listing"),
            list_groups: yes("GET /v3/usergroups (custom groups only)"),
            get_group: yes("GET /v3/usergroups/{id}"),
            create_group: yes("POST /v3/usergroups (role defaults to Evaluated)"),
            update_group: yes("PUT /v3/usergroups/{id}; reads the group first when only part is given"),
            delete_group: yes("DELETE /v3/usergroups/{id}, forceDelete for non-empty groups"),
            list_members: yes("read from GET /v3/usergroups/{id}"),
            add_members: yes("POST /v3/usergroups/{id}/users in batches"),
            remove_members: yes("one DELETE per user"),
            approvals: no("Alteryx has no join approval flow"),
            email_lookup: no(email_note(Provider::Alteryx)),
            add_batch_size: alteryx::ADD_USERS_BATCH as u64,
            remove_batch_size: 1,
            paging: PageStyle::Unpaged,
        },
    }
}
