//! Polaris's data model and the operations its API performs on it.

use std::collections::HashSet;

use axum::http::StatusCode;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::catalog;
use crate::errors::ApiError;
use crate::ids::IdGen;

/// A permission grant: a catalog name, optionally limited to resources
/// such as `projects/*` or `projects/<id>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Grant {
    pub(crate) name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) resources: Option<Vec<String>>,
}

/// A group of grants.
#[derive(Clone, Debug)]
pub(crate) struct PGroup {
    pub(crate) id: String,
    pub(crate) name: String,
    /// Predefined groups cannot be changed or deleted.
    pub(crate) read_only: bool,
    pub(crate) permissions: Vec<Grant>,
}

/// A user of the organization.
#[derive(Clone, Debug)]
pub(crate) struct PUser {
    pub(crate) id: String,
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) first_name: Option<String>,
    pub(crate) last_name: Option<String>,
    pub(crate) enabled: bool,
    pub(crate) email_verified: bool,
    /// Grants given to the user directly rather than through a group.
    pub(crate) permissions: Vec<Grant>,
    /// Group ids, in the order they were assigned.
    pub(crate) groups: Vec<String>,
    /// Linked identity providers; the emulator never links any.
    pub(crate) identities: Vec<Value>,
    /// Actions the user still has to complete (verify email, set password).
    pub(crate) actions: Vec<String>,
    pub(crate) created_on: String,
}

/// The organization's groups, users and projects.
#[derive(Clone, Debug)]
pub(crate) struct PolarisStore {
    pub(crate) groups: IndexMap<String, PGroup>,
    pub(crate) users: IndexMap<String, PUser>,
    /// Source of ids for users and groups created after seeding.
    pub(crate) ids: IdGen,
}

/// Polaris failures.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PolError {
    NotFound(String),
    BadRequest(String),
    Conflict(String),
}

impl From<PolError> for ApiError {
    fn from(e: PolError) -> Self {
        match e {
            PolError::NotFound(m) => ApiError::polaris(StatusCode::NOT_FOUND, "NotFound", m),
            PolError::BadRequest(m) => ApiError::polaris(StatusCode::BAD_REQUEST, "BadRequest", m),
            PolError::Conflict(m) => ApiError::polaris(StatusCode::CONFLICT, "Conflict", m),
        }
    }
}

/// `{"id": ".."}` references, as used for groups in user bodies and for
/// users in the add-members body.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct IdRef {
    pub(crate) id: String,
}

/// A user as clients send it on create and on full replacement.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UserInput {
    #[serde(default)]
    pub(crate) username: Option<String>,
    #[serde(default)]
    pub(crate) email: Option<String>,
    #[serde(default)]
    pub(crate) first_name: Option<String>,
    #[serde(default)]
    pub(crate) last_name: Option<String>,
    #[serde(default)]
    pub(crate) enabled: Option<bool>,
    #[serde(default)]
    pub(crate) permissions: Option<Vec<Grant>>,
    #[serde(default)]
    pub(crate) groups: Option<Vec<IdRef>>,
    #[serde(default)]
    pub(crate) actions: Option<Vec<String>>,
}

/// Actions every new user starts with.
const NEW_USER_ACTIONS: [&str; 2] = ["VERIFY_EMAIL", "UPDATE_PASSWORD"];

fn check_grants(grants: &[Grant]) -> Result<(), PolError> {
    for grant in grants {
        if catalog::scope_of(&grant.name).is_none() {
            return Err(PolError::BadRequest(format!(
                "unknown permission `{}`",
                grant.name
            )));
        }
    }
    Ok(())
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

impl PolarisStore {
    pub(crate) fn group(&self, id: &str) -> Result<&PGroup, PolError> {
        self.groups
            .get(id)
            .ok_or_else(|| PolError::NotFound(format!("group `{id}` not found")))
    }

    pub(crate) fn user(&self, id: &str) -> Result<&PUser, PolError> {
        self.users
            .get(id)
            .ok_or_else(|| PolError::NotFound(format!("user `{id}` not found")))
    }

    /// How many users belong to the group (computed, never stored).
    pub(crate) fn user_count(&self, group_id: &str) -> usize {
        self.users
            .values()
            .filter(|u| u.groups.iter().any(|g| g == group_id))
            .count()
    }

    /// The group's members, in user order.
    pub(crate) fn members(&self, group_id: &str) -> Result<Vec<&PUser>, PolError> {
        self.group(group_id)?;
        Ok(self
            .users
            .values()
            .filter(|u| u.groups.iter().any(|g| g == group_id))
            .collect())
    }

    fn check_group_name(&self, name: &str, except: Option<&str>) -> Result<(), PolError> {
        if name.trim().is_empty() {
            return Err(PolError::BadRequest(
                "group name must not be empty".to_owned(),
            ));
        }
        let taken = self
            .groups
            .values()
            .any(|g| Some(g.id.as_str()) != except && g.name.eq_ignore_ascii_case(name.trim()));
        if taken {
            return Err(PolError::Conflict(format!(
                "a group named `{name}` already exists"
            )));
        }
        Ok(())
    }

    pub(crate) fn create_group(
        &mut self,
        name: String,
        permissions: Vec<Grant>,
    ) -> Result<&PGroup, PolError> {
        self.check_group_name(&name, None)?;
        check_grants(&permissions)?;
        let id = self.ids.uuid();
        Ok(self.groups.entry(id.clone()).or_insert(PGroup {
            id,
            name,
            read_only: false,
            permissions,
        }))
    }

    fn writable_group(&self, id: &str) -> Result<(), PolError> {
        if self.group(id)?.read_only {
            return Err(PolError::BadRequest(format!(
                "group `{id}` is predefined and read-only"
            )));
        }
        Ok(())
    }

    /// Replaces a custom group's name and permissions.
    pub(crate) fn replace_group(
        &mut self,
        id: &str,
        name: String,
        permissions: Vec<Grant>,
    ) -> Result<&PGroup, PolError> {
        self.writable_group(id)?;
        self.check_group_name(&name, Some(id))?;
        check_grants(&permissions)?;
        let group = self
            .groups
            .get_mut(id)
            .ok_or_else(|| PolError::NotFound(format!("group `{id}` not found")))?;
        group.name = name;
        group.permissions = permissions;
        Ok(group)
    }

    /// Deletes a custom group and takes it away from its members.
    pub(crate) fn delete_group(&mut self, id: &str) -> Result<(), PolError> {
        self.writable_group(id)?;
        self.groups.shift_remove(id);
        for user in self.users.values_mut() {
            user.groups.retain(|g| g != id);
        }
        Ok(())
    }

    /// Group ids from references, each checked to exist, without repeats.
    fn resolve_groups(&self, refs: Option<Vec<IdRef>>) -> Result<Vec<String>, PolError> {
        let mut ids: Vec<String> = Vec::new();
        for r in refs.unwrap_or_default() {
            if !self.groups.contains_key(&r.id) {
                return Err(PolError::BadRequest(format!(
                    "group `{}` does not exist",
                    r.id
                )));
            }
            if !ids.contains(&r.id) {
                ids.push(r.id);
            }
        }
        Ok(ids)
    }

    pub(crate) fn create_user(&mut self, input: UserInput, now: &str) -> Result<&PUser, PolError> {
        let username = non_blank(input.username)
            .ok_or_else(|| PolError::BadRequest("username is required".to_owned()))?;
        if self
            .users
            .values()
            .any(|u| u.username.eq_ignore_ascii_case(&username))
        {
            return Err(PolError::Conflict(format!(
                "a user named `{username}` already exists"
            )));
        }
        let groups = self.resolve_groups(input.groups)?;
        let permissions = input.permissions.unwrap_or_default();
        check_grants(&permissions)?;
        let id = self.ids.uuid();
        let user = PUser {
            id: id.clone(),
            email: non_blank(input.email).unwrap_or_else(|| username.clone()),
            username,
            first_name: input.first_name,
            last_name: input.last_name,
            enabled: input.enabled.unwrap_or(true),
            email_verified: false,
            permissions,
            groups,
            identities: Vec::new(),
            actions: input
                .actions
                .unwrap_or_else(|| NEW_USER_ACTIONS.iter().map(|a| (*a).to_owned()).collect()),
            created_on: now.to_owned(),
        };
        Ok(self.users.entry(id).or_insert(user))
    }

    /// Recreates a user from `input`: whatever is not sent is cleared, except
    /// what clients cannot change (id, username, email, creation time,
    /// verification state) and the actions still pending, which newly
    /// requested actions are added to.
    pub(crate) fn replace_user(&mut self, id: &str, input: UserInput) -> Result<&PUser, PolError> {
        let current = self.user(id)?;
        if let Some(username) = non_blank(input.username) {
            if !username.eq_ignore_ascii_case(&current.username) {
                return Err(PolError::BadRequest(
                    "username cannot be changed".to_owned(),
                ));
            }
        }
        if let Some(email) = non_blank(input.email) {
            if !email.eq_ignore_ascii_case(&current.email) {
                return Err(PolError::BadRequest("email cannot be changed".to_owned()));
            }
        }
        let groups = self.resolve_groups(input.groups)?;
        let permissions = input.permissions.unwrap_or_default();
        check_grants(&permissions)?;
        let user = self
            .users
            .get_mut(id)
            .ok_or_else(|| PolError::NotFound(format!("user `{id}` not found")))?;
        user.first_name = input.first_name;
        user.last_name = input.last_name;
        user.enabled = input.enabled.unwrap_or(true);
        user.permissions = permissions;
        user.groups = groups;
        for action in input.actions.unwrap_or_default() {
            if !user.actions.contains(&action) {
                user.actions.push(action);
            }
        }
        Ok(user)
    }

    pub(crate) fn delete_user(&mut self, id: &str) -> Result<(), PolError> {
        self.users
            .shift_remove(id)
            .map(|_| ())
            .ok_or_else(|| PolError::NotFound(format!("user `{id}` not found")))
    }

    /// Adds users to a group; every id is checked first so a bad one
    /// changes nothing.
    pub(crate) fn add_members(&mut self, group_id: &str, users: &[IdRef]) -> Result<(), PolError> {
        self.group(group_id)?;
        if let Some(missing) = users.iter().find(|r| !self.users.contains_key(&r.id)) {
            return Err(PolError::BadRequest(format!(
                "user `{}` does not exist",
                missing.id
            )));
        }
        for r in users {
            if let Some(user) = self.users.get_mut(&r.id) {
                if !user.groups.iter().any(|g| g == group_id) {
                    user.groups.push(group_id.to_owned());
                }
            }
        }
        Ok(())
    }

    /// The union of the user's own grants and those of its groups, one entry
    /// per permission name with resources merged (first-seen order).
    pub(crate) fn effective_permissions(&self, user_id: &str) -> Result<Vec<Grant>, PolError> {
        let user = self.user(user_id)?;
        let grants = user.permissions.iter().chain(
            user.groups
                .iter()
                .filter_map(|g| self.groups.get(g))
                .flat_map(|g| g.permissions.iter()),
        );
        let mut merged: IndexMap<&str, Option<Vec<String>>> = IndexMap::new();
        for grant in grants {
            let slot = merged.entry(grant.name.as_str()).or_insert(None);
            if let Some(resources) = &grant.resources {
                let list = slot.get_or_insert_with(Vec::new);
                for r in resources {
                    if !list.contains(r) {
                        list.push(r.clone());
                    }
                }
            }
        }
        Ok(merged
            .into_iter()
            .map(|(name, resources)| Grant {
                name: name.to_owned(),
                resources,
            })
            .collect())
    }

    /// Adds `n` synthetic users to `group_id`.
    pub(crate) fn add_extra_members(&mut self, group_id: &str, n: usize) -> Result<(), String> {
        if !self.groups.contains_key(group_id) {
            return Err(format!("polaris group `{group_id}` not found"));
        }
        let now = crate::clock::now_iso();
        // Built once: checking each new name against every user would make
        // adding thousands of members quadratic.
        let taken: HashSet<String> = self.users.values().map(|u| u.username.clone()).collect();
        let mut created = 0;
        let mut serial = self.users.len();
        while created < n {
            serial += 1;
            let username = format!("load.user{serial:06}@northwind.example");
            if taken.contains(&username) {
                continue;
            }
            let id = self.ids.uuid();
            self.users.insert(
                id.clone(),
                PUser {
                    id,
                    email: username.clone(),
                    username,
                    first_name: Some("Load".to_owned()),
                    last_name: Some(format!("User {serial}")),
                    enabled: true,
                    email_verified: true,
                    permissions: Vec::new(),
                    groups: vec![group_id.to_owned()],
                    identities: Vec::new(),
                    actions: Vec::new(),
                    created_on: now.clone(),
                },
            );
            created += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALEX: &str = "d88d4e47-d6ed-4820-880e-c0564ce99752";
    const VIEWER: &str = "d919f276-7857-4b59-a616-0c2540fb4ad1";

    fn grant(name: &str, resources: &[&str]) -> Grant {
        Grant {
            name: name.into(),
            resources: Some(resources.iter().map(|r| (*r).to_owned()).collect()),
        }
    }

    #[test]
    fn full_replacement_clears_unsent_fields() {
        let mut s = PolarisStore::seeded();
        let created = s
            .create_user(
                UserInput {
                    username: Some("dani.lee@example.io".into()),
                    first_name: Some("Dani".into()),
                    groups: Some(vec![IdRef { id: VIEWER.into() }]),
                    ..Default::default()
                },
                "now",
            )
            .unwrap();
        assert_eq!(created.email, "dani.lee@example.io");
        assert_eq!(created.actions, ["VERIFY_EMAIL", "UPDATE_PASSWORD"]);
        let id = created.id.clone();
        let replaced = s
            .replace_user(
                &id,
                UserInput {
                    username: Some("dani.lee@example.io".into()),
                    last_name: Some("Lee".into()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(replaced.first_name, None);
        assert_eq!(replaced.last_name.as_deref(), Some("Lee"));
        assert!(replaced.groups.is_empty());
        let renamed = UserInput {
            username: Some("someone.else@example.io".into()),
            ..Default::default()
        };
        assert!(matches!(
            s.replace_user(&id, renamed),
            Err(PolError::BadRequest(_))
        ));
        let again = UserInput {
            username: Some("DANI.LEE@example.io".into()),
            ..Default::default()
        };
        assert!(matches!(
            s.create_user(again, "now"),
            Err(PolError::Conflict(_))
        ));
    }

    #[test]
    fn effective_permissions_merge_resources() {
        let mut s = PolarisStore::seeded();
        let a = s
            .create_group("A".into(), vec![grant("ManageAlerts", &["projects/1"])])
            .unwrap()
            .id
            .clone();
        let b = s
            .create_group(
                "B".into(),
                vec![grant("ManageAlerts", &["projects/2", "projects/1"])],
            )
            .unwrap()
            .id
            .clone();
        let input = UserInput {
            username: Some("merge@example.io".into()),
            groups: Some(vec![IdRef { id: a }, IdRef { id: b }]),
            ..Default::default()
        };
        let id = s.create_user(input, "now").unwrap().id.clone();
        let effective = s.effective_permissions(&id).unwrap();
        assert_eq!(
            effective,
            vec![grant("ManageAlerts", &["projects/1", "projects/2"])]
        );
    }

    #[test]
    fn add_members_is_atomic_and_read_only_groups_are_fixed() {
        let mut s = PolarisStore::seeded();
        let g = s.create_group("G".into(), vec![]).unwrap().id.clone();
        let refs = [
            IdRef { id: ALEX.into() },
            IdRef {
                id: "nobody".into(),
            },
        ];
        assert!(s.add_members(&g, &refs).is_err());
        assert_eq!(s.user_count(&g), 0);
        s.add_members(&g, &refs[..1]).unwrap();
        assert_eq!(s.user_count(&g), 1);
        assert!(s.replace_group(VIEWER, "V".into(), vec![]).is_err());
        assert!(s.delete_group(VIEWER).is_err());
        s.delete_group(&g).unwrap();
        assert!(!s.users[ALEX].groups.contains(&g));
    }
}
