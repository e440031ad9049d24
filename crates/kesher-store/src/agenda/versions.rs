//! The agenda's statements and boundaries, one saved version after another.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::agenda::{AgendaInput, Boundary};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One saved version of the agenda statements and boundaries. Versions never change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AgendaVersion {
    pub id: AgendaVersionId,
    pub initiative_id: InitiativeId,
    /// 1, 2, 3… within the initiative: the order of saving.
    pub number: u32,
    /// What people call it: "2" for a change of substance, "2.1" for the first
    /// wording-only mend after version 2 ([`kesher_domain::agenda::version_labels`]).
    pub label: String,
    pub problem: Option<String>,
    pub vision: Option<String>,
    pub vision_year: Option<i32>,
    pub mission: Option<String>,
    pub overarching_goal: Option<String>,
    /// What this revision changed.
    pub note: Option<String>,
    /// It mended the wording only: endorsements of the version before carry over.
    pub wording_only: bool,
    pub boundaries: Vec<Boundary>,
    /// Who saved it.
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The agenda's versions. Versions are only added, never changed.
#[async_trait]
pub trait AgendaVersionStore: Send + Sync {
    /// Saves the statements as the initiative's next version.
    async fn create_agenda_version(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &AgendaInput,
    ) -> StoreResult<AgendaVersion>;
    /// Every version, oldest first.
    async fn agenda_versions(&self, initiative: InitiativeId) -> StoreResult<Vec<AgendaVersion>>;
    async fn agenda_version(&self, id: AgendaVersionId) -> StoreResult<AgendaVersion>;
}
