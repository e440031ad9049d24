//! A program (תוכנית): what one partner runs, for which goals of the results tree, in which
//! places, for whom, and from when to when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::agenda::parse_list;
use crate::text::{LONG_TEXT_MAX, Name, optional_date, optional_line, optional_text};
use crate::validation::Checker;
use crate::{
    FieldError, IndicatorId, Invalid, OrganizationId, PlaceGroupId, PlaceId, ResultNodeId, lenient,
};

/// A program as typed, in a form or in JSON.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProgramForm {
    /// The partner that runs it.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// The goals, levers and action components of the results tree it serves.
    #[serde(deserialize_with = "lenient::ids")]
    pub result_ids: Vec<i64>,
    /// The places it reaches: schools, authorities, any level (a place reaches those
    /// under it too).
    #[serde(deserialize_with = "lenient::ids")]
    pub place_ids: Vec<i64>,
    /// Places named by their code (a school's סמל מוסד, an authority's CBS code), separated
    /// by commas, spaces or lines: the way to name many schools at once.
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub place_codes: String,
    /// Place groups it reaches, every member of each.
    #[serde(deserialize_with = "lenient::ids")]
    pub place_group_ids: Vec<i64>,
    /// Its own output measures (participants reached…), indicators of shared measurement.
    #[serde(deserialize_with = "lenient::ids")]
    pub indicator_ids: Vec<i64>,
    /// Target populations: the standard codes (periphery, girls…) and the initiative's own.
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub populations: String,
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub subjects: String,
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub age_bands: String,
    /// One of the initiative's core programs for its goals, or a general one.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    pub core: String,
    /// Where its money comes from: `[{"source", "amount"}]` in shekels (a form writes one
    /// "source: amount" per line).
    #[serde(deserialize_with = "lenient::funding_lines")]
    #[schema(value_type = Vec<FundingSource>)]
    pub funding: String,
    /// The first day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<NaiveDate>)]
    pub starts: String,
    /// The last day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<NaiveDate>)]
    pub ends: String,
}

/// One source of a program's money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FundingSource {
    /// Who gives it: a partner, the Ministry, a grant.
    pub source: String,
    /// Shekels, whole.
    pub amount: i64,
}

/// The most funding sources one program lists.
pub const FUNDING_SOURCES_MAX: usize = 30;

/// Funding sources from their lines ("source: amount", or source and amount apart by a
/// tab): each needs both, the amount a whole number of shekels above zero.
pub fn funding_sources(lines: &str) -> Result<Vec<FundingSource>, Invalid> {
    let mut out = Vec::new();
    for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (source, amount) = line
            .rsplit_once('\t')
            .or_else(|| line.rsplit_once(':'))
            .ok_or(Invalid::Incomplete)?;
        let source = optional_line(source, crate::text::LINE_MAX)?.ok_or(Invalid::Incomplete)?;
        let amount = super::positive_amount(amount)?;
        out.push(FundingSource { source, amount });
    }
    if out.len() > FUNDING_SOURCES_MAX {
        return Err(Invalid::Range {
            min: 0,
            max: FUNDING_SOURCES_MAX as i64,
        });
    }
    Ok(out)
}

/// A checked program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProgramInput {
    pub organization_id: OrganizationId,
    #[schema(value_type = String)]
    pub name: Name,
    pub description: Option<String>,
    pub result_ids: Vec<ResultNodeId>,
    pub place_ids: Vec<PlaceId>,
    pub place_group_ids: Vec<PlaceGroupId>,
    pub indicator_ids: Vec<IndicatorId>,
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    pub core: bool,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub funding: Vec<FundingSource>,
}

/// Ids as given, each once, in the order first given.
pub fn distinct<T: PartialEq>(ids: &[i64], make: impl Fn(i64) -> T) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(ids.len());
    for id in ids {
        let id = make(*id);
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The most codes one program may name at once.
pub const PLACE_CODES_MAX: usize = 5_000;

/// A place code as compared: without spaces or leading zeros (` 0000967` is `967`).
pub fn code_key(code: &str) -> String {
    let trimmed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let key = trimmed.trim_start_matches('0');
    if key.is_empty() && !trimmed.is_empty() {
        "0".into()
    } else {
        key.to_string()
    }
}

impl ProgramForm {
    /// The place codes as typed, each once.
    pub fn place_codes(&self) -> Result<Vec<String>, Invalid> {
        let mut codes: Vec<String> = Vec::new();
        for code in self.place_codes.split([',', ';', '\n', ' ', '\t', '\r']) {
            let code = code.trim();
            if !code.is_empty() && !codes.iter().any(|c| c == code) {
                codes.push(code.to_string());
            }
        }
        if codes.len() > PLACE_CODES_MAX {
            return Err(Invalid::Range {
                min: 0,
                max: PLACE_CODES_MAX as i64,
            });
        }
        Ok(codes)
    }

    pub fn parse(&self) -> Result<ProgramInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let name = c.check("name", Name::parse(&self.name));
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX),
        );
        let populations = c.check("populations", parse_list(&self.populations));
        let subjects = c.check("subjects", parse_list(&self.subjects));
        let age_bands = c.check("age_bands", parse_list(&self.age_bands));
        let starts = c.check("starts", optional_date(&self.starts));
        let ends = c.check("ends", optional_date(&self.ends));
        let funding = c.check("funding", funding_sources(&self.funding));
        if let (Some(Some(starts)), Some(Some(ends))) = (starts, ends)
            && ends < starts
        {
            c.push("ends", Invalid::DateOrder);
        }
        if !c.is_empty() {
            return Err(c.into_errors());
        }
        match (
            (organization, name, description),
            (populations, subjects, age_bands),
            (starts, ends, funding),
        ) {
            (
                (Some(organization), Some(name), Some(description)),
                (Some(populations), Some(subjects), Some(age_bands)),
                (Some(starts), Some(ends), Some(funding)),
            ) => Ok(ProgramInput {
                organization_id: OrganizationId::new(organization),
                name,
                description,
                result_ids: distinct(&self.result_ids, ResultNodeId::new),
                place_ids: distinct(&self.place_ids, PlaceId::new),
                place_group_ids: distinct(&self.place_group_ids, PlaceGroupId::new),
                indicator_ids: distinct(&self.indicator_ids, IndicatorId::new),
                populations,
                subjects,
                age_bands,
                core: lenient::truthy(&self.core),
                starts,
                ends,
                funding,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

impl ProgramInput {
    /// Whether the program runs on `day` (no dates: it runs as long as it is listed).
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.starts.is_none_or(|s| s <= day) && self.ends.is_none_or(|e| day <= e)
    }

    /// Whether the program names `word` among `list` (ignoring case and spaces), for the
    /// alignment map's filters.
    pub fn names(list: &[String], word: &str) -> bool {
        let word = word.trim().to_lowercase();
        list.iter().any(|item| item.trim().to_lowercase() == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProgramForm {
        ProgramForm {
            organization_id: "3".into(),
            name: " רובוטיקה בחטיבות ".into(),
            result_ids: vec![5, 5, 7],
            place_ids: vec![11],
            populations: "periphery, בנות".into(),
            core: "on".into(),
            starts: "2026-09-01".into(),
            ends: "2027-06-30".into(),
            ..ProgramForm::default()
        }
    }

    #[test]
    fn a_program_is_read_from_a_form() {
        let input = form().parse().unwrap();
        assert_eq!(input.organization_id, OrganizationId::new(3));
        assert_eq!(input.name.as_str(), "רובוטיקה בחטיבות");
        assert_eq!(
            input.result_ids,
            vec![ResultNodeId::new(5), ResultNodeId::new(7)]
        );
        assert_eq!(input.populations, vec!["periphery", "בנות"]);
        assert!(input.core);
        assert!(input.runs_on(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert!(!input.runs_on(NaiveDate::from_ymd_opt(2027, 7, 1).unwrap()));
    }

    #[test]
    fn a_program_needs_its_partner_and_name_and_ends_after_it_starts() {
        let errors = ProgramForm {
            ends: "2026-01-01".into(),
            starts: "2026-02-01".into(),
            ..ProgramForm::default()
        }
        .parse()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["organization_id", "name", "ends"]);
        assert_eq!(errors[2].problem, Invalid::DateOrder);
    }

    #[test]
    fn place_codes_are_read_as_a_list_and_compared_without_zeros_or_spaces() {
        let form = ProgramForm {
            place_codes: "110056, 0000967\n 967 ;  ".into(),
            ..ProgramForm::default()
        };
        assert_eq!(
            form.place_codes().unwrap(),
            vec!["110056", "0000967", "967"]
        );
        assert_eq!(code_key(" 0000967"), "967");
        assert_eq!(code_key("967"), "967");
        assert_eq!(code_key("000"), "0");
    }

    #[test]
    fn funding_sources_are_read_from_lines_and_each_needs_its_amount() {
        let read = funding_sources("קרן אורן: ₪100,000\n\n עיריית מגדל הדרים: 50000 \nמענק\t7500")
            .unwrap();
        assert_eq!(
            read,
            vec![
                FundingSource {
                    source: "קרן אורן".into(),
                    amount: 100_000
                },
                FundingSource {
                    source: "עיריית מגדל הדרים".into(),
                    amount: 50_000
                },
                FundingSource {
                    source: "מענק".into(),
                    amount: 7_500
                },
            ]
        );
        assert_eq!(funding_sources("קרן אורן"), Err(Invalid::Incomplete));
        assert_eq!(funding_sources(": 5000"), Err(Invalid::Incomplete));
        assert!(matches!(
            funding_sources("קרן: 0"),
            Err(Invalid::Range { min: 1, .. })
        ));
        let errors = ProgramForm {
            funding: "קרן אורן".into(),
            ..form()
        }
        .parse()
        .unwrap_err();
        assert_eq!(errors[0].field, "funding");
    }

    #[test]
    fn filters_compare_words_without_case_or_spaces() {
        let list = vec!["Girls".to_string(), "פריפריה".to_string()];
        assert!(ProgramInput::names(&list, " girls"));
        assert!(ProgramInput::names(&list, "פריפריה"));
        assert!(!ProgramInput::names(&list, "haredi_sector"));
    }
}
