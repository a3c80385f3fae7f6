//! Alteryx's sample server: the document's example group and user plus a
//! few hundred users across about twenty-five custom groups.

use indexmap::{IndexMap, IndexSet};

use super::store::{AGroup, AUser, AlteryxStore, ROLES};
use crate::ids::IdGen;
use crate::seed::{people, sample_indexes, timestamp, TEAM_NAMES};

const GENERATED_USERS: usize = 299;

/// The document's example user, who stands in as the admin adding members.
pub(crate) const ADMIN_USER_ID: &str = "61d564361d6d5da7ad461a32";

impl AlteryxStore {
    /// The deterministic sample server.
    pub(crate) fn seeded() -> Self {
        let mut ids = IdGen::new(0x4158_0005);

        let mut users = IndexMap::new();
        // The document's example user.
        users.insert(
            "61d564361d6d5da7ad461a32".to_owned(),
            AUser {
                id: "61d564361d6d5da7ad461a32".to_owned(),
                first_name: "Morgan".to_owned(),
                last_name: "Reyes".to_owned(),
                email: "morgan.reyes@umbrella.example".to_owned(),
            },
        );
        for person in people(&mut ids, GENERATED_USERS, "umbrella.example") {
            let id = ids.object_id();
            users.insert(
                id.clone(),
                AUser {
                    id,
                    first_name: person.first,
                    last_name: person.last,
                    email: person.email,
                },
            );
        }
        let user_ids: Vec<String> = users.keys().cloned().collect();

        // The document's example group ids come first.
        let mut plan: Vec<(String, String, &str)> = vec![
            (
                "61d58ac83c15317e1a482069".into(),
                "Sales Analytics".into(),
                "Artisan",
            ),
            (
                "619158e57e607d0011ac3009".into(),
                "Finance Reporting".into(),
                "Viewer",
            ),
        ];
        for (i, team) in TEAM_NAMES.iter().take(24).enumerate() {
            plan.push((ids.object_id(), (*team).to_owned(), ROLES[i % ROLES.len()]));
        }

        let mut groups = IndexMap::new();
        for (i, (id, name, role)) in plan.into_iter().enumerate() {
            let size = 3 + (i * 13) % 40;
            let mut members: IndexSet<String> = sample_indexes(&mut ids, user_ids.len(), size)
                .into_iter()
                .map(|k| user_ids[k].clone())
                .collect();
            if i == 0 {
                members.shift_insert(0, "61d564361d6d5da7ad461a32".to_owned());
            }
            // Creation dates follow the plan order, a day and a half apart.
            groups.insert(
                id.clone(),
                AGroup {
                    id,
                    name,
                    role: role.to_owned(),
                    date_created: timestamp(i as i64 * 36),
                    members,
                },
            );
        }

        AlteryxStore { users, groups, ids }
    }
}
