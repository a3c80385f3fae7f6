//! Planning a sync: who the desired entries are, what the guards allow, and
//! the plan that makes the vendor match.

use super::plan::{steps, MembershipPlan, PlannedStep};
use crate::flow::{then, BoxMachine, Context, Flow, Next};
use crate::unified::{capabilities, Directory, Member, User};
use crate::{Error, Provider};
use serde::{Deserialize, Serialize};
// foldhash, seeded per process (a hostile listing cannot force collisions),
// hashes short ids several times faster than std's SipHash.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// What a sync does with members that are not desired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum SyncMode {
    /// The group ends up exactly as desired: members not desired are removed
    /// (the Terraform Okta provider's `track_all_users`).
    Authoritative,
    /// Only adds the desired users who are missing; never removes anyone.
    Additive,
}

/// How a sync runs. The mode has no default: the caller chooses it. Every
/// guard is on unless its option turns it off.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct SyncOptions {
    /// Authoritative (remove members not desired) or additive (only add).
    pub mode: SyncMode,
    /// Accept an empty desired list (which, authoritatively, empties the group).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub allow_empty: bool,
    /// Accept removing more than `max_removal_percent` of the members, or
    /// removing members when no desired entry matched a current member.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub allow_mass_removal: bool,
    /// Removals above this share of the current members are a mass removal.
    #[serde(default = "default_max_removal_percent")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 50))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub max_removal_percent: u32,
    /// Plan the entries that resolve to a user and report the others,
    /// instead of refusing the whole plan.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub skip_unresolved: bool,
}

fn default_max_removal_percent() -> u32 {
    50
}

impl SyncOptions {
    /// The defaults for `mode`: every guard on, half the members at most.
    pub fn new(mode: SyncMode) -> SyncOptions {
        SyncOptions {
            mode,
            allow_empty: false,
            allow_mass_removal: false,
            max_removal_percent: default_max_removal_percent(),
            skip_unresolved: false,
        }
    }
}

/// How a desired entry was matched to a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Resolution {
    /// A current member, by id or email.
    Member,
    /// A user of the vendor's directory, by id, email or username.
    Directory,
    /// Taken as a user id as given: the vendor offers no user listing to
    /// check it against, so the vendor decides when it is added.
    AsGiven,
    /// No user has this id or email.
    Unresolved,
}

/// One desired entry as the caller gave it, and the user it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "rosterkit", get_all, frozen, eq, hash)
)]
pub struct DesiredEntry {
    /// The entry as given: a vendor user id or an email.
    pub entry: String,
    /// The user id it resolved to; absent when unresolved.
    pub user_id: Option<String>,
    /// How it was matched.
    pub resolution: Resolution,
}

fn looks_like_email(s: &str) -> bool {
    s.contains('@') && !s.contains(char::is_whitespace)
}

/// Where emails can be looked up, and why not where they cannot.
pub(crate) fn email_lookup(provider: Provider) -> Result<(), &'static str> {
    match provider {
        Provider::Ssw | Provider::Polaris => Ok(()),
        Provider::Spotnana => Err("Spotnana's member listing carries user ids only and its access-management API documents no user lookup; give user ids"),
        Provider::Alteryx => Err("the Alteryx user-group document covers no user lookup and group members carry no email; give user ids"),
        Provider::B2core => Err("B2Core's user-group API has no membership endpoints"),
    }
}

struct Index<'a> {
    by_id: HashSet<&'a str>,
    by_email: HashMap<String, &'a str>,
}

impl<'a> Index<'a> {
    /// `with_emails`: index emails too (lower-cased copies); only worth it
    /// when some desired entry is an email.
    fn of<T>(
        items: &'a [T],
        id: fn(&T) -> &str,
        emails: fn(&T) -> [Option<&str>; 2],
        with_emails: bool,
    ) -> Self {
        let mut index = Index {
            by_id: HashSet::with_capacity_and_hasher(items.len(), Default::default()),
            by_email: HashMap::with_capacity_and_hasher(
                if with_emails { items.len() } else { 0 },
                Default::default(),
            ),
        };
        for item in items {
            let id = id(item);
            index.by_id.insert(id);
            if with_emails {
                for email in emails(item).into_iter().flatten() {
                    index.by_email.entry(email.to_lowercase()).or_insert(id);
                }
            }
        }
        index
    }

    fn find(&self, entry: &str) -> Option<&'a str> {
        self.by_id.get(entry).copied().or_else(|| {
            looks_like_email(entry)
                .then(|| self.by_email.get(&entry.to_lowercase()).copied())
                .flatten()
        })
    }
}

/// True when some entry is not a current member and the vendor's user
/// directory could say who it is.
pub(crate) fn needs_directory(provider: Provider, desired: &[String], members: &[Member]) -> bool {
    if email_lookup(provider).is_err() {
        return false;
    }
    let index = member_index(members, any_email(desired));
    desired.iter().any(|e| index.find(e.trim()).is_none())
}

fn any_email(desired: &[String]) -> bool {
    desired.iter().any(|d| looks_like_email(d.trim()))
}

fn member_index(members: &[Member], with_emails: bool) -> Index<'_> {
    Index::of(
        members,
        |m| &m.user_id,
        |m| [m.email.as_deref(), None],
        with_emails,
    )
}

/// Plans a sync from the current members (and, where the vendor can list
/// them, its users), applying every guard the options leave on.
pub fn plan_sync(
    dir: &Directory,
    group_id: &str,
    desired: &[String],
    options: &SyncOptions,
    members: &[Member],
    users: Option<&[User]>,
) -> Result<MembershipPlan, Error> {
    crate::encode::check_id("group_id", group_id)?;
    crate::validate::ids("desired", desired, false)?;
    if desired.is_empty() && !options.allow_empty {
        return Err(Error::refused(
            "empty_desired",
            match options.mode {
                SyncMode::Authoritative => "the desired list is empty, so every member would be removed; set allow_empty (CLI: --allow-empty) if that is what you mean".to_owned(),
                SyncMode::Additive => "the desired list is empty; set allow_empty (CLI: --allow-empty) to accept it".to_owned(),
            },
        ));
    }
    let emails = any_email(desired);
    let member_ix = member_index(members, emails);
    let user_ix = users.map(|u| {
        Index::of(
            u,
            |u| &u.id,
            |u| [u.email.as_deref(), u.username.as_deref()],
            emails,
        )
    });
    let lookup = email_lookup(dir.provider);
    let mut entries = Vec::with_capacity(desired.len());
    for raw in desired {
        let entry = raw.trim();
        let (user_id, resolution) = if let Some(id) = member_ix.find(entry) {
            (Some(id.to_owned()), Resolution::Member)
        } else if let Some(ix) = &user_ix {
            match ix.find(entry) {
                Some(id) => (Some(id.to_owned()), Resolution::Directory),
                None => (None, Resolution::Unresolved),
            }
        } else if looks_like_email(entry) {
            if let Err(why) = lookup {
                return Err(Error::unsupported(dir.provider, "resolve_emails", why));
            }
            (None, Resolution::Unresolved)
        } else {
            (Some(entry.to_owned()), Resolution::AsGiven)
        };
        entries.push(DesiredEntry {
            entry: entry.to_owned(),
            user_id,
            resolution,
        });
    }
    let unresolved: Vec<&str> = entries
        .iter()
        .filter(|e| e.user_id.is_none())
        .map(|e| e.entry.as_str())
        .collect();
    if !unresolved.is_empty() && !options.skip_unresolved {
        let shown: Vec<&str> = unresolved.iter().take(5).copied().collect();
        return Err(Error::refused(
            "unresolved",
            format!(
                "{} desired {} no user: {}{}; fix them, or set skip_unresolved (CLI: --skip-unresolved) to sync the rest and report these",
                unresolved.len(),
                if unresolved.len() == 1 { "entry matches" } else { "entries match" },
                shown.join(", "),
                if unresolved.len() > shown.len() { ", ..." } else { "" }
            ),
        ));
    }
    // Linear in members + desired: one pass over each in its own order,
    // hash lookups only, never a scan inside a loop. The lists are built in
    // input order and then sorted (the plan's order is stable whatever the
    // hash seed), so input that is already sorted sorts in one pass and the
    // comparisons walk memory in order instead of in hash order.
    let current = &member_ix.by_id;
    let mut wanted: HashSet<&str> =
        HashSet::with_capacity_and_hasher(entries.len(), Default::default());
    let (mut to_add, mut unchanged) = (Vec::new(), Vec::new());
    for id in entries.iter().filter_map(|e| e.user_id.as_deref()) {
        if wanted.insert(id) {
            if current.contains(id) {
                unchanged.push(id);
            } else {
                to_add.push(id);
            }
        }
    }
    let to_remove: Vec<&str> = match options.mode {
        SyncMode::Additive => Vec::new(),
        SyncMode::Authoritative => members
            .iter()
            .map(|m| m.user_id.as_str())
            .filter(|id| !wanted.contains(id))
            .collect(),
    };
    let owned_sorted = |mut ids: Vec<&str>| -> Vec<String> {
        ids.sort_unstable();
        // A vendor listing the same member twice is one removal.
        ids.dedup();
        ids.into_iter().map(str::to_owned).collect()
    };
    let (to_add, unchanged) = (owned_sorted(to_add), owned_sorted(unchanged));
    let to_remove = owned_sorted(to_remove);
    if !to_remove.is_empty() && !options.allow_mass_removal {
        if unchanged.is_empty() {
            return Err(Error::refused(
                "no_overlap",
                format!(
                    "none of the {} desired entries is a current member, so all {} members would be removed; check that the list names the same people (ids vs emails), or set allow_mass_removal (CLI: --allow-mass-removal)",
                    entries.len(),
                    to_remove.len()
                ),
            ));
        }
        let limit = u64::from(options.max_removal_percent);
        if (to_remove.len() as u64) * 100 > (current.len() as u64) * limit {
            return Err(Error::refused(
                "mass_removal",
                format!(
                    "the plan removes {} of {} members, more than {limit}%; set allow_mass_removal (CLI: --allow-mass-removal) or raise max_removal_percent to go ahead",
                    to_remove.len(),
                    current.len()
                ),
            ));
        }
    }
    let steps = steps(dir, group_id, &to_add, &to_remove)?;
    Ok(MembershipPlan {
        provider: dir.provider,
        group_id: group_id.to_owned(),
        mode: Some(options.mode),
        entries,
        current_count: members.len() as u64,
        call_count: steps.iter().map(PlannedStep::call_count).sum(),
        to_add,
        to_remove,
        unchanged,
        steps,
    })
}

impl Directory {
    /// The machine that reads the members (and the users, when an entry
    /// needs looking up) and plans the sync.
    pub(crate) fn plan_machine(
        &self,
        group_id: &str,
        desired: Vec<String>,
        options: SyncOptions,
    ) -> Result<BoxMachine<MembershipPlan>, Error> {
        crate::validate::ids("desired", &desired, false)?;
        let members = self.members_machine(group_id)?;
        let (dir, group_id) = (self.clone(), group_id.to_owned());
        // Refuse an empty list before any request.
        if desired.is_empty() && !options.allow_empty {
            plan_sync(&dir, &group_id, &desired, &options, &[], None)?;
        }
        Ok(then(members, move |members| {
            if !needs_directory(dir.provider, &desired, &members) {
                let plan = plan_sync(&dir, &group_id, &desired, &options, &members, None)?;
                return Ok(Next::Done(plan));
            }
            let users = dir.users_machine()?;
            Ok(Next::Run(then(users, move |users| {
                let plan = plan_sync(&dir, &group_id, &desired, &options, &members, Some(&users))?;
                Ok(Next::Done(plan))
            })))
        }))
    }

    /// Reads the group's members (and the vendor's users when an entry needs
    /// looking up) and plans the fewest calls that make the group match
    /// `desired` (vendor user ids or emails). Nothing is changed. Guards
    /// refuse risky plans with [`Error::Refused`].
    pub fn plan_sync(
        &self,
        group_id: &str,
        desired: Vec<String>,
        options: SyncOptions,
        ctx: Context,
    ) -> Result<Flow<MembershipPlan>, Error> {
        if !capabilities(self.provider).list_members.supported {
            return Err(Error::unsupported(
                self.provider,
                "sync_members",
                capabilities(self.provider).list_members.note,
            ));
        }
        // Where the vendor has no way to look an email up, its members carry
        // none either: refuse before any request rather than after a listing.
        if let Err(why) = email_lookup(self.provider) {
            if desired.iter().any(|d| looks_like_email(d.trim())) {
                return Err(Error::unsupported(self.provider, "resolve_emails", why));
            }
        }
        Ok(Flow::from_machine(
            ctx,
            self.plan_machine(group_id, desired, options)?,
        ))
    }
}

impl Directory {
    /// Plans a sync and applies it, one call at a time: the sans-IO form of
    /// plan + apply. Hosts with a concurrent driver plan, then use
    /// [`super::Apply`].
    pub fn sync_members(
        &self,
        group_id: &str,
        desired: Vec<String>,
        options: SyncOptions,
        ctx: Context,
    ) -> Result<Flow<super::ApplyReport>, Error> {
        let plan = self.plan_sync(group_id, desired, options, ctx.clone())?;
        let machine = then(plan.into_machine(), |plan| {
            Ok(Next::Run(super::apply::sequential(plan)?))
        });
        Ok(Flow::from_machine(ctx, machine))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, email: &str) -> Member {
        Member {
            user_id: id.into(),
            email: Some(email.into()),
            ..Member::default()
        }
    }

    fn ssw() -> Directory {
        Directory::new(Provider::Ssw)
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn emails_of_members_leave_the_group_unchanged() {
        let members = [member("u1", "a@x.io"), member("u2", "B@x.io")];
        let opts = SyncOptions::new(SyncMode::Authoritative);
        let p = plan_sync(
            &ssw(),
            "g",
            &strings(&["A@X.io", "b@x.io"]),
            &opts,
            &members,
            None,
        )
        .unwrap();
        assert!(p.is_empty());
        assert_eq!(p.unchanged, ["u1", "u2"]);
        assert!(p.entries.iter().all(|e| e.resolution == Resolution::Member));
    }

    #[test]
    fn guards_refuse_and_options_override() {
        let members: Vec<Member> = (0..10)
            .map(|i| member(&format!("u{i}"), &format!("{i}@x.io")))
            .collect();
        let auth = SyncOptions::new(SyncMode::Authoritative);
        let guard = |r: Result<MembershipPlan, Error>| match r {
            Err(Error::Refused { guard, .. }) => guard,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            guard(plan_sync(&ssw(), "g", &[], &auth, &members, None)),
            "empty_desired"
        );
        assert_eq!(
            guard(plan_sync(
                &ssw(),
                "g",
                &strings(&["zz"]),
                &auth,
                &members,
                Some(&[])
            )),
            "unresolved"
        );
        let users = [User {
            id: "new".into(),
            ..User::default()
        }];
        assert_eq!(
            guard(plan_sync(
                &ssw(),
                "g",
                &strings(&["new"]),
                &auth,
                &members,
                Some(&users)
            )),
            "no_overlap"
        );
        assert_eq!(
            guard(plan_sync(
                &ssw(),
                "g",
                &strings(&["u1", "u2"]),
                &auth,
                &members,
                None
            )),
            "mass_removal"
        );
        let mut ok = auth.clone();
        ok.allow_mass_removal = true;
        let p = plan_sync(&ssw(), "g", &strings(&["u1", "u2"]), &ok, &members, None).unwrap();
        assert_eq!(p.to_remove.len(), 8);
        let additive = SyncOptions::new(SyncMode::Additive);
        let p = plan_sync(
            &ssw(),
            "g",
            &strings(&["u1", "new"]),
            &additive,
            &members,
            Some(&users),
        )
        .unwrap();
        assert_eq!((p.to_add.len(), p.to_remove.len()), (1, 0));
        let mut skip = auth;
        skip.skip_unresolved = true;
        let p = plan_sync(
            &ssw(),
            "g",
            &strings(&["u1", "u2", "u3", "u4", "u5", "u6", "ghost"]),
            &skip,
            &members,
            Some(&users),
        )
        .unwrap();
        assert_eq!(p.unresolved().count(), 1);
        assert_eq!(p.to_remove.len(), 4);
    }

    #[test]
    fn emails_need_a_lookup_the_vendor_offers() {
        let spot = Directory::with_tenant(Provider::Spotnana, "c");
        let opts = SyncOptions::new(SyncMode::Additive);
        let err = plan_sync(&spot, "g", &strings(&["a@x.io"]), &opts, &[], None).unwrap_err();
        assert_eq!(err.kind(), "unsupported");
        let p = plan_sync(&spot, "g", &strings(&["u9"]), &opts, &[], None).unwrap();
        assert_eq!(p.entries[0].resolution, Resolution::AsGiven);
    }

    #[test]
    fn planning_is_linear() {
        let members: Vec<Member> = (0..40_000)
            .map(|i| member(&format!("u{i}"), &format!("{i}@x.io")))
            .collect();
        let desired: Vec<String> = (20_000..60_000).map(|i| format!("u{i}")).collect();
        let mut opts = SyncOptions::new(SyncMode::Authoritative);
        opts.skip_unresolved = true;
        let p = plan_sync(
            &Directory::with_tenant(Provider::Spotnana, "c"),
            "g",
            &desired,
            &opts,
            &members,
            None,
        )
        .unwrap();
        // A quadratic plan would take minutes here; the benchmark measures it.
        assert_eq!((p.to_add.len(), p.to_remove.len()), (20_000, 20_000));
    }
}
