//! Partners' endorsements of agenda versions, and the board that shows them.

use std::collections::HashMap;

use kesher_domain::agenda::EndorsementForm;
use kesher_domain::*;
use kesher_store::{Endorsement, Organization, OrganizationFilter, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

/// Which partners signed which version of the agenda.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EndorsementBoard {
    /// The current version's number, if there is one.
    pub current_version: Option<u32>,
    /// The version an endorsement must reach to count as current: the latest change of
    /// substance (a wording-only version after it keeps the endorsements).
    pub binding_version: Option<u32>,
    /// Each version's number and what people call it ("2.1").
    pub labels: Vec<(u32, String)>,
    /// Every organization, with the latest version it endorsed.
    pub rows: Vec<EndorsementRow>,
    pub endorsements: Vec<Endorsement>,
}

impl EndorsementBoard {
    /// What people call version `number`.
    pub fn label_of(&self, number: u32) -> String {
        self.labels
            .iter()
            .find(|(n, _)| *n == number)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| number.to_string())
    }
}

/// One partner on the endorsement board.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EndorsementRow {
    pub organization: Organization,
    pub latest: Option<Endorsement>,
}

impl EndorsementRow {
    /// Signed the binding version or a later one (a wording-only mend of it).
    pub fn is_current(&self, binding: &Option<u32>) -> bool {
        matches!((&self.latest, binding), (Some(e), Some(b)) if e.version >= *b)
    }
}

impl Kesher {
    pub async fn endorsement_board(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<EndorsementBoard> {
        self.require(caller, initiative, |_| true).await?;
        let versions = self.store.agenda_versions(initiative).await?;
        let current_version = versions.last().map(|v| v.number);
        let binding_version = kesher_domain::agenda::binding_version(
            &versions
                .iter()
                .map(|v| (v.number, v.wording_only))
                .collect::<Vec<_>>(),
        );
        let labels = versions
            .iter()
            .map(|v| (v.number, v.label.clone()))
            .collect();
        let endorsements = self.store.endorsements(initiative).await?;
        let organizations = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?;
        let mut latest: HashMap<OrganizationId, Endorsement> = HashMap::new();
        for endorsement in &endorsements {
            let newer = latest
                .get(&endorsement.organization_id)
                .is_none_or(|e| e.version < endorsement.version);
            if newer {
                latest.insert(endorsement.organization_id, endorsement.clone());
            }
        }
        let rows = organizations
            .into_iter()
            .map(|organization| EndorsementRow {
                latest: latest.remove(&organization.id),
                organization,
            })
            .collect();
        Ok(EndorsementBoard {
            current_version,
            binding_version,
            labels,
            rows,
            endorsements,
        })
    }

    pub async fn create_endorsement(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &EndorsementForm,
    ) -> CoreResult<Endorsement> {
        let access = self
            .require(caller, initiative, |a| a.can_endorse())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        if !access.can_endorse_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        not_in_future("signed_on", input.signed_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        self.store
            .create_endorsement(caller.actor(), initiative, &input)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => CoreError::invalid("version", Invalid::Choice),
                StoreError::Conflict(kesher_store::Conflict::WrongInitiative) => {
                    CoreError::invalid("organization_id", Invalid::Choice)
                }
                other => other.into(),
            })
    }

    pub async fn delete_endorsement(&self, caller: &Caller, id: EndorsementId) -> CoreResult<()> {
        let found = self.store.endorsement(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_endorsement(caller.actor(), id).await?)
    }
}
