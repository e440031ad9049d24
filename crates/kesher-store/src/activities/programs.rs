//! Programs: what each partner runs, for which goals, where and for whom.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::activities::programs::ProgramInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A partner's program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Program {
    pub id: ProgramId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub name: String,
    pub description: Option<String>,
    /// The goals, levers and action components it serves.
    pub result_ids: Vec<ResultNodeId>,
    /// The places it names (it reaches those under them too).
    pub place_ids: Vec<PlaceId>,
    pub place_group_ids: Vec<PlaceGroupId>,
    /// Its own output measures.
    pub indicator_ids: Vec<IndicatorId>,
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    /// One of the initiative's core programs, rather than a general one.
    pub core: bool,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    /// Where its money comes from.
    pub funding: Vec<kesher_domain::activities::programs::FundingSource>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait ProgramStore: Send + Sync {
    /// A new program. Its organization, goals, places, groups and indicators must be the
    /// initiative's (`Conflict::WrongInitiative` otherwise, `NotFound` for none at all).
    async fn create_program(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ProgramInput,
    ) -> StoreResult<Program>;
    /// Several new programs in one transaction: all are written, or none (an import).
    async fn create_programs(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        inputs: &[ProgramInput],
    ) -> StoreResult<Vec<Program>>;
    /// Replaces a program's details and links, with the same checks.
    async fn edit_program(
        &self,
        actor: Actor,
        id: ProgramId,
        input: &ProgramInput,
    ) -> StoreResult<Program>;
    async fn delete_program(&self, actor: Actor, id: ProgramId) -> StoreResult<()>;
    async fn program(&self, id: ProgramId) -> StoreResult<Program>;
    /// The initiative's programs, by organization and name.
    async fn programs(&self, initiative: InitiativeId) -> StoreResult<Vec<Program>>;
}
