//! Saved column mappings, reused for files of the same shape.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A saved mapping of a file's columns to what they mean, reused for files of the same shape.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ColumnMapping {
    pub id: ColumnMappingId,
    pub initiative_id: InitiativeId,
    /// `places`, `values_long` or `values_wide`.
    pub purpose: String,
    pub name: String,
    /// Column meaning → header, as the import screen built it.
    #[schema(value_type = Object)]
    pub mapping: serde_json::Value,
    pub updated_at: DateTime<Utc>,
}

/// The column mappings an initiative saved.
#[async_trait]
pub trait ColumnMappingStore: Send + Sync {
    /// Saves a mapping under its name (replacing one of the same purpose and name).
    async fn save_column_mapping(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        purpose: &str,
        name: &str,
        mapping: &serde_json::Value,
    ) -> StoreResult<ColumnMapping>;
    async fn column_mappings(&self, initiative: InitiativeId) -> StoreResult<Vec<ColumnMapping>>;
}
