//! Which endpoints are lists, how each asks for a page, and where its items
//! are. Polaris and Alteryx lists are unpaged: one response holds everything.

use super::{ListEndpoint, Page, PageStyle, DEFAULT_PAGE_SIZE};
use crate::providers::spotnana::Pagination;
use crate::providers::{alteryx, b2core, polaris, spotnana, ssw};

/// SSW: `page`/`page_size` query parameters, `total` in `data`.
macro_rules! ssw_list {
    ($ty:ty, $item:ty, $field:ident, $key:ident) => {
        impl ListEndpoint for $ty {
            type Item = $item;
            const STYLE: PageStyle = PageStyle::PageNumber;
            fn position(&self) -> (u64, u64) {
                (
                    self.page.unwrap_or(1),
                    self.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
                )
            }
            fn at(&self, position: u64, size: u64) -> Self {
                let mut op = self.clone();
                (op.page, op.page_size) = (Some(position), Some(size));
                op
            }
            fn page(output: Self::Output) -> Page<$item> {
                Page {
                    items: output.$field,
                    page: output.page,
                    offset: None,
                    total: output.total,
                    size: output.page_size,
                }
            }
            fn key(item: &$item) -> String {
                item.$key.clone()
            }
        }
    };
}

ssw_list!(ssw::ListMembers, ssw::Member, members, user_id);
ssw_list!(ssw::ListGroupMembers, ssw::Member, members, user_id);
ssw_list!(ssw::ListGroups, ssw::Group, groups, group_id);

/// Spotnana: `pagination{offset,limit}` in the body, `totalNumResults` back.
macro_rules! spotnana_list {
    ($ty:ty, $item:ty, $field:ident, $key:expr) => {
        impl ListEndpoint for $ty {
            type Item = $item;
            const STYLE: PageStyle = PageStyle::OffsetLimitTotal;
            fn position(&self) -> (u64, u64) {
                (self.pagination.offset, self.pagination.limit)
            }
            fn at(&self, offset: u64, limit: u64) -> Self {
                let mut op = self.clone();
                op.pagination = Pagination { offset, limit };
                op
            }
            fn page(output: Self::Output) -> Page<$item> {
                let pagination = output.pagination.unwrap_or_default();
                Page {
                    items: output.$field,
                    page: None,
                    offset: pagination.offset,
                    total: pagination.total_num_results,
                    size: None,
                }
            }
            fn key(item: &$item) -> String {
                let key: fn(&$item) -> String = $key;
                key(item)
            }
        }
    };
}

spotnana_list!(
    spotnana::ListUserGroups,
    spotnana::UserGroup,
    user_groups,
    |g| g.id.clone()
);
spotnana_list!(
    spotnana::ListUserGroupsForUser,
    spotnana::UserGroup,
    user_groups,
    |g| g.id.clone()
);
spotnana_list!(
    spotnana::ListUserGroupMembers,
    spotnana::GroupMember,
    members,
    |m| m.user_id.clone()
);
spotnana_list!(spotnana::ListUserGroupRoles, spotnana::Role, roles, |r| r
    .id
    .clone()
    .or_else(|| r.name.clone())
    .unwrap_or_default());

impl ListEndpoint for b2core::ListGroups {
    type Item = b2core::Group;
    const STYLE: PageStyle = PageStyle::LimitOffsetArray;
    fn position(&self) -> (u64, u64) {
        (
            self.offset.unwrap_or(0),
            self.limit.unwrap_or(DEFAULT_PAGE_SIZE),
        )
    }
    fn at(&self, offset: u64, limit: u64) -> Self {
        b2core::ListGroups {
            limit: Some(limit),
            offset: Some(offset),
        }
    }
    fn page(output: Vec<b2core::Group>) -> Page<b2core::Group> {
        Page::of(output)
    }
    fn key(item: &b2core::Group) -> String {
        item.id.to_string()
    }
}

/// Lists that come whole in one response.
macro_rules! unpaged {
    ($ty:ty, $item:ty, |$out:ident| $items:expr, |$it:ident| $key:expr) => {
        impl ListEndpoint for $ty {
            type Item = $item;
            const STYLE: PageStyle = PageStyle::Unpaged;
            fn position(&self) -> (u64, u64) {
                (0, 0)
            }
            fn at(&self, _: u64, _: u64) -> Self {
                self.clone()
            }
            fn page($out: Self::Output) -> Page<$item> {
                Page::of($items)
            }
            fn key($it: &$item) -> String {
                $key
            }
        }
    };
}

unpaged!(polaris::ListUsers, polaris::User, |o| o.values, |u| u
    .id
    .clone());
unpaged!(polaris::ListGroups, polaris::Group, |o| o.values, |g| g
    .id
    .clone());
unpaged!(
    polaris::ListGroupMembers,
    polaris::GroupMember,
    |o| o.values,
    |m| m.id.clone()
);
unpaged!(
    polaris::ListPermissions,
    polaris::Permission,
    |o| o.values,
    |p| p.name.clone()
);
unpaged!(
    polaris::ListEffectivePermissions,
    polaris::Permission,
    |o| o.values,
    |p| p.name.clone()
);
unpaged!(polaris::ListProjects, polaris::Project, |o| o.values, |p| p
    .id
    .clone());
unpaged!(alteryx::ListUserGroups, alteryx::UserGroup, |o| o, |g| g
    .id
    .clone());
// Alteryx has no member listing: a group's detail carries its members.
unpaged!(
    alteryx::GetUserGroup,
    alteryx::GroupMember,
    |o| o.members.unwrap_or_default(),
    |m| m.user_id.clone()
);
