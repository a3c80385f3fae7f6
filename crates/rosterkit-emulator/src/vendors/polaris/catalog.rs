//! Polaris's fixed reference data: the organization's permissions, the four
//! predefined groups and the sample projects, as the vendor document lists
//! them (names, ids and scopes are data and are reproduced exactly).

/// Where a permission applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Granted per project; the catalog lists it for all projects.
    Projects,
    /// Organization-wide; carries no resources.
    Organization,
}

use Scope::{Organization as Org, Projects as Proj};

/// Every permission, in the order the permission listing returns them.
pub(crate) const PERMISSIONS: &[(&str, Scope)] = &[
    ("ManageDashboards", Proj),
    ("ManageCollections", Proj),
    ("AdministerEmbedLinks", Proj),
    ("ReadDataSources", Proj),
    ("ManageFiles", Proj),
    ("AdministerProjects", Org),
    ("CreateElevatedAlerts", Proj),
    ("AdministerAlerts", Proj),
    ("AdministerQueries", Proj),
    ("AdministerApiKeys", Org),
    ("AccessMetrics", Proj),
    ("AccessVisualization", Proj),
    ("AccessScaling", Proj),
    ("AdministerBilling", Org),
    ("ManageAlertsWebhooks", Proj),
    ("ManageConnections", Proj),
    ("ManageDataCubes", Proj),
    ("ManageReports", Proj),
    ("AccessAlerts", Proj),
    ("AccessCollections", Proj),
    ("AdministerClients", Org),
    ("ManageTables", Proj),
    ("AccessReports", Proj),
    ("AdministerScaling", Proj),
    ("AccessQueries", Proj),
    ("AccessQueryRawData", Proj),
    ("AccessMonitorQueries", Proj),
    ("ManageApiKeys", Org),
    ("AdministerDataCubes", Proj),
    ("ManageProjects", Proj),
    ("ViewTables", Proj),
    ("ManageIngestionJobs", Proj),
    ("AdministerUsers", Org),
    ("AdministerReports", Proj),
    ("AdministerCustomizations", Org),
    ("AccessDownloadData", Proj),
    ("AdministerDashboards", Proj),
    ("AccessDownloadLargeData", Proj),
    ("ManageAlerts", Proj),
];

/// The one permission the listing describes; worded here in our own terms.
pub(crate) const BILLING_PERMISSION: (&str, &str) = (
    "AdministerBilling",
    "Lets clients view and change the organization's payment details",
);

/// The scope of a permission, or `None` if no such permission exists.
pub(crate) fn scope_of(name: &str) -> Option<Scope> {
    PERMISSIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, scope)| *scope)
}

/// A predefined, read-only group: id, name and permission names in listing
/// order (one name appears twice in the vendor's own listing; kept as is).
pub(crate) struct Predefined {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) permissions: &'static [&'static str],
    /// How many sample users the seed puts in it (the listing's counts).
    pub(crate) user_count: usize,
}

pub(crate) const PREDEFINED_GROUPS: &[Predefined] = &[
    Predefined {
        id: "de7af765-6235-4b18-a5ab-2314e28c9e0d",
        name: "Data Analyst",
        permissions: &[
            "AccessQueries",
            "ManageDashboards",
            "ManageCollections",
            "ViewTables",
            "ManageDataCubes",
            "AccessAlerts",
            "AccessCollections",
            "AccessVisualization",
            "AccessScaling",
            "AccessReports",
            "AccessDownloadData",
            "AccessDownloadLargeData",
        ],
        user_count: 9,
    },
    Predefined {
        id: "6b7612cf-7687-4d6e-a036-665655f20550",
        name: "Data Manager",
        permissions: &[
            "ManageDashboards",
            "ManageCollections",
            "ManageFiles",
            "AdministerQueries",
            "AccessMetrics",
            "AccessVisualization",
            "AccessScaling",
            "ManageAlertsWebhooks",
            "ManageConnections",
            "ManageReports",
            "ManageDataCubes",
            "AccessAlerts",
            "AccessCollections",
            "ManageTables",
            "AccessReports",
            "AdministerScaling",
            "AccessQueries",
            "AccessQueryRawData",
            "AccessMonitorQueries",
            "ManageApiKeys",
            "ManageProjects",
            "ViewTables",
            "ManageIngestionJobs",
            "AccessDownloadData",
            "AccessDownloadLargeData",
            "ManageAlerts",
        ],
        user_count: 163,
    },
    Predefined {
        id: "540cbe7b-c283-4824-804e-566a3d22f3ac",
        name: "Organization Admin",
        permissions: &[
            "ManageDashboards",
            "ManageCollections",
            "AdministerEmbedLinks",
            "ManageFiles",
            "AdministerProjects",
            "AdministerQueries",
            "AdministerAlerts",
            "AdministerApiKeys",
            "AccessMetrics",
            "AccessVisualization",
            "AccessScaling",
            "ManageAlertsWebhooks",
            "AdministerBilling",
            "ManageConnections",
            "ManageReports",
            "ManageDataCubes",
            "AdministerClients",
            "AccessAlerts",
            "AccessCollections",
            "ManageTables",
            "AccessReports",
            "AdministerScaling",
            "AccessQueries",
            "AccessQueryRawData",
            "AccessMonitorQueries",
            "ManageProjects",
            "ViewTables",
            "AdministerDataCubes",
            "ManageIngestionJobs",
            "AdministerUsers",
            "AdministerReports",
            "AdministerCustomizations",
            "AdministerDashboards",
            "AccessDownloadData",
            "AccessDownloadLargeData",
            "ManageAlerts",
        ],
        user_count: 39,
    },
    Predefined {
        id: "d919f276-7857-4b59-a616-0c2540fb4ad1",
        name: "Viewer",
        permissions: &["ViewTables", "AccessCollections", "AccessVisualization"],
        user_count: 18,
    },
];

/// The sample projects: the two ids the document scopes permissions to.
pub(crate) const PROJECTS: &[(&str, &str)] = &[
    ("45c024f4-1254-4b58-8207-4111d2f80669", "Web Analytics"),
    ("5c9116aa-91ae-41f3-b484-8e45300c961a", "Sales Operations"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_consistent() {
        assert_eq!(PERMISSIONS.len(), 39);
        for group in PREDEFINED_GROUPS {
            for p in group.permissions {
                assert!(scope_of(p).is_some(), "{p} is not a known permission");
            }
        }
        assert_eq!(scope_of(BILLING_PERMISSION.0), Some(Scope::Organization));
    }
}
