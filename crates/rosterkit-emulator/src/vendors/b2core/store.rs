//! B2Core's data model and the operations its API performs on it.

use std::collections::{BTreeMap, HashSet};

use axum::http::StatusCode;

use crate::errors::ApiError;

/// A user group: a name and a set of permission strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct B2Group {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) permissions: Vec<String>,
}

/// All groups, ordered by id.
#[derive(Clone, Debug)]
pub(crate) struct B2coreStore {
    pub(crate) groups: BTreeMap<u64, B2Group>,
    pub(crate) next_id: u64,
}

/// B2Core failures.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum B2Error {
    NotFound(String),
    Validation(String),
}

impl From<B2Error> for ApiError {
    fn from(e: B2Error) -> Self {
        match e {
            B2Error::NotFound(m) => ApiError::b2core(StatusCode::NOT_FOUND, "not_found", m),
            B2Error::Validation(m) => {
                ApiError::b2core(StatusCode::BAD_REQUEST, "validation_error", m)
            }
        }
    }
}

/// Names must be non-blank.
fn check_name(name: &str) -> Result<(), B2Error> {
    if name.trim().is_empty() {
        Err(B2Error::Validation("name must not be empty".to_owned()))
    } else {
        Ok(())
    }
}

/// Permissions are case-sensitive and may not repeat.
fn check_permissions(permissions: &[String]) -> Result<(), B2Error> {
    let mut seen = HashSet::new();
    for p in permissions {
        if p.trim().is_empty() {
            return Err(B2Error::Validation(
                "permissions must be non-empty strings".to_owned(),
            ));
        }
        if !seen.insert(p.as_str()) {
            return Err(B2Error::Validation(format!(
                "permission `{p}` is listed more than once"
            )));
        }
    }
    Ok(())
}

impl B2coreStore {
    /// Path ids that are not integers simply name no group.
    fn parse_id(raw: &str) -> Result<u64, B2Error> {
        raw.parse()
            .map_err(|_| B2Error::NotFound(format!("group `{raw}` not found")))
    }

    pub(crate) fn group(&self, raw_id: &str) -> Result<&B2Group, B2Error> {
        let id = Self::parse_id(raw_id)?;
        self.groups
            .get(&id)
            .ok_or_else(|| B2Error::NotFound(format!("group `{raw_id}` not found")))
    }

    pub(crate) fn create(
        &mut self,
        name: String,
        permissions: Vec<String>,
    ) -> Result<&B2Group, B2Error> {
        check_name(&name)?;
        check_permissions(&permissions)?;
        let id = self.next_id;
        self.next_id += 1;
        Ok(self.groups.entry(id).or_insert(B2Group {
            id,
            name,
            permissions,
        }))
    }

    /// Changes whichever of name and permissions are given.
    pub(crate) fn update(
        &mut self,
        raw_id: &str,
        name: Option<String>,
        permissions: Option<Vec<String>>,
    ) -> Result<&B2Group, B2Error> {
        let id = Self::parse_id(raw_id)?;
        if let Some(name) = &name {
            check_name(name)?;
        }
        if let Some(permissions) = &permissions {
            check_permissions(permissions)?;
        }
        let group = self
            .groups
            .get_mut(&id)
            .ok_or_else(|| B2Error::NotFound(format!("group `{raw_id}` not found")))?;
        if let Some(name) = name {
            group.name = name;
        }
        if let Some(permissions) = permissions {
            group.permissions = permissions;
        }
        Ok(group)
    }

    pub(crate) fn delete(&mut self, raw_id: &str) -> Result<(), B2Error> {
        let id = Self::parse_id(raw_id)?;
        self.groups
            .remove(&id)
            .map(|_| ())
            .ok_or_else(|| B2Error::NotFound(format!("group `{raw_id}` not found")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crud() {
        let mut s = B2coreStore::seeded();
        let id = s
            .create("Dealers".into(), vec!["a.read".into()])
            .unwrap()
            .id;
        assert!(s.create("X".into(), vec!["a".into(), "a".into()]).is_err());
        assert!(s.create(" ".into(), vec![]).is_err());
        assert_eq!(
            s.update(&id.to_string(), None, Some(vec!["A".into(), "a".into()]))
                .unwrap()
                .name,
            "Dealers"
        );
        s.delete(&id.to_string()).unwrap();
        assert!(s.group(&id.to_string()).is_err());
        assert!(s.group("abc").is_err());
    }
}
