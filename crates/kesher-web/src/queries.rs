//! The filters of lists, as they arrive in query strings; shared by pages and the API.
//! Unknown codes are ignored rather than refused, so an old bookmark still opens.

use kesher_domain::network::{OrganizationType, Sector};
use kesher_domain::{OrganizationId, lenient};
use kesher_store::{OrganizationFilter, PersonFilter};
use serde::Deserialize;

/// The list's filters as they arrive in the query string (unknown codes are ignored).
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct OrganizationQuery {
    pub q: String,
    pub sector: String,
    pub organization_type: String,
    pub tag: String,
}

impl OrganizationQuery {
    /// The words to look for, if any.
    pub fn text(&self) -> Option<&str> {
        Some(self.q.trim()).filter(|q| !q.is_empty())
    }

    pub fn filter(&self) -> OrganizationFilter {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        OrganizationFilter {
            sector: Sector::parse(&self.sector).ok(),
            organization_type: OrganizationType::parse(&self.organization_type).ok(),
            tag: some(&self.tag),
        }
    }
}

/// The list's filters as they arrive in the query string.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PersonQuery {
    pub q: String,
    pub organization_id: String,
    pub sector: String,
}

impl PersonQuery {
    /// The words to look for, if any.
    pub fn text(&self) -> Option<&str> {
        Some(self.q.trim()).filter(|q| !q.is_empty())
    }

    pub fn filter(&self) -> PersonFilter {
        PersonFilter {
            organization_id: lenient::optional_id(&self.organization_id)
                .ok()
                .flatten()
                .map(OrganizationId::new),
            sector: Sector::parse(&self.sector).ok(),
        }
    }
}
