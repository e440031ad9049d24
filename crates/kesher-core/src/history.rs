//! Reading the audit log: an organization's history, and the initiative's whole log for
//! the backbone.

use kesher_domain::InitiativeId;
use kesher_store::{AuditEntry, AuditFilter, Organization, Person};

use crate::{Caller, CoreResult, Kesher};

impl Kesher {
    /// Changes to an organization and to its present people, newest first.
    pub(crate) async fn organization_history(
        &self,
        organization: &Organization,
        people: &[Person],
    ) -> CoreResult<Vec<AuditEntry>> {
        let mut subjects = vec![("organization".to_string(), organization.id.get())];
        subjects.extend(people.iter().map(|p| ("person".to_string(), p.id.get())));
        Ok(self
            .store
            .audit_entries(&AuditFilter {
                initiative_id: Some(organization.initiative_id),
                subjects,
                limit: 100,
            })
            .await?)
    }

    /// The initiative's audit log, newest first (the backbone's view).
    pub async fn audit_log(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        limit: u32,
    ) -> CoreResult<Vec<AuditEntry>> {
        self.require(caller, initiative, |a| a.can_read_audit_log())
            .await?;
        Ok(self
            .store
            .audit_entries(&AuditFilter {
                initiative_id: Some(initiative),
                subjects: Vec::new(),
                limit: limit.clamp(1, 500),
            })
            .await?)
    }
}
