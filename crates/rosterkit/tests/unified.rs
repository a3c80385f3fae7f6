//! Every unified operation on all five providers, over real HTTP against the
//! emulator.

mod common;

use common::{client, emulator};
use rosterkit::{Error, Permission, Provider};
use std::collections::BTreeSet;

const MEMBERSHIP: [Provider; 4] = [
    Provider::Ssw,
    Provider::Spotnana,
    Provider::Polaris,
    Provider::Alteryx,
];

fn assert_unsupported<T: std::fmt::Debug>(r: Result<T, Error>, p: Provider, op: &str) {
    match r {
        Err(Error::Unsupported {
            provider,
            operation,
            reason,
        }) => {
            assert_eq!(provider, p);
            assert_eq!(operation, op);
            assert!(!reason.is_empty());
        }
        other => panic!("{p} {op}: expected Unsupported, got {other:?}"),
    }
}

#[tokio::test]
async fn listing_users_groups_and_members() {
    let emu = emulator().await;
    for p in Provider::ALL {
        let c = client(&emu, p);
        let caps = c.capabilities();
        let users = c.list_users().await;
        if caps.list_users.supported {
            assert!(users.unwrap().len() >= 300, "{p}: hundreds of users");
        } else {
            assert_unsupported(users, p, "list_users");
        }
        let groups = c.list_groups().await.unwrap();
        assert!(
            groups.len() >= 20,
            "{p}: dozens of groups, got {}",
            groups.len()
        );
        assert!(groups.iter().all(|g| !g.id.is_empty()));
        let first = &groups[0];
        let got = c.get_group(&first.id).await;
        if caps.get_group.supported {
            assert_eq!(got.unwrap().id, first.id);
        } else {
            assert_unsupported(got, p, "get_group");
        }
        let members = c.list_members(&first.id).await;
        if caps.list_members.supported {
            let members = members.unwrap();
            let distinct: BTreeSet<_> = members.iter().map(|m| m.user_id.clone()).collect();
            assert_eq!(
                distinct.len(),
                members.len(),
                "{p}: paging yields each member once"
            );
        } else {
            assert_unsupported(members, p, "list_members");
        }
    }
}

#[tokio::test]
async fn paging_reaches_every_member_of_large_groups() {
    let emu = emulator().await;
    // "All Staff" (SSW) and "All Travelers" (Spotnana) hold every seeded user.
    for (p, name, at_least) in [
        (Provider::Ssw, "All Staff", 320),
        (Provider::Spotnana, "All Travelers", 300),
    ] {
        let c = client(&emu, p);
        let group = c
            .list_groups()
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name.as_deref() == Some(name))
            .unwrap();
        let members = c.list_members(&group.id).await.unwrap();
        assert!(members.len() >= at_least, "{p}: {}", members.len());
    }
}

/// A user id that is not a member of `group`, taken from a bigger group.
async fn outsider(c: &rosterkit::Client, group: &str) -> String {
    let inside: BTreeSet<String> = c
        .list_members(group)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let mut groups = c.list_groups().await.unwrap();
    groups.sort_by_key(|g| std::cmp::Reverse(g.member_count.unwrap_or(0)));
    for g in groups {
        for m in c.list_members(&g.id).await.unwrap() {
            if !inside.contains(&m.user_id) {
                return m.user_id;
            }
        }
    }
    panic!("no outsider for {group}")
}

async fn member_ids(c: &rosterkit::Client, group: &str) -> BTreeSet<String> {
    c.list_members(group)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.user_id)
        .collect()
}

#[tokio::test]
async fn add_verify_remove_on_every_membership_provider() {
    let emu = emulator().await;
    for p in MEMBERSHIP {
        let c = client(&emu, p);
        let groups = c.list_groups().await.unwrap();
        // A group without an approval flow: SSW's "IT Admins".
        let group = groups
            .iter()
            .find(|g| g.name.as_deref() == Some("IT Admins"))
            .unwrap_or(&groups[0])
            .id
            .clone();
        let user = outsider(&c, &group).await;
        let report = c
            .add_members(&group, std::slice::from_ref(&user))
            .await
            .unwrap();
        assert!(report.ok, "{p}: {report:?}");
        assert!(member_ids(&c, &group).await.contains(&user), "{p}: added");
        let report = c
            .remove_members(&group, std::slice::from_ref(&user))
            .await
            .unwrap();
        assert!(report.ok, "{p}: {report:?}");
        assert!(
            !member_ids(&c, &group).await.contains(&user),
            "{p}: removed"
        );
    }
    let b2 = client(&emu, Provider::B2core);
    assert!(matches!(
        b2.add_members("1", &["u".into()]).await,
        Err(Error::Unsupported { .. })
    ));
}

#[tokio::test]
async fn group_lifecycle_where_the_vendor_allows_it() {
    let emu = emulator().await;
    let perms = |names: &[&str]| {
        names
            .iter()
            .map(|n| Permission {
                name: (*n).into(),
                resources: vec!["projects/*".into()],
            })
            .collect::<Vec<_>>()
    };
    for p in [Provider::B2core, Provider::Polaris, Provider::Alteryx] {
        let c = client(&emu, p);
        let created = match p {
            Provider::B2core => {
                c.create_group(common::new_group(
                    "Support Leads",
                    vec![Permission {
                        name: "accounts.read".into(),
                        resources: vec![],
                    }],
                    None,
                ))
                .await
            }
            Provider::Polaris => {
                c.create_group(common::new_group(
                    "Support Leads",
                    perms(&["AccessQueries"]),
                    None,
                ))
                .await
            }
            _ => {
                c.create_group(common::new_group("Support Leads", vec![], Some("Viewer")))
                    .await
            }
        }
        .unwrap();
        assert_eq!(created.name.as_deref(), Some("Support Leads"), "{p}");
        c.update_group(
            &created.id,
            common::changes(Some("Support Leads EMEA"), None, None),
        )
        .await
        .unwrap();
        assert_eq!(
            c.get_group(&created.id).await.unwrap().name.as_deref(),
            Some("Support Leads EMEA"),
            "{p}"
        );
        if p == Provider::Polaris {
            // Only the name changed: the read-modify-write kept the permissions.
            let g = c.get_group(&created.id).await.unwrap();
            assert_eq!(g.permissions, perms(&["AccessQueries"]));
        }
        if p == Provider::Alteryx {
            let g = c.get_group(&created.id).await.unwrap();
            assert_eq!(
                g.role.as_deref(),
                Some("Viewer"),
                "role kept when only the name changes"
            );
        }
        c.delete_group(&created.id, false).await.unwrap();
        assert!(
            matches!(c.get_group(&created.id).await, Err(Error::NotFound { .. })),
            "{p}"
        );
    }
    // SSW updates and deletes but cannot create; Spotnana does none of the three.
    let ssw = client(&emu, Provider::Ssw);
    assert_unsupported(
        ssw.create_group(common::new_group("x", vec![], None)).await,
        Provider::Ssw,
        "create_group",
    );
    let g = ssw.list_groups().await.unwrap().pop().unwrap();
    ssw.update_group(&g.id, common::changes(Some("Renamed"), None, None))
        .await
        .unwrap();
    assert!(ssw
        .list_groups()
        .await
        .unwrap()
        .iter()
        .any(|x| x.id == g.id && x.name.as_deref() == Some("Renamed")));
    ssw.delete_group(&g.id, false).await.unwrap();
    assert!(!ssw
        .list_groups()
        .await
        .unwrap()
        .iter()
        .any(|x| x.id == g.id));
    // Spotnana creates and renames (public reference) but cannot delete.
    let spot = client(&emu, Provider::Spotnana);
    let g = spot
        .create_group(common::new_group("Road Warriors", vec![], None))
        .await
        .unwrap();
    spot.update_group(
        &g.id,
        common::changes(Some("Road Warriors EMEA"), None, None),
    )
    .await
    .unwrap();
    assert_eq!(
        spot.get_group(&g.id).await.unwrap().name.as_deref(),
        Some("Road Warriors EMEA")
    );
    assert_unsupported(
        spot.delete_group(&g.id, false).await,
        Provider::Spotnana,
        "delete_group",
    );
    let platform = spot
        .list_groups()
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.read_only)
        .unwrap();
    match spot
        .update_group(&platform.id, common::changes(Some("Renamed"), None, None))
        .await
    {
        Err(Error::Api {
            status: 400,
            vendor_code: Some(code),
            ..
        }) => assert_eq!(code, "GROUP_UNMODIFIABLE"),
        other => panic!("isUnmodifiable group: {other:?}"),
    }
}

#[tokio::test]
async fn alteryx_force_delete_of_a_non_empty_group() {
    let emu = emulator().await;
    let c = client(&emu, Provider::Alteryx);
    let g = c
        .create_group(common::new_group("Quarter Close", vec![], Some("Artisan")))
        .await
        .unwrap();
    let user = outsider(&c, &g.id).await;
    c.add_members(&g.id, &[user]).await.unwrap();
    match c.delete_group(&g.id, false).await {
        Err(Error::Api { status: 400, .. }) => {}
        other => panic!("expected 400, got {other:?}"),
    }
    c.delete_group(&g.id, true).await.unwrap();
}

#[tokio::test]
async fn ssw_approval_flow() {
    let emu = emulator().await;
    let c = client(&emu, Provider::Ssw);
    let group = c
        .list_groups()
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.name.as_deref() == Some("Contractors"))
        .unwrap()
        .id;
    let a = outsider(&c, &group).await;
    c.add_members(&group, std::slice::from_ref(&a))
        .await
        .unwrap();
    assert!(
        !member_ids(&c, &group).await.contains(&a),
        "pending, not yet a member"
    );
    c.approve_member(&group, &a).await.unwrap();
    assert!(member_ids(&c, &group).await.contains(&a));
    let b = outsider(&c, &group).await;
    c.add_members(&group, std::slice::from_ref(&b))
        .await
        .unwrap();
    c.reject_member(&group, &b).await.unwrap();
    assert!(!member_ids(&c, &group).await.contains(&b));
    // Approving again finds no pending request: SSW's code != 0 on HTTP 200.
    match c.approve_member(&group, &b).await {
        Err(Error::Api {
            status: 200,
            vendor_code: Some(_),
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_unsupported(
        client(&emu, Provider::Polaris)
            .approve_member("g", "u")
            .await,
        Provider::Polaris,
        "approve_member",
    );
}

#[tokio::test]
async fn sync_uses_the_fewest_calls_each_vendor_allows() {
    let emu = emulator().await;
    for p in MEMBERSHIP {
        let c = client(&emu, p);
        let groups = c.list_groups().await.unwrap();
        let group = groups
            .iter()
            .find(|g| g.name.as_deref() == Some("IT Admins"))
            .unwrap_or(&groups[1])
            .id
            .clone();
        let current: Vec<String> = member_ids(&c, &group).await.into_iter().collect();
        assert!(current.len() >= 2, "{p}");
        let mut desired: Vec<String> = current[2..].to_vec();
        let mut extra = Vec::new();
        for g in &groups {
            for m in c.list_members(&g.id).await.unwrap() {
                if !current.contains(&m.user_id) && !extra.contains(&m.user_id) && extra.len() < 3 {
                    extra.push(m.user_id);
                }
            }
        }
        desired.extend(extra.iter().cloned());
        let options = rosterkit::SyncOptions::new(rosterkit::SyncMode::Authoritative);
        let plan = c.plan(&group, &desired, options).await.unwrap();
        assert_eq!((plan.to_add.len(), plan.to_remove.len()), (3, 2), "{p}");
        let expected_calls = match p {
            Provider::Spotnana => 1,        // one PATCH with both lists
            Provider::Ssw => 5,             // one call per user
            Provider::Polaris => 1 + 2 * 3, // one batched POST, GET+PUT+GET per removal
            _ => 1 + 2,                     // one batched POST, one DELETE per removal
        };
        assert_eq!(plan.call_count, expected_calls, "{p}");
        // The dry run changed nothing.
        assert_eq!(
            member_ids(&c, &group).await.into_iter().collect::<Vec<_>>(),
            current,
            "{p}"
        );
        emu.emulator().clear_request_log();
        let report = c.apply(&plan).await.unwrap();
        assert!(report.ok, "{p}: {report:?}");
        assert_eq!(
            (report.added, report.removed),
            (3, 2),
            "{p}: one outcome per user"
        );
        assert_eq!(
            emu.emulator().request_log().len() as u64,
            expected_calls,
            "{p}: calls on the wire"
        );
        let after: BTreeSet<String> = member_ids(&c, &group).await;
        assert_eq!(
            after,
            desired.iter().cloned().collect::<BTreeSet<_>>(),
            "{p}"
        );
    }
}

#[tokio::test]
async fn unified_lists_page_lazily() {
    use futures_util::StreamExt;
    let emu = emulator().await;
    let c = client(&emu, Provider::Ssw);
    let groups = c.list_groups().await.unwrap();
    let all_staff = groups
        .iter()
        .find(|g| g.name.as_deref() == Some("All Staff"))
        .unwrap();
    emu.emulator().clear_request_log();
    let mut pages = Box::pin(c.member_pages(&all_staff.id).unwrap());
    let first = pages.next().await.unwrap().unwrap();
    assert_eq!(first.len(), 100);
    assert!(!first[0].user_id.is_empty(), "unified member model");
    assert_eq!(
        emu.emulator().request_log().len(),
        1,
        "only the first page fetched"
    );
    let mut total = first.len();
    while let Some(page) = pages.next().await {
        total += page.unwrap().len();
    }
    assert_eq!(total, c.list_members(&all_staff.id).await.unwrap().len());
    // A Polaris endpoint through an SSW client is refused before sending.
    let op = rosterkit::Operation::from_json("polaris.list_groups", serde_json::json!({})).unwrap();
    assert!(matches!(
        c.execute(op).await,
        Err(Error::InvalidInput { .. })
    ));
}
