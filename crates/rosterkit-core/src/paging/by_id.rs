//! Paging any list endpoint named by id, with JSON items: the full-fidelity
//! escape hatch (`client.pages(op)`, the bindings' raw pagers). Typed callers
//! use [`super::Pager`]; both share the same cursor and its loop checks.

use super::cursor::{PageCursor, PageInfo};
use super::{ListEndpoint, PageStyle};
use crate::operation::{Operation, Output};
use crate::Error;
use serde_json::Value;

/// Walks the pages of one operation, items as JSON.
#[derive(Clone, Debug)]
pub struct OperationPager {
    op: Operation,
    cursor: PageCursor,
}

/// The style, start position and size of a list operation; `None` for an
/// operation that is not a list (it is fetched as one page of one item).
fn list_position(op: &Operation) -> Option<(PageStyle, u64, u64)> {
    fn of<L: ListEndpoint>(l: &L) -> Option<(PageStyle, u64, u64)> {
        let (p, s) = l.position();
        Some((L::STYLE, p, s))
    }
    match op {
        Operation::SswListMembers(o) => of(o),
        Operation::SswListGroups(o) => of(o),
        Operation::SswListGroupMembers(o) => of(o),
        Operation::SpotnanaListUserGroups(o) => of(o),
        Operation::SpotnanaListUserGroupMembers(o) => of(o),
        Operation::SpotnanaListUserGroupRoles(o) => of(o),
        Operation::SpotnanaListUserGroupsForUser(o) => of(o),
        Operation::B2coreListGroups(o) => of(o),
        _ => None,
    }
}

fn at(op: &Operation, position: u64, size: u64) -> Operation {
    match op {
        Operation::SswListMembers(o) => o.at(position, size).into(),
        Operation::SswListGroups(o) => o.at(position, size).into(),
        Operation::SswListGroupMembers(o) => o.at(position, size).into(),
        Operation::SpotnanaListUserGroups(o) => o.at(position, size).into(),
        Operation::SpotnanaListUserGroupMembers(o) => o.at(position, size).into(),
        Operation::SpotnanaListUserGroupRoles(o) => o.at(position, size).into(),
        Operation::SpotnanaListUserGroupsForUser(o) => o.at(position, size).into(),
        Operation::B2coreListGroups(o) => o.at(position, size).into(),
        other => other.clone(),
    }
}

impl OperationPager {
    /// A pager starting from the operation's own page or offset. Operations
    /// that are not lists get a pager of exactly one page.
    pub fn new(op: Operation) -> OperationPager {
        let (style, position, size) = list_position(&op).unwrap_or((PageStyle::Unpaged, 0, 0));
        OperationPager {
            cursor: PageCursor::new(op.id(), style, position, size),
            op,
        }
    }

    /// Raises (or lowers) the page ceiling, [`super::MAX_PAGES`] by default.
    pub fn max_pages(mut self, max_pages: u32) -> Self {
        self.cursor.set_max_pages(max_pages);
        self
    }

    pub(crate) fn set_max_pages(&mut self, max_pages: u32) {
        self.cursor.set_max_pages(max_pages);
    }

    /// The paging style in use.
    pub fn style(&self) -> PageStyle {
        list_position(&self.op).map_or(PageStyle::Unpaged, |(s, _, _)| s)
    }

    /// The operation for the next page, or `None` when paging is over.
    pub fn next_operation(&self) -> Option<Operation> {
        let (position, size) = self.cursor.next()?;
        Some(at(&self.op, position, size))
    }

    /// Takes the parsed output of the page just fetched, returns its items
    /// as JSON and moves to the next page (or ends).
    pub fn advance(&mut self, output: Output) -> Result<Vec<Value>, Error> {
        let value = serde_json::to_value(&output).map_err(Error::from)?;
        let (items, meta) = split_items(self.op.id(), value);
        let key = |v: Option<&Value>| v.and_then(item_key);
        let first = key(items.first());
        let last = key(items.last());
        let number = |k: &str| meta.get(k).and_then(Value::as_u64);
        let pagination = meta.get("pagination");
        let paged = |k: &str| pagination.and_then(|p| p.get(k)).and_then(Value::as_u64);
        self.cursor.advance(&PageInfo {
            items: items.len(),
            first: first.as_deref(),
            last: last.as_deref(),
            page: number("page"),
            offset: paged("offset"),
            total: number("total").or_else(|| paged("totalNumResults")),
            size: number("page_size"),
        })?;
        Ok(items)
    }

    /// Whether every page has been fetched.
    pub fn is_done(&self) -> bool {
        self.cursor.is_done()
    }
}

/// The id of a JSON item, under whichever name its vendor uses.
fn item_key(item: &Value) -> Option<String> {
    ["id", "user_id", "userId", "group_id", "name"]
        .iter()
        .find_map(|k| match item.get(*k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
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
