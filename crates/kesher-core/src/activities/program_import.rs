//! Programs imported from a spreadsheet, the way partners keep them: one row per program,
//! partners and goals by name, places by code. All or nothing: every row is checked as the
//! form checks it, and one problem anywhere writes nothing, with each problem reported by
//! line and column.

use kesher_domain::activities::programs::ProgramForm;
use kesher_domain::sheet::{Table, TableRow};
use kesher_domain::*;
use kesher_store::Program;

use crate::measurement::import::{DataIssue, DataProblem};
use crate::spreadsheet::read_sheet;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// The columns a programs sheet may have: the form's field, and the headers that name it
/// in Hebrew and in English (compared without case or surrounding spaces).
const COLUMNS: &[(&str, &[&str])] = &[
    (
        "organization_id",
        &["שותף", "ארגון", "partner", "organization"],
    ),
    ("name", &["שם התוכנית", "תוכנית", "name", "program"]),
    ("description", &["תיאור", "description"]),
    ("result_ids", &["יעדים", "יעד", "goals", "goal"]),
    (
        "place_codes",
        &[
            "סמלי מקומות",
            "סמל מוסד",
            "מקומות",
            "place codes",
            "places",
            "school codes",
        ],
    ),
    (
        "populations",
        &[
            "אוכלוסיות יעד",
            "אוכלוסיות",
            "populations",
            "target populations",
        ],
    ),
    ("subjects", &["תחומים", "מקצועות", "subjects"]),
    ("age_bands", &["שכבות גיל", "גילים", "age bands", "ages"]),
    ("core", &["ליבה", "תוכנית ליבה", "core"]),
    ("starts", &["התחלה", "תאריך התחלה", "starts", "start"]),
    ("ends", &["סיום", "תאריך סיום", "ends", "end"]),
    ("funding", &["מימון", "מקורות מימון", "funding"]),
];

/// The most rows one file may hold.
pub const PROGRAM_ROWS_MAX: usize = 2_000;

fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The column of each field, by the file's headers.
fn columns(table: &Table) -> Vec<(&'static str, usize)> {
    COLUMNS
        .iter()
        .filter_map(|(field, names)| {
            table
                .headers
                .iter()
                .position(|h| names.iter().any(|n| folded(n) == folded(h)))
                .map(|i| (*field, i))
        })
        .collect()
}

/// A list cell: items apart by commas, semicolons or lines.
fn items(cell: &str) -> Vec<String> {
    cell.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The rows' forms, with their lines and the problems of names that answer to nothing
/// (partners and goals are named as the initiative names them), each at its cell. A file
/// that cannot be read as programs at all is the `Err`.
pub type Rows = (Vec<(usize, ProgramForm)>, Vec<DataIssue>);

pub fn forms_of(
    table: &Table,
    organizations: &[(OrganizationId, String)],
    results: &[(ResultNodeId, String)],
) -> Result<Rows, Vec<DataIssue>> {
    let found = columns(table);
    let header = |field: &str| {
        found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| table.headers[*i].clone())
    };
    let mut issues = Vec::new();
    for (required, named) in [
        ("organization_id", "program_partner"),
        ("name", "program_name"),
    ] {
        if header(required).is_none() {
            issues.push(DataIssue {
                line: None,
                column: None,
                problem: DataProblem::MissingColumn {
                    field: named.into(),
                },
            });
        }
    }
    let rows: Vec<&TableRow> = table.rows.iter().filter(|r| !r.is_blank()).collect();
    if rows.is_empty() {
        issues.push(DataIssue {
            line: None,
            column: None,
            problem: DataProblem::NoRows,
        });
    }
    if rows.len() > PROGRAM_ROWS_MAX {
        issues.push(DataIssue {
            line: None,
            column: None,
            problem: DataProblem::Sheet {
                kind: kesher_domain::import::IssueKind::TooManyRows {
                    max: PROGRAM_ROWS_MAX,
                },
            },
        });
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut forms = Vec::new();
    for row in rows {
        let cell = |field: &str| {
            found
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, i)| row.cell(*i).trim().to_string())
                .unwrap_or_default()
        };
        let unknown = |field: &str, names: &[String], issues: &mut Vec<DataIssue>| {
            issues.push(DataIssue {
                line: Some(row.line),
                column: header(field),
                problem: DataProblem::Cell {
                    problem: Invalid::unknown_codes(names),
                },
            });
        };
        let partner = cell("organization_id");
        let organization = organizations
            .iter()
            .find(|(_, name)| folded(name) == folded(&partner));
        if organization.is_none() && !partner.is_empty() {
            unknown(
                "organization_id",
                std::slice::from_ref(&partner),
                &mut issues,
            );
        }
        let mut result_ids = Vec::new();
        let mut missing_goals = Vec::new();
        for goal in items(&cell("result_ids")) {
            match results
                .iter()
                .find(|(_, title)| folded(title) == folded(&goal))
            {
                Some((id, _)) => result_ids.push(id.get()),
                None => missing_goals.push(goal),
            }
        }
        if !missing_goals.is_empty() {
            unknown("result_ids", &missing_goals, &mut issues);
        }
        let core = cell("core");
        forms.push((
            row.line,
            ProgramForm {
                organization_id: organization
                    .map(|(id, _)| id.to_string())
                    .unwrap_or_default(),
                name: cell("name"),
                description: cell("description"),
                result_ids,
                place_codes: cell("place_codes"),
                populations: cell("populations"),
                subjects: cell("subjects"),
                age_bands: cell("age_bands"),
                core: if ["כן", "v", "✓", "x"].contains(&core.to_lowercase().as_str()) {
                    "true".into()
                } else {
                    core
                },
                starts: cell("starts"),
                ends: cell("ends"),
                funding: items(&cell("funding")).join("\n"),
                ..ProgramForm::default()
            },
        ));
    }
    Ok((forms, issues))
}

impl Kesher {
    /// Adds every program of a spreadsheet, or none: the backbone for any partner, a
    /// partner editor for their own (a row of another partner's is refused at its cell).
    pub async fn import_programs(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        bytes: &[u8],
    ) -> CoreResult<Vec<Program>> {
        let access = self
            .require(caller, initiative, |a| a.can_keep_programs())
            .await?;
        let sheet = read_sheet(bytes).map_err(|kind| {
            CoreError::DataImport(vec![DataIssue {
                line: None,
                column: None,
                problem: DataProblem::Sheet { kind },
            }])
        })?;
        let organizations: Vec<(OrganizationId, String)> = self
            .store
            .list_organizations(initiative, &Default::default())
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let results: Vec<(ResultNodeId, String)> = self
            .store
            .results(initiative)
            .await?
            .into_iter()
            .map(|r| (r.id, r.title))
            .collect();
        let (forms, mut issues) =
            forms_of(&sheet.table, &organizations, &results).map_err(CoreError::DataImport)?;
        let found = columns(&sheet.table);
        let header_of = |field: &str| {
            found
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, i)| sheet.table.headers[*i].clone())
                .or_else(|| Some(field.to_string()))
        };
        let mut inputs = Vec::new();
        // A cell already refused for its name is not refused again by the form's check.
        let named: Vec<(Option<usize>, Option<String>)> =
            issues.iter().map(|i| (i.line, i.column.clone())).collect();
        for (line, form) in &forms {
            match self.checked_program(initiative, form).await {
                Ok(input) if access.can_keep_programs_of(input.organization_id) => {
                    inputs.push(input)
                }
                Ok(_) => issues.push(DataIssue {
                    line: Some(*line),
                    column: header_of("organization_id"),
                    problem: DataProblem::Cell {
                        problem: Invalid::Choice,
                    },
                }),
                Err(CoreError::Invalid(errors)) => issues.extend(
                    errors
                        .into_iter()
                        .map(|e| DataIssue {
                            line: Some(*line),
                            column: header_of(e.field),
                            problem: DataProblem::Cell { problem: e.problem },
                        })
                        .filter(|i| !named.contains(&(i.line, i.column.clone()))),
                ),
                Err(other) => return Err(other),
            }
        }
        if !issues.is_empty() {
            issues.sort_by_key(|i| i.line);
            return Err(CoreError::DataImport(issues));
        }
        Ok(self
            .store
            .create_programs(caller.actor(), initiative, &inputs)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    line: i + 2,
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                })
                .collect(),
            format: None,
        }
    }

    #[test]
    fn rows_name_partners_and_goals_as_the_initiative_does() {
        let organizations = vec![(OrganizationId::new(3), "רובו-נוער".to_string())];
        let results = vec![
            (ResultNodeId::new(7), "קבוצות רובוטיקה".to_string()),
            (ResultNodeId::new(8), "מנטוריות".to_string()),
        ];
        let (forms, problems) = forms_of(
            &table(
                &[" שותף ", "Name", "יעדים", "סמלי מקומות", "ליבה", "מימון"],
                &[
                    &[
                        "רובו-נוער",
                        "רובוטיקה",
                        "קבוצות רובוטיקה; מנטוריות",
                        "480103, 480104",
                        "כן",
                        "קרן אורן: 60000; העירייה: 5000",
                    ],
                    &["", "", "", "", "", ""],
                ],
            ),
            &organizations,
            &results,
        )
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(forms.len(), 1, "a blank row is no program");
        let (line, form) = &forms[0];
        assert_eq!(*line, 2);
        assert_eq!(form.organization_id, "3");
        assert_eq!(form.result_ids, vec![7, 8]);
        assert_eq!(form.core, "true");
        let input = form.parse().unwrap();
        assert_eq!(input.funding.len(), 2);
        assert_eq!(form.place_codes().unwrap(), vec!["480103", "480104"]);
    }

    #[test]
    fn an_unknown_partner_or_goal_is_a_problem_at_its_cell_and_a_missing_column_at_the_file() {
        let (forms, issues) = forms_of(
            &table(
                &["partner", "program", "goals"],
                &[&["nobody", "x", "no such goal"]],
            ),
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(forms.len(), 1, "the row is still checked as a form");
        let at: Vec<(Option<usize>, Option<String>)> =
            issues.iter().map(|i| (i.line, i.column.clone())).collect();
        assert_eq!(
            at,
            vec![
                (Some(2), Some("partner".into())),
                (Some(2), Some("goals".into()))
            ]
        );
        let missing = forms_of(&table(&["name"], &[&["x"]]), &[], &[]).unwrap_err();
        assert!(matches!(
            &missing[0].problem,
            DataProblem::MissingColumn { field } if field == "program_partner"
        ));
    }
}
