//! Data out: an indicator's values as a long table (CSV or XLSX), the whole measurement
//! setup as JSON, and values as a DHIS2 `dataValueSets` document, so an initiative can hand
//! its data to a DHIS2 system.

use std::collections::HashMap;

use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::ValueState;
use kesher_domain::*;
use kesher_store::{Indicator, Place, ValueFilter};
use serde::Serialize;

use crate::{Caller, CoreError, CoreResult, Kesher};

/// A table to download.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Download {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The columns that hold numbers (values); every other column is text, whatever it
    /// looks like: a code such as `00472` keeps its zeros.
    pub number_columns: Vec<usize>,
}

/// A cell a spreadsheet would read as a formula: OWASP's list of first characters.
fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// What a number column's cell is as a number, if it is one.
fn as_number(cell: &str) -> Option<f64> {
    cell.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A cell without the control characters a stored text may still carry from before
/// inputs were checked (tab and line breaks stay: notes have them).
fn printable(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        cell.chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .into()
    } else {
        cell.into()
    }
}

impl Download {
    fn is_number_column(&self, column: usize) -> bool {
        self.number_columns.contains(&column)
    }

    /// CSV in UTF-8 with a byte-order mark, so a spreadsheet opens the Hebrew right. A text
    /// cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`)
    /// gets a leading `'`, as OWASP advises; a number in a value column stays as it is.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|h| self.safe(usize::MAX, h))
            .collect();
        let _ = writer.write_record(&headers);
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(column, cell)| self.safe(column, cell))
                .collect();
            let _ = writer.write_record(&cells);
        }
        writer.into_inner().unwrap_or_default()
    }

    fn safe(&self, column: usize, cell: &str) -> String {
        let cell = printable(cell);
        let number = self.is_number_column(column) && as_number(&cell).is_some();
        if looks_like_formula(&cell) && !number {
            format!("'{cell}")
        } else {
            cell.into_owned()
        }
    }

    /// One worksheet: value columns as numbers, every other cell as text (a string cell is
    /// never run as a formula).
    pub fn to_xlsx(&self) -> CoreResult<Vec<u8>> {
        let fail = |e: rust_xlsxwriter::XlsxError| CoreError::Internal(e.to_string());
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (column, header) in self.headers.iter().enumerate() {
            sheet
                .write_string(0, column as u16, printable(header))
                .map_err(fail)?;
        }
        for (index, row) in self.rows.iter().enumerate() {
            let line = index as u32 + 1;
            for (column, cell) in row.iter().enumerate() {
                match as_number(cell).filter(|_| self.is_number_column(column)) {
                    Some(number) => {
                        sheet
                            .write_number(line, column as u16, number)
                            .map_err(fail)?;
                    }
                    None => {
                        sheet
                            .write_string(line, column as u16, printable(cell))
                            .map_err(fail)?;
                    }
                }
            }
        }
        workbook.save_to_buffer().map_err(fail)
    }
}

fn place_code(place: Option<&Place>, id: PlaceId) -> String {
    place
        .and_then(|p| p.code.clone())
        .unwrap_or_else(|| format!("K{id}"))
}

/// The DHIS2 name of a period: `2021`, `2021Q3`, `202107`; a school year is DHIS2's
/// financial year starting in September (`2021Sep`).
pub fn dhis2_period(period: Period) -> String {
    match period {
        Period::SchoolYear(y) => format!("{y}Sep"),
        Period::CalendarYear(y) => y.to_string(),
        Period::Quarter(y, q) => format!("{y}Q{q}"),
        Period::Month(y, m) => format!("{y}{m:02}"),
    }
}

/// One value in DHIS2's `dataValueSets` shape.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Dhis2Value {
    data_element: String,
    period: String,
    org_unit: String,
    category_option_combo: Option<String>,
    value: String,
    comment: Option<String>,
    followup: bool,
}

impl Kesher {
    async fn indicator_in(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        code: &str,
    ) -> CoreResult<Indicator> {
        let (indicators, _) = self.indicators(caller, initiative).await?;
        indicators
            .into_iter()
            .find(|i| i.code == code)
            .ok_or(CoreError::NotFound)
    }

    /// Every approved value of an indicator, one row each, with its place and source.
    pub async fn indicator_values_download(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        code: &str,
    ) -> CoreResult<Download> {
        let indicator = self.indicator_in(caller, initiative, code).await?;
        let values = self
            .values(
                caller,
                initiative,
                ValueFilter {
                    indicator_ids: vec![indicator.id],
                    states: vec![ValueState::Approved],
                    ..ValueFilter::default()
                },
            )
            .await?;
        let places: HashMap<PlaceId, Place> = self
            .store
            .places(initiative)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut sources = HashMap::new();
        let mut rows = Vec::with_capacity(values.len());
        for v in values {
            let source = match sources.get(&v.source_id) {
                Some(name) => name,
                None => {
                    let name = self.store.data_source(v.source_id).await?.name;
                    sources.insert(v.source_id, name);
                    &sources[&v.source_id]
                }
            };
            let place = places.get(&v.place_id);
            rows.push(vec![
                indicator.code.clone(),
                place_code(place, v.place_id),
                place.map(|p| p.name.clone()).unwrap_or_default(),
                place.map(|p| p.kind.code().to_string()).unwrap_or_default(),
                v.period.code(),
                v.period.hebrew_year().unwrap_or_default(),
                v.cell.key().to_string(),
                v.value.map(|x| x.to_string()).unwrap_or_default(),
                v.missing.map(|m| m.code().to_string()).unwrap_or_default(),
                v.note.clone().unwrap_or_default(),
                source.clone(),
            ]);
        }
        Ok(Download {
            headers: [
                "indicator",
                "place_code",
                "place_name",
                "place_kind",
                "period",
                "period_hebrew",
                "breakdown",
                "value",
                "missing",
                "note",
                "source",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            // The value column.
            number_columns: vec![7],
        })
    }

    /// The whole measurement setup: places, groups, indicators with targets, rules and the
    /// saved column mappings — enough to set the same measurement up elsewhere.
    pub async fn measurement_setup(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<serde_json::Value> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let rules: Vec<_> = self
            .store
            .validation_rules(initiative)
            .await?
            .into_iter()
            .map(|r| r.rule)
            .collect();
        Ok(serde_json::json!({
            "initiative_id": initiative,
            "places": self.store.places(initiative).await?,
            "place_groups": self.store.place_groups(initiative).await?,
            "indicators": self.store.indicators(initiative).await?,
            "validation_rules": rules,
            "column_mappings": self.store.column_mappings(initiative).await?,
        }))
    }

    /// Approved values (of one indicator, or all entered ones) as a DHIS2 `dataValueSets`
    /// document: data elements are indicator codes, org units the places' codes (`K<id>`
    /// for a place without one), category option combos the breakdown cells.
    pub async fn dhis2_data_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        code: Option<&str>,
    ) -> CoreResult<serde_json::Value> {
        let (indicators, _) = self.indicators(caller, initiative).await?;
        let chosen: Vec<&Indicator> = indicators
            .iter()
            .filter(|i| !i.is_computed() && code.is_none_or(|c| c == i.code))
            .collect();
        if code.is_some() && chosen.is_empty() {
            return Err(CoreError::NotFound);
        }
        if chosen.is_empty() {
            return Ok(serde_json::json!({ "dataValues": [] }));
        }
        let values = self
            .values(
                caller,
                initiative,
                ValueFilter {
                    indicator_ids: chosen.iter().map(|i| i.id).collect(),
                    states: vec![ValueState::Approved],
                    ..ValueFilter::default()
                },
            )
            .await?;
        let places: HashMap<PlaceId, Place> = self
            .store
            .places(initiative)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let data_values: Vec<Dhis2Value> = values
            .into_iter()
            .filter_map(|v| {
                let indicator = chosen.iter().find(|i| i.id == v.indicator_id)?;
                Some(Dhis2Value {
                    data_element: indicator.code.clone(),
                    period: dhis2_period(v.period),
                    org_unit: place_code(places.get(&v.place_id), v.place_id),
                    category_option_combo: (!v.cell.is_total()).then(|| v.cell.key().to_string()),
                    value: v.value?.to_string(),
                    comment: v.note,
                    followup: false,
                })
            })
            .collect();
        Ok(serde_json::json!({ "dataValues": data_values }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_take_dhis2_names() {
        assert_eq!(dhis2_period(Period::SchoolYear(2021)), "2021Sep");
        assert_eq!(dhis2_period(Period::Quarter(2021, 3)), "2021Q3");
        assert_eq!(dhis2_period(Period::Month(2021, 7)), "202107");
        assert_eq!(dhis2_period(Period::CalendarYear(2020)), "2020");
    }

    #[test]
    fn a_csv_download_opens_in_hebrew() {
        let download = Download {
            headers: vec!["place".into(), "value".into()],
            rows: vec![vec!["בית ספר \"אופק\"".into(), "12.5".into()]],
            number_columns: vec![1],
        };
        let bytes = download.to_csv();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "place,value\n\"בית ספר \"\"אופק\"\"\",12.5\n");
        let xlsx = download.to_xlsx().unwrap();
        assert!(xlsx.starts_with(b"PK"));
    }

    #[test]
    fn a_csv_cell_a_spreadsheet_would_run_is_neutralised() {
        let download = Download {
            headers: vec!["name".into(), "value".into()],
            rows: vec![
                vec!["=HYPERLINK(\"http://x\")".into(), "-3".into()],
                vec!["+cmd|' /C calc'!A0".into(), "-4.5".into()],
                vec!["@SUM(A1)".into(), "=1+1".into()],
                vec!["-2".into(), "7".into()],
                vec!["a\u{0}b".into(), "".into()],
            ],
            number_columns: vec![1],
        };
        let text = String::from_utf8(download.to_csv()[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"http://x\"\")\",-3");
        assert_eq!(lines[2], "'+cmd|' /C calc'!A0,-4.5");
        assert_eq!(lines[3], "'@SUM(A1),'=1+1");
        // A negative number in a text column is still text to be kept safe.
        assert_eq!(lines[4], "'-2,7");
        assert_eq!(lines[5], "ab,");
    }

    #[test]
    fn an_xlsx_download_keeps_codes_as_text_and_values_as_numbers() {
        use calamine::{Data, Reader};
        let download = Download {
            headers: vec!["place_code".into(), "note".into(), "value".into()],
            rows: vec![vec!["00472".into(), "NaN".into(), "12.5".into()]],
            number_columns: vec![2],
        };
        let bytes = download.to_xlsx().unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(sheet.get((1, 0)), Some(&Data::String("00472".into())));
        assert_eq!(sheet.get((1, 1)), Some(&Data::String("NaN".into())));
        assert_eq!(sheet.get((1, 2)), Some(&Data::Float(12.5)));
    }
}
