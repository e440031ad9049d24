//! The measurement import's planning on the real Ministry files in `../shared/data/`:
//! every school and authority of the budget file, and four years of school data.

mod common;

use std::path::PathBuf;

use kesher_core::measurement::import::{
    DataProblem, Layout, PlaceMapping, ValueMapping, WideColumn, plan_places, plan_values,
};
use kesher_core::spreadsheet::read_sheet;
use kesher_domain::measurement::indicator::{Direction, IndicatorCode, Unit};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::measurement::quality::{Comparison, ValidationRule};
use kesher_domain::measurement::values::MissingReason;
use kesher_domain::sheet::Table;
use kesher_domain::*;
use kesher_store::{Indicator, Place};

fn shared(name: &str) -> Table {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the real data file {} must be beside the project: {e}",
            path.display()
        )
    });
    read_sheet(&bytes).unwrap().table
}

/// The places of the budget file, with ids as a store would give them.
fn budget_places() -> Vec<Place> {
    let table = shared("il_moe_budget_clean.csv");
    let rows = plan_places(&table, &PlaceMapping::guess(&table.headers)).unwrap();
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| Place {
            id: PlaceId::new(i as i64 + 1),
            initiative_id: InitiativeId::new(1),
            parent_id: None,
            kind: row.kind,
            code: row.code,
            name: row.name,
            attributes: row.attributes,
        })
        .collect()
}

#[test]
fn the_budget_file_maps_itself_into_districts_authorities_and_schools() {
    let table = shared("il_moe_budget_clean.csv");
    let mapping = PlaceMapping::guess(&table.headers);
    assert_eq!(mapping.school_code.as_deref(), Some("semel"));
    assert_eq!(mapping.authority_code.as_deref(), Some("authority_code"));
    let rows = plan_places(&table, &mapping).unwrap();
    let count = |kind| rows.iter().filter(|r| r.kind == kind).count();
    assert_eq!(count(PlaceKind::School), 4718);
    assert_eq!(count(PlaceKind::Authority), 255);
    assert_eq!(count(PlaceKind::District), 6);
    // Parents come before the places under them.
    let first_school = rows
        .iter()
        .position(|r| r.kind == PlaceKind::School)
        .unwrap();
    assert!(
        rows[..first_school]
            .iter()
            .all(|r| r.kind != PlaceKind::School)
    );
    let adiyahu = rows
        .iter()
        .find(|r| r.code.as_deref() == Some("110056"))
        .unwrap();
    assert_eq!(adiyahu.name, "עדיהו");
    assert_eq!(adiyahu.parent.as_ref().unwrap().key, "26104");
    assert_eq!(adiyahu.attributes.nurture_quintile, Some(5));
    assert_eq!(adiyahu.attributes.students, Some(63));
    assert_eq!(adiyahu.attributes.supervision.as_deref(), Some("ממלכתי"));
}

#[test]
fn a_mapping_to_a_header_the_file_lacks_is_refused_before_any_row() {
    let table = shared("il_moe_budget_clean.csv");
    let mapping = PlaceMapping {
        school_code: Some("סמל".into()),
        ..PlaceMapping::default()
    };
    let issues = plan_places(&table, &mapping).unwrap_err();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].problem,
        DataProblem::MissingColumn {
            field: "school_code".into()
        }
    );
}

fn school_data_mapping(add_missing: bool) -> ValueMapping {
    let column = |header: &str, indicator: &str, scale: Option<f64>| WideColumn {
        header: header.into(),
        indicator: indicator.into(),
        scale,
    };
    ValueMapping {
        layout: Layout::Wide,
        place_code: Some("semel".into()),
        place_name: Some("school".into()),
        period: Some("year".into()),
        columns: vec![
            column("students_regular", "students", None),
            column("math_takers_total", "math_takers", None),
            column("math_avg_grade", "math_grade", None),
            column("math_5unit_participation", "math5_rate", Some(100.0)),
        ],
        add_missing_places: add_missing,
        parent_name: Some("city".into()),
        ..ValueMapping::default()
    }
}

fn school_indicators() -> Vec<Indicator> {
    vec![
        indicator(1, "students", Unit::Count),
        indicator(2, "math_takers", Unit::Count),
        indicator(3, "math_grade", Unit::Score),
        indicator(4, "math5_rate", Unit::Percent),
    ]
}

#[test]
fn the_school_file_imports_as_four_school_years() {
    let table = shared("il_school_level_features_targets.csv");
    let places = budget_places();
    let plan = plan_values(
        &table,
        &school_data_mapping(true),
        &school_indicators(),
        &places,
        &[],
    )
    .unwrap();
    assert_eq!(plan.rows, 3731);
    // A bare year is the school year that ends in it: 2013 is 2012/13 (תשע"ג).
    assert_eq!(
        plan.periods,
        vec![
            Period::SchoolYear(2012),
            Period::SchoolYear(2013),
            Period::SchoolYear(2014),
            Period::SchoolYear(2015)
        ]
    );
    assert_eq!(plan.value_count, 3731 * 4);
    // The 15 schools the budget file does not list are added, not refused.
    assert_eq!(plan.new_place_count, 15);
    assert_eq!(plan.place_count, 1022);
    // Empty cells are kept as missing, not as zero.
    let empty_grades = plan
        .values
        .iter()
        .filter(|v| v.indicator_id == IndicatorId::new(3) && v.value.is_none())
        .count();
    assert_eq!(empty_grades, 439);
    assert!(
        plan.values
            .iter()
            .filter(|v| v.value.is_none())
            .all(|v| v.missing == Some(MissingReason::Missing))
    );
    // Shares of 0–1 come in as percentages.
    let rate = plan
        .values
        .iter()
        .find(|v| v.indicator_id == IndicatorId::new(4) && v.value.is_some_and(|x| x > 0.0))
        .unwrap();
    assert!(rate.value.unwrap() > 1.0 && rate.value.unwrap() <= 100.0);
}

#[test]
fn unknown_schools_are_reported_by_line_when_not_to_be_added() {
    let table = shared("il_school_level_features_targets.csv");
    let issues = plan_values(
        &table,
        &school_data_mapping(false),
        &school_indicators(),
        &budget_places(),
        &[],
    )
    .unwrap_err();
    assert_eq!(issues.len(), 18, "18 rows name the 15 unlisted schools");
    assert!(issues.iter().all(|i| i.line.is_some()));
    assert!(issues.iter().any(|i| i.problem
        == DataProblem::UnknownPlace {
            value: "141598".into()
        }));
}

#[test]
fn broken_cells_and_broken_rules_refuse_the_file_with_their_lines() {
    let mut table = shared("il_school_level_features_targets.csv");
    let takers = table
        .headers
        .iter()
        .position(|h| h == "math_takers_total")
        .unwrap();
    let rate = table
        .headers
        .iter()
        .position(|h| h == "math_5unit_participation")
        .unwrap();
    table.rows[0].cells[takers] = "many".into();
    table.rows[1].cells[rate] = "1.7".into();
    // More takers than students.
    table.rows[2].cells[takers] = "5000".into();
    let rules = [ValidationRule {
        left: IndicatorCode::parse("math_takers").unwrap(),
        comparison: Comparison::AtMost,
        right: IndicatorCode::parse("students").unwrap(),
    }];
    let issues = plan_values(
        &table,
        &school_data_mapping(true),
        &school_indicators(),
        &budget_places(),
        &rules,
    )
    .unwrap_err();
    assert_eq!(issues[0].line, Some(2));
    assert!(matches!(issues[0].problem, DataProblem::Cell { .. }));
    assert_eq!(issues[1].line, Some(3));
    assert!(matches!(issues[1].problem, DataProblem::OutOfRange { .. }));
    let rule_lines: Vec<usize> = issues
        .iter()
        .filter(|i| matches!(i.problem, DataProblem::Rule { .. }))
        .map(|i| {
            assert_eq!(i.column.as_deref(), Some("math_takers_total"));
            i.line.unwrap()
        })
        .collect();
    // Our broken row, and every row of the real file with more maths takers than regular
    // students (the Ministry counts external examinees among the takers): 39 of them.
    assert_eq!(rule_lines[0], 4);
    assert_eq!(rule_lines.len(), 40);
    assert_eq!(issues.len(), 42);
}

fn indicator(id: i64, code: &str, unit: Unit) -> Indicator {
    common::indicator(id, code, unit, Direction::Higher)
}
