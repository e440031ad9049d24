//! Places measurements are about: country → district (מחוז) → authority (רשות) → school
//! (מוסד, known by its סמל מוסד), each with the attributes comparisons are made by.

use serde::{Deserialize, Serialize};

use crate::text::{LINE_MAX, Name, optional_line};
use crate::validation::Checker;
use crate::{FieldError, Invalid, choice_enum, lenient};

use super::indicator::parse_number;

choice_enum!(
    /// A level of the place hierarchy.
    PlaceKind, "place-kind", {
        Country => "country",
        District => "district",
        Authority => "authority",
        School => "school",
        /// A program site, a neighbourhood — anything the initiative counts by.
        Other => "other",
    }
);

impl PlaceKind {
    /// The kinds a place of this kind may stand under (`Other` may stand anywhere).
    pub fn may_stand_under(self, parent: PlaceKind) -> bool {
        use PlaceKind::*;
        match self {
            Country => false,
            District => parent == Country,
            Authority => matches!(parent, Country | District),
            School => matches!(parent, Country | District | Authority | Other),
            Other => true,
        }
    }
}

/// What comparisons are made by. Every field is optional; an import that leaves a cell blank
/// keeps what was there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlaceAttributes {
    /// Jewish, Arab, Druze… as the source writes it.
    pub sector: Option<String>,
    /// State, state-religious, Haredi…
    pub supervision: Option<String>,
    /// Primary, middle, upper…
    pub stage: Option<String>,
    /// The CBS socio-economic index value.
    pub ses_index: Option<f64>,
    /// The CBS socio-economic cluster, 1–10.
    pub ses_cluster: Option<i64>,
    /// The Ministry's nurture (טיפוח) quintile, 1–5 (5 needs the most support).
    pub nurture_quintile: Option<i64>,
    pub periphery: Option<bool>,
    pub population: Option<i64>,
    /// Students, for a school.
    pub students: Option<i64>,
    /// Israeli grid coordinates as the Ministry gives them.
    pub grid_x: Option<f64>,
    pub grid_y: Option<f64>,
}

impl PlaceAttributes {
    /// Takes every value `newer` gives, keeping ours where it gives none.
    pub fn merge(&mut self, newer: &PlaceAttributes) {
        macro_rules! take {
            ($($field:ident),*) => {
                $(if newer.$field.is_some() { self.$field = newer.$field.clone(); })*
            };
        }
        take!(
            sector,
            supervision,
            stage,
            ses_index,
            ses_cluster,
            nurture_quintile,
            periphery,
            population,
            students,
            grid_x,
            grid_y
        );
    }
}

/// A place as a form or the API gives it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlaceForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub parent_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = PlaceKind)]
    #[schema(required = true)]
    pub kind: String,
    /// The official code: סמל מוסד for a school, the CBS code for an authority.
    #[serde(deserialize_with = "lenient::text")]
    pub code: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub sector: String,
    #[serde(deserialize_with = "lenient::text")]
    pub supervision: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub ses_index: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub nurture_quintile: String,
    /// `yes`, `no` or blank.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = Option<bool>)]
    pub periphery: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub population: String,
    #[serde(deserialize_with = "lenient::text")]
    pub stage: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub ses_cluster: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub students: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub grid_x: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub grid_y: String,
}

impl PlaceForm {
    /// The form as a place fills it, for editing.
    pub fn of(
        place_parent: Option<crate::PlaceId>,
        kind: PlaceKind,
        code: Option<&str>,
        name: &str,
        a: &PlaceAttributes,
    ) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let whole = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let number = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
        Self {
            parent_id: place_parent.map(|p| p.to_string()).unwrap_or_default(),
            kind: kind.code().to_string(),
            code: code.unwrap_or_default().to_string(),
            name: name.to_string(),
            sector: text(&a.sector),
            supervision: text(&a.supervision),
            ses_index: number(a.ses_index),
            nurture_quintile: whole(a.nurture_quintile),
            periphery: match a.periphery {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            population: whole(a.population),
            stage: text(&a.stage),
            ses_cluster: whole(a.ses_cluster),
            students: whole(a.students),
            grid_x: number(a.grid_x),
            grid_y: number(a.grid_y),
        }
    }
}

/// A checked place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceInput {
    pub parent_id: Option<crate::PlaceId>,
    pub kind: PlaceKind,
    pub code: Option<String>,
    pub name: Name,
    pub attributes: PlaceAttributes,
}

/// Reads yes/no as people and files write it; blank is `None`.
pub fn parse_yes_no(raw: &str) -> Result<Option<bool>, Invalid> {
    match raw.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "true" | "1" | "כן" | "on" => Ok(Some(true)),
        "no" | "false" | "0" | "לא" | "off" => Ok(Some(false)),
        _ => Err(Invalid::Choice),
    }
}

/// Reads a whole number written as files write it (`3.0`).
pub fn parse_whole(raw: &str, min: i64, max: i64) -> Result<Option<i64>, Invalid> {
    match parse_number(raw)? {
        None => Ok(None),
        Some(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(Some(n as i64)),
        Some(_) => Err(Invalid::Range { min, max }),
    }
}

/// The Ministry of Education's code for an authority, from the CBS locality code (סמל ישוב)
/// of the locality it governs: the Ministry appends a Luhn check digit (Jerusalem, 3000 at
/// the CBS, is 30007 in the Ministry's files). This is what joins the CBS's locality tables to
/// the Ministry's school files. Files often write the code as a decimal (`3000.0`).
pub fn ministry_authority_code(cbs_locality: &str) -> Result<String, Invalid> {
    let code = parse_whole(cbs_locality, 1, 99_999_999)?.ok_or(Invalid::Required)?;
    let digits = code.to_string();
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            // The digit beside the check digit is doubled, then every second one leftwards.
            if i % 2 == 0 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    Ok(format!("{digits}{}", (10 - sum % 10) % 10))
}

impl PlaceForm {
    pub fn parse(&self) -> Result<PlaceInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let parent = c.check("parent_id", lenient::optional_id(&self.parent_id));
        let kind = c.check("kind", PlaceKind::parse(&self.kind));
        let code = c.check("code", optional_line(&self.code, 40));
        let name = c.check("name", Name::parse(&self.name));
        let sector = c.check("sector", optional_line(&self.sector, LINE_MAX));
        let supervision = c.check("supervision", optional_line(&self.supervision, LINE_MAX));
        let ses_index = c.check("ses_index", parse_number(&self.ses_index));
        let nurture = c.check(
            "nurture_quintile",
            parse_whole(&self.nurture_quintile, 1, 5),
        );
        let periphery = c.check("periphery", parse_yes_no(&self.periphery));
        let population = c.check("population", parse_whole(&self.population, 0, 100_000_000));
        let stage = c.check("stage", optional_line(&self.stage, LINE_MAX));
        let ses_cluster = c.check("ses_cluster", parse_whole(&self.ses_cluster, 1, 10));
        let students = c.check("students", parse_whole(&self.students, 0, 1_000_000));
        let grid_x = c.check("grid_x", parse_number(&self.grid_x));
        let grid_y = c.check("grid_y", parse_number(&self.grid_y));
        let others = (stage, ses_cluster, students, grid_x, grid_y);
        match (
            parent,
            kind,
            code,
            name,
            sector,
            supervision,
            ses_index,
            nurture,
            periphery,
            population,
            others,
        ) {
            (
                Some(parent),
                Some(kind),
                Some(code),
                Some(name),
                Some(sector),
                Some(supervision),
                Some(ses_index),
                Some(nurture_quintile),
                Some(periphery),
                Some(population),
                (Some(stage), Some(ses_cluster), Some(students), Some(grid_x), Some(grid_y)),
            ) if c.is_empty() => Ok(PlaceInput {
                parent_id: parent.map(crate::PlaceId::new),
                kind,
                code,
                name,
                attributes: PlaceAttributes {
                    sector,
                    supervision,
                    ses_index,
                    nurture_quintile,
                    periphery,
                    population,
                    stage,
                    ses_cluster,
                    students,
                    grid_x,
                    grid_y,
                },
            }),
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cbs_locality_code_becomes_the_ministry_authority_code() {
        // Pairs read off the real files: the CBS socio-economic table and the Ministry budget.
        for (cbs, ministry) in [
            ("3000", "30007"), // ירושלים
            ("2610", "26104"), // בית שמש
            ("489.0", "4895"), // דבורייה
            ("5000", "50005"), // תל אביב -יפו
            ("1061", "10611"), // נוף הגליל, listed by the CBS under its old name
        ] {
            assert_eq!(ministry_authority_code(cbs).unwrap(), ministry, "{cbs}");
        }
        assert_eq!(ministry_authority_code("abc"), Err(Invalid::Number));
        assert_eq!(ministry_authority_code(""), Err(Invalid::Required));
    }

    #[test]
    fn levels_run_downward() {
        assert!(PlaceKind::School.may_stand_under(PlaceKind::Authority));
        assert!(PlaceKind::Authority.may_stand_under(PlaceKind::District));
        assert!(!PlaceKind::District.may_stand_under(PlaceKind::Authority));
        assert!(!PlaceKind::Country.may_stand_under(PlaceKind::Country));
    }

    #[test]
    fn merging_never_erases() {
        let mut kept = PlaceAttributes {
            sector: Some("יהודי".into()),
            nurture_quintile: Some(3),
            ..PlaceAttributes::default()
        };
        kept.merge(&PlaceAttributes {
            nurture_quintile: Some(4),
            ..PlaceAttributes::default()
        });
        assert_eq!(kept.sector.as_deref(), Some("יהודי"));
        assert_eq!(kept.nurture_quintile, Some(4));
    }

    #[test]
    fn a_place_form_checks_its_numbers() {
        let form = PlaceForm {
            kind: "school".into(),
            name: "עדיהו".into(),
            nurture_quintile: "5.0".into(),
            periphery: "כן".into(),
            ..PlaceForm::default()
        };
        let input = form.parse().unwrap();
        assert_eq!(input.attributes.nurture_quintile, Some(5));
        assert_eq!(input.attributes.periphery, Some(true));
        let broken = PlaceForm {
            nurture_quintile: "7".into(),
            periphery: "maybe".into(),
            ..form
        };
        let fields: Vec<&str> = broken
            .parse()
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["nurture_quintile", "periphery"]);
    }
}
