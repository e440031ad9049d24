//! Reading the audit log: an organization's history, and the initiative's whole log for
//! the backbone.

use kesher_domain::InitiativeId;
use kesher_store::{AuditEntry, AuditFilter, Organization, Person};

use crate::{Caller, CoreResult, Kesher};

impl Kesher {
    /// Changes to an organization and to its present people while they belonged to it,
    /// newest first. A person's entries from a time at another organization belong to that
    /// organization's history, not this one's: its readers may not see them.
    pub(crate) async fn organization_history(
        &self,
        organization: &Organization,
        people: &[Person],
    ) -> CoreResult<Vec<AuditEntry>> {
        let mut subjects = vec![("organization".to_string(), organization.id.get())];
        subjects.extend(people.iter().map(|p| ("person".to_string(), p.id.get())));
        let entries = self
            .store
            .audit_entries(&AuditFilter {
                initiative_id: Some(organization.initiative_id),
                subjects,
                limit: 100,
            })
            .await?;
        let here = serde_json::Value::from(organization.id.get());
        let of_here = |state: &Option<serde_json::Value>| {
            state
                .as_ref()
                .and_then(|s| s.get("organization_id"))
                .is_some_and(|o| *o == here)
        };
        Ok(entries
            .into_iter()
            .filter(|e| e.entity != "person" || of_here(&e.before) || of_here(&e.after))
            .collect())
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
