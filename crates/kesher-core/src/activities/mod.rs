//! Mutually reinforcing activities: partners' programs, the alignment map that lines them
//! up against the common agenda's goals and places, the work plan, partners' commitments
//! and joint funding requests.

pub mod alignment;
pub mod commitments;
pub mod contribution;
pub mod funding;
pub mod hsds;
pub mod program_import;
pub mod programs;
pub mod work_plans;

use kesher_domain::agenda::ResultKind;
use kesher_domain::validation::Checker;
use kesher_domain::{InitiativeId, Invalid, OrganizationId, ResultNodeId};

use crate::{CoreResult, Kesher};

impl Kesher {
    /// What a program, a commitment and a funding request all name: one of the
    /// initiative's partners, at `organization_id`, and nodes of its results tree at
    /// `results_field` — a goal, a lever or an action component, never the mission, which
    /// is everyone's. A field that names something else is refused at that field.
    pub(crate) async fn check_partner_and_nodes(
        &self,
        initiative: InitiativeId,
        organization: OrganizationId,
        (results_field, nodes): (&'static str, &[ResultNodeId]),
        c: &mut Checker,
    ) -> CoreResult<()> {
        let organizations = self
            .store
            .list_organizations(initiative, &Default::default())
            .await?;
        if !organizations.iter().any(|o| o.id == organization) {
            c.push("organization_id", Invalid::Choice);
        }
        let results = self.store.results(initiative).await?;
        let servable = |id: &ResultNodeId| {
            results
                .iter()
                .any(|r| r.id == *id && r.kind != ResultKind::Mission)
        };
        if !nodes.iter().all(servable) {
            c.push(results_field, Invalid::Choice);
        }
        Ok(())
    }
}
