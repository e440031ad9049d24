//! Bodies and memberships, with the seeds' advice on working groups computed for each.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use kesher_domain::access::Access;
use kesher_domain::bodies::{
    BodyForm, BodyKind, BodyWarning, MembershipForm, MembershipInput, Seat, advise, members_today,
    seat_is_active, seats_overlap,
};
use kesher_domain::{BodyId, InitiativeId, Invalid, MembershipId};
use kesher_store::{Body, Membership, MembershipFilter, StoreError};

use crate::{Caller, CoreError, CoreResult, Kesher};

/// A body in a list: how many sit in it today, and where it departs from the advice.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct BodySummary {
    pub body: Body,
    /// Members today: each person once, observers not counted.
    pub members_today: usize,
    pub warnings: Vec<BodyWarning>,
}

/// A body's page: the body, every seat (past ones too) and the advice.
#[derive(Clone, Debug)]
pub struct BodyDetail {
    pub body: Body,
    /// Members today: each person once, observers not counted.
    pub members_today: usize,
    pub memberships: Vec<Membership>,
    pub warnings: Vec<BodyWarning>,
    pub access: Access,
}

fn seat(m: &Membership) -> Seat {
    Seat {
        person: m.person_id,
        role: m.role,
        from: m.from,
        to: m.to,
    }
}

/// The advice for every body of an initiative, from all its seats.
fn advice_for(
    bodies: &[Body],
    memberships: &[Membership],
) -> HashMap<BodyId, (usize, Vec<BodyWarning>)> {
    let today = Utc::now().date_naive();
    let steering: HashSet<_> = memberships
        .iter()
        .filter(|m| {
            m.body_kind == BodyKind::SteeringCommittee && seat_is_active(m.from, m.to, today)
        })
        .map(|m| m.person_id)
        .collect();
    bodies
        .iter()
        .map(|body| {
            let seats: Vec<Seat> = memberships
                .iter()
                .filter(|m| m.body_id == body.id)
                .map(seat)
                .collect();
            let active = members_today(&seats, today);
            (
                body.id,
                (active, advise(body.kind, &seats, &steering, today)),
            )
        })
        .collect()
}

impl Kesher {
    pub async fn list_bodies(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<BodySummary>> {
        self.require(caller, initiative, |_| true).await?;
        self.body_summaries(initiative).await
    }

    pub(crate) async fn body_summaries(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<BodySummary>> {
        let bodies = self.store.list_bodies(initiative).await?;
        let memberships = self
            .store
            .list_memberships(initiative, &MembershipFilter::default())
            .await?;
        let mut advice = advice_for(&bodies, &memberships);
        Ok(bodies
            .into_iter()
            .map(|body| {
                let (members_today, warnings) = advice.remove(&body.id).unwrap_or_default();
                BodySummary {
                    body,
                    members_today,
                    warnings,
                }
            })
            .collect())
    }

    pub async fn body(&self, caller: &Caller, id: BodyId) -> CoreResult<BodyDetail> {
        let body = self.store.body(id).await?;
        let access = self.require(caller, body.initiative_id, |_| true).await?;
        let all = self
            .store
            .list_memberships(body.initiative_id, &MembershipFilter::default())
            .await?;
        let mut advice = advice_for(std::slice::from_ref(&body), &all);
        let (members_today, warnings) = advice.remove(&id).unwrap_or_default();
        let memberships = all.into_iter().filter(|m| m.body_id == id).collect();
        Ok(BodyDetail {
            body,
            members_today,
            memberships,
            warnings,
            access,
        })
    }

    pub async fn create_body(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &BodyForm,
    ) -> CoreResult<Body> {
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .create_body(caller.actor(), initiative, &input)
            .await?)
    }

    pub async fn update_body(
        &self,
        caller: &Caller,
        id: BodyId,
        form: &BodyForm,
    ) -> CoreResult<Body> {
        let body = self.store.body(id).await?;
        self.require(caller, body.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self.store.update_body(caller.actor(), id, &input).await?)
    }

    pub async fn delete_body(&self, caller: &Caller, id: BodyId) -> CoreResult<()> {
        let body = self.store.body(id).await?;
        self.require(caller, body.initiative_id, |a| a.can_manage_bodies())
            .await?;
        Ok(self.store.delete_body(caller.actor(), id).await?)
    }

    pub async fn list_memberships(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &MembershipFilter,
    ) -> CoreResult<Vec<Membership>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.list_memberships(initiative, filter).await?)
    }

    pub async fn membership(
        &self,
        caller: &Caller,
        id: MembershipId,
    ) -> CoreResult<(Membership, Access)> {
        let membership = self.store.membership(id).await?;
        let access = self
            .require(caller, membership.initiative_id, |_| true)
            .await?;
        Ok((membership, access))
    }

    /// A person from another initiative, or one that does not exist, is a wrong choice in
    /// the form rather than a missing page.
    fn person_choice(error: StoreError) -> CoreError {
        match error {
            StoreError::NotFound | StoreError::Conflict(_) => {
                CoreError::invalid("person_id", Invalid::Choice)
            }
            other => other.into(),
        }
    }

    /// One person holds at most one seat in a body on any day: a second, overlapping seat
    /// would count them twice. (Checked here rather than by a constraint, which cannot
    /// express overlapping periods; two managers seating the same person in the same
    /// second could still both succeed.)
    async fn check_no_overlap(
        &self,
        initiative: InitiativeId,
        body: BodyId,
        input: &MembershipInput,
        except: Option<MembershipId>,
    ) -> CoreResult<()> {
        let filter = MembershipFilter {
            body_id: Some(body),
            person_id: Some(input.person_id),
            ..Default::default()
        };
        let taken = self
            .store
            .list_memberships(initiative, &filter)
            .await?
            .iter()
            .filter(|m| Some(m.id) != except)
            .any(|m| seats_overlap((m.from, m.to), (input.from, input.to)));
        if taken {
            return Err(CoreError::invalid("person_id", Invalid::Overlap));
        }
        Ok(())
    }

    pub async fn create_membership(
        &self,
        caller: &Caller,
        body: BodyId,
        form: &MembershipForm,
    ) -> CoreResult<Membership> {
        let found = self.store.body(body).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_no_overlap(found.initiative_id, body, &input, None)
            .await?;
        self.store
            .create_membership(caller.actor(), body, &input)
            .await
            .map_err(Self::person_choice)
    }

    pub async fn update_membership(
        &self,
        caller: &Caller,
        id: MembershipId,
        form: &MembershipForm,
    ) -> CoreResult<Membership> {
        let current = self.store.membership(id).await?;
        self.require(caller, current.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_no_overlap(current.initiative_id, current.body_id, &input, Some(id))
            .await?;
        self.store
            .update_membership(caller.actor(), id, &input)
            .await
            .map_err(Self::person_choice)
    }

    pub async fn delete_membership(&self, caller: &Caller, id: MembershipId) -> CoreResult<()> {
        let current = self.store.membership(id).await?;
        self.require(caller, current.initiative_id, |a| a.can_manage_bodies())
            .await?;
        Ok(self.store.delete_membership(caller.actor(), id).await?)
    }
}
