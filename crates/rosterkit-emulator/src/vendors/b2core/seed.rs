//! B2Core's sample back office: the documented `Administrators` group (id 1)
//! and a few dozen role-like groups over a realistic permission catalog.

use std::collections::BTreeMap;

use super::store::{B2Group, B2coreStore};
use crate::ids::IdGen;
use crate::seed::sample_indexes;

const PERMISSIONS: &[&str] = &[
    "accounts.create",
    "accounts.read",
    "accounts.update",
    "accounts.delete",
    "clients.create",
    "clients.read",
    "clients.update",
    "clients.block",
    "wallets.read",
    "wallets.update",
    "transactions.read",
    "transactions.approve",
    "transactions.reject",
    "deposits.read",
    "deposits.approve",
    "withdrawals.read",
    "withdrawals.approve",
    "kyc.read",
    "kyc.verify",
    "documents.read",
    "documents.upload",
    "reports.read",
    "reports.export",
    "settings.read",
    "settings.update",
    "groups.read",
    "groups.update",
    "audit.read",
    "trading.accounts.read",
    "trading.accounts.update",
    "ib.read",
    "ib.payouts.approve",
];

const GROUP_NAMES: &[&str] = &[
    "Back Office Managers",
    "Compliance Officers",
    "KYC Analysts",
    "Support Agents",
    "Senior Support Agents",
    "Finance Team",
    "Payments Approvers",
    "Risk Managers",
    "Dealing Desk",
    "Sales Managers",
    "Sales Agents",
    "IB Managers",
    "Marketing",
    "Auditors",
    "Read Only",
    "Onboarding Team",
    "Treasury",
    "Regional Managers EU",
    "Regional Managers APAC",
    "Regional Managers LATAM",
    "Reporting Analysts",
    "Document Reviewers",
    "Withdrawal Desk",
    "VIP Desk",
    "System Integrators",
];

impl B2coreStore {
    /// The deterministic sample back office.
    pub(crate) fn seeded() -> Self {
        let mut rng = IdGen::new(0x4232_0003);
        let mut groups = BTreeMap::new();
        groups.insert(
            1,
            B2Group {
                id: 1,
                name: "Administrators".to_owned(),
                permissions: vec!["accounts.create".to_owned(), "accounts.read".to_owned()],
            },
        );
        for (i, name) in GROUP_NAMES.iter().enumerate() {
            let id = i as u64 + 2;
            let count = 2 + rng.below(9);
            let permissions = sample_indexes(&mut rng, PERMISSIONS.len(), count)
                .into_iter()
                .map(|k| PERMISSIONS[k].to_owned())
                .collect();
            groups.insert(
                id,
                B2Group {
                    id,
                    name: (*name).to_owned(),
                    permissions,
                },
            );
        }
        let next_id = groups.keys().max().copied().unwrap_or(0) + 1;
        B2coreStore { groups, next_id }
    }
}
