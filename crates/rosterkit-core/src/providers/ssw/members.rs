//! `ssw.list_members`: GET /iam/v1/organization/members (vendor document
//! `000_9864484e91baf0a8.txt`, Step A).

use super::{envelope, MemberPage, MAX_PAGE_SIZE};
use crate::encode::RequestBuilder;
use crate::{validate, Endpoint, Error, Provider, Request, Target};
use serde::{Deserialize, Serialize};

/// Lists organization members, one page at a time.
///
/// `page`, `page_size`, `search` and `filter` are documented; `order`,
/// `roles`, `groups` and `active` are what the web UI sends and may vary by
/// deployment, so they are sent only when set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListMembers {
    /// 1-based page number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// Members per page, 1 to 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// Free-text search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// Deployment-defined filter expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// UI only: sort order, e.g. `status asc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    /// UI only: role filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<String>,
    /// UI only: group filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<String>,
    /// UI only: active filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
}

impl Endpoint for ListMembers {
    const ID: &'static str = "ssw.list_members";
    const PROVIDER: Provider = Provider::Ssw;
    type Output = MemberPage;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        validate::range_opt("page", self.page, 1, u64::from(u32::MAX))?;
        validate::range_opt("page_size", self.page_size, 1, MAX_PAGE_SIZE)?;
        Ok(RequestBuilder::new(target, Self::PROVIDER, "GET")?
            .path("/iam/v1/organization/members")
            .query_opt("page", self.page)
            .query_opt("page_size", self.page_size)
            .query_opt("search", self.search.as_ref())
            .query_opt("filter", self.filter.as_ref())
            .query_opt("order", self.order.as_ref())
            .query_opt("roles", self.roles.as_ref())
            .query_opt("groups", self.groups.as_ref())
            .query_opt("active", self.active.as_ref())
            .build())
    }

    envelope::data_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
