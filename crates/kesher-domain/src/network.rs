//! The partner network: initiatives, organizations and their people, and the forms that
//! create or change them.

use serde::{Deserialize, Serialize};

use crate::text::{
    Email, LINE_MAX, LONG_TEXT_MAX, Name, Phone, WebAddress, optional_line, optional_text, tidy,
};
use crate::validation::Checker;
use crate::{FieldError, InitiativeId, Invalid, OrganizationId, choice_enum, lenient};

choice_enum!(
    /// The sector an organization comes from.
    Sector, "sector", {
        Public => "public",
        Business => "business",
        ThirdSector => "third_sector",
        Philanthropy => "philanthropy",
        Academia => "academia",
    }
);

choice_enum!(
    /// What kind of organization it is.
    OrganizationType, "organization-type", {
        Ministry => "ministry",
        LocalAuthority => "local_authority",
        GovernmentAgency => "government_agency",
        School => "school",
        Ngo => "ngo",
        Foundation => "foundation",
        Company => "company",
        University => "university",
        College => "college",
        Museum => "museum",
        ResearchInstitute => "research_institute",
        Other => "other",
    }
);

/// Whether an organization of this sector and type funds others: philanthropy, or a
/// foundation of any sector. Funders get updates addressed to funders and answer joint
/// funding requests among themselves.
pub fn funds(sector: Sector, organization_type: OrganizationType) -> bool {
    sector == Sector::Philanthropy || organization_type == OrganizationType::Foundation
}

/// How many tags an organization may carry, and how long each may be.
pub const TAGS_MAX: usize = 20;
pub const TAG_MAX_CHARS: usize = 40;

/// Reads tags typed as one line ("רובוטיקה, בנות; פריפריה"): split on commas and
/// semicolons, tidied, duplicates dropped (ignoring case), first spelling kept.
pub fn parse_tags(raw: &str) -> Result<Vec<String>, Invalid> {
    let mut tags: Vec<String> = Vec::new();
    for piece in raw.split([',', ';', '،', '\n']) {
        let tag = tidy(piece);
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Invalid::TooLong { max: TAG_MAX_CHARS });
        }
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag);
        }
    }
    if tags.len() > TAGS_MAX {
        return Err(Invalid::Range {
            min: 0,
            max: TAGS_MAX as i64,
        });
    }
    Ok(tags)
}

/// An initiative as a user types it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InitiativeForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// The parent initiative (a national network, for a local community). Empty for none.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub parent_id: String,
}

/// A checked initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InitiativeInput {
    pub name: Name,
    pub description: Option<String>,
    pub parent_id: Option<InitiativeId>,
}

impl InitiativeForm {
    pub fn parse(&self) -> Result<InitiativeInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.check("name", Name::parse(&self.name));
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX),
        );
        let parent_id = c.check("parent_id", lenient::optional_id(&self.parent_id));
        match (name, description, parent_id) {
            (Some(name), Some(description), Some(parent)) => Ok(InitiativeInput {
                name,
                description,
                parent_id: parent.map(InitiativeId::new),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// An organization as a user types it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OrganizationForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Sector)]
    #[schema(required = true)]
    pub sector: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = OrganizationType)]
    #[schema(required = true)]
    pub organization_type: String,
    /// The value the organization brings to the initiative.
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    #[serde(deserialize_with = "lenient::text")]
    pub website: String,
    /// Tags, as a list or as one comma-separated line.
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub tags: String,
    /// A key from the backbone's own spreadsheet, used to match re-imports.
    #[serde(deserialize_with = "lenient::text")]
    pub external_id: String,
}

/// A checked organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganizationInput {
    pub name: Name,
    pub sector: Sector,
    pub organization_type: OrganizationType,
    pub description: Option<String>,
    pub website: Option<WebAddress>,
    pub tags: Vec<String>,
    pub external_id: Option<String>,
}

impl OrganizationForm {
    pub fn parse(&self) -> Result<OrganizationInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.check("name", Name::parse(&self.name));
        let sector = c.check("sector", Sector::parse(&self.sector));
        let organization_type = c.check(
            "organization_type",
            OrganizationType::parse(&self.organization_type),
        );
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX),
        );
        let website = c.check("website", WebAddress::parse_optional(&self.website));
        let tags = c.check("tags", parse_tags(&self.tags));
        let external_id = c.check("external_id", optional_line(&self.external_id, LINE_MAX));
        match (
            name,
            sector,
            organization_type,
            description,
            website,
            tags,
            external_id,
        ) {
            (
                Some(name),
                Some(sector),
                Some(organization_type),
                Some(description),
                Some(website),
                Some(tags),
                Some(external_id),
            ) => Ok(OrganizationInput {
                name,
                sector,
                organization_type,
                description,
                website,
                tags,
                external_id,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A representative as a user types them.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PersonForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub role_title: String,
    #[serde(deserialize_with = "lenient::text")]
    pub email: String,
    #[serde(deserialize_with = "lenient::text")]
    pub phone: String,
}

/// A person's own details, apart from the organization they belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonDetails {
    pub name: Name,
    pub role_title: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

/// A checked person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonInput {
    pub organization_id: OrganizationId,
    pub details: PersonDetails,
}

impl PersonForm {
    pub fn parse(&self) -> Result<PersonInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let name = c.check("name", Name::parse(&self.name));
        let role_title = c.check("role_title", optional_line(&self.role_title, LINE_MAX));
        let email = c.check("email", Email::parse_optional(&self.email));
        let phone = c.check("phone", Phone::parse_optional(&self.phone));
        match (organization, name, role_title, email, phone) {
            (Some(organization), Some(name), Some(role_title), Some(email), Some(phone)) => {
                Ok(PersonInput {
                    organization_id: OrganizationId::new(organization),
                    details: PersonDetails {
                        name,
                        role_title,
                        email,
                        phone,
                    },
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_on_commas_and_drop_repeats() {
        assert_eq!(
            parse_tags("רובוטיקה, בנות; Robotics ,robotics,, פריפריה").unwrap(),
            vec!["רובוטיקה", "בנות", "Robotics", "פריפריה"]
        );
        assert_eq!(parse_tags("").unwrap(), Vec::<String>::new());
        assert!(parse_tags(&"א".repeat(41)).is_err());
    }

    #[test]
    fn organization_form_reports_every_problem_at_once() {
        let form = OrganizationForm {
            name: " ".into(),
            sector: "government".into(),
            organization_type: "school".into(),
            website: "not a site".into(),
            ..Default::default()
        };
        let errors = form.parse().unwrap_err();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.field, e.problem.clone()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("name", Invalid::Required),
                ("sector", Invalid::Choice),
                ("website", Invalid::WebAddress),
            ]
        );
    }

    #[test]
    fn a_valid_organization_form_parses() {
        let form = OrganizationForm {
            name: "מרכז המדע העירוני".into(),
            sector: "third_sector".into(),
            organization_type: "ngo".into(),
            tags: "מדע, קהילה".into(),
            ..Default::default()
        };
        let input = form.parse().unwrap();
        assert_eq!(input.sector, Sector::ThirdSector);
        assert_eq!(input.tags, vec!["מדע", "קהילה"]);
        assert_eq!(input.website, None);
    }

    #[test]
    fn person_form_needs_an_organization_and_a_name() {
        let errors = PersonForm {
            email: "x".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["organization_id", "name", "email"]);
    }

    #[test]
    fn choice_codes_round_trip() {
        for sector in Sector::ALL {
            assert_eq!(Sector::parse(sector.code()), Ok(*sector));
        }
        assert_eq!(
            OrganizationType::LocalAuthority.label_id(),
            "organization-type-local_authority"
        );
    }
}
