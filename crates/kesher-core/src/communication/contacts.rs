//! The contact plan: for each partner, why the backbone keeps in touch, through which
//! channel and how often, and when it was last in touch — counted from the meetings its
//! people came to and the updates they received, never typed by hand.

use chrono::{NaiveDate, Utc};
use kesher_domain::updates::{ContactPlanForm, ContactStanding, contact_standing};
use kesher_domain::*;
use kesher_store::{ContactPlan, Organization, OrganizationFilter, PersonFilter};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Caller, CoreError, CoreResult, Kesher};

/// How the last contact happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ContactVia {
    /// One of its people came to this meeting.
    Meeting {
        meeting_id: MeetingId,
        body_name: String,
        number: u32,
    },
    /// One of its people received this update.
    Update { update_id: UpdateId, title: String },
}

/// The last time the backbone was in touch with a partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct LastContact {
    pub on: NaiveDate,
    pub via: ContactVia,
}

/// One partner in the contact plan.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ContactRow {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub plan: Option<ContactPlan>,
    pub last_contact: Option<LastContact>,
    /// When the next contact is due by the plan.
    pub due_on: Option<NaiveDate>,
    pub standing: ContactStanding,
}

impl Kesher {
    /// Every partner of the initiative with its plan and last contact (backbone), those
    /// overdue first.
    pub async fn contact_plan(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<ContactRow>> {
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await?;
        let organizations = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?;
        let plans = self.store.contact_plans(initiative).await?;
        let people = self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?;
        let now = Utc::now()
            .with_timezone(&chrono_tz::Asia::Jerusalem)
            .naive_local();
        let today = now.date();
        let mut last: std::collections::HashMap<OrganizationId, LastContact> =
            std::collections::HashMap::new();
        let mut keep = |organization: OrganizationId, contact: LastContact| {
            let newer = last
                .get(&organization)
                .is_none_or(|known| known.on < contact.on);
            if newer {
                last.insert(organization, contact);
            }
        };
        for meeting in self.store.meetings_of_initiative(initiative).await? {
            if meeting.cancelled_at.is_some() || meeting.starts_at > now {
                continue;
            }
            for invitee in meeting.invitees.iter().filter(|i| i.attended == Some(true)) {
                keep(
                    invitee.organization_id,
                    LastContact {
                        on: meeting.starts_at.date(),
                        via: ContactVia::Meeting {
                            meeting_id: meeting.id,
                            body_name: meeting.body_name.clone(),
                            number: meeting.number,
                        },
                    },
                );
            }
        }
        let updates = self.store.updates(initiative).await?;
        for (person, at) in self.store.last_update_received(initiative).await? {
            let Some(found) = people.iter().find(|p| p.id == person) else {
                continue;
            };
            let Some(update) = updates.iter().find(|u| u.sent_at == Some(at)) else {
                continue;
            };
            keep(
                found.organization_id,
                LastContact {
                    on: at.with_timezone(&chrono_tz::Asia::Jerusalem).date_naive(),
                    via: ContactVia::Update {
                        update_id: update.id,
                        title: update.title.clone(),
                    },
                },
            );
        }
        let mut rows: Vec<ContactRow> = organizations
            .into_iter()
            .map(|organization: Organization| {
                let plan = plans
                    .iter()
                    .find(|p| p.organization_id == organization.id)
                    .cloned();
                let last_contact = last.remove(&organization.id);
                let on = last_contact.as_ref().map(|c| c.on);
                let standing = contact_standing(plan.as_ref().map(|p| &p.plan), on, today);
                let due_on = plan
                    .as_ref()
                    .and_then(|p| on.and_then(|on| p.plan.due_after(on)));
                ContactRow {
                    organization_id: organization.id,
                    organization_name: organization.name,
                    plan,
                    last_contact,
                    due_on,
                    standing,
                }
            })
            .collect();
        rows.sort_by_key(|r| {
            (
                match r.standing {
                    ContactStanding::Overdue => 0,
                    ContactStanding::NeverContacted => 1,
                    ContactStanding::OnTime => 2,
                    ContactStanding::NoPlan => 3,
                },
                r.due_on,
            )
        });
        Ok(rows)
    }

    /// Sets an organization's contact plan (backbone).
    pub async fn set_contact_plan(
        &self,
        caller: &Caller,
        organization: OrganizationId,
        form: &ContactPlanForm,
    ) -> CoreResult<ContactPlan> {
        let found = self.store.organization(organization).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .set_contact_plan(caller.actor(), organization, &input)
            .await?)
    }

    /// Removes an organization's contact plan, if it has one (backbone).
    pub async fn clear_contact_plan(
        &self,
        caller: &Caller,
        organization: OrganizationId,
    ) -> CoreResult<()> {
        let found = self.store.organization(organization).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        // Removing a plan that is not there leaves what was asked for: no plan.
        match self
            .store
            .clear_contact_plan(caller.actor(), organization)
            .await
        {
            Ok(()) | Err(kesher_store::StoreError::NotFound) => Ok(()),
            Err(other) => Err(other.into()),
        }
    }
}
