//! Spotnana's sample company: a few hundred travelers, a role catalog and
//! about thirty user groups, two of them platform-owned.

use indexmap::IndexMap;

use super::store::{SpotGroup, SpotRole, SpotUser, SpotnanaStore};
use crate::ids::IdGen;
use crate::seed::{sample_indexes, timestamp, TEAM_NAMES};

const COMPANY_USERS: usize = 300;
/// Users of an unrelated company, which group updates must refuse.
const OUTSIDE_USERS: usize = 3;
const OUTSIDE_COMPANY_ID: &str = "0c5e3c1a-7f2b-4a57-9d6e-2b8f4a1c9e30";

/// (name, description, platform role, permissions)
const ROLES: &[(&str, &str, bool, &[&str])] = &[
    (
        "Company Admin",
        "Full administration of the company",
        true,
        &[
            "COMPANY_SETTINGS_WRITE",
            "USERS_WRITE",
            "POLICIES_WRITE",
            "REPORTS_READ",
        ],
    ),
    (
        "Travel Arranger",
        "Books trips on behalf of others",
        true,
        &["TRIPS_BOOK_FOR_OTHERS", "TRIPS_READ"],
    ),
    (
        "Travel Manager",
        "Manages travel policies and approvals",
        true,
        &["POLICIES_WRITE", "APPROVALS_WRITE", "REPORTS_READ"],
    ),
    (
        "Traveler",
        "Books own trips",
        true,
        &["TRIPS_BOOK_SELF", "TRIPS_READ"],
    ),
    (
        "Finance Reviewer",
        "Reads invoices and spend reports",
        false,
        &["INVOICES_READ", "REPORTS_READ"],
    ),
    (
        "Approver",
        "Approves out-of-policy trips",
        false,
        &["APPROVALS_WRITE", "TRIPS_READ"],
    ),
    (
        "Report Viewer",
        "Reads travel reports",
        false,
        &["REPORTS_READ"],
    ),
    (
        "Event Planner",
        "Books group travel for events",
        false,
        &["TRIPS_BOOK_FOR_OTHERS", "EVENTS_WRITE"],
    ),
];

impl SpotnanaStore {
    /// The deterministic sample company [`crate::SPOTNANA_COMPANY_ID`].
    pub(crate) fn seeded() -> Self {
        let mut ids = IdGen::new(0x5350_0002);
        let company_id = crate::SPOTNANA_COMPANY_ID.to_owned();

        let mut users = IndexMap::new();
        let mut company_users = Vec::with_capacity(COMPANY_USERS);
        for _ in 0..COMPANY_USERS {
            let id = ids.uuid();
            company_users.push(id.clone());
            users.insert(
                id,
                SpotUser {
                    company_id: company_id.clone(),
                },
            );
        }
        for _ in 0..OUTSIDE_USERS {
            users.insert(
                ids.uuid(),
                SpotUser {
                    company_id: OUTSIDE_COMPANY_ID.to_owned(),
                },
            );
        }

        let mut roles = IndexMap::new();
        let mut role_ids = Vec::new();
        for (name, description, is_platform_role, permissions) in ROLES {
            let id = ids.uuid();
            role_ids.push(id.clone());
            roles.insert(
                id.clone(),
                SpotRole {
                    id,
                    name: (*name).to_owned(),
                    description: (*description).to_owned(),
                    is_platform_role: *is_platform_role,
                    permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
                },
            );
        }

        // (name, description, platform-owned, role indexes, member count)
        let mut plan: Vec<(String, String, bool, Vec<usize>, usize)> = vec![
            (
                "Company Admins".into(),
                "Administrators of the company account".into(),
                true,
                vec![0],
                6,
            ),
            (
                "Travel Arrangers".into(),
                "People who book travel for colleagues".into(),
                true,
                vec![1],
                18,
            ),
            (
                "All Travelers".into(),
                "Everyone who travels for the company".into(),
                false,
                vec![3],
                COMPANY_USERS,
            ),
            (
                "Travel Managers".into(),
                "Policy owners and approvers".into(),
                false,
                vec![2, 5],
                9,
            ),
        ];
        for (i, team) in TEAM_NAMES.iter().take(26).enumerate() {
            let roles_of_team = match i % 4 {
                0 => vec![3],
                1 => vec![3, 6],
                2 => vec![4, 6],
                _ => vec![5, 7],
            };
            plan.push((
                (*team).to_owned(),
                format!("Travelers of the {team} team"),
                false,
                roles_of_team,
                4 + (i * 11) % 45,
            ));
        }

        let admin = company_users[0].clone();
        let mut groups = IndexMap::new();
        for (i, (name, description, platform, role_indexes, size)) in plan.into_iter().enumerate() {
            let id = ids.uuid();
            let created_hours = i as i64 * 24;
            let creator = if platform {
                // Platform-owned groups are created by the system, not a person.
                "00000000-0000-0000-0000-000000000000".to_owned()
            } else {
                admin.clone()
            };
            let members = sample_indexes(&mut ids, company_users.len(), size)
                .into_iter()
                .map(|k| {
                    let added = timestamp(created_hours + 1 + k as i64);
                    (company_users[k].clone(), added)
                })
                .collect();
            groups.insert(
                id.clone(),
                SpotGroup {
                    id,
                    name,
                    description,
                    company_id: company_id.clone(),
                    is_unmodifiable: platform,
                    created_at: timestamp(created_hours),
                    updated_at: timestamp(created_hours + 2),
                    created_by: creator.clone(),
                    updated_by: creator,
                    members,
                    role_ids: role_indexes.iter().map(|r| role_ids[*r].clone()).collect(),
                },
            );
        }

        SpotnanaStore {
            company_id,
            users,
            roles,
            groups,
            ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_company_shape() {
        let s = SpotnanaStore::seeded();
        assert!(s.groups.values().any(|g| g.is_unmodifiable));
        assert!(s.groups.values().any(|g| g.members.len() >= 250));
        assert!((20..=40).contains(&s.groups.len()));
        assert!(s.users.len() >= 300);
        let again = SpotnanaStore::seeded();
        assert_eq!(
            s.groups.keys().collect::<Vec<_>>(),
            again.groups.keys().collect::<Vec<_>>()
        );
    }
}
