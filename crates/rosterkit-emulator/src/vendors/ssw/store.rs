//! SSW's data model and the operations its API performs on it.

use axum::http::StatusCode;
use indexmap::{IndexMap, IndexSet};
use serde_json::{Map, Value};

use crate::errors::ApiError;

/// An organization member.
#[derive(Clone, Debug)]
pub(crate) struct SswUser {
    pub(crate) user_id: String,
    pub(crate) email: String,
    /// `active`, `inactive` or `invited`.
    pub(crate) status: String,
}

/// A group. Members and pending join requests keep insertion order so
/// paging is stable while the group changes.
#[derive(Clone, Debug)]
pub(crate) struct SswGroup {
    pub(crate) group_id: String,
    pub(crate) name: String,
    /// Joining needs an approval (the optional approve/reject flow).
    pub(crate) approval_required: bool,
    /// Properties clients sent in `PUT /iam/v1/group` beyond the ones modelled,
    /// kept and echoed back because the full group schema is not documented.
    pub(crate) extra: Map<String, Value>,
    pub(crate) members: IndexSet<String>,
    pub(crate) pending: IndexSet<String>,
}

/// One organization's users and groups.
#[derive(Clone, Debug)]
pub(crate) struct SswStore {
    pub(crate) organization_id: String,
    pub(crate) users: IndexMap<String, SswUser>,
    pub(crate) groups: IndexMap<String, SswGroup>,
}

/// SSW failures; the two business errors travel with HTTP 200.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SswError {
    NotFound(String),
    BadRequest(String),
    AlreadyMember,
    NoPendingRequest,
}

impl From<SswError> for ApiError {
    fn from(e: SswError) -> Self {
        match e {
            SswError::NotFound(m) => ApiError::ssw(StatusCode::NOT_FOUND, 40400, m),
            SswError::BadRequest(m) => ApiError::ssw(StatusCode::BAD_REQUEST, 40000, m),
            SswError::AlreadyMember => ApiError::ssw(
                StatusCode::CONFLICT,
                40900,
                "user is already a member of the group",
            ),
            SswError::NoPendingRequest => ApiError::ssw(
                StatusCode::OK,
                40901,
                "no pending join request for this user and group",
            ),
        }
    }
}

/// What adding a member did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Joined {
    Member,
    PendingApproval,
}

/// Filters and ordering for the organization member list.
#[derive(Debug, Default)]
pub(crate) struct MemberQuery {
    /// Lower-cased substring to find in emails.
    pub(crate) search: Option<String>,
    /// Lower-cased substring to find in emails or user ids (the documented
    /// `filter` parameter, whose exact semantics are not published).
    pub(crate) filter: Option<String>,
    /// Only active (`true`) or only non-active (`false`) members.
    pub(crate) active: Option<bool>,
    /// Only members of at least one of these groups.
    pub(crate) groups: Vec<String>,
    /// Sort key (`email`, `status` or `user_id`) and whether descending.
    pub(crate) order: Option<(String, bool)>,
}

impl SswStore {
    fn group(&self, group_id: &str) -> Result<&SswGroup, SswError> {
        self.groups
            .get(group_id)
            .ok_or_else(|| SswError::NotFound(format!("group `{group_id}` not found")))
    }

    fn group_mut(&mut self, group_id: &str) -> Result<&mut SswGroup, SswError> {
        self.groups
            .get_mut(group_id)
            .ok_or_else(|| SswError::NotFound(format!("group `{group_id}` not found")))
    }

    fn require_user(&self, user_id: &str) -> Result<(), SswError> {
        if self.users.contains_key(user_id) {
            Ok(())
        } else {
            Err(SswError::NotFound(format!("user `{user_id}` not found")))
        }
    }

    /// Organization members matching `query`, in the requested order.
    pub(crate) fn members(&self, query: &MemberQuery) -> Vec<&SswUser> {
        let in_groups: Vec<&SswGroup> = query
            .groups
            .iter()
            .filter_map(|g| self.groups.get(g))
            .collect();
        let mut found: Vec<&SswUser> = self
            .users
            .values()
            .filter(|u| {
                query
                    .search
                    .as_deref()
                    .is_none_or(|s| u.email.to_lowercase().contains(s))
            })
            .filter(|u| {
                query.filter.as_deref().is_none_or(|f| {
                    u.email.to_lowercase().contains(f) || u.user_id.to_lowercase().contains(f)
                })
            })
            .filter(|u| query.active.is_none_or(|a| (u.status == "active") == a))
            .filter(|u| {
                query.groups.is_empty() || in_groups.iter().any(|g| g.members.contains(&u.user_id))
            })
            .collect();
        if let Some((field, descending)) = &query.order {
            let key = |u: &SswUser| match field.as_str() {
                "email" => u.email.clone(),
                "status" => u.status.clone(),
                _ => u.user_id.clone(),
            };
            // Stable sort, so ties keep the organization's natural order.
            found.sort_by_key(|u| key(u));
            if *descending {
                found.reverse();
            }
        }
        found
    }

    /// The organization's groups; 404 for any other organization.
    pub(crate) fn groups_of(&self, organization_id: &str) -> Result<Vec<&SswGroup>, SswError> {
        if organization_id != self.organization_id {
            return Err(SswError::NotFound(format!(
                "organization `{organization_id}` not found"
            )));
        }
        Ok(self.groups.values().collect())
    }

    /// The group's members, in the order they joined.
    pub(crate) fn group_members(&self, group_id: &str) -> Result<Vec<&SswUser>, SswError> {
        let group = self.group(group_id)?;
        Ok(group
            .members
            .iter()
            .filter_map(|id| self.users.get(id))
            .collect())
    }

    /// Adds a member, or files a join request when the group needs approval.
    pub(crate) fn add_member(&mut self, group_id: &str, user_id: &str) -> Result<Joined, SswError> {
        self.group(group_id)?;
        self.require_user(user_id)?;
        let group = self.group_mut(group_id)?;
        if group.members.contains(user_id) {
            return Err(SswError::AlreadyMember);
        }
        if group.approval_required {
            // Asking again while a request is pending changes nothing.
            group.pending.insert(user_id.to_owned());
            Ok(Joined::PendingApproval)
        } else {
            group.members.insert(user_id.to_owned());
            Ok(Joined::Member)
        }
    }

    /// Turns a pending join request into a membership.
    pub(crate) fn approve(&mut self, group_id: &str, user_id: &str) -> Result<(), SswError> {
        self.group(group_id)?;
        self.require_user(user_id)?;
        let group = self.group_mut(group_id)?;
        if !group.pending.shift_remove(user_id) {
            return Err(SswError::NoPendingRequest);
        }
        group.members.insert(user_id.to_owned());
        Ok(())
    }

    /// Discards a pending join request.
    pub(crate) fn reject(&mut self, group_id: &str, user_id: &str) -> Result<(), SswError> {
        self.group(group_id)?;
        self.require_user(user_id)?;
        if self.group_mut(group_id)?.pending.shift_remove(user_id) {
            Ok(())
        } else {
            Err(SswError::NoPendingRequest)
        }
    }

    /// Removes a membership (and any pending request). Removing someone who
    /// is not a member succeeds: the end state is what the caller wanted.
    pub(crate) fn remove_member(&mut self, group_id: &str, user_id: &str) -> Result<(), SswError> {
        let group = self.group_mut(group_id)?;
        group.members.shift_remove(user_id);
        group.pending.shift_remove(user_id);
        Ok(())
    }

    /// Applies a `GroupRequest`: `group_id` and `name` are required; a boolean
    /// `approval_required` is honoured; anything else is stored as-is.
    pub(crate) fn update_group(&mut self, body: Map<String, Value>) -> Result<(), SswError> {
        let group_id = match body.get("group_id") {
            Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
            _ => return Err(SswError::BadRequest("`group_id` is required".to_owned())),
        };
        let name = match body.get("name") {
            Some(Value::String(name)) if !name.trim().is_empty() => name.clone(),
            _ => {
                return Err(SswError::BadRequest(
                    "`name` must be a non-empty string".to_owned(),
                ))
            }
        };
        let approval = match body.get("approval_required") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                return Err(SswError::BadRequest(
                    "`approval_required` must be a boolean".to_owned(),
                ))
            }
        };
        let group = self.group_mut(&group_id)?;
        group.name = name;
        if let Some(approval) = approval {
            group.approval_required = approval;
        }
        for (key, value) in body {
            if !matches!(key.as_str(), "group_id" | "name" | "approval_required") {
                group.extra.insert(key, value);
            }
        }
        Ok(())
    }

    pub(crate) fn delete_group(&mut self, group_id: &str) -> Result<(), SswError> {
        self.groups
            .shift_remove(group_id)
            .map(|_| ())
            .ok_or_else(|| SswError::NotFound(format!("group `{group_id}` not found")))
    }

    /// Adds `n` synthetic active users as members of `group_id`.
    pub(crate) fn add_extra_members(&mut self, group_id: &str, n: usize) -> Result<(), String> {
        if !self.groups.contains_key(group_id) {
            return Err(format!("ssw group `{group_id}` not found"));
        }
        let mut next = self.users.len();
        let mut added = Vec::with_capacity(n);
        while added.len() < n {
            next += 1;
            let user_id = format!("user_x{next:06}");
            if self.users.contains_key(&user_id) {
                continue;
            }
            self.users.insert(
                user_id.clone(),
                SswUser {
                    user_id: user_id.clone(),
                    email: format!("load.user{next:06}@acme.example"),
                    status: "active".to_owned(),
                },
            );
            added.push(user_id);
        }
        if let Some(group) = self.groups.get_mut(group_id) {
            group.members.extend(added);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> SswStore {
        SswStore::seeded()
    }

    #[test]
    fn approval_flow() {
        let mut s = store();
        let (gid, _) = s
            .groups
            .iter()
            .find(|(_, g)| g.approval_required)
            .map(|(k, g)| (k.clone(), g.clone()))
            .unwrap();
        let uid = s
            .users
            .keys()
            .find(|u| !s.groups[&gid].members.contains(*u) && !s.groups[&gid].pending.contains(*u))
            .cloned()
            .unwrap();
        assert_eq!(s.approve(&gid, &uid), Err(SswError::NoPendingRequest));
        assert_eq!(s.add_member(&gid, &uid), Ok(Joined::PendingApproval));
        assert!(!s.groups[&gid].members.contains(&uid));
        assert_eq!(s.approve(&gid, &uid), Ok(()));
        assert!(s.groups[&gid].members.contains(&uid));
        assert_eq!(s.add_member(&gid, &uid), Err(SswError::AlreadyMember));
    }

    #[test]
    fn update_keeps_extra_fields() {
        let mut s = store();
        let mut body = Map::new();
        body.insert("group_id".into(), "grp_001".into());
        body.insert("name".into(), "IT Admins EU".into());
        body.insert("description".into(), "ops".into());
        s.update_group(body).unwrap();
        assert_eq!(s.groups["grp_001"].name, "IT Admins EU");
        assert_eq!(s.groups["grp_001"].extra["description"], "ops");
        let mut missing = Map::new();
        missing.insert("name".into(), "x".into());
        assert!(matches!(
            s.update_group(missing),
            Err(SswError::BadRequest(_))
        ));
    }

    #[test]
    fn search_and_filters() {
        let s = store();
        let q = MemberQuery {
            search: Some("user@example".into()),
            ..Default::default()
        };
        let found = s.members(&q);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].user_id, "user_123");
        let q = MemberQuery {
            groups: vec!["grp_001".into()],
            ..Default::default()
        };
        assert_eq!(s.members(&q).len(), s.groups["grp_001"].members.len());
    }
}
