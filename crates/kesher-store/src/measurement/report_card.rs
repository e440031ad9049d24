//! The public report card.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// An initiative's public report card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ReportCard {
    pub initiative_id: InitiativeId,
    /// The unguessable part of its public address, `/report/{slug}`.
    pub slug: String,
    pub title: String,
    /// Indicator codes, in the order shown.
    pub indicators: Vec<String>,
    /// Figures built from fewer people than this are hidden.
    pub threshold: u32,
    pub published: bool,
    pub updated_at: DateTime<Utc>,
}

/// The report card as the backbone sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportCardInput {
    pub title: String,
    pub indicators: Vec<String>,
    pub threshold: u32,
    pub published: bool,
}

/// The public report card.
#[async_trait]
pub trait ReportCardStore: Send + Sync {
    async fn report_card(&self, initiative: InitiativeId) -> StoreResult<Option<ReportCard>>;
    async fn report_card_by_slug(&self, slug: &str) -> StoreResult<Option<ReportCard>>;
    /// Creates the card with `slug` the first time; later saves keep the slug.
    async fn save_report_card(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        slug: &str,
        input: &ReportCardInput,
    ) -> StoreResult<ReportCard>;
}
