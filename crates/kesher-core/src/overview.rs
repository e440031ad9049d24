//! The network at a glance: counts by sector and type, the bodies with their advice, and
//! who sits where.

use std::collections::BTreeMap;

use chrono::Utc;
use kesher_domain::InitiativeId;
use kesher_domain::bodies::{MembershipRole, seat_is_active};
use kesher_domain::network::{OrganizationType, Sector};
use kesher_store::{Body, Initiative, MembershipFilter, OrganizationFilter, Person, PersonFilter};
use serde::Serialize;
use utoipa::ToSchema;

use crate::network::redact;
use crate::{BodySummary, Caller, CoreResult, Kesher};

/// How many organizations and representatives one sector or type holds.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Count<K> {
    pub key: K,
    pub organizations: usize,
    pub people: usize,
}

/// The initiative's network in numbers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct NetworkOverview {
    pub initiative: Initiative,
    pub parent: Option<Initiative>,
    pub children: Vec<Initiative>,
    pub organizations: usize,
    pub people: usize,
    /// Every sector, in the fixed order, zeros included.
    pub by_sector: Vec<Count<Sector>>,
    /// Only the types that occur, most organizations first.
    pub by_type: Vec<Count<OrganizationType>>,
    pub bodies: Vec<BodySummary>,
}

/// One person's row in the seating matrix.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeatingRow {
    pub person: Person,
    /// One cell per body, in the order of `SeatingMatrix::bodies`: the role held today.
    pub seats: Vec<Option<MembershipRole>>,
}

/// Who sits where today: people × bodies.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeatingMatrix {
    pub bodies: Vec<Body>,
    /// People with at least one seat today, by organization then name.
    pub rows: Vec<SeatingRow>,
    /// People of the initiative who sit in no body today, by organization then name.
    pub unseated: Vec<Person>,
}

impl Kesher {
    pub async fn network_overview(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<NetworkOverview> {
        self.require(caller, initiative, |_| true).await?;
        let current = self.store.initiative(initiative).await?;
        let parent = match current.parent_id {
            // A parent the caller cannot read is not shown.
            Some(parent) => self.initiative(caller, parent).await.ok().map(|(i, _)| i),
            None => None,
        };
        let children = self.child_initiatives(caller, initiative).await?;
        let organizations = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?;
        let people = self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?;

        let mut by_sector: BTreeMap<Sector, Count<Sector>> = Sector::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    Count {
                        key: *s,
                        organizations: 0,
                        people: 0,
                    },
                )
            })
            .collect();
        let mut by_type: BTreeMap<OrganizationType, Count<OrganizationType>> = BTreeMap::new();
        for organization in &organizations {
            if let Some(count) = by_sector.get_mut(&organization.sector) {
                count.organizations += 1;
            }
            by_type
                .entry(organization.organization_type)
                .or_insert(Count {
                    key: organization.organization_type,
                    organizations: 0,
                    people: 0,
                })
                .organizations += 1;
        }
        for person in &people {
            if let Some(count) = by_sector.get_mut(&person.sector) {
                count.people += 1;
            }
            by_type
                .entry(person.organization_type)
                .or_insert(Count {
                    key: person.organization_type,
                    organizations: 0,
                    people: 0,
                })
                .people += 1;
        }
        let mut by_type: Vec<_> = by_type.into_values().collect();
        by_type.sort_by(|a, b| {
            b.organizations
                .cmp(&a.organizations)
                .then(a.key.cmp(&b.key))
        });

        Ok(NetworkOverview {
            initiative: current,
            parent,
            children,
            organizations: organizations.len(),
            people: people.len(),
            by_sector: by_sector.into_values().collect(),
            by_type,
            bodies: self.body_summaries(initiative).await?,
        })
    }

    pub async fn seating_matrix(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<SeatingMatrix> {
        let access = self.require(caller, initiative, |_| true).await?;
        let bodies = self.store.list_bodies(initiative).await?;
        let people = self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?;
        let memberships = self
            .store
            .list_memberships(initiative, &MembershipFilter::default())
            .await?;
        let today = Utc::now().date_naive();

        let mut rows = Vec::new();
        let mut unseated = Vec::new();
        for person in people {
            let seats: Vec<Option<MembershipRole>> = bodies
                .iter()
                .map(|body| {
                    memberships
                        .iter()
                        .filter(|m| m.person_id == person.id && m.body_id == body.id)
                        .filter(|m| seat_is_active(m.from, m.to, today))
                        // The leading role wins when someone holds two seats in one body.
                        .map(|m| m.role)
                        .min()
                })
                .collect();
            if seats.iter().all(Option::is_none) {
                unseated.push(redact(person, &access));
            } else {
                rows.push(SeatingRow {
                    person: redact(person, &access),
                    seats,
                });
            }
        }
        rows.sort_by(|a, b| {
            a.person
                .organization_name
                .cmp(&b.person.organization_name)
                .then(a.person.name.cmp(&b.person.name))
        });
        unseated.sort_by(|a, b| {
            a.organization_name
                .cmp(&b.organization_name)
                .then(a.name.cmp(&b.name))
        });
        Ok(SeatingMatrix {
            bodies,
            rows,
            unseated,
        })
    }
}
