//! Action items: given at a meeting to a person or an organization, listed per person, per
//! body and per initiative, closed by whoever carries them with a note of what was done.

use chrono::NaiveDate;
use kesher_domain::access::Access;
use kesher_domain::meetings::{ActionItemForm, ActionOwner, ActionStatusForm};
use kesher_domain::*;
use kesher_store::{ActionItem, ActionItemFilter, OrganizationFilter, Person, PersonFilter};

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// Open, with a due date already past on `today`.
pub fn is_overdue(item: &ActionItem, today: NaiveDate) -> bool {
    item.done_at.is_none() && item.due_on.is_some_and(|due| due < today)
}

impl Kesher {
    /// The caller as one of the initiative's people: the person whose e-mail address is
    /// the caller's account's, if there is one.
    pub async fn person_of(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Option<Person>> {
        let email = caller.user.email.to_lowercase();
        Ok(self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?
            .into_iter()
            .find(|p| {
                p.email
                    .as_deref()
                    .is_some_and(|e| e.to_lowercase() == email)
            }))
    }

    /// Whether the caller may mark `item` done or open again.
    pub async fn may_close(
        &self,
        caller: &Caller,
        access: &Access,
        item: &ActionItem,
    ) -> CoreResult<bool> {
        let me = self.person_of(caller, item.initiative_id).await?;
        let carried_by_me = me.is_some_and(|p| Some(p.id) == item.owner_person_id);
        Ok(access.can_close_action(item.owner_organization_id, carried_by_me))
    }

    /// Gives an action item at a meeting (backbone). The owner, the result and the
    /// indicator must be the initiative's; a wrong one is named at its field.
    pub async fn add_action_item(
        &self,
        caller: &Caller,
        meeting: MeetingId,
        form: &ActionItemForm,
    ) -> CoreResult<ActionItem> {
        let found = self.store.meeting(meeting).await?;
        let initiative = found.initiative_id;
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let mut errors = Vec::new();
        match input.owner {
            ActionOwner::Person(person) => {
                let people = self
                    .store
                    .list_people(initiative, &PersonFilter::default())
                    .await?;
                if !people.iter().any(|p| p.id == person) {
                    errors.push(FieldError::new("owner_person_id", Invalid::Choice));
                }
            }
            ActionOwner::Organization(organization) => {
                let organizations = self
                    .store
                    .list_organizations(initiative, &OrganizationFilter::default())
                    .await?;
                if !organizations.iter().any(|o| o.id == organization) {
                    errors.push(FieldError::new("owner_organization_id", Invalid::Choice));
                }
            }
        }
        if let Some(result) = input.result_id
            && !self
                .store
                .results(initiative)
                .await?
                .iter()
                .any(|n| n.id == result)
        {
            errors.push(FieldError::new("result_id", Invalid::Choice));
        }
        if let Some(indicator) = input.indicator_id
            && !self
                .store
                .indicators(initiative)
                .await?
                .iter()
                .any(|i| i.id == indicator)
        {
            errors.push(FieldError::new("indicator_id", Invalid::Choice));
        }
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let given = self
            .store
            .create_action_item(caller.actor(), meeting, &input)
            .await
            .map_err(choice_of("owner_person_id"))?;
        self.meeting_record_changed(initiative).await;
        Ok(given)
    }

    pub async fn action_item(
        &self,
        caller: &Caller,
        id: ActionItemId,
    ) -> CoreResult<(ActionItem, Access)> {
        let item = self.store.action_item(id).await?;
        let access = self.require(caller, item.initiative_id, |_| true).await?;
        Ok((item, access))
    }

    /// Marks an action item done with a note, or open again: the backbone, the person who
    /// carries it, or whoever speaks for the organization that carries it.
    pub async fn set_action_status(
        &self,
        caller: &Caller,
        id: ActionItemId,
        form: &ActionStatusForm,
    ) -> CoreResult<ActionItem> {
        let (item, access) = self.action_item(caller, id).await?;
        if !self.may_close(caller, &access, &item).await? {
            return Err(CoreError::Forbidden);
        }
        let status = form
            .parse(chrono::Utc::now().date_naive())
            .map_err(CoreError::Invalid)?;
        let changed = self
            .store
            .set_action_status(caller.actor(), id, &status)
            .await?;
        self.meeting_record_changed(item.initiative_id).await;
        Ok(changed)
    }

    /// The initiative's action items that pass `filter`, open ones first.
    pub async fn action_items(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &ActionItemFilter,
    ) -> CoreResult<Vec<ActionItem>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.action_items(initiative, filter).await?)
    }

    /// The open action items the caller carries: their own as a person, and those of the
    /// organization they speak for.
    pub async fn my_action_items(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<ActionItem>> {
        let access = self.require(caller, initiative, |_| true).await?;
        let me = self.person_of(caller, initiative).await?.map(|p| p.id);
        let organization = access.speaks_for();
        if me.is_none() && organization.is_none() {
            return Ok(Vec::new());
        }
        let open = ActionItemFilter {
            open_only: true,
            ..Default::default()
        };
        Ok(self
            .store
            .action_items(initiative, &open)
            .await?
            .into_iter()
            .filter(|a| {
                (me.is_some() && a.owner_person_id == me)
                    || Some(a.owner_organization_id) == organization
            })
            .collect())
    }

    /// The action items of the body's earlier meetings still open when `meeting` opens:
    /// they head its agenda, as a meeting series carries its open items forward.
    pub async fn carried_action_items(
        &self,
        caller: &Caller,
        meeting: MeetingId,
    ) -> CoreResult<Vec<ActionItem>> {
        let (found, _) = self.meeting(caller, meeting).await?;
        Ok(self
            .store
            .action_items(
                found.initiative_id,
                &ActionItemFilter {
                    body: Some(found.body_id),
                    open_only: true,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .filter(|a| a.meeting_number < found.number)
            .collect())
    }
}
