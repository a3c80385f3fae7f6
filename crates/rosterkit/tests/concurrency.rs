//! 32 tasks add and remove members at once; the final state matches the
//! same changes applied one by one.

mod common;

use common::{client, emulator};
use rosterkit::Provider;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_membership_changes_lose_nothing() {
    let emu = emulator().await;
    for p in [
        Provider::Ssw,
        Provider::Spotnana,
        Provider::Polaris,
        Provider::Alteryx,
    ] {
        let c = client(&emu, p);
        let groups = c.list_groups().await.unwrap();
        let target = groups
            .iter()
            .find(|g| g.name.as_deref() == Some("IT Admins"))
            .unwrap_or(&groups[0])
            .id
            .clone();
        let before: BTreeSet<String> = c
            .list_members(&target)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        let mut pool = BTreeSet::new();
        for g in &groups {
            pool.extend(
                c.list_members(&g.id)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|m| m.user_id),
            );
        }
        let candidates: Vec<String> = pool.difference(&before).take(32).cloned().collect();
        assert_eq!(candidates.len(), 32, "{p}");
        // Serial model: every task adds its user; odd tasks then remove theirs.
        let mut expected = before.clone();
        for (i, u) in candidates.iter().enumerate() {
            if i % 2 == 0 {
                expected.insert(u.clone());
            }
        }
        let tasks: Vec<_> = candidates
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let (c, g, u) = (c.clone(), target.clone(), u.clone());
                tokio::spawn(async move {
                    assert!(
                        c.add_members(&g, std::slice::from_ref(&u))
                            .await
                            .unwrap()
                            .ok
                    );
                    if i % 2 == 1 {
                        assert!(c.remove_members(&g, &[u]).await.unwrap().ok);
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let after: BTreeSet<String> = c
            .list_members(&target)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        assert_eq!(after, expected, "{p}");
    }
}
