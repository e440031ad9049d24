//! The storage of shared measurement: places and their groups, indicators with targets,
//! data values with where each came from and its history, saved column mappings.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Cell, Direction, Frequency, IndicatorInput, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::measurement::quality::ValidationRule;
use kesher_domain::measurement::values::{MissingReason, SourceKind, TargetInput, ValueState};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A place: the country, a district, an authority, a school.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Place {
    pub id: PlaceId,
    pub initiative_id: InitiativeId,
    pub parent_id: Option<PlaceId>,
    pub kind: PlaceKind,
    /// סמל מוסד for a school, the CBS code for an authority.
    pub code: Option<String>,
    pub name: String,
    pub attributes: PlaceAttributes,
}

/// One row of a places import. Its parent is named by kind and code (or name, when the
/// source has no code for it) and may be another row of the same import.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    pub kind: PlaceKind,
    pub code: Option<String>,
    pub name: String,
    pub parent: Option<PlaceKey>,
    pub attributes: PlaceAttributes,
}

impl PlaceRow {
    /// The stand-in id a [`NewValue`] gives a place that is written in the same call
    /// (`MeasurementStore::write_values`'s `new_places`, by index): -1 for the first.
    pub fn placeholder(index: usize) -> PlaceId {
        PlaceId::new(-(index as i64) - 1)
    }

    /// The index a stand-in id points at; `None` for a stored place's id.
    pub fn placeholder_index(id: PlaceId) -> Option<usize> {
        (id.get() < 0).then(|| (-id.get() - 1) as usize)
    }
}

/// How an import names a place: its code where it has one, else its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlaceKey {
    pub kind: PlaceKind,
    /// The code, or the folded name.
    pub key: String,
}

/// What a places import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct PlaceImportOutcome {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// A named group of places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct PlaceGroup {
    pub id: PlaceGroupId,
    pub initiative_id: InitiativeId,
    pub name: String,
    pub place_ids: Vec<PlaceId>,
}

/// A target an indicator aims at for one period.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Target {
    pub id: TargetId,
    pub indicator_id: IndicatorId,
    #[schema(value_type = String)]
    pub period: Period,
    pub value: Option<f64>,
    /// The place whose value the target follows (the national average).
    pub benchmark_place_id: Option<PlaceId>,
    pub note: Option<String>,
}

/// An indicator with its targets, earliest first.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Indicator {
    pub id: IndicatorId,
    pub initiative_id: InitiativeId,
    pub code: String,
    pub name_he: String,
    pub name_en: Option<String>,
    pub definition_he: Option<String>,
    pub definition_en: Option<String>,
    pub unit: Unit,
    pub direction: Direction,
    pub kind: IndicatorKind,
    pub scale_max: Option<i64>,
    pub axis: Axis,
    pub result_node_id: Option<ResultNodeId>,
    pub data_source: Option<String>,
    pub frequency: Frequency,
    pub period_kind: PeriodKind,
    pub owner_organization_id: Option<OrganizationId>,
    pub aggregation: Aggregation,
    pub weight_code: Option<String>,
    pub formula: Option<String>,
    pub population_code: Option<String>,
    pub decimals: u8,
    pub breakdowns: Vec<String>,
    pub valid_min: Option<f64>,
    pub valid_max: Option<f64>,
    #[schema(value_type = Option<String>)]
    pub baseline_period: Option<Period>,
    pub baseline_value: Option<f64>,
    /// Which places are expected to report: `previous_period`, `all_schools`, `place_group`.
    pub coverage_expected: Expected,
    pub coverage_group_id: Option<PlaceGroupId>,
    /// In percent: below it a period is provisional.
    pub coverage_threshold: f64,
    /// A change no larger than this is no real change; `None`: 1% of the baseline.
    pub no_change_band: Option<f64>,
    pub targets: Vec<Target>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Indicator {
    /// The name in the user's language (Hebrew when there is no English one).
    pub fn name_in(&self, english: bool) -> &str {
        match (&self.name_en, english) {
            (Some(name), true) => name,
            _ => &self.name_he,
        }
    }

    pub fn is_computed(&self) -> bool {
        self.formula.is_some()
    }
}

/// A stored validation rule between two indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredRule {
    pub id: i64,
    pub initiative_id: InitiativeId,
    pub rule: ValidationRule,
}

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

/// One approved number, as [`MeasurementStore::visit_approved_values`] hands it over.
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

/// Values from one source being written, a batch at a time, in one transaction.
#[async_trait]
pub trait ValueWriter: Send {
    /// Adds `new_places`, then holds `values` until the end. A value names a new place by
    /// its placeholder, counted on from the new places of earlier batches.
    async fn add(&mut self, new_places: &[PlaceRow], values: &[NewValue]) -> StoreResult<()>;
    /// Merges every batch into the stored values, records the audit entry and commits.
    async fn finish(self: Box<Self>) -> StoreResult<ValueWriteOutcome>;
}

/// Places, indicators, values and their sources.
#[async_trait]
pub trait MeasurementStore: Send + Sync {
    async fn create_place(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &PlaceInput,
    ) -> StoreResult<Place>;
    async fn update_place(
        &self,
        actor: Actor,
        id: PlaceId,
        input: &PlaceInput,
    ) -> StoreResult<Place>;
    /// Refused with `Conflict::InUse` while the place has places under it or values.
    async fn delete_place(&self, actor: Actor, id: PlaceId) -> StoreResult<()>;
    async fn place(&self, id: PlaceId) -> StoreResult<Place>;
    async fn places(&self, initiative: InitiativeId) -> StoreResult<Vec<Place>>;
    /// Adds or updates places in one transaction: a row matches a place of the same kind by
    /// code, else by folded name. Blank attributes keep what was there. Rows come parents
    /// first; a parent not found is `NotFound` and nothing is written.
    async fn import_places(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rows: &[PlaceRow],
    ) -> StoreResult<PlaceImportOutcome>;

    async fn create_place_group(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        name: &str,
        places: &[PlaceId],
    ) -> StoreResult<PlaceGroup>;
    async fn delete_place_group(&self, actor: Actor, id: PlaceGroupId) -> StoreResult<()>;
    async fn place_groups(&self, initiative: InitiativeId) -> StoreResult<Vec<PlaceGroup>>;

    /// Refused with `Conflict::IndicatorCodeTaken` when the initiative already has the code.
    async fn create_indicator(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator>;
    async fn update_indicator(
        &self,
        actor: Actor,
        id: IndicatorId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator>;
    /// Deletes the indicator with its targets and values. The audit entry's "before" keeps
    /// the indicator, every value and every earlier reading (see [`crate::DELETED_VALUE_COLUMNS`]).
    /// Refusing it while formulas read it is the core's job.
    async fn delete_indicator(&self, actor: Actor, id: IndicatorId) -> StoreResult<()>;
    /// How many values (of any state, every place, period and cell) the indicator holds.
    async fn count_indicator_values(&self, id: IndicatorId) -> StoreResult<u64>;
    async fn indicator(&self, id: IndicatorId) -> StoreResult<Indicator>;
    /// In code order.
    async fn indicators(&self, initiative: InitiativeId) -> StoreResult<Vec<Indicator>>;
    /// Adds the target for its period, or replaces the one there.
    async fn set_target(
        &self,
        actor: Actor,
        indicator: IndicatorId,
        input: &TargetInput,
    ) -> StoreResult<Indicator>;
    async fn delete_target(&self, actor: Actor, id: TargetId) -> StoreResult<Indicator>;

    async fn create_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rule: &ValidationRule,
    ) -> StoreResult<StoredRule>;
    async fn delete_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        id: i64,
    ) -> StoreResult<()>;
    async fn validation_rules(&self, initiative: InitiativeId) -> StoreResult<Vec<StoredRule>>;

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
    async fn data_source(&self, id: DataSourceId) -> StoreResult<DataSource>;
    /// Newest first.
    async fn data_sources(&self, initiative: InitiativeId) -> StoreResult<Vec<DataSource>>;

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

    /// A number that changes whenever anything of the initiative changes (every write
    /// appends to the audit log in its own transaction): the key for caching what is
    /// computed from the initiative's data.
    async fn data_version(&self, initiative: InitiativeId) -> StoreResult<i64>;
}

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

/// An initiative's measurement settings that are not about one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, ToSchema)]
pub struct MeasurementSettings {
    /// In percent: the share of improving indicators that makes the proof point.
    pub proof_point_threshold: f64,
}

/// The initiative-wide measurement settings.
#[async_trait]
pub trait MeasurementSettingsStore: Send + Sync {
    /// The settings, or the defaults when none were saved.
    async fn measurement_settings(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<MeasurementSettings>;
    async fn save_measurement_settings(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        settings: &MeasurementSettings,
    ) -> StoreResult<MeasurementSettings>;
}
