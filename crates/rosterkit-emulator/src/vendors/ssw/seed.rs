//! SSW's sample organization: the documented example user and group plus a
//! few hundred generated members across about thirty groups.

use indexmap::{IndexMap, IndexSet};
use serde_json::Map;

use super::store::{SswGroup, SswStore, SswUser};
use crate::ids::IdGen;
use crate::seed::{people, sample_indexes, TEAM_NAMES};

/// Generated members besides the documented `user_123`.
const GENERATED_USERS: usize = 319;

impl SswStore {
    /// The deterministic sample organization `org_demo`.
    pub(crate) fn seeded() -> Self {
        let mut rng = IdGen::new(0x5357_0001);
        let mut users = IndexMap::new();
        // The documentation's example member comes first.
        users.insert(
            "user_123".to_owned(),
            SswUser {
                user_id: "user_123".to_owned(),
                email: "user@example.com".to_owned(),
                status: "active".to_owned(),
            },
        );
        for (i, person) in people(&mut rng, GENERATED_USERS, "acme.example")
            .into_iter()
            .enumerate()
        {
            let user_id = format!("user_{}", 1001 + i);
            let status = match rng.below(100) {
                0..=84 => "active",
                85..=94 => "inactive",
                _ => "invited",
            };
            users.insert(
                user_id.clone(),
                SswUser {
                    user_id,
                    email: person.email,
                    status: status.to_owned(),
                },
            );
        }
        let user_ids: Vec<String> = users.keys().cloned().collect();

        // (name, needs approval, how many members)
        let mut plan: Vec<(&str, bool, usize)> = vec![
            ("IT Admins", false, 12),
            ("All Staff", false, user_ids.len()),
            ("Contractors", true, 14),
            ("External Auditors", true, 4),
        ];
        for (i, team) in TEAM_NAMES.iter().take(26).enumerate() {
            plan.push((team, false, 5 + (i * 7) % 36));
        }

        let mut groups = IndexMap::new();
        for (i, (name, approval_required, size)) in plan.into_iter().enumerate() {
            let group_id = format!("grp_{:03}", i + 1);
            let mut members: IndexSet<String> = sample_indexes(&mut rng, user_ids.len(), size)
                .into_iter()
                .map(|k| user_ids[k].clone())
                .collect();
            if group_id == "grp_001" {
                // The documented example user administers IT.
                members.shift_insert(0, "user_123".to_owned());
            }
            let pending: IndexSet<String> = if approval_required {
                user_ids
                    .iter()
                    .filter(|u| !members.contains(*u))
                    .skip(rng.below(200))
                    .take(3)
                    .cloned()
                    .collect()
            } else {
                IndexSet::new()
            };
            groups.insert(
                group_id.clone(),
                SswGroup {
                    group_id,
                    name: name.to_owned(),
                    approval_required,
                    extra: Map::new(),
                    members,
                    pending,
                },
            );
        }

        SswStore {
            organization_id: crate::SSW_ORGANIZATION_ID.to_owned(),
            users,
            groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples_and_sizes() {
        let s = SswStore::seeded();
        assert_eq!(s.users["user_123"].email, "user@example.com");
        assert_eq!(s.groups["grp_001"].name, "IT Admins");
        assert!(s.groups["grp_001"].members.contains("user_123"));
        assert!(s.users.len() >= 300);
        assert!((20..=40).contains(&s.groups.len()));
        assert!(s.groups.values().any(|g| g.members.len() >= 250));
        assert!(s
            .groups
            .values()
            .any(|g| g.approval_required && g.name == "Contractors"));
        let again = SswStore::seeded();
        assert_eq!(
            s.groups["grp_010"].members, again.groups["grp_010"].members,
            "seed must be deterministic"
        );
    }
}
