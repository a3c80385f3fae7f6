//! Paging as a state machine, one per vendor style:
//!
//! - SSW: `page`/`page_size`, with `total` in the response;
//! - Spotnana: `pagination{offset,limit}`, with `pagination.totalNumResults`;
//! - B2Core: `limit`/`offset` over bare arrays (a short page is the last);
//! - Polaris and Alteryx: no paging, one response holds everything.
//!
//! The pager rewrites the operation for each page and checks that each page
//! advances: a server that ignores the page parameter, or repeats a page,
//! stops with an error instead of looping.

use crate::operation::Operation;
use crate::providers::spotnana::Pagination;
use crate::Error;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The vendor's paging style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageStyle {
    /// `page`/`page_size`, 1-based, with a total (SSW).
    PageNumber,
    /// `offset`/`limit` in a JSON body, with a total (Spotnana).
    OffsetLimitTotal,
    /// `limit`/`offset` query over a bare array, no total (B2Core).
    LimitOffsetArray,
    /// Everything in one response (Polaris, Alteryx).
    None,
}

/// Page size used when the caller did not choose one.
pub const DEFAULT_PAGE_SIZE: u64 = 100;
/// A paging that has not ended after this many pages is treated as a loop.
pub const MAX_PAGES: u32 = 100_000;

/// Walks the pages of one list operation.
#[derive(Clone, Debug)]
pub struct Pager {
    op: Operation,
    style: PageStyle,
    /// Page number (PageNumber) or offset (the others) of the next request.
    position: u64,
    size: u64,
    pages: u32,
    last_first_item: Option<Value>,
    done: bool,
}

impl Pager {
    /// A pager starting from the operation's own page or offset. Operations
    /// that are not lists get a pager of exactly one page.
    pub fn new(op: Operation) -> Pager {
        let (style, position, size) = match &op {
            Operation::SswListMembers(o) => (
                PageStyle::PageNumber,
                o.page.unwrap_or(1),
                o.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
            ),
            Operation::SswListGroups(o) => (
                PageStyle::PageNumber,
                o.page.unwrap_or(1),
                o.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
            ),
            Operation::SswListGroupMembers(o) => (
                PageStyle::PageNumber,
                o.page.unwrap_or(1),
                o.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
            ),
            Operation::SpotnanaListUserGroups(o) => (
                PageStyle::OffsetLimitTotal,
                o.pagination.offset,
                o.pagination.limit,
            ),
            Operation::SpotnanaListUserGroupMembers(o) => (
                PageStyle::OffsetLimitTotal,
                o.pagination.offset,
                o.pagination.limit,
            ),
            Operation::SpotnanaListUserGroupRoles(o) => (
                PageStyle::OffsetLimitTotal,
                o.pagination.offset,
                o.pagination.limit,
            ),
            Operation::SpotnanaListUserGroupsForUser(o) => (
                PageStyle::OffsetLimitTotal,
                o.pagination.offset,
                o.pagination.limit,
            ),
            Operation::B2coreListGroups(o) => (
                PageStyle::LimitOffsetArray,
                o.offset.unwrap_or(0),
                o.limit.unwrap_or(DEFAULT_PAGE_SIZE),
            ),
            _ => (PageStyle::None, 0, 0),
        };
        Pager {
            op,
            style,
            position,
            size,
            pages: 0,
            last_first_item: None,
            done: false,
        }
    }

    /// The paging style in use.
    pub fn style(&self) -> PageStyle {
        self.style
    }

    /// The operation for the next page, or `None` when paging is over.
    pub fn next_operation(&self) -> Option<Operation> {
        if self.done {
            return None;
        }
        let mut op = self.op.clone();
        let (pos, size) = (self.position, self.size);
        let pagination = Pagination {
            offset: pos,
            limit: size,
        };
        match &mut op {
            Operation::SswListMembers(o) => (o.page, o.page_size) = (Some(pos), Some(size)),
            Operation::SswListGroups(o) => (o.page, o.page_size) = (Some(pos), Some(size)),
            Operation::SswListGroupMembers(o) => (o.page, o.page_size) = (Some(pos), Some(size)),
            Operation::SpotnanaListUserGroups(o) => o.pagination = pagination,
            Operation::SpotnanaListUserGroupMembers(o) => o.pagination = pagination,
            Operation::SpotnanaListUserGroupRoles(o) => o.pagination = pagination,
            Operation::SpotnanaListUserGroupsForUser(o) => o.pagination = pagination,
            Operation::B2coreListGroups(o) => (o.offset, o.limit) = (Some(pos), Some(size)),
            _ => {}
        }
        Some(op)
    }

    /// Takes the parsed output of the page just fetched, returns its items
    /// and moves to the next page (or ends).
    pub fn advance(&mut self, output: Value) -> Result<Vec<Value>, Error> {
        self.pages += 1;
        let id = self.op.id();
        let (items, meta) = split_items(id, output);
        let n = items.len() as u64;
        if self.style == PageStyle::None {
            self.done = true;
            return Ok(items);
        }
        // A server that answers another page than asked ignores the parameter.
        if self.style == PageStyle::PageNumber {
            if let Some(page) = meta.get("page").and_then(Value::as_u64) {
                if page != self.position {
                    return Err(loop_error(
                        id,
                        &format!("asked for page {} and got page {page}", self.position),
                    ));
                }
            }
        }
        // A page that starts with the same item as the previous one did not advance.
        if n > 0 {
            let first = items.first().cloned();
            if self.pages > 1 && first.is_some() && first == self.last_first_item {
                return Err(loop_error(id, "the page repeated the previous page"));
            }
            self.last_first_item = first;
        }
        match self.style {
            PageStyle::PageNumber => {
                let total = meta.get("total").and_then(Value::as_u64);
                let seen = self.position.saturating_mul(self.size);
                self.done = n == 0 || total.map_or(n < self.size, |t| seen >= t);
                self.position += 1;
            }
            PageStyle::OffsetLimitTotal => {
                let pagination = meta.get("pagination");
                if let Some(offset) = pagination
                    .and_then(|p| p.get("offset"))
                    .and_then(Value::as_u64)
                {
                    if offset != self.position {
                        return Err(loop_error(
                            id,
                            &format!("asked for offset {} and got offset {offset}", self.position),
                        ));
                    }
                }
                let total = pagination
                    .and_then(|p| p.get("totalNumResults"))
                    .and_then(Value::as_u64);
                self.position += n;
                self.done = n == 0 || total.map_or(n < self.size, |t| self.position >= t);
            }
            PageStyle::LimitOffsetArray => {
                self.position += n;
                self.done = n < self.size;
            }
            PageStyle::None => {}
        }
        if !self.done && self.pages >= MAX_PAGES {
            return Err(loop_error(id, "more than 100000 pages"));
        }
        Ok(items)
    }

    /// Whether every page has been fetched.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

fn loop_error(id: &str, why: &str) -> Error {
    Error::Decode {
        message: format!("paging {id} did not advance: {why}; stopped to avoid a loop"),
        excerpt: String::new(),
    }
}

/// Where each list endpoint keeps its items.
fn items_field(id: &str) -> Option<&'static str> {
    Some(match id {
        "ssw.list_members" | "ssw.list_group_members" => "members",
        "ssw.list_groups" => "groups",
        "spotnana.list_user_groups" | "spotnana.list_user_groups_for_user" => "userGroups",
        "spotnana.list_user_group_members" => "members",
        "spotnana.list_user_group_roles" => "roles",
        "polaris.list_permissions"
        | "polaris.list_groups"
        | "polaris.list_users"
        | "polaris.list_group_members"
        | "polaris.list_effective_permissions"
        | "polaris.list_projects" => "values",
        "alteryx.get_user_group" => "members",
        _ => return None,
    })
}

/// Splits a parsed output into its items and the rest (totals, page numbers).
/// Bare arrays are items; any other output is one item.
pub fn split_items(id: &str, output: Value) -> (Vec<Value>, serde_json::Map<String, Value>) {
    match (output, items_field(id)) {
        (Value::Array(items), _) => (items, Default::default()),
        (Value::Object(mut map), Some(field)) => match map.remove(field) {
            Some(Value::Array(items)) => (items, map),
            _ => (Vec::new(), map),
        },
        (Value::Null, _) => (Vec::new(), Default::default()),
        (other, _) => (vec![other], Default::default()),
    }
}
