//! Spotnana's data model and the operations its API performs on it.

use std::cmp::Ordering;
use std::collections::HashSet;

use axum::http::StatusCode;
use indexmap::IndexMap;

use crate::errors::ApiError;
use crate::ids::IdGen;

/// A user; only the company matters to the group APIs.
#[derive(Clone, Debug)]
pub(crate) struct SpotUser {
    pub(crate) company_id: String,
}

/// A role that groups grant to their members.
#[derive(Clone, Debug)]
pub(crate) struct SpotRole {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) is_platform_role: bool,
    pub(crate) permissions: Vec<String>,
}

/// A user group.
#[derive(Clone, Debug)]
pub(crate) struct SpotGroup {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) company_id: String,
    pub(crate) is_unmodifiable: bool,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
    pub(crate) created_by: String,
    pub(crate) updated_by: String,
    /// Member user id → when it was added, in insertion order.
    pub(crate) members: IndexMap<String, String>,
    pub(crate) role_ids: Vec<String>,
}

/// One company's users, roles and groups (plus a few users of another
/// company, so the same-company rule has something to reject).
#[derive(Clone, Debug)]
pub(crate) struct SpotnanaStore {
    pub(crate) company_id: String,
    pub(crate) users: IndexMap<String, SpotUser>,
    pub(crate) roles: IndexMap<String, SpotRole>,
    pub(crate) groups: IndexMap<String, SpotGroup>,
    /// Source of ids for users created after seeding.
    pub(crate) ids: IdGen,
}

/// Spotnana failures, each with its `errorCode`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SpotError {
    CompanyNotFound(String),
    GroupNotFound(String),
    UserNotFound(StatusCode, String),
    Invalid(String),
    Unmodifiable(String),
}

impl From<SpotError> for ApiError {
    fn from(e: SpotError) -> Self {
        match e {
            SpotError::CompanyNotFound(m) => {
                ApiError::spotnana(StatusCode::NOT_FOUND, "COMPANY_NOT_FOUND", m)
            }
            SpotError::GroupNotFound(m) => {
                ApiError::spotnana(StatusCode::NOT_FOUND, "USER_GROUP_NOT_FOUND", m)
            }
            SpotError::UserNotFound(status, m) => ApiError::spotnana(status, "USER_NOT_FOUND", m),
            SpotError::Invalid(m) => {
                ApiError::spotnana(StatusCode::BAD_REQUEST, "INVALID_REQUEST", m)
            }
            SpotError::Unmodifiable(m) => {
                ApiError::spotnana(StatusCode::BAD_REQUEST, "GROUP_UNMODIFIABLE", m)
            }
        }
    }
}

/// A sort key of the group list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SortBy {
    Name,
    CreatedAt,
}

/// What to list: optional case-insensitive search, filters and sort keys.
#[derive(Debug, Default)]
pub(crate) struct GroupQuery {
    /// Lower-cased text to find in group names or descriptions.
    pub(crate) search: Option<String>,
    /// Each entry restricts the result to the listed ids (entries combine with AND).
    pub(crate) id_filters: Vec<Vec<String>>,
    /// Sort keys, most significant first; `true` means descending.
    pub(crate) sort: Vec<(SortBy, bool)>,
}

impl SpotnanaStore {
    fn check_company(&self, company_id: &str) -> Result<(), SpotError> {
        if company_id == self.company_id {
            Ok(())
        } else {
            Err(SpotError::CompanyNotFound(format!(
                "company `{company_id}` not found"
            )))
        }
    }

    /// The group, if it exists in that company.
    pub(crate) fn group(&self, company_id: &str, group_id: &str) -> Result<&SpotGroup, SpotError> {
        self.groups
            .get(group_id)
            .filter(|g| g.company_id == company_id)
            .ok_or_else(|| SpotError::GroupNotFound(format!("user group `{group_id}` not found")))
    }

    /// The company's groups matching `query`, sorted as asked.
    pub(crate) fn list_groups(
        &self,
        company_id: &str,
        query: &GroupQuery,
    ) -> Result<Vec<&SpotGroup>, SpotError> {
        self.check_company(company_id)?;
        let filters: Vec<HashSet<&str>> = query
            .id_filters
            .iter()
            .filter(|ids| !ids.is_empty())
            .map(|ids| ids.iter().map(String::as_str).collect())
            .collect();
        let mut found: Vec<&SpotGroup> = self
            .groups
            .values()
            .filter(|g| g.company_id == company_id)
            .filter(|g| {
                query.search.as_deref().is_none_or(|s| {
                    g.name.to_lowercase().contains(s) || g.description.to_lowercase().contains(s)
                })
            })
            .filter(|g| filters.iter().all(|ids| ids.contains(g.id.as_str())))
            .collect();
        found.sort_by(|a, b| {
            query
                .sort
                .iter()
                .map(|(key, descending)| {
                    let order = match key {
                        SortBy::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                        SortBy::CreatedAt => a.created_at.cmp(&b.created_at),
                    };
                    if *descending {
                        order.reverse()
                    } else {
                        order
                    }
                })
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        });
        Ok(found)
    }

    /// The roles a group grants, in assignment order.
    pub(crate) fn group_roles(&self, group: &SpotGroup) -> Vec<&SpotRole> {
        group
            .role_ids
            .iter()
            .filter_map(|id| self.roles.get(id))
            .collect()
    }

    /// Adds and removes members atomically: every user is checked before
    /// anything changes, so a bad id leaves the group untouched.
    pub(crate) fn update_members(
        &mut self,
        company_id: &str,
        group_id: &str,
        add: &[String],
        remove: &[String],
        now: &str,
    ) -> Result<(), SpotError> {
        self.group(company_id, group_id)?;
        if add.is_empty() && remove.is_empty() {
            return Err(SpotError::Invalid(
                "at least one of userIdsToAdd and userIdsToRemove must be non-empty".to_owned(),
            ));
        }
        if let Some(both) = add.iter().find(|id| remove.contains(id)) {
            return Err(SpotError::Invalid(format!(
                "user `{both}` is both added and removed"
            )));
        }
        for id in add.iter().chain(remove) {
            let in_company = self
                .users
                .get(id)
                .is_some_and(|u| u.company_id == company_id);
            if !in_company {
                return Err(SpotError::UserNotFound(
                    StatusCode::BAD_REQUEST,
                    format!("user `{id}` not found in company `{company_id}`"),
                ));
            }
        }
        let group = self.groups.get_mut(group_id).ok_or_else(|| {
            SpotError::GroupNotFound(format!("user group `{group_id}` not found"))
        })?;
        for id in add {
            // Re-adding keeps the original join time.
            group
                .members
                .entry(id.clone())
                .or_insert_with(|| now.to_owned());
        }
        for id in remove {
            group.members.shift_remove(id);
        }
        Ok(())
    }

    /// Creates a company-owned group (name 1..=255 characters, description
    /// at most 1000, known role ids).
    pub(crate) fn create_group(
        &mut self,
        company_id: &str,
        name: String,
        description: Option<String>,
        role_ids: Vec<String>,
        now: &str,
    ) -> Result<&SpotGroup, SpotError> {
        self.check_company(company_id)?;
        let len = name.chars().count();
        if name.trim().is_empty() || len > 255 {
            return Err(SpotError::Invalid(
                "name must be 1 to 255 characters".to_owned(),
            ));
        }
        if description
            .as_deref()
            .is_some_and(|d| d.chars().count() > 1000)
        {
            return Err(SpotError::Invalid(
                "description must be at most 1000 characters".to_owned(),
            ));
        }
        if let Some(unknown) = role_ids.iter().find(|r| !self.roles.contains_key(*r)) {
            return Err(SpotError::Invalid(format!("unknown role `{unknown}`")));
        }
        let id = self.ids.uuid();
        let creator = "api-client".to_owned();
        self.groups.insert(
            id.clone(),
            SpotGroup {
                id: id.clone(),
                name,
                description: description.unwrap_or_default(),
                company_id: company_id.to_owned(),
                is_unmodifiable: false,
                created_at: now.to_owned(),
                updated_at: now.to_owned(),
                created_by: creator.clone(),
                updated_by: creator,
                members: IndexMap::new(),
                role_ids,
            },
        );
        self.groups
            .get(&id)
            .ok_or_else(|| SpotError::GroupNotFound(format!("user group `{id}` not found")))
    }

    /// Renames or re-describes a group unless the platform owns it.
    pub(crate) fn update_group(
        &mut self,
        company_id: &str,
        group_id: &str,
        name: Option<String>,
        description: Option<String>,
        now: &str,
    ) -> Result<&SpotGroup, SpotError> {
        let group = self.group(company_id, group_id)?;
        if group.is_unmodifiable {
            return Err(SpotError::Unmodifiable(format!(
                "user group `{group_id}` is managed by the platform and cannot be changed"
            )));
        }
        if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(SpotError::Invalid("name must not be empty".to_owned()));
        }
        let group = self.groups.get_mut(group_id).ok_or_else(|| {
            SpotError::GroupNotFound(format!("user group `{group_id}` not found"))
        })?;
        if let Some(name) = name {
            group.name = name;
        }
        if let Some(description) = description {
            group.description = description;
        }
        group.updated_at = now.to_owned();
        Ok(group)
    }

    /// The groups the user belongs to.
    pub(crate) fn groups_of_user(&self, user_id: &str) -> Result<Vec<&SpotGroup>, SpotError> {
        if !self.users.contains_key(user_id) {
            return Err(SpotError::UserNotFound(
                StatusCode::NOT_FOUND,
                format!("user `{user_id}` not found"),
            ));
        }
        Ok(self
            .groups
            .values()
            .filter(|g| g.members.contains_key(user_id))
            .collect())
    }

    /// Adds `n` synthetic company users as members of `group_id`.
    pub(crate) fn add_extra_members(&mut self, group_id: &str, n: usize) -> Result<(), String> {
        if !self.groups.contains_key(group_id) {
            return Err(format!("spotnana user group `{group_id}` not found"));
        }
        let now = crate::clock::now_iso();
        let mut added = Vec::with_capacity(n);
        while added.len() < n {
            let id = self.ids.uuid();
            if self.users.contains_key(&id) {
                continue;
            }
            self.users.insert(
                id.clone(),
                SpotUser {
                    company_id: self.company_id.clone(),
                },
            );
            added.push(id);
        }
        if let Some(group) = self.groups.get_mut(group_id) {
            group
                .members
                .extend(added.into_iter().map(|id| (id, now.clone())));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SPOTNANA_COMPANY_ID as CO;

    #[test]
    fn patch_is_atomic() {
        let mut s = SpotnanaStore::seeded();
        let gid = s.groups.keys().nth(5).cloned().unwrap();
        let before = s.groups[&gid].members.clone();
        let outsider = s
            .users
            .keys()
            .find(|u| !before.contains_key(*u) && s.users[*u].company_id == CO)
            .cloned()
            .unwrap();
        let err = s
            .update_members(CO, &gid, &[outsider.clone(), "nope".into()], &[], "t")
            .unwrap_err();
        assert!(matches!(
            err,
            SpotError::UserNotFound(StatusCode::BAD_REQUEST, _)
        ));
        assert_eq!(s.groups[&gid].members, before);
        s.update_members(CO, &gid, std::slice::from_ref(&outsider), &[], "t")
            .unwrap();
        assert!(s.groups[&gid].members.contains_key(&outsider));
        assert!(s.update_members(CO, &gid, &[], &[], "t").is_err());
    }

    #[test]
    fn other_company_users_are_rejected() {
        let mut s = SpotnanaStore::seeded();
        let stranger = s
            .users
            .iter()
            .find(|(_, u)| u.company_id != CO)
            .map(|(id, _)| id.clone())
            .unwrap();
        let gid = s.groups.keys().next().cloned().unwrap();
        assert!(s.update_members(CO, &gid, &[stranger], &[], "t").is_err());
    }

    #[test]
    fn list_sorts_and_filters() {
        let s = SpotnanaStore::seeded();
        let q = GroupQuery {
            sort: vec![(SortBy::Name, true)],
            ..Default::default()
        };
        let names: Vec<_> = s
            .list_groups(CO, &q)
            .unwrap()
            .iter()
            .map(|g| g.name.to_lowercase())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.reverse();
        assert_eq!(names, sorted);
        let first = s.groups.keys().next().cloned().unwrap();
        let q = GroupQuery {
            id_filters: vec![vec![first.clone()]],
            ..Default::default()
        };
        assert_eq!(s.list_groups(CO, &q).unwrap().len(), 1);
        assert!(s.list_groups("other", &q).is_err());
    }
}
