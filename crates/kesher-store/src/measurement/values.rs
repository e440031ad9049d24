//! Data values: what was measured, where, when, in which breakdown cell, and every
//! earlier reading of it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::{MissingReason, ValueState};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, DataSource, NewSource, PlaceRow, StoreResult};

/// One value to write.
#[derive(Clone, Debug, PartialEq)]
pub struct NewValue {
    pub indicator_id: IndicatorId,
    pub place_id: PlaceId,
    pub period: Period,
    pub cell: Cell,
    pub value: Option<f64>,
    pub missing: Option<MissingReason>,
    pub note: Option<String>,
}

/// One approved number, as [`ValueStore::visit_approved_values`] hands it over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ApprovedValue<'a> {
    pub indicator_id: IndicatorId,
    pub period: Period,
    pub place_id: PlaceId,
    pub cell: &'a Cell,
    /// `None`: the value is unknown (missing or suppressed).
    pub value: Option<f64>,
}

/// The key of a value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
pub struct ValueKey {
    pub indicator_id: IndicatorId,
    pub place_id: PlaceId,
    #[schema(value_type = String)]
    pub period: Period,
    #[schema(value_type = String)]
    pub cell: Cell,
}

/// A stored value.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct DataValue {
    pub indicator_id: IndicatorId,
    pub place_id: PlaceId,
    #[schema(value_type = String)]
    pub period: Period,
    /// The breakdown cell (`gender=female`), empty for the total.
    #[schema(value_type = String)]
    pub cell: Cell,
    pub value: Option<f64>,
    pub missing: Option<MissingReason>,
    /// The reason for a missing value, or the backbone's comment on a returned one.
    pub note: Option<String>,
    pub state: ValueState,
    pub source_id: DataSourceId,
}

impl DataValue {
    pub fn key(&self) -> ValueKey {
        ValueKey {
            indicator_id: self.indicator_id,
            place_id: self.place_id,
            period: self.period,
            cell: self.cell.clone(),
        }
    }
}

/// An earlier reading of a value, kept when it was replaced or changed state.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ValueVersion {
    pub value: Option<f64>,
    pub missing: Option<MissingReason>,
    pub note: Option<String>,
    pub state: ValueState,
    pub source: DataSource,
    /// When this reading stopped being the current one; `None` for the current reading.
    pub replaced_at: Option<DateTime<Utc>>,
}

/// What a write of values did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ValueWriteOutcome {
    pub source_id: DataSourceId,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

/// Which values to read. Empty lists mean "all".
#[derive(Clone, Debug, Default)]
pub struct ValueFilter {
    pub indicator_ids: Vec<IndicatorId>,
    pub periods: Vec<Period>,
    pub place_ids: Vec<PlaceId>,
    pub states: Vec<ValueState>,
    /// Only totals, no breakdown cells.
    pub totals_only: bool,
}

/// Values from one source being written, a batch at a time, in one transaction.
#[async_trait]
pub trait ValueWriter: Send {
    /// Adds `new_places`, then holds `values` until the end. A value names a new place by
    /// its placeholder, counted on from the new places of earlier batches.
    async fn add(&mut self, new_places: &[PlaceRow], values: &[NewValue]) -> StoreResult<()>;
    /// Merges every batch into the stored values, records the audit entry and commits.
    async fn finish(self: Box<Self>) -> StoreResult<ValueWriteOutcome>;
}

/// The values of an initiative: written set-wise, moved through the approval workflow,
/// read back whole or one at a time.
#[async_trait]
pub trait ValueStore: Send + Sync {
    /// Writes values from one source in one transaction, in the given state, after adding
    /// `new_places` (as `import_places` does; a value names one by [`PlaceRow::placeholder`]).
    /// A value equal to the stored one (number, reason and state) is left alone; a value
    /// merely missing never replaces a stored number; any other replaces it, and the old
    /// reading goes to its history. One audit entry names the source and the counts.
    async fn write_values(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        source: &NewSource,
        new_places: &[PlaceRow],
        values: &[NewValue],
        state: ValueState,
    ) -> StoreResult<ValueWriteOutcome> {
        let mut writer = self.begin_values(actor, initiative, source, state).await?;
        writer.add(new_places, values).await?;
        writer.finish().await
    }
    /// [`Self::write_values`] a batch at a time, for files too large to hold whole: the
    /// writer holds one transaction until [`ValueWriter::finish`], and dropping it keeps
    /// nothing.
    async fn begin_values(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        source: &NewSource,
        state: ValueState,
    ) -> StoreResult<Box<dyn ValueWriter>>;
    /// Moves values from one of `from` to `to` (the approval workflow), with an optional note
    /// (the backbone's comment). Returns how many moved; the old readings join their history.
    async fn change_value_state(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        keys: &[ValueKey],
        from: &[ValueState],
        to: ValueState,
        note: Option<&str>,
    ) -> StoreResult<u64>;
    async fn values(&self, filter: &ValueFilter) -> StoreResult<Vec<DataValue>>;
    /// Hands every approved value of the initiative's entered indicators to `visit`, one at
    /// a time and in key order, so that millions of them can be added up without being held
    /// as rows. A value missing or suppressed comes as `None` (it is unknown); one marked
    /// not applicable is left out.
    async fn visit_approved_values(
        &self,
        initiative: InitiativeId,
        visit: &mut (dyn for<'c> FnMut(ApprovedValue<'c>) + Send),
    ) -> StoreResult<()>;
    /// The periods an indicator has values for, in order.
    async fn value_periods(&self, indicator: IndicatorId) -> StoreResult<Vec<Period>>;
    /// The current reading first, then earlier ones, newest first.
    async fn value_history(&self, key: &ValueKey) -> StoreResult<Vec<ValueVersion>>;
}
