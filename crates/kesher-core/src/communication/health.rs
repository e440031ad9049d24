//! The health of the collaboration, per body, from the meetings whose attendance was
//! recorded.

use std::collections::HashMap;

use kesher_domain::InitiativeId;
use kesher_domain::health::{BodyHealth, HeldMeeting, Seat, body_health};
use kesher_store::{ActionItemFilter, Body, OrganizationFilter};

use crate::{Caller, CoreResult, Kesher};

impl Kesher {
    /// Each body of the initiative with its health figures, in the bodies' order.
    pub async fn collaboration_health(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<(Body, BodyHealth)>> {
        self.require(caller, initiative, |_| true).await?;
        let sectors: HashMap<_, _> = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?
            .into_iter()
            .map(|o| (o.id, o.sector))
            .collect();
        let mut out = Vec::new();
        let actions = self
            .store
            .action_items(initiative, &ActionItemFilter::default())
            .await?;
        for body in self.store.list_bodies(initiative).await? {
            let held: Vec<HeldMeeting> = self
                .store
                .meetings_of_body(body.id)
                .await?
                .into_iter()
                .filter(|m| m.attendance_recorded_at.is_some())
                .map(|m| HeldMeeting {
                    number: m.number,
                    starts_at: m.starts_at,
                    covered: m.agenda.iter().map(|i| i.covered).collect(),
                    actions_done_at: actions
                        .iter()
                        .filter(|a| a.meeting_id == m.id)
                        .map(|a| a.done_at)
                        .collect(),
                    seats: m
                        .invitees
                        .iter()
                        .filter_map(|i| {
                            Some(Seat {
                                person: i.person_id,
                                invited: i.invited,
                                attended: i.attended == Some(true),
                                sector: *sectors.get(&i.organization_id)?,
                            })
                        })
                        .collect(),
                })
                .collect();
            out.push((body, body_health(&held)));
        }
        Ok(out)
    }
}
