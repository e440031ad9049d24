//! Where values came from: a file, a form, an API call.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::measurement::values::SourceKind;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::StoreResult;

/// Where a batch of values came from: a file, a form, an API call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct DataSource {
    pub id: DataSourceId,
    pub initiative_id: InitiativeId,
    pub kind: SourceKind,
    /// The file's name, or a description of the form.
    pub name: String,
    /// The account that sent it.
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    /// How many values it carried.
    pub rows: u64,
}

/// A new source, written with its values.
#[derive(Clone, Debug)]
pub struct NewSource {
    pub kind: SourceKind,
    pub name: String,
}

/// The sources of an initiative's values. A source is written with its values
/// ([`crate::ValueStore::write_values`]), never alone.
#[async_trait]
pub trait DataSourceStore: Send + Sync {
    async fn data_source(&self, id: DataSourceId) -> StoreResult<DataSource>;
    /// Newest first.
    async fn data_sources(&self, initiative: InitiativeId) -> StoreResult<Vec<DataSource>>;
}
