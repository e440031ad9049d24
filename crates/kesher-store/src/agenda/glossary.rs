//! The glossary: agreed terms, each with every version of its definition.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::agenda::{AdoptionInput, DefinitionInput};
use kesher_domain::text::Name;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One version of a term's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Definition {
    pub id: DefinitionId,
    pub term_id: TermId,
    /// 1, 2, 3… within the term.
    pub number: u32,
    pub definition: String,
    pub proposed_by_organization_id: Option<OrganizationId>,
    pub proposed_by_organization_name: Option<String>,
    /// The account that entered the proposal.
    pub proposed_by_user: Option<String>,
    /// When this version was adopted, and by which body.
    pub adopted_on: Option<NaiveDate>,
    pub adopted_by_body_id: Option<BodyId>,
    pub adopted_by_body_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// An agreed term of the glossary, with every version of its definition, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct GlossaryTerm {
    pub id: TermId,
    pub initiative_id: InitiativeId,
    pub term: String,
    pub definitions: Vec<Definition>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl GlossaryTerm {
    /// The definition in force: the latest adopted one.
    pub fn adopted(&self) -> Option<&Definition> {
        self.definitions
            .iter()
            .rev()
            .find(|d| d.adopted_on.is_some())
    }
}

/// The glossary of an initiative. Records it refers to by id must belong to the
/// same initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait GlossaryStore: Send + Sync {
    async fn create_term(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        term: &Name,
        first: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn rename_term(&self, actor: Actor, id: TermId, term: &Name)
    -> StoreResult<GlossaryTerm>;
    /// Adds a definition as the term's next version (not yet adopted).
    async fn add_definition(
        &self,
        actor: Actor,
        term: TermId,
        input: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn adopt_definition(
        &self,
        actor: Actor,
        id: DefinitionId,
        input: &AdoptionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn term(&self, id: TermId) -> StoreResult<GlossaryTerm>;
    async fn term_of_definition(&self, id: DefinitionId) -> StoreResult<GlossaryTerm>;
    async fn terms(&self, initiative: InitiativeId) -> StoreResult<Vec<GlossaryTerm>>;
}
