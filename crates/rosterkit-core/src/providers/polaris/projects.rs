//! `polaris.list_projects`: GET /v1/projects (vendor document
//! `003_dd1a18090924cbef.txt`, to find project ids for permission resources).

use super::models::{Project, Values};
use crate::{parse, Endpoint, Error, Provider, Request, Target};
use serde::{Deserialize, Serialize};

/// Lists the organization's projects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListProjects {}

impl Endpoint for ListProjects {
    const ID: &'static str = "polaris.list_projects";
    const PROVIDER: Provider = Provider::Polaris;
    type Output = Values<Project>;

    fn request(&self, target: &Target) -> Result<Request, Error> {
        super::groups::get(target, "/v1/projects")
    }

    parse::json_body!();

    fn retry_safe(&self) -> bool {
        true
    }
}
