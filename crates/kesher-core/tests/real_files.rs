//! The spreadsheet reader on the real public files in `../shared/data/`: the encodings,
//! byte-order marks, quoting and sizes people's files actually have.

use std::path::PathBuf;

use kesher_core::spreadsheet::{SheetFormat, read_sheet};

fn shared(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the real data file {} must be beside the project: {e}",
            path.display()
        )
    })
}

fn column(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn the_windows_1255_localities_file_is_detected_and_decoded() {
    let sheet = read_sheet(&shared("il_cbs_cities_2014_cp1255.csv")).unwrap();
    assert_eq!(sheet.format, SheetFormat::CsvWindows1255);
    assert_eq!(
        sheet.table.rows.len(),
        1461,
        "the README counts 1,461 localities"
    );
    let name = column(&sheet.table.headers, "NAME");
    let english = column(&sheet.table.headers, "ENGLISH_NAME");
    let abu_ghosh = sheet
        .table
        .rows
        .iter()
        .find(|r| r.cell(english) == "ABU GHOSH")
        .unwrap();
    assert_eq!(abu_ghosh.cell(name), "אבו גוש");
    // Apostrophes and parentheses survive the decoding.
    assert!(
        sheet
            .table
            .rows
            .iter()
            .any(|r| r.cell(name) == "אבו ג'ווייעד (שבט)")
    );
}

#[test]
fn the_school_budget_file_keeps_its_first_header_clean_of_the_bom() {
    let sheet = read_sheet(&shared("il_moe_budget_clean.csv")).unwrap();
    assert_eq!(sheet.format, SheetFormat::CsvUtf8);
    assert_eq!(sheet.table.headers.len(), 26);
    assert_eq!(sheet.table.headers[0], "semel");
    assert_eq!(sheet.table.rows.len(), 4718);
    let authority = column(&sheet.table.headers, "authority_code");
    let authorities: std::collections::HashSet<_> =
        sheet.table.rows.iter().map(|r| r.cell(authority)).collect();
    assert_eq!(authorities.len(), 255);
}

#[test]
fn doubled_quotes_and_mirrored_parentheses_arrive_as_written() {
    let sheet = read_sheet(&shared("il_school_level_features_targets.csv")).unwrap();
    assert_eq!(sheet.table.headers.len(), 45);
    let cells: Vec<&str> = sheet
        .table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(String::as_str))
        .collect();
    assert!(
        cells.contains(&"חט\"ב ועליונה"),
        "\"\" inside a quoted value is one quote mark"
    );
    // An earlier tool mirrored these parentheses; the reader must not "fix" or lose them.
    assert!(cells.contains(&"קרית יערים)מוסד("));
    // Empty cells stay empty rather than shifting the row.
    assert!(sheet.table.rows.iter().all(|r| r.cells.len() == 45));
    assert!(cells.contains(&""));
}

#[test]
fn the_socio_economic_file_reads_with_its_bom() {
    let sheet = read_sheet(&shared("il_cbs_ses_clean.csv")).unwrap();
    assert_eq!(sheet.table.headers[0], "locality_code");
    assert_eq!(sheet.table.rows.len(), 1208);
}

#[test]
fn the_ministry_workbook_reads_its_first_sheet() {
    let sheet = read_sheet(&shared("il_moe_schools_coordinates_2020.xlsx")).unwrap();
    assert_eq!(sheet.format, SheetFormat::Xlsx);
    assert_eq!(
        sheet.table.headers[..2],
        ["סמל_מוסד".to_string(), "שם_מוסד".to_string()]
    );
    assert_eq!(sheet.table.rows.len(), 27220);
    // Institution codes are whole numbers and must not come back as "110023.0".
    let code = sheet.table.rows[0].cell(0);
    assert!(
        !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()),
        "{code}"
    );
    assert_eq!(sheet.table.rows[0].line, 2);
}
