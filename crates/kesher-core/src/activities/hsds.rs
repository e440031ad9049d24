//! The programs as an Open Referral directory (HSDS 3): organizations, their services (our
//! programs), the locations they run at (schools) and the areas they serve (an authority, a
//! district). Each table is a list of records shaped as the standard's table schema, so a
//! directory elsewhere can take the initiative's programs without Kesher.

use std::collections::BTreeMap;

use kesher_domain::measurement::grid::wgs84;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::*;
use kesher_store::{Organization, Place, Program};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::dates::today;
use crate::{Caller, CoreResult, Kesher};

/// Kesher's namespace for the name-based ids it gives records in HSDS: a record keeps its
/// id from one export to the next, and another directory can tell it again.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b65_7368_6572_4000_8000_6873_6473_0003);

/// What the standard calls a school's code when it names one (`external_identifier_type`).
pub const SCHOOL_CODE_SCHEME: &str = "IL-MOE institution code (סמל מוסד)";

/// The whole directory.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsDirectory {
    pub organizations: Vec<HsdsOrganization>,
    pub services: Vec<HsdsService>,
    pub locations: Vec<HsdsLocation>,
    pub service_at_locations: Vec<HsdsServiceAtLocation>,
    pub service_areas: Vec<HsdsServiceArea>,
    pub funding: Vec<HsdsFunding>,
}

/// One source of a program's money. The standard's table has no amount of its own, so the
/// source names it: "Oren Foundation: 60000 ILS".
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsFunding {
    pub id: String,
    pub service_id: String,
    pub source: String,
}

/// A partner that runs programs.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsOrganization {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// A program.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsService {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `active` while it runs, `inactive` before it starts or after it ends.
    pub status: String,
    /// Who it is for: its target populations and age bands, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    /// The day its details were last changed.
    pub assured_date: String,
}

/// A school a program runs at.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsLocation {
    pub id: String,
    pub location_type: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_identifier_type: Option<String>,
}

/// A program at a school.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsServiceAtLocation {
    pub id: String,
    pub service_id: String,
    pub location_id: String,
}

/// An area a program serves as a whole: an authority, a district, the country.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HsdsServiceArea {
    pub id: String,
    pub service_id: String,
    pub name: String,
}

/// The id a record of `kind` gets in the initiative's directory.
fn id_of(initiative: InitiativeId, kind: &str, id: i64) -> String {
    Uuid::new_v5(
        &NAMESPACE,
        format!("kesher:{initiative}:{kind}:{id}").as_bytes(),
    )
    .to_string()
}

/// The directory of `programs`, run by `organizations` at `places` (their groups opened
/// to their members), as it stands on `today`.
pub fn directory(
    initiative: InitiativeId,
    organizations: &[Organization],
    programs: &[Program],
    places: &[Place],
    groups: &[kesher_store::PlaceGroup],
    today: chrono::NaiveDate,
) -> HsdsDirectory {
    let mut out = HsdsDirectory {
        organizations: Vec::new(),
        services: Vec::new(),
        locations: Vec::new(),
        service_at_locations: Vec::new(),
        service_areas: Vec::new(),
        funding: Vec::new(),
    };
    let mut schools: BTreeMap<PlaceId, HsdsLocation> = BTreeMap::new();
    for organization in organizations {
        if !programs
            .iter()
            .any(|p| p.organization_id == organization.id)
        {
            continue;
        }
        out.organizations.push(HsdsOrganization {
            id: id_of(initiative, "organization", organization.id.get()),
            name: organization.name.clone(),
            // The standard asks for a description; an organization without one is
            // described by its name rather than left out.
            description: organization
                .description
                .clone()
                .unwrap_or_else(|| organization.name.clone()),
            website: organization.website.clone(),
        });
    }
    for program in programs {
        let service_id = id_of(initiative, "program", program.id.get());
        let running =
            program.starts.is_none_or(|s| s <= today) && program.ends.is_none_or(|e| today <= e);
        let mut eligibility: Vec<String> = program.populations.clone();
        eligibility.extend(program.age_bands.iter().cloned());
        out.services.push(HsdsService {
            id: service_id.clone(),
            organization_id: id_of(initiative, "organization", program.organization_id.get()),
            name: program.name.clone(),
            description: program.description.clone(),
            status: if running { "active" } else { "inactive" }.into(),
            eligibility_description: (!eligibility.is_empty()).then(|| eligibility.join(", ")),
            assured_date: program.updated_at.date_naive().to_string(),
        });
        for (n, source) in program.funding.iter().enumerate() {
            out.funding.push(HsdsFunding {
                id: Uuid::new_v5(
                    &NAMESPACE,
                    format!("kesher:{initiative}:funding:{}:{n}", program.id).as_bytes(),
                )
                .to_string(),
                service_id: service_id.clone(),
                source: format!("{}: {} ILS", source.source, source.amount),
            });
        }
        let mut named: Vec<PlaceId> = program.place_ids.clone();
        for group in groups
            .iter()
            .filter(|g| program.place_group_ids.contains(&g.id))
        {
            for member in &group.place_ids {
                if !named.contains(member) {
                    named.push(*member);
                }
            }
        }
        for place in places.iter().filter(|p| named.contains(&p.id)) {
            if place.kind == PlaceKind::School {
                let location = schools.entry(place.id).or_insert_with(|| {
                    let point = match (place.attributes.grid_x, place.attributes.grid_y) {
                        (Some(x), Some(y)) => wgs84(x, y),
                        _ => None,
                    };
                    HsdsLocation {
                        id: id_of(initiative, "place", place.id.get()),
                        location_type: "physical".into(),
                        name: place.name.clone(),
                        latitude: point.map(|(lat, _)| lat),
                        longitude: point.map(|(_, lon)| lon),
                        external_identifier: place.code.clone(),
                        external_identifier_type: place
                            .code
                            .as_ref()
                            .map(|_| SCHOOL_CODE_SCHEME.to_string()),
                    }
                });
                out.service_at_locations.push(HsdsServiceAtLocation {
                    id: Uuid::new_v5(
                        &NAMESPACE,
                        format!("kesher:{initiative}:at:{}:{}", program.id, place.id).as_bytes(),
                    )
                    .to_string(),
                    service_id: service_id.clone(),
                    location_id: location.id.clone(),
                });
            } else {
                out.service_areas.push(HsdsServiceArea {
                    id: Uuid::new_v5(
                        &NAMESPACE,
                        format!("kesher:{initiative}:area:{}:{}", program.id, place.id).as_bytes(),
                    )
                    .to_string(),
                    service_id: service_id.clone(),
                    name: place.name.clone(),
                });
            }
        }
    }
    out.locations = schools.into_values().collect();
    out
}

impl Kesher {
    /// The initiative's programs as an Open Referral (HSDS 3) directory: everyone who
    /// reads the programs may take it.
    pub async fn hsds_directory(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<HsdsDirectory> {
        self.require(caller, initiative, |_| true).await?;
        let organizations = self
            .store
            .list_organizations(initiative, &Default::default())
            .await?;
        let programs = self.store.programs(initiative).await?;
        let places = self.store.places(initiative).await?;
        let groups = self.store.place_groups(initiative).await?;
        Ok(directory(
            initiative,
            &organizations,
            &programs,
            &places,
            &groups,
            today(),
        ))
    }
}
