//! Alteryx Server v3 user groups (vendor document `004_1215b0607d515864.txt`):
//! list and read the document's example group, add and remove a user, then
//! create a group (form body), add a user, and show that deleting a
//! non-empty group needs `forceDelete`.

use super::membership::{add_and_verify, desired_from, partial_failure, remove_and_verify, sync};
use super::scenario::rename;
use super::scenario::{ensure, member_ids, Abort, Problem, Scenario};
use rosterkit::Error;
use rosterkit::NewGroup;

/// The document's example group and its member.
const DOC_GROUP: &str = "61d58ac83c15317e1a482069";
const DOC_USER: &str = "61d564361d6d5da7ad461a32";

/// Runs the Alteryx workflow.
pub async fn run(s: &Scenario<'_>) -> Result<(), Abort> {
    let c = &s.client;
    s.unsupported("list users", c.list_users()).await?;
    let groups = s
        .step("list groups", async {
            let groups = c.list_groups().await?;
            ensure(groups.iter().any(|g| g.id == DOC_GROUP), || {
                format!("the document's group {DOC_GROUP} is not listed")
            })?;
            let detail = format!("{} custom groups ({DOC_GROUP} among them)", groups.len());
            Ok((groups, detail))
        })
        .await?;
    let members = s
        .step("list members", async {
            let ids = member_ids(c, DOC_GROUP).await?;
            ensure(ids.iter().any(|u| u == DOC_USER), || {
                format!("the document's user {DOC_USER} is not a member")
            })?;
            let detail = format!(
                "{} members of {DOC_GROUP} ({DOC_USER} among them)",
                ids.len()
            );
            Ok((ids, detail))
        })
        .await?;
    // No user listing: users of another group are the candidates.
    let outsiders = s
        .step("pick users from another group", async {
            let other = groups
                .iter()
                .find(|g| g.id != DOC_GROUP)
                .ok_or_else(|| Problem::Check("only one group".to_owned()))?;
            let ids: Vec<String> = member_ids(c, &other.id)
                .await?
                .into_iter()
                .filter(|u| !members.contains(u))
                .collect();
            ensure(ids.len() >= 3, || {
                "too few users outside the group".to_owned()
            })?;
            let detail = format!("{} users of {} not in {DOC_GROUP}", ids.len(), other.id);
            Ok((ids, detail))
        })
        .await?;
    let newcomer = vec![outsiders[0].clone()];
    add_and_verify(s, DOC_GROUP, &newcomer).await?;
    remove_and_verify(s, DOC_GROUP, &newcomer).await?;
    sync(s, DOC_GROUP, &desired_from(&members, 2, &outsiders[1..3])).await?;
    // A real server answers 200 and lists the users it did not add.
    partial_failure(s, DOC_GROUP, &outsiders[3], "000000000000000000000000").await?;

    let created = s
        .step("create group (form body)", async {
            let g = c
                .create_group(NewGroup {
                    name: "RosterKit demo".to_owned(),
                    role: Some("Artisan".to_owned()),
                    ..NewGroup::default()
                })
                .await?;
            ensure(g.role.as_deref() == Some("Artisan"), || {
                format!("role is {:?}", g.role)
            })?;
            let detail = format!("id {}, role Artisan", g.id);
            Ok((g.id, detail))
        })
        .await?;
    add_and_verify(s, &created, &newcomer).await?;
    s.step("update group", async {
        let g = c
            .update_group(&created, rename("RosterKit demo (renamed)"))
            .await?
            .ok_or_else(|| Problem::Check("the update returned no group".to_owned()))?;
        ensure(g.role.as_deref() == Some("Artisan"), || {
            "the rename lost the role".to_owned()
        })?;
        Ok(((), format!("{:?}, role kept", g.name.unwrap_or_default())))
    })
    .await?;
    s.step("delete without forceDelete (non-empty)", async {
        match c.delete_group(&created, false).await {
            Err(Error::Api {
                status: 400,
                message,
                ..
            }) => Ok(((), format!("HTTP 400 as documented: {message}"))),
            other => Err(Problem::Check(format!("expected HTTP 400, got {other:?}"))),
        }
    })
    .await?;
    s.step("delete with forceDelete", async {
        c.delete_group(&created, true).await?;
        match c.get_group(&created).await {
            Err(Error::NotFound { .. }) => Ok(((), format!("{created} deleted, now 404"))),
            other => Err(Problem::Check(format!(
                "still readable after delete: {other:?}"
            ))),
        }
    })
    .await
}
