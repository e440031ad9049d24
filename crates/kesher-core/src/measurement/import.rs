//! Importing places and values from CSV or XLSX through a column mapping the user chooses
//! (and may save for the next file of the same shape). A file is checked whole — every
//! problem is reported with its line and column — and written whole, or not at all.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use kesher_domain::import::IssueKind;
use kesher_domain::measurement::indicator::{Aggregation, Cell, parse_number};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{
    PlaceAttributes, PlaceKind, ministry_authority_code, parse_whole, parse_yes_no,
};
use kesher_domain::measurement::quality::ValidationRule;
use kesher_domain::measurement::values::{MissingReason, SourceKind, ValueState};
use kesher_domain::search::fold;
use kesher_domain::sheet::{Table, TableRow};
use kesher_domain::*;
use kesher_store::{
    ImportDraft, Indicator, NewSource, NewValue, Place, PlaceImportOutcome, PlaceKey, PlaceRow,
    ValueWriteOutcome,
};
use serde::{Deserialize, Serialize};

use super::checks::{StoredValues, check_batch, check_value};
use crate::spreadsheet::{OpenSheet, SheetFormat, TextEncoding, read_sheet_as};
use crate::{Caller, CoreError, CoreResult, Kesher};

/// The largest file the measurement import reads (the real school file is 1.5 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Which header holds which attribute of a place. Unmapped fields are not imported.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlaceMapping {
    pub district: Option<String>,
    pub authority_code: Option<String>,
    pub authority_name: Option<String>,
    pub school_code: Option<String>,
    pub school_name: Option<String>,
    pub sector: Option<String>,
    pub supervision: Option<String>,
    pub stage: Option<String>,
    pub nurture_quintile: Option<String>,
    pub students: Option<String>,
    pub ses_index: Option<String>,
    pub ses_cluster: Option<String>,
    pub population: Option<String>,
    pub periphery: Option<String>,
    pub grid_x: Option<String>,
    pub grid_y: Option<String>,
    /// What the authority code column holds.
    pub authority_code_form: AuthorityCodeForm,
    /// Only add facts to places already here: their names and hierarchy stay, and a row
    /// naming any other place is skipped. A CBS locality table lists every village, most of
    /// which are not authorities.
    pub update_only: bool,
}

/// Whose numbering an authority code column is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityCodeForm {
    /// The Ministry of Education's authority code, as in its school files.
    #[default]
    Ministry,
    /// The CBS locality code (סמל ישוב); the Ministry's code is made from it.
    CbsLocality,
}

impl PlaceMapping {
    /// The mappable fields with the header each is mapped to, in form order.
    pub fn fields(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("district", self.district.as_deref()),
            ("authority_code", self.authority_code.as_deref()),
            ("authority_name", self.authority_name.as_deref()),
            ("school_code", self.school_code.as_deref()),
            ("school_name", self.school_name.as_deref()),
            ("sector", self.sector.as_deref()),
            ("supervision", self.supervision.as_deref()),
            ("stage", self.stage.as_deref()),
            ("nurture_quintile", self.nurture_quintile.as_deref()),
            ("students", self.students.as_deref()),
            ("ses_index", self.ses_index.as_deref()),
            ("ses_cluster", self.ses_cluster.as_deref()),
            ("population", self.population.as_deref()),
            ("periphery", self.periphery.as_deref()),
            ("grid_x", self.grid_x.as_deref()),
            ("grid_y", self.grid_y.as_deref()),
        ]
    }

    /// A first guess from the headers, so a known file maps itself.
    pub fn guess(headers: &[String]) -> Self {
        let pick = |names: &[&str]| -> Option<String> {
            headers
                .iter()
                .find(|h| names.iter().any(|n| fold(h) == fold(n)))
                .cloned()
        };
        let cbs_code = pick(&["locality_code", "סמל ישוב"]);
        let cbs = cbs_code.is_some();
        Self {
            authority_code_form: if cbs {
                AuthorityCodeForm::CbsLocality
            } else {
                AuthorityCodeForm::Ministry
            },
            update_only: cbs,
            district: pick(&["district", "מחוז"]),
            authority_code: cbs_code.or_else(|| pick(&["authority_code", "סמל רשות"])),
            authority_name: pick(&[
                "authority_name",
                "רשות",
                "שם רשות",
                "locality_name",
                "שם ישוב",
            ]),
            school_code: pick(&["semel", "סמל מוסד", "סמל_מוסד", "school_code"]),
            school_name: pick(&[
                "school_name",
                "school_name_budget",
                "school",
                "שם מוסד",
                "שם_מוסד",
            ]),
            sector: pick(&["sector", "מגזר"]),
            supervision: pick(&["supervision", "פיקוח"]),
            stage: pick(&["education_stage", "stage", "שלב חינוך"]),
            nurture_quintile: pick(&["nurture_quintile", "חמישון טיפוח"]),
            students: pick(&["students_regular", "students", "תלמידים"]),
            ses_index: pick(&["index_value", "ses_index", "מדד חברתי-כלכלי"]),
            ses_cluster: pick(&["cluster", "ses_cluster", "אשכול"]),
            population: pick(&["population", "אוכלוסייה"]),
            periphery: pick(&["periphery", "פריפריה"]),
            grid_x: pick(&["x", "grid_x"]),
            grid_y: pick(&["y", "grid_y"]),
        }
    }
}

/// Long form: one value per row. Wide form: a column per indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    #[default]
    Wide,
    Long,
}

/// A column of a wide file and the indicator it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WideColumn {
    pub header: String,
    pub indicator: String,
    /// A factor applied on the way in (100 turns a 0–1 share into a percentage).
    pub scale: Option<f64>,
}

/// A column holding a breakdown dimension (gender, sector…). Real school files often put
/// a total row and several overlapping groups in one column ("Total Cohort", "Male",
/// "Female", "Asian", "ELL"); `categories` says which dimension each value belongs to and
/// which values mean the total, so no one is counted twice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BreakdownColumn {
    pub dimension: String,
    pub header: String,
    /// A value of the column (as written, any case) → the dimension it belongs to, or
    /// `total` for the total. Values not listed belong to `dimension`; the usual words for
    /// a total ("Total", "סה\"כ", "כלל"…) mean the total without being listed.
    #[serde(default)]
    pub categories: BTreeMap<String, String>,
}

/// The words that mean "all of them" in a breakdown column, folded to lower case.
const TOTAL_WORDS: [&str; 8] = [
    "total",
    "total cohort",
    "all",
    "all students",
    "סה\"כ",
    "סהכ",
    "כלל",
    "כל התלמידים",
];

/// What a category is declared as: `total`, or a dimension's code.
pub const TOTAL_CATEGORY: &str = "total";

impl BreakdownColumn {
    /// The (dimension, value) a cell of this column stands for; `None` for the total.
    pub fn part(&self, raw: &str) -> Option<(String, String)> {
        let value = raw.trim();
        let folded = value.to_lowercase();
        let declared = self
            .categories
            .iter()
            .find(|(k, _)| k.trim().to_lowercase() == folded)
            .map(|(_, d)| d.trim().to_lowercase());
        match declared {
            Some(d) if d == TOTAL_CATEGORY => None,
            Some(d) if !d.is_empty() => Some((d, value.to_string())),
            _ if value.is_empty() || TOTAL_WORDS.contains(&folded.as_str()) => None,
            _ => Some((self.dimension.clone(), value.to_string())),
        }
    }

    /// Reads categories as a person writes them on the mapping page:
    /// `Total Cohort = total; Male, Female = gender; Asian, Black = ethnicity`.
    pub fn read_categories(text: &str) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for part in text.split([';', '\n']) {
            let Some((values, dimension)) = part.split_once('=') else {
                continue;
            };
            let dimension = dimension.trim().to_lowercase();
            if dimension.is_empty() {
                continue;
            }
            for value in values.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                out.insert(value.to_string(), dimension.clone());
            }
        }
        out
    }

    /// The categories written back the way [`Self::read_categories`] reads them.
    pub fn categories_text(&self) -> String {
        let mut by_dimension: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (value, dimension) in &self.categories {
            by_dimension.entry(dimension).or_default().push(value);
        }
        by_dimension
            .into_iter()
            .map(|(d, values)| format!("{} = {d}", values.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Which header holds what in a values file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ValueMapping {
    pub layout: Layout,
    /// What the place column names (schools by default).
    pub place_kind: PlaceKind,
    pub place_code: Option<String>,
    pub place_name: Option<String>,
    pub period: Option<String>,
    /// Long form: the indicator's code, and the value.
    pub indicator: Option<String>,
    pub value: Option<String>,
    /// Wide form: a column per indicator.
    pub columns: Vec<WideColumn>,
    pub breakdowns: Vec<BreakdownColumn>,
    /// Places the file names that are not yet known are added (a school under the authority
    /// named in `parent_name`, when there is one).
    pub add_missing_places: bool,
    pub parent_name: Option<String>,
}

impl Default for ValueMapping {
    fn default() -> Self {
        Self {
            layout: Layout::Wide,
            place_kind: PlaceKind::School,
            place_code: None,
            place_name: None,
            period: None,
            indicator: None,
            value: None,
            columns: Vec::new(),
            breakdowns: Vec::new(),
            add_missing_places: false,
            parent_name: None,
        }
    }
}

impl ValueMapping {
    /// A first guess: the place and period columns, and a wide column for every header that
    /// is an indicator's code or a known source column of one.
    pub fn guess(headers: &[String], indicators: &[Indicator]) -> Self {
        let places = PlaceMapping::guess(headers);
        let pick = |names: &[&str]| -> Option<String> {
            headers
                .iter()
                .find(|h| names.iter().any(|n| fold(h) == fold(n)))
                .cloned()
        };
        let long = pick(&["indicator", "מדד"]).zip(pick(&["value", "ערך"]));
        let columns = headers
            .iter()
            .filter_map(|h| {
                indicators
                    .iter()
                    .find(|i| {
                        fold(&i.code) == fold(h)
                            || i.data_source.as_deref().is_some_and(|s| fold(s) == fold(h))
                    })
                    .map(|i| WideColumn {
                        header: h.clone(),
                        indicator: i.code.clone(),
                        scale: None,
                    })
            })
            .collect();
        Self {
            layout: if long.is_some() {
                Layout::Long
            } else {
                Layout::Wide
            },
            place_code: places.school_code.or(places.authority_code),
            place_name: places.school_name.clone(),
            period: pick(&["year", "period", "שנה", "תקופה", "school_year"]),
            indicator: long.as_ref().map(|(i, _)| i.clone()),
            value: long.map(|(_, v)| v),
            columns,
            parent_name: pick(&["city", "authority_name", "רשות"]),
            ..Self::default()
        }
    }
}

/// One problem in a file, with where it is.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DataIssue {
    /// The spreadsheet line (the header is line 1); `None` for the file as a whole.
    pub line: Option<usize>,
    /// The header of the column, as the file writes it.
    pub column: Option<String>,
    #[serde(flatten)]
    pub problem: DataProblem,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DataProblem {
    /// The file cannot be read at all.
    Sheet {
        #[schema(value_type = Object)]
        kind: IssueKind,
    },
    /// A field the import needs is not mapped, or is mapped to a header the file lacks.
    MissingColumn {
        field: String,
    },
    /// A cell's value was refused.
    Cell {
        #[schema(value_type = Object)]
        problem: Invalid,
    },
    UnknownPlace {
        value: String,
    },
    UnknownIndicator {
        value: String,
    },
    /// A computed indicator is never imported; its inputs are.
    ComputedIndicator {
        value: String,
    },
    /// The same value appears on an earlier line.
    Duplicate {
        first_line: usize,
    },
    OutOfRange {
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A validation rule between two indicators does not hold.
    Rule {
        left: String,
        right: String,
    },
    /// A weighted-mean value came without its weight for the same place and period.
    MissingWeight {
        indicator: String,
        weight: String,
    },
    NoRows,
}

impl DataIssue {
    fn file(problem: DataProblem) -> Self {
        Self {
            line: None,
            column: None,
            problem,
        }
    }

    fn at(row: &TableRow, column: &str, problem: DataProblem) -> Self {
        Self {
            line: Some(row.line),
            column: Some(column.to_string()),
            problem,
        }
    }
}

fn column_index(
    headers: &[String],
    field: &str,
    header: Option<&str>,
    issues: &mut Vec<DataIssue>,
) -> Option<usize> {
    let header = header?;
    let found = headers.iter().position(|h| h == header);
    if found.is_none() {
        issues.push(DataIssue::file(DataProblem::MissingColumn {
            field: field.to_string(),
        }));
    }
    found
}

/// A code as spreadsheets write it: `528.0` is `528`.
fn tidy_code(raw: &str) -> Option<String> {
    let code = raw.trim();
    let code = code.strip_suffix(".0").unwrap_or(code);
    (!code.is_empty()).then(|| code.to_string())
}

fn text_cell(raw: &str) -> Option<String> {
    let text = kesher_domain::text::tidy(raw);
    (!text.is_empty()).then_some(text)
}

/// Turns a places file into rows for the store: districts, then authorities, then schools,
/// each once. The attributes go to the lowest level the row names.
pub fn plan_places(table: &Table, mapping: &PlaceMapping) -> Result<Vec<PlaceRow>, Vec<DataIssue>> {
    let mut issues = Vec::new();
    let headers = &table.headers;
    let index: HashMap<&str, usize> = mapping
        .fields()
        .into_iter()
        .filter_map(|(field, header)| {
            column_index(headers, field, header, &mut issues).map(|i| (field, i))
        })
        .collect();
    let names_a_level = [
        "district",
        "authority_code",
        "authority_name",
        "school_code",
        "school_name",
    ]
    .iter()
    .any(|f| index.contains_key(f));
    if !names_a_level && issues.is_empty() {
        issues.push(DataIssue::file(DataProblem::MissingColumn {
            field: "school_code".into(),
        }));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut districts: Vec<PlaceRow> = Vec::new();
    let mut authorities: Vec<PlaceRow> = Vec::new();
    let mut schools: Vec<PlaceRow> = Vec::new();
    let mut seen: HashSet<(PlaceKind, String)> = HashSet::new();
    let mut rows = 0;
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        rows += 1;
        let cell = |field: &str| index.get(field).map(|&i| row.cell(i)).unwrap_or("");
        let header = |field: &str| -> String {
            index
                .get(field)
                .map(|&i| headers[i].clone())
                .unwrap_or_else(|| field.to_string())
        };
        let mut problem = |field: &str, problem: Invalid| {
            issues.push(DataIssue::at(
                row,
                &header(field),
                DataProblem::Cell { problem },
            ));
        };
        let number =
            |field: &str, problem: &mut dyn FnMut(&str, Invalid)| match parse_number(cell(field)) {
                Ok(v) => v,
                Err(e) => {
                    problem(field, e);
                    None
                }
            };
        let whole =
            |field: &str, min, max, problem: &mut dyn FnMut(&str, Invalid)| match parse_whole(
                cell(field),
                min,
                max,
            ) {
                Ok(v) => v,
                Err(e) => {
                    problem(field, e);
                    None
                }
            };
        let attributes = PlaceAttributes {
            sector: text_cell(cell("sector")),
            supervision: text_cell(cell("supervision")),
            stage: text_cell(cell("stage")),
            ses_index: number("ses_index", &mut problem),
            ses_cluster: whole("ses_cluster", 1, 10, &mut problem),
            nurture_quintile: whole("nurture_quintile", 1, 5, &mut problem),
            periphery: match parse_yes_no(cell("periphery")) {
                Ok(v) => v,
                Err(e) => {
                    problem("periphery", e);
                    None
                }
            },
            population: whole("population", 0, 100_000_000, &mut problem),
            students: whole("students", 0, 1_000_000, &mut problem),
            grid_x: number("grid_x", &mut problem),
            grid_y: number("grid_y", &mut problem),
        };
        let district = text_cell(cell("district")).map(|name| PlaceKey {
            kind: PlaceKind::District,
            key: name,
        });
        let authority_code = match mapping.authority_code_form {
            AuthorityCodeForm::Ministry => tidy_code(cell("authority_code")),
            AuthorityCodeForm::CbsLocality => match tidy_code(cell("authority_code")) {
                None => None,
                Some(cbs) => match ministry_authority_code(&cbs) {
                    Ok(code) => Some(code),
                    Err(e) => {
                        problem("authority_code", e);
                        None
                    }
                },
            },
        };
        let authority_name = text_cell(cell("authority_name"));
        let authority = authority_code
            .clone()
            .or(authority_name.clone())
            .map(|key| PlaceKey {
                kind: PlaceKind::Authority,
                key,
            });
        let school_code = tidy_code(cell("school_code"));
        let school_name = text_cell(cell("school_name"));
        let lowest = if school_code.is_some() || school_name.is_some() {
            PlaceKind::School
        } else if authority.is_some() {
            PlaceKind::Authority
        } else {
            PlaceKind::District
        };
        let mut push = |list: &mut Vec<PlaceRow>, row: PlaceRow| {
            let key = row.code.clone().unwrap_or_else(|| fold(&row.name));
            if seen.insert((row.kind, key)) {
                list.push(row);
            }
        };
        if let Some(key) = &district {
            push(
                &mut districts,
                PlaceRow {
                    kind: PlaceKind::District,
                    code: None,
                    name: key.key.clone(),
                    parent: None,
                    attributes: if lowest == PlaceKind::District {
                        attributes.clone()
                    } else {
                        PlaceAttributes::default()
                    },
                },
            );
        }
        if authority.is_some() {
            push(
                &mut authorities,
                PlaceRow {
                    kind: PlaceKind::Authority,
                    code: authority_code.clone(),
                    name: authority_name
                        .clone()
                        .or(authority_code.clone())
                        .unwrap_or_default(),
                    parent: district.clone(),
                    attributes: if lowest == PlaceKind::Authority {
                        attributes.clone()
                    } else {
                        PlaceAttributes::default()
                    },
                },
            );
        }
        if lowest == PlaceKind::School {
            push(
                &mut schools,
                PlaceRow {
                    kind: PlaceKind::School,
                    code: school_code.clone(),
                    name: school_name.or(school_code).unwrap_or_default(),
                    parent: authority.clone().or(district.clone()),
                    attributes,
                },
            );
        }
    }
    if rows == 0 {
        issues.push(DataIssue::file(DataProblem::NoRows));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    districts.extend(authorities);
    districts.extend(schools);
    Ok(districts)
}

/// For an update-only mapping: the rows naming a place already here, keeping its name and
/// parent, and how many rows name any other place (those are skipped).
pub fn keep_places_here(rows: Vec<PlaceRow>, places: &[Place]) -> (Vec<PlaceRow>, usize) {
    let index = PlaceIndex::new(places);
    let names: HashMap<PlaceId, &str> = places.iter().map(|p| (p.id, p.name.as_str())).collect();
    let planned = rows.len();
    let kept: Vec<PlaceRow> = rows
        .into_iter()
        .filter_map(|row| {
            let id = index.find(row.kind, row.code.as_deref(), Some(&row.name))?;
            Some(PlaceRow {
                name: names[&id].to_string(),
                parent: None,
                ..row
            })
        })
        .collect();
    let skipped = planned - kept.len();
    (kept, skipped)
}

/// How the places of an initiative are found while values are read.
pub struct PlaceIndex {
    by_code: HashMap<(PlaceKind, String), PlaceId>,
    by_name: HashMap<(PlaceKind, String), PlaceId>,
}

impl PlaceIndex {
    pub fn new(places: &[Place]) -> Self {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for p in places {
            if let Some(code) = &p.code {
                by_code.insert((p.kind, code.clone()), p.id);
            }
            by_name.entry((p.kind, fold(&p.name))).or_insert(p.id);
        }
        Self { by_code, by_name }
    }

    /// A place by its code; by its name only when the row gives no code (names differ
    /// between files more often than codes do, and two schools may share one).
    fn find(&self, kind: PlaceKind, code: Option<&str>, name: Option<&str>) -> Option<PlaceId> {
        match code {
            Some(c) => self.by_code.get(&(kind, c.to_string())),
            None => name.and_then(|n| self.by_name.get(&(kind, fold(n)))),
        }
        .copied()
    }
}

/// What a values file will do once accepted.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ValuePlan {
    #[serde(skip)]
    pub values: Vec<NewValue>,
    /// Places the file names that will be added first.
    #[serde(skip)]
    pub new_places: Vec<PlaceRow>,
    pub rows: usize,
    pub value_count: usize,
    pub missing_count: usize,
    pub new_place_count: usize,
    pub place_count: usize,
    #[schema(value_type = Vec<String>)]
    pub periods: Vec<Period>,
    pub indicators: Vec<String>,
    /// Places whose cells of one dimension do not add up to the total the file gives:
    /// quality warnings, shown before the file is written, that do not refuse it.
    pub disagreements: Vec<CellsDisagree>,
    /// One place broken down, as it will be stored: its total and each dimension's cells.
    pub sample: Option<BreakdownSample>,
}

/// A place whose cells of one dimension add up to something else than its total.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CellsDisagree {
    pub place: String,
    #[schema(value_type = String)]
    pub period: Period,
    pub indicator: String,
    pub dimension: String,
    pub total: f64,
    pub cells: f64,
}

/// One place's figures broken down, for the preview.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BreakdownSample {
    pub place: String,
    #[schema(value_type = String)]
    pub period: Period,
    pub indicator: String,
    /// The total as the file gives it (`None`: made from the cells when figures are built).
    pub total: Option<f64>,
    /// Dimension → its cells (value, number; `None` for a missing or suppressed cell).
    #[schema(value_type = Vec<Object>)]
    pub dimensions: Vec<(String, Vec<SampleCell>)>,
}

/// A cell of the sample: its value in the dimension, and its number.
pub type SampleCell = (String, Option<f64>);

/// A place's values of one indicator and period in a file: its total, and its cells by
/// dimension.
type PlaceCells<'a> = (Option<&'a NewValue>, BTreeMap<String, Vec<&'a NewValue>>);

/// Checks that each dimension's cells add up to the total the file gives, for indicators
/// that add up (within rounding: half a unit per cell), and picks one place to show broken
/// down — the first with a total and the most dimensions.
fn check_breakdowns(
    values: &[NewValue],
    indicators: &[Indicator],
    places: &[Place],
) -> (Vec<CellsDisagree>, Option<BreakdownSample>) {
    type Key = (IndicatorId, PlaceId, Period);
    let mut grouped: BTreeMap<Key, PlaceCells> = BTreeMap::new();
    for v in values {
        let entry = grouped
            .entry((v.indicator_id, v.place_id, v.period))
            .or_default();
        let parts = v.cell.parts();
        match parts.as_slice() {
            [] => entry.0 = Some(v),
            [(dimension, _)] => entry.1.entry(dimension.to_string()).or_default().push(v),
            // A cell of two dimensions at once is checked through its one-dimensional sums.
            _ => {}
        }
    }
    let name_of = |id: PlaceId| {
        places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let indicator_of = |id: IndicatorId| indicators.iter().find(|i| i.id == id);
    let mut disagreements = Vec::new();
    let mut sample: Option<(usize, BreakdownSample)> = None;
    for ((indicator_id, place, period), (total, dimensions)) in &grouped {
        let Some(indicator) = indicator_of(*indicator_id) else {
            continue;
        };
        if dimensions.is_empty() {
            continue;
        }
        let total_value = total.and_then(|t| t.value);
        if indicator.aggregation == Aggregation::Sum
            && let Some(t) = total_value
        {
            for (dimension, cells) in dimensions {
                // A missing cell leaves the sum unknown, not short.
                if cells.iter().any(|c| c.value.is_none()) {
                    continue;
                }
                let sum: f64 = cells.iter().filter_map(|c| c.value).sum();
                let tolerance = 0.5 * cells.len() as f64 + 1e-9;
                if (sum - t).abs() > tolerance {
                    disagreements.push(CellsDisagree {
                        place: name_of(*place),
                        period: *period,
                        indicator: indicator.code.clone(),
                        dimension: dimension.clone(),
                        total: t,
                        cells: sum,
                    });
                }
            }
        }
        let richness = dimensions.len() * 2 + usize::from(total_value.is_some());
        if sample.as_ref().is_none_or(|(best, _)| richness > *best) {
            sample = Some((
                richness,
                BreakdownSample {
                    place: name_of(*place),
                    period: *period,
                    indicator: indicator.code.clone(),
                    total: total_value,
                    dimensions: dimensions
                        .iter()
                        .map(|(d, cells)| {
                            (
                                d.clone(),
                                cells
                                    .iter()
                                    .map(|c| {
                                        (
                                            c.cell.value_of(d).unwrap_or_default().to_string(),
                                            c.value,
                                        )
                                    })
                                    .collect(),
                            )
                        })
                        .collect(),
                },
            ));
        }
    }
    (disagreements, sample.map(|(_, s)| s))
}

/// Reads a values file through its mapping against the initiative's indicators, places and
/// rules. Every problem is collected; any problem refuses the whole file.
pub fn plan_values(
    table: &Table,
    mapping: &ValueMapping,
    indicators: &[Indicator],
    places: &[Place],
    rules: &[ValidationRule],
) -> Result<ValuePlan, Vec<DataIssue>> {
    plan_whole(
        ValuePlanner::new(&table.headers, mapping, indicators, places, rules)?,
        table,
        indicators,
        places,
    )
}

/// Plans a whole table through a planner made for it, with the breakdown checks the
/// preview shows.
fn plan_whole(
    mut planner: ValuePlanner,
    table: &Table,
    indicators: &[Indicator],
    places: &[Place],
) -> Result<ValuePlan, Vec<DataIssue>> {
    let values = planner.plan_rows(&table.rows);
    let new_places = planner.take_new_places();
    let (disagreements, sample) = check_breakdowns(&values, indicators, places);
    let mut plan = planner.finish()?;
    plan.values = values;
    plan.new_places = new_places;
    plan.disagreements = disagreements;
    plan.sample = sample;
    Ok(plan)
}

/// Reads a values file a chunk of rows at a time, for files too large to hold whole (the
/// command line's national files). Problems are collected across chunks and reported by
/// [`ValuePlanner::finish`]. A wide file's row holds every indicator of its place, period and
/// cell, so rules between indicators are checked within its chunk; a long file should be
/// planned whole, as [`plan_values`] does, so that a rule sees both of its values.
pub struct ValuePlanner<'a> {
    headers: Vec<String>,
    mapping: &'a ValueMapping,
    indicators: &'a [Indicator],
    rules: &'a [ValidationRule],
    /// Stored values the rules and weights are checked against beside the file's own.
    stored: Option<&'a StoredValues>,
    by_code: HashMap<&'a str, &'a Indicator>,
    place_code: Option<usize>,
    place_name: Option<usize>,
    period: Option<usize>,
    parent_name: Option<usize>,
    indicator_column: Option<usize>,
    /// (column index, header, fixed indicator, scale)
    value_columns: Vec<(usize, String, Option<&'a Indicator>, f64)>,
    breakdowns: Vec<(&'a BreakdownColumn, usize)>,
    index: PlaceIndex,
    new_place_ids: HashMap<(PlaceKind, String), PlaceId>,
    new_places: Vec<PlaceRow>,
    /// Where each wide row's place, period and cell first appeared (chunk, line), to find
    /// a row repeated in a later chunk.
    rows_seen: HashMap<(PlaceId, Period, Cell), (usize, usize)>,
    chunks: usize,
    periods: BTreeSet<Period>,
    used_indicators: HashSet<IndicatorId>,
    used_places: HashSet<PlaceId>,
    summary: ValuePlan,
    issues: Vec<DataIssue>,
}

impl<'a> ValuePlanner<'a> {
    /// Checks the mapping against the headers; a column the mapping names that the file
    /// lacks refuses the file before any row is read.
    pub fn new(
        headers: &[String],
        mapping: &'a ValueMapping,
        indicators: &'a [Indicator],
        places: &[Place],
        rules: &'a [ValidationRule],
    ) -> Result<Self, Vec<DataIssue>> {
        let mut issues = Vec::new();
        let place_code = column_index(
            headers,
            "place_code",
            mapping.place_code.as_deref(),
            &mut issues,
        );
        let place_name = column_index(
            headers,
            "place_name",
            mapping.place_name.as_deref(),
            &mut issues,
        );
        let period = column_index(headers, "period", mapping.period.as_deref(), &mut issues);
        let parent_name = column_index(
            headers,
            "parent_name",
            mapping.parent_name.as_deref(),
            &mut issues,
        );
        if place_code.is_none()
            && place_name.is_none()
            && mapping.place_code.is_none()
            && mapping.place_name.is_none()
        {
            issues.push(DataIssue::file(DataProblem::MissingColumn {
                field: "place_code".into(),
            }));
        }
        if mapping.period.is_none() {
            issues.push(DataIssue::file(DataProblem::MissingColumn {
                field: "period".into(),
            }));
        }
        let by_code: HashMap<&str, &Indicator> =
            indicators.iter().map(|i| (i.code.as_str(), i)).collect();
        // (column index, header, fixed indicator, scale)
        let mut value_columns: Vec<(usize, String, Option<&Indicator>, f64)> = Vec::new();
        let mut indicator_column = None;
        match mapping.layout {
            Layout::Long => {
                indicator_column = column_index(
                    headers,
                    "indicator",
                    mapping.indicator.as_deref(),
                    &mut issues,
                );
                let value = column_index(headers, "value", mapping.value.as_deref(), &mut issues);
                if mapping.indicator.is_none() {
                    issues.push(DataIssue::file(DataProblem::MissingColumn {
                        field: "indicator".into(),
                    }));
                }
                match value {
                    Some(i) => value_columns.push((i, headers[i].clone(), None, 1.0)),
                    None if mapping.value.is_none() => {
                        issues.push(DataIssue::file(DataProblem::MissingColumn {
                            field: "value".into(),
                        }))
                    }
                    None => {}
                }
            }
            Layout::Wide => {
                if mapping.columns.is_empty() {
                    issues.push(DataIssue::file(DataProblem::MissingColumn {
                        field: "columns".into(),
                    }));
                }
                for column in &mapping.columns {
                    let Some(i) =
                        column_index(headers, "columns", Some(&column.header), &mut issues)
                    else {
                        continue;
                    };
                    match by_code.get(column.indicator.as_str()) {
                        Some(indicator) if indicator.is_computed() => {
                            issues.push(DataIssue::file(DataProblem::ComputedIndicator {
                                value: column.indicator.clone(),
                            }))
                        }
                        Some(indicator) => value_columns.push((
                            i,
                            column.header.clone(),
                            Some(indicator),
                            column.scale.unwrap_or(1.0),
                        )),
                        None => issues.push(DataIssue::file(DataProblem::UnknownIndicator {
                            value: column.indicator.clone(),
                        })),
                    }
                }
            }
        }
        let breakdowns: Vec<(&BreakdownColumn, usize)> = mapping
            .breakdowns
            .iter()
            .filter_map(|b| {
                column_index(headers, "breakdowns", Some(&b.header), &mut issues).map(|i| (b, i))
            })
            .collect();
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Self {
            headers: headers.to_vec(),
            mapping,
            indicators,
            rules,
            stored: None,
            by_code,
            place_code,
            place_name,
            period,
            parent_name,
            indicator_column,
            value_columns,
            breakdowns,
            index: PlaceIndex::new(places),
            new_place_ids: HashMap::new(),
            new_places: Vec::new(),
            rows_seen: HashMap::new(),
            chunks: 0,
            periods: BTreeSet::new(),
            used_indicators: HashSet::new(),
            used_places: HashSet::new(),
            summary: ValuePlan::default(),
            issues: Vec::new(),
        })
    }

    /// Checks rules and weights against these stored values too, not only the file's own.
    pub fn with_stored(mut self, stored: &'a StoredValues) -> Self {
        self.stored = Some(stored);
        self
    }

    /// Reads rows; returns the values they hold. Problems are kept for [`Self::finish`].
    pub fn plan_rows(&mut self, rows: &[TableRow]) -> Vec<NewValue> {
        let Self {
            headers,
            mapping,
            indicators,
            rules,
            stored,
            by_code,
            place_code,
            place_name,
            period,
            parent_name,
            indicator_column,
            value_columns,
            breakdowns,
            index,
            new_place_ids: new_places,
            new_places: new_place_rows,
            rows_seen,
            chunks,
            periods,
            used_indicators,
            used_places,
            summary: plan,
            issues,
        } = self;
        let (mapping, indicators, rules, stored) = (*mapping, *indicators, *rules, *stored);
        let (place_code, place_name, period, parent_name, indicator_column) = (
            *place_code,
            *place_name,
            *period,
            *parent_name,
            *indicator_column,
        );
        *chunks += 1;
        let chunk = *chunks;
        let mut values = Vec::new();
        let mut first_line: HashMap<(IndicatorId, PlaceId, Period, Cell), usize> = HashMap::new();
        for row in rows.iter().filter(|r| !r.is_blank()) {
            plan.rows += 1;
            let code = place_code.and_then(|i| tidy_code(row.cell(i)));
            let name = place_name.and_then(|i| text_cell(row.cell(i)));
            let place = match index.find(mapping.place_kind, code.as_deref(), name.as_deref()) {
                Some(id) => id,
                None if mapping.add_missing_places && (code.is_some() || name.is_some()) => {
                    let key = (
                        mapping.place_kind,
                        code.clone()
                            .unwrap_or_else(|| fold(name.as_deref().unwrap_or(""))),
                    );
                    let next = PlaceId::new(-(new_places.len() as i64) - 1);
                    *new_places.entry(key).or_insert_with(|| {
                        let parent = parent_name
                            .and_then(|i| text_cell(row.cell(i)))
                            .filter(|n| index.find(PlaceKind::Authority, None, Some(n)).is_some())
                            .map(|n| PlaceKey {
                                kind: PlaceKind::Authority,
                                key: n,
                            });
                        new_place_rows.push(PlaceRow {
                            kind: mapping.place_kind,
                            code: code.clone(),
                            name: name.clone().or(code.clone()).unwrap_or_default(),
                            parent,
                            attributes: PlaceAttributes::default(),
                        });
                        next
                    })
                }
                None => {
                    let (column, value) = match (&code, place_code, place_name) {
                        (Some(code), Some(i), _) => (headers[i].as_str(), code.clone()),
                        (_, _, Some(i)) => (headers[i].as_str(), row.cell(i).to_string()),
                        (_, Some(i), None) => (headers[i].as_str(), row.cell(i).to_string()),
                        _ => ("", String::new()),
                    };
                    issues.push(DataIssue::at(
                        row,
                        column,
                        DataProblem::UnknownPlace { value },
                    ));
                    continue;
                }
            };
            used_places.insert(place);
            let parts: Vec<(String, String)> = breakdowns
                .iter()
                .filter_map(|(column, i)| column.part(row.cell(*i)))
                .collect();
            let cell = Cell::of(parts.iter().map(|(d, v)| (d.as_str(), v.as_str())));
            let mut row_checked = mapping.layout == Layout::Long;
            let mut row_period: Option<(PeriodKind, Result<Period, Invalid>)> = None;
            for (column, header, fixed, scale) in value_columns.iter() {
                let indicator = match fixed {
                    Some(indicator) => *indicator,
                    None => {
                        let raw = indicator_column.map(|i| row.cell(i)).unwrap_or("").trim();
                        let header = indicator_column.map(|i| headers[i].as_str()).unwrap_or("");
                        match by_code.get(raw.to_ascii_lowercase().as_str()) {
                            Some(i) if i.is_computed() => {
                                issues.push(DataIssue::at(
                                    row,
                                    header,
                                    DataProblem::ComputedIndicator { value: raw.into() },
                                ));
                                continue;
                            }
                            Some(i) => *i,
                            None => {
                                issues.push(DataIssue::at(
                                    row,
                                    header,
                                    DataProblem::UnknownIndicator { value: raw.into() },
                                ));
                                continue;
                            }
                        }
                    }
                };
                let period_header = period.map(|i| headers[i].as_str()).unwrap_or("");
                // The row's period is read once for each kind of period its indicators use.
                let parsed = match &row_period {
                    Some((kind, parsed)) if *kind == indicator.period_kind => parsed.clone(),
                    _ => {
                        let parsed = Period::parse(
                            indicator.period_kind,
                            period.map(|i| row.cell(i)).unwrap_or(""),
                        );
                        row_period = Some((indicator.period_kind, parsed.clone()));
                        parsed
                    }
                };
                let at = match parsed {
                    Ok(p) => p,
                    Err(problem) => {
                        issues.push(DataIssue::at(
                            row,
                            period_header,
                            DataProblem::Cell { problem },
                        ));
                        continue;
                    }
                };
                let raw = row.cell(*column);
                let (value, missing) = match parse_number(raw) {
                    Ok(Some(v)) => (Some(v * scale), None),
                    Ok(None) => (None, Some(MissingReason::Missing)),
                    Err(problem) => match MissingReason::from_mark(raw).ok_or(()) {
                        Ok(reason) => (None, Some(reason)),
                        Err(()) => {
                            issues.push(DataIssue::at(row, header, DataProblem::Cell { problem }));
                            continue;
                        }
                    },
                };
                if let Some(v) = value
                    && let Err(problem) = check_value(indicator, v)
                {
                    issues.push(DataIssue::at(row, header, problem));
                    continue;
                }
                if !row_checked {
                    row_checked = true;
                    let seen = rows_seen
                        .entry((place, at, cell.clone()))
                        .or_insert((chunk, row.line));
                    if seen.0 != chunk {
                        issues.push(DataIssue::at(
                            row,
                            header,
                            DataProblem::Duplicate { first_line: seen.1 },
                        ));
                        break;
                    }
                }
                let key = (indicator.id, place, at, cell.clone());
                if let Some(first) = first_line.get(&key) {
                    issues.push(DataIssue::at(
                        row,
                        header,
                        DataProblem::Duplicate { first_line: *first },
                    ));
                    continue;
                }
                first_line.insert(key, row.line);
                periods.insert(at);
                used_indicators.insert(indicator.id);
                if value.is_none() {
                    plan.missing_count += 1;
                }
                values.push(NewValue {
                    indicator_id: indicator.id,
                    place_id: place,
                    period: at,
                    cell: cell.clone(),
                    value,
                    missing,
                    note: None,
                });
            }
        }
        let none = StoredValues::new();
        let headers = headers_of(mapping);
        for (index, problem) in check_batch(&values, indicators, rules, stored.unwrap_or(&none)) {
            let v = &values[index];
            let code = indicators
                .iter()
                .find(|i| i.id == v.indicator_id)
                .map(|i| i.code.as_str())
                .unwrap_or_default();
            issues.push(DataIssue {
                line: first_line
                    .get(&(v.indicator_id, v.place_id, v.period, v.cell.clone()))
                    .copied(),
                column: headers.get(code).cloned(),
                problem,
            });
        }
        plan.value_count += values.len();
        values
    }

    /// The places added since the last call, in the order their placeholders count
    /// ([`PlaceRow::placeholder`]).
    pub fn take_new_places(&mut self) -> Vec<PlaceRow> {
        std::mem::take(&mut self.new_places)
    }

    pub fn has_problems(&self) -> bool {
        !self.issues.is_empty()
    }

    /// Every problem found, in line order, or what the file holds.
    pub fn finish(self) -> Result<ValuePlan, Vec<DataIssue>> {
        let mut issues = self.issues;
        let mut plan = self.summary;
        if plan.rows == 0 {
            issues.push(DataIssue::file(DataProblem::NoRows));
        }
        if !issues.is_empty() {
            issues.sort_by_key(|i| i.line);
            return Err(issues);
        }
        plan.new_place_count = self.new_place_ids.len();
        plan.place_count = self.used_places.len();
        plan.periods = self.periods.into_iter().collect();
        let mut codes: Vec<String> = self
            .indicators
            .iter()
            .filter(|i| self.used_indicators.contains(&i.id))
            .map(|i| i.code.to_string())
            .collect();
        codes.sort();
        plan.indicators = codes;
        Ok(plan)
    }
}

/// The header each indicator was read from, to point a rule's problem at its column.
fn headers_of(mapping: &ValueMapping) -> HashMap<String, String> {
    match mapping.layout {
        Layout::Wide => mapping
            .columns
            .iter()
            .map(|c| (c.indicator.clone(), c.header.clone()))
            .collect(),
        Layout::Long => HashMap::new(),
    }
}

/// What the user is shown before a file is written.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DataPreview {
    pub draft_id: ImportDraftId,
    pub file_name: String,
    #[schema(value_type = Option<String>)]
    pub format: Option<SheetFormat>,
    pub headers: Vec<String>,
    pub rows: usize,
    pub issues: Vec<DataIssue>,
    /// For a places file: how many places of each level it names.
    pub place_rows: Option<PlaceCounts>,
    /// For a values file.
    pub value_plan: Option<ValuePlan>,
}

#[derive(Clone, Copy, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct PlaceCounts {
    pub districts: usize,
    pub authorities: usize,
    pub schools: usize,
    /// Places the file names that are not here, skipped under an update-only mapping.
    pub skipped: usize,
}

/// What an accepted file did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum DataOutcome {
    Places(PlaceImportOutcome),
    Values {
        #[serde(flatten)]
        written: ValueWriteOutcome,
        places_added: u64,
    },
}

/// What a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataPurpose {
    Places,
    Values,
}

impl DataPurpose {
    pub fn code(self) -> &'static str {
        match self {
            DataPurpose::Places => "places",
            DataPurpose::Values => "values",
        }
    }
}

impl Kesher {
    /// Reads an uploaded file and keeps it as a draft for mapping; nothing is written.
    pub async fn upload_data_file(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        file_name: &str,
        bytes: &[u8],
        encoding: TextEncoding,
    ) -> CoreResult<Result<ImportDraft, DataIssue>> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(CoreError::BadRequest {
                message_id: "import-file-too-big",
            });
        }
        let sheet = match read_sheet_as(bytes, encoding) {
            Ok(sheet) => sheet,
            Err(kind) => return Ok(Err(DataIssue::file(DataProblem::Sheet { kind }))),
        };
        let draft = self
            .store
            .save_import_draft(caller.user.id, initiative, file_name, &sheet.table)
            .await?;
        Ok(Ok(draft))
    }

    /// The draft of an upload, for its owner only.
    pub async fn data_draft(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
    ) -> CoreResult<ImportDraft> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let draft = self.store.import_draft(draft).await?;
        if draft.initiative_id != initiative || draft.user_id != caller.user.id {
            return Err(CoreError::NotFound);
        }
        Ok(draft)
    }

    /// Checks a draft through a mapping and says what it would do.
    pub async fn preview_places(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
        mapping: &PlaceMapping,
    ) -> CoreResult<DataPreview> {
        let draft = self.data_draft(caller, initiative, draft).await?;
        let mut preview = preview_of(&draft);
        match plan_places(&draft.table, mapping) {
            Ok(rows) => {
                let (rows, skipped) = self.places_to_write(initiative, rows, mapping).await?;
                let count = |kind| rows.iter().filter(|r| r.kind == kind).count();
                preview.place_rows = Some(PlaceCounts {
                    districts: count(PlaceKind::District),
                    authorities: count(PlaceKind::Authority),
                    schools: count(PlaceKind::School),
                    skipped,
                });
            }
            Err(issues) => preview.issues = issues,
        }
        Ok(preview)
    }

    /// The planned rows as they will be written. Under an update-only mapping that is the
    /// rows naming a place already here, keeping its name and parent, and the count of the
    /// rest, which are skipped.
    async fn places_to_write(
        &self,
        initiative: InitiativeId,
        rows: Vec<PlaceRow>,
        mapping: &PlaceMapping,
    ) -> CoreResult<(Vec<PlaceRow>, usize)> {
        if !mapping.update_only {
            return Ok((rows, 0));
        }
        let places = self.store.places(initiative).await?;
        Ok(keep_places_here(rows, &places))
    }

    pub async fn preview_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
        mapping: &ValueMapping,
    ) -> CoreResult<DataPreview> {
        let draft = self.data_draft(caller, initiative, draft).await?;
        let mut preview = preview_of(&draft);
        match self
            .plan_values_now(initiative, &draft.table, mapping)
            .await?
        {
            Ok(plan) => preview.value_plan = Some(plan),
            Err(issues) => preview.issues = issues,
        }
        Ok(preview)
    }

    async fn plan_values_now(
        &self,
        initiative: InitiativeId,
        table: &Table,
        mapping: &ValueMapping,
    ) -> CoreResult<Result<ValuePlan, Vec<DataIssue>>> {
        let indicators = self.store.indicators(initiative).await?;
        let places = self.store.places(initiative).await?;
        let rules = self.rules_of(initiative).await?;
        let stored = self.stored_counterparts(&indicators, &rules, None).await?;
        let planner = match ValuePlanner::new(&table.headers, mapping, &indicators, &places, &rules)
        {
            Ok(planner) => planner.with_stored(&stored),
            Err(issues) => return Ok(Err(issues)),
        };
        Ok(plan_whole(planner, table, &indicators, &places))
    }

    /// Writes a previewed places file, checked again against the data as it is now.
    pub async fn import_places(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
        mapping: &PlaceMapping,
    ) -> CoreResult<PlaceImportOutcome> {
        let draft = self.data_draft(caller, initiative, draft).await?;
        let rows = plan_places(&draft.table, mapping).map_err(CoreError::DataImport)?;
        let (rows, _) = self.places_to_write(initiative, rows, mapping).await?;
        let outcome = self
            .store
            .import_places(caller.actor(), initiative, &rows)
            .await?;
        self.store.delete_import_draft(draft.id).await?;
        Ok(outcome)
    }

    /// Writes a previewed values file (and the places it adds) in one transaction, checked
    /// again against the data as it is now. `progress` counts the rows as they are written.
    pub async fn import_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        draft: ImportDraftId,
        mapping: &ValueMapping,
        progress: &ImportProgress,
    ) -> CoreResult<DataOutcome> {
        let draft = self.data_draft(caller, initiative, draft).await?;
        let draft_id = draft.id;
        let source = NewSource {
            kind: SourceKind::File,
            name: draft.file_name,
        };
        progress.set_total(draft.table.rows.len());
        let headers = draft.table.headers;
        let mut rows = draft.table.rows.into_iter();
        let mut next_chunk = || {
            let chunk: Vec<TableRow> = rows.by_ref().take(ROWS_PER_CHUNK).collect();
            Ok((!chunk.is_empty()).then_some(chunk))
        };
        let outcome = self
            .write_value_chunks(
                caller,
                initiative,
                source,
                &headers,
                mapping,
                &mut next_chunk,
                progress,
            )
            .await?;
        self.store.delete_import_draft(draft_id).await?;
        Ok(outcome)
    }

    /// Plans and writes a values file a chunk of rows at a time, all in one transaction:
    /// a problem anywhere writes nothing, and every problem is still reported by line.
    #[allow(clippy::too_many_arguments)]
    async fn write_value_chunks(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        source: NewSource,
        headers: &[String],
        mapping: &ValueMapping,
        next_chunk: &mut (dyn FnMut() -> CoreResult<Option<Vec<TableRow>>> + Send),
        progress: &ImportProgress,
    ) -> CoreResult<DataOutcome> {
        let indicators = self.store.indicators(initiative).await?;
        let places = self.store.places(initiative).await?;
        let rules = self.rules_of(initiative).await?;
        let stored = self.stored_counterparts(&indicators, &rules, None).await?;
        let mut planner = ValuePlanner::new(headers, mapping, &indicators, &places, &rules)
            .map_err(CoreError::DataImport)?
            .with_stored(&stored);
        let mut writer = self
            .store
            .begin_values(caller.actor(), initiative, &source, ValueState::Approved)
            .await?;
        // A long file is planned whole: a rule between two indicators needs both values,
        // and they may sit far apart in it.
        let whole = mapping.layout == Layout::Long;
        while let Some(mut chunk) = next_chunk()? {
            while whole && let Some(more) = next_chunk()? {
                chunk.extend(more);
            }
            let values = planner.plan_rows(&chunk);
            let new_places = planner.take_new_places();
            // After the first problem the rest is still read, to report every problem,
            // but nothing more is written: the transaction will be dropped.
            if !planner.has_problems() {
                writer.add(&new_places, &values).await?;
            }
            progress.advance(chunk.len());
        }
        let plan = planner.finish().map_err(CoreError::DataImport)?;
        let written = writer.finish().await?;
        Ok(DataOutcome::Values {
            written,
            places_added: plan.new_place_count as u64,
        })
    }

    /// Imports a places or values file in one step, for the command line and the demo.
    pub async fn import_data_file(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        file: DataFile<'_>,
        progress: &ImportProgress,
    ) -> CoreResult<DataOutcome> {
        let DataFile {
            purpose,
            name: file_name,
            bytes,
            mapping,
            kind,
            encoding,
        } = file;
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let sheet_problem =
            |kind| CoreError::DataImport(vec![DataIssue::file(DataProblem::Sheet { kind })]);
        let bad_mapping = |_| CoreError::BadRequest {
            message_id: "data-import-bad-mapping",
        };
        if purpose == DataPurpose::Places {
            let sheet = read_sheet_as(bytes, encoding).map_err(sheet_problem)?;
            let mapping = match mapping {
                Some(m) => serde_json::from_value(m).map_err(bad_mapping)?,
                None => PlaceMapping::guess(&sheet.table.headers),
            };
            let rows = plan_places(&sheet.table, &mapping).map_err(CoreError::DataImport)?;
            let (rows, _) = self.places_to_write(initiative, rows, &mapping).await?;
            return Ok(DataOutcome::Places(
                self.store
                    .import_places(caller.actor(), initiative, &rows)
                    .await?,
            ));
        }
        let mut sheet = OpenSheet::open(bytes, encoding).map_err(sheet_problem)?;
        let mut chunks = sheet.chunks(ROWS_PER_CHUNK).map_err(sheet_problem)?;
        let mapping: ValueMapping = match mapping {
            Some(m) => serde_json::from_value(m).map_err(bad_mapping)?,
            None => {
                ValueMapping::guess(chunks.headers(), &self.store.indicators(initiative).await?)
            }
        };
        let headers = chunks.headers().to_vec();
        let mut next_chunk = || chunks.next_chunk().map_err(sheet_problem);
        self.write_value_chunks(
            caller,
            initiative,
            NewSource {
                kind,
                name: file_name.to_string(),
            },
            &headers,
            &mapping,
            &mut next_chunk,
            progress,
        )
        .await
    }
}

/// How many rows of a wide values file are read, checked and written at a time.
const ROWS_PER_CHUNK: usize = 5_000;

/// A file handed to [`Kesher::import_data_file`].
pub struct DataFile<'a> {
    pub purpose: DataPurpose,
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The mapping as saved (JSON); `None` guesses it from the headers.
    pub mapping: Option<serde_json::Value>,
    /// How the file arrived (the command line, the demo).
    pub kind: SourceKind,
    /// How a CSV file's text is read: detected unless the user named an encoding.
    pub encoding: TextEncoding,
}

/// How far an import has come, for a progress bar: rows read and written so far, of how
/// many (0 when the file is read as it goes and its length is not known yet).
#[derive(Debug, Default)]
pub struct ImportProgress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl ImportProgress {
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    fn set_total(&self, rows: usize) {
        self.total.store(rows, Ordering::Relaxed);
    }

    fn advance(&self, rows: usize) {
        self.done.fetch_add(rows, Ordering::Relaxed);
    }
}

fn preview_of(draft: &ImportDraft) -> DataPreview {
    DataPreview {
        draft_id: draft.id,
        file_name: draft.file_name.clone(),
        format: draft.table.format,
        headers: draft.table.headers.clone(),
        rows: draft.table.rows.iter().filter(|r| !r.is_blank()).count(),
        issues: Vec::new(),
        place_rows: None,
        value_plan: None,
    }
}

impl Kesher {
    /// The initiative's saved column mappings.
    pub async fn column_mappings(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_store::ColumnMapping>> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        Ok(self.store.column_mappings(initiative).await?)
    }

    /// Saves a mapping under a name, for the next file of the same shape.
    pub async fn save_column_mapping(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        purpose: DataPurpose,
        name: &str,
        mapping: &serde_json::Value,
    ) -> CoreResult<kesher_store::ColumnMapping> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let name = kesher_domain::text::Name::parse(name)
            .map_err(|problem| CoreError::invalid("save_as", problem))?;
        Ok(self
            .store
            .save_column_mapping(
                caller.actor(),
                initiative,
                purpose.code(),
                name.as_str(),
                mapping,
            )
            .await?)
    }
}
