//! Polaris's sample organization: the predefined groups with their listed
//! user counts, the document's two example users, and a few hundred more
//! users spread over about twenty custom groups.

use indexmap::IndexMap;

use super::catalog::{self, Scope, PERMISSIONS, PREDEFINED_GROUPS, PROJECTS};
use super::store::{Grant, PGroup, PUser, PolarisStore};
use crate::ids::IdGen;
use crate::seed::{people, sample_indexes, timestamp, TEAM_NAMES};

/// Generated users besides the two documented ones.
const GENERATED_USERS: usize = 298;
const CUSTOM_GROUPS: usize = 20;

fn grant_for(name: &str) -> Grant {
    let resources = match catalog::scope_of(name) {
        Some(Scope::Projects) => Some(vec!["projects/*".to_owned()]),
        _ => None,
    };
    Grant {
        name: name.to_owned(),
        resources,
    }
}

impl PolarisStore {
    /// The deterministic sample organization.
    pub(crate) fn seeded() -> Self {
        let mut ids = IdGen::new(0x504f_0004);

        let mut groups = IndexMap::new();
        for predefined in PREDEFINED_GROUPS {
            groups.insert(
                predefined.id.to_owned(),
                PGroup {
                    id: predefined.id.to_owned(),
                    name: predefined.name.to_owned(),
                    read_only: true,
                    permissions: predefined
                        .permissions
                        .iter()
                        .map(|p| grant_for(p))
                        .collect(),
                },
            );
        }
        for team in TEAM_NAMES.iter().skip(5).take(CUSTOM_GROUPS) {
            let count = 2 + ids.below(5);
            let permissions = sample_indexes(&mut ids, PERMISSIONS.len(), count)
                .into_iter()
                .map(|k| {
                    let (name, scope) = PERMISSIONS[k];
                    // Some custom groups are limited to one sample project.
                    let resources = match scope {
                        Scope::Organization => None,
                        Scope::Projects if ids.chance(40) => {
                            let (project, _) = PROJECTS[ids.below(PROJECTS.len())];
                            Some(vec![format!("projects/{project}")])
                        }
                        Scope::Projects => Some(vec!["projects/*".to_owned()]),
                    };
                    Grant {
                        name: name.to_owned(),
                        resources,
                    }
                })
                .collect();
            let id = ids.uuid();
            groups.insert(
                id.clone(),
                PGroup {
                    id,
                    name: (*team).to_owned(),
                    read_only: false,
                    permissions,
                },
            );
        }
        let custom_ids: Vec<String> = groups
            .values()
            .filter(|g| !g.read_only)
            .map(|g| g.id.clone())
            .collect();

        // The document's example users come first.
        let mut roster: Vec<(String, String, String, String)> = vec![
            (
                "d88d4e47-d6ed-4820-880e-c0564ce99752".into(),
                "alex.smith@email.com".into(),
                "Alex".into(),
                "Smith".into(),
            ),
            (
                "48b08425-7393-4730-bb7d-736e69ef1d92".into(),
                "alexa.smith@example.com".into(),
                "Alexa".into(),
                "Smith".into(),
            ),
        ];
        for person in people(&mut ids, GENERATED_USERS, "northwind.example") {
            roster.push((ids.uuid(), person.email, person.first, person.last));
        }

        // Predefined groups get exactly the user counts the vendor listing shows.
        let mut predefined_of = vec![None; roster.len()];
        let mut shuffled: Vec<usize> = (0..roster.len()).collect();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, ids.below(i + 1));
        }
        let mut next = shuffled.into_iter();
        for predefined in PREDEFINED_GROUPS {
            for k in next.by_ref().take(predefined.user_count) {
                predefined_of[k] = Some(predefined.id);
            }
        }

        let mut users = IndexMap::new();
        for (k, (id, email, first, last)) in roster.into_iter().enumerate() {
            let mut user_groups: Vec<String> =
                predefined_of[k].map(str::to_owned).into_iter().collect();
            for custom in &custom_ids {
                if ids.chance(6) {
                    user_groups.push(custom.clone());
                }
            }
            // A few invited users have not finished signing up yet.
            let verified = !ids.chance(8);
            let actions = if verified {
                Vec::new()
            } else {
                vec!["VERIFY_EMAIL".to_owned(), "UPDATE_PASSWORD".to_owned()]
            };
            users.insert(
                id.clone(),
                PUser {
                    id,
                    username: email.clone(),
                    email,
                    first_name: Some(first),
                    last_name: Some(last),
                    enabled: !ids.chance(4),
                    email_verified: verified,
                    permissions: Vec::new(),
                    groups: user_groups,
                    identities: Vec::new(),
                    actions,
                    created_on: timestamp(k as i64 * 7),
                },
            );
        }

        PolarisStore { groups, users, ids }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_counts_match_the_listing() {
        let s = PolarisStore::seeded();
        for p in PREDEFINED_GROUPS {
            assert_eq!(s.user_count(p.id), p.user_count, "{}", p.name);
            assert!(s.groups[p.id].read_only);
        }
        assert_eq!(
            s.users["d88d4e47-d6ed-4820-880e-c0564ce99752"].username,
            "alex.smith@email.com"
        );
        assert!(!s.users.values().any(|u| u.username.starts_with("dani.lee")));
        assert!(!s.groups.values().any(|g| g.name == "Alerts and reports"));
        assert_eq!(s.users.len(), 300);
    }
}
