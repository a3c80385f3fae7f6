//! Alteryx's data model and the operations its API performs on it.

use axum::http::StatusCode;
use indexmap::{IndexMap, IndexSet};

use crate::errors::ApiError;
use crate::ids::IdGen;

/// The roles a user group can carry.
pub(crate) const ROLES: [&str; 6] = [
    "NoAccess",
    "Viewer",
    "Member",
    "Artisan",
    "Curator",
    "Evaluated",
];

/// A server user. The v3 user-group API exposes only user ids; the names
/// are kept so the seed reads like a real server's.
#[derive(Clone, Debug)]
#[allow(dead_code)]
pub(crate) struct AUser {
    pub(crate) id: String,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) email: String,
}

/// A custom user group.
#[derive(Clone, Debug)]
pub(crate) struct AGroup {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) role: String,
    pub(crate) date_created: String,
    pub(crate) members: IndexSet<String>,
}

/// The server's users and custom groups.
#[derive(Clone, Debug)]
pub(crate) struct AlteryxStore {
    pub(crate) users: IndexMap<String, AUser>,
    pub(crate) groups: IndexMap<String, AGroup>,
    /// Source of ids for groups and users created after seeding.
    pub(crate) ids: IdGen,
}

/// Alteryx failures; both carry just a message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AxError {
    NotFound(String),
    BadRequest(String),
}

impl From<AxError> for ApiError {
    fn from(e: AxError) -> Self {
        match e {
            AxError::NotFound(m) => ApiError::alteryx(StatusCode::NOT_FOUND, m),
            AxError::BadRequest(m) => ApiError::alteryx(StatusCode::BAD_REQUEST, m),
        }
    }
}

/// The canonical spelling of a role, matched case-insensitively.
fn canonical_role(role: &str) -> Result<&'static str, AxError> {
    ROLES
        .into_iter()
        .find(|r| r.eq_ignore_ascii_case(role.trim()))
        .ok_or_else(|| AxError::BadRequest(format!("role must be one of {}", ROLES.join(", "))))
}

/// Both fields are required on create and update.
fn check_contract(
    name: Option<String>,
    role: Option<String>,
) -> Result<(String, &'static str), AxError> {
    let name = name
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| AxError::BadRequest("name is required".to_owned()))?;
    let role = role.ok_or_else(|| AxError::BadRequest("role is required".to_owned()))?;
    Ok((name, canonical_role(&role)?))
}

impl AlteryxStore {
    pub(crate) fn group(&self, id: &str) -> Result<&AGroup, AxError> {
        self.groups
            .get(id)
            .ok_or_else(|| AxError::NotFound(format!("user group `{id}` not found")))
    }

    fn group_mut(&mut self, id: &str) -> Result<&mut AGroup, AxError> {
        self.groups
            .get_mut(id)
            .ok_or_else(|| AxError::NotFound(format!("user group `{id}` not found")))
    }

    pub(crate) fn create(
        &mut self,
        name: Option<String>,
        role: Option<String>,
        now: &str,
    ) -> Result<&AGroup, AxError> {
        let (name, role) = check_contract(name, role)?;
        let id = self.ids.object_id();
        Ok(self.groups.entry(id.clone()).or_insert(AGroup {
            id,
            name,
            role: role.to_owned(),
            date_created: now.to_owned(),
            members: IndexSet::new(),
        }))
    }

    pub(crate) fn update(
        &mut self,
        id: &str,
        name: Option<String>,
        role: Option<String>,
    ) -> Result<&AGroup, AxError> {
        self.group(id)?;
        let (name, role) = check_contract(name, role)?;
        let group = self.group_mut(id)?;
        group.name = name;
        group.role = role.to_owned();
        Ok(group)
    }

    /// Adds the known users and returns the others with the reason each
    /// was not added, as a real server reports a partial failure.
    pub(crate) fn add_users(
        &mut self,
        id: &str,
        user_ids: &[String],
    ) -> Result<Vec<(String, String)>, AxError> {
        self.group(id)?;
        let (known, unknown): (Vec<&String>, Vec<&String>) =
            user_ids.iter().partition(|u| self.users.contains_key(*u));
        self.group_mut(id)?
            .members
            .extend(known.into_iter().cloned());
        Ok(unknown
            .into_iter()
            .map(|u| (u.clone(), format!("User {u} was not found")))
            .collect())
    }

    /// Removing a non-member is fine; only an unknown group is an error.
    pub(crate) fn remove_user(&mut self, id: &str, user_id: &str) -> Result<(), AxError> {
        self.group_mut(id)?.members.shift_remove(user_id);
        Ok(())
    }

    /// Deletes a group; one with members needs `force`.
    pub(crate) fn delete(&mut self, id: &str, force: bool) -> Result<(), AxError> {
        if !self.group(id)?.members.is_empty() && !force {
            return Err(AxError::BadRequest(
                "user group is not empty; set forceDelete=true to delete it anyway".to_owned(),
            ));
        }
        self.groups.shift_remove(id);
        Ok(())
    }

    /// Adds `n` synthetic users as members of `group_id`.
    pub(crate) fn add_extra_members(&mut self, group_id: &str, n: usize) -> Result<(), String> {
        if !self.groups.contains_key(group_id) {
            return Err(format!("alteryx user group `{group_id}` not found"));
        }
        let mut added = Vec::with_capacity(n);
        let mut serial = self.users.len();
        while added.len() < n {
            serial += 1;
            let id = self.ids.object_id();
            if self.users.contains_key(&id) {
                continue;
            }
            self.users.insert(
                id.clone(),
                AUser {
                    id: id.clone(),
                    first_name: "Load".to_owned(),
                    last_name: format!("User {serial}"),
                    email: format!("load.user{serial:06}@umbrella.example"),
                },
            );
            added.push(id);
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

    const GROUP: &str = "61d58ac83c15317e1a482069";
    const USER: &str = "61d564361d6d5da7ad461a32";

    #[test]
    fn force_delete_and_roles() {
        let mut s = AlteryxStore::seeded();
        assert!(s.groups[GROUP].members.contains(USER));
        assert!(s.delete(GROUP, false).is_err());
        s.delete(GROUP, true).unwrap();
        assert!(s.group(GROUP).is_err());
        let g = s
            .create(Some("Accounting".into()), Some("artisan".into()), "t")
            .unwrap();
        assert_eq!(g.role, "Artisan");
        assert_eq!(g.id.len(), 24);
        assert!(s
            .create(Some("X".into()), Some("Admin".into()), "t")
            .is_err());
        assert!(s.create(None, Some("Viewer".into()), "t").is_err());
    }

    #[test]
    fn add_users_reports_unknown_users() {
        let mut s = AlteryxStore::seeded();
        let g = s
            .create(Some("G".into()), Some("Viewer".into()), "t")
            .unwrap()
            .id
            .clone();
        let failed = s.add_users(&g, &[USER.into(), "nope".into()]).unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].0, "nope");
        assert_eq!(s.groups[&g].members.len(), 1);
        s.add_users(&g, &[USER.into()]).unwrap();
        s.remove_user(&g, "not-a-member").unwrap();
        assert_eq!(s.groups[&g].members.len(), 1);
    }
}
