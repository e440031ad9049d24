//! Organizations and their people, as each role may see and change them.

use kesher_domain::access::Access;
use kesher_domain::network::{OrganizationForm, PersonForm, PersonInput};
use kesher_domain::search::{fold, matches_words, query_words};
use kesher_domain::{InitiativeId, Invalid, OrganizationId, PersonId};
use kesher_i18n::Lang;
use kesher_store::{
    AuditEntry, Membership, MembershipFilter, Organization, OrganizationFilter, Person,
    PersonFilter, StoreError,
};

use crate::{Caller, CoreError, CoreResult, Kesher};

/// An organization's page: the organization, its people and the seats they hold.
#[derive(Clone, Debug)]
pub struct OrganizationDetail {
    pub organization: Organization,
    pub people: Vec<Person>,
    pub memberships: Vec<Membership>,
    /// Newest first; empty unless the caller may read the history.
    pub history: Vec<AuditEntry>,
    pub access: Access,
}

/// What a search reads in an organization: its name, description, tags and external id, and
/// the labels of its sector and type in every language ("עמותה" finds every NGO).
fn organization_text(organization: &Organization) -> String {
    let mut text = vec![organization.name.clone()];
    text.extend(organization.description.clone());
    text.extend(organization.tags.iter().cloned());
    text.extend(organization.external_id.clone());
    for lang in Lang::ALL {
        text.push(lang.t(organization.sector.label_id()));
        text.push(lang.t(organization.organization_type.label_id()));
    }
    fold(&text.join(" "))
}

/// What a search reads in a person: name, role and organization, and their e-mail and
/// phone only for those allowed to see them, so that a search cannot reveal them.
fn person_text(person: &Person, with_contact_details: bool) -> String {
    let mut text = vec![person.name.clone(), person.organization_name.clone()];
    text.extend(person.role_title.clone());
    if with_contact_details {
        text.extend(person.email.clone());
        text.extend(person.phone.clone());
    }
    fold(&text.join(" "))
}

/// Viewers read the network without people's e-mail and phone.
pub(crate) fn redact(mut person: Person, access: &Access) -> Person {
    if !access.can_see_contact_details() {
        person.email = None;
        person.phone = None;
    }
    person
}

impl Kesher {
    /// The initiative's organizations, narrowed by `filter` and by the words of `text`.
    pub async fn list_organizations(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &OrganizationFilter,
        text: Option<&str>,
    ) -> CoreResult<Vec<Organization>> {
        self.require(caller, initiative, |_| true).await?;
        let words = query_words(text.unwrap_or(""));
        let mut organizations = self.store.list_organizations(initiative, filter).await?;
        if !words.is_empty() {
            organizations.retain(|o| matches_words(&organization_text(o), &words));
        }
        Ok(organizations)
    }

    /// Every tag the initiative's organizations carry, sorted, for the tag filter.
    pub async fn organization_tags(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<String>> {
        let organizations = self
            .list_organizations(caller, initiative, &OrganizationFilter::default(), None)
            .await?;
        let mut tags: Vec<String> = Vec::new();
        for tag in organizations.into_iter().flat_map(|o| o.tags) {
            if !tags.iter().any(|t| fold(t) == fold(&tag)) {
                tags.push(tag);
            }
        }
        tags.sort_by_key(|t| fold(t));
        Ok(tags)
    }

    /// An organization the caller can read, with what they may do to it.
    pub async fn organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> CoreResult<(Organization, Access)> {
        let organization = self.store.organization(id).await?;
        let access = self
            .require(caller, organization.initiative_id, |_| true)
            .await?;
        Ok((organization, access))
    }

    pub async fn organization_detail(
        &self,
        caller: &Caller,
        id: OrganizationId,
    ) -> CoreResult<OrganizationDetail> {
        let (organization, access) = self.organization(caller, id).await?;
        let initiative = organization.initiative_id;
        let people: Vec<Person> = self
            .store
            .list_people(
                initiative,
                &PersonFilter {
                    organization_id: Some(id),
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .map(|p| redact(p, &access))
            .collect();
        let memberships = self
            .store
            .list_memberships(
                initiative,
                &MembershipFilter {
                    organization_id: Some(id),
                    ..Default::default()
                },
            )
            .await?;
        let history = if access.can_read_history_of(id) {
            self.organization_history(&organization, &people).await?
        } else {
            Vec::new()
        };
        Ok(OrganizationDetail {
            organization,
            people,
            memberships,
            history,
            access,
        })
    }

    pub async fn create_organization(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &OrganizationForm,
    ) -> CoreResult<Organization> {
        self.require(caller, initiative, |a| a.can_manage_network())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .create_organization(caller.actor(), initiative, &input)
            .await?)
    }

    pub async fn update_organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
        form: &OrganizationForm,
    ) -> CoreResult<Organization> {
        let organization = self.store.organization(id).await?;
        self.require(caller, organization.initiative_id, |a| {
            a.can_edit_organization(id)
        })
        .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .update_organization(caller.actor(), id, &input)
            .await?)
    }

    pub async fn delete_organization(&self, caller: &Caller, id: OrganizationId) -> CoreResult<()> {
        let organization = self.store.organization(id).await?;
        self.require(caller, organization.initiative_id, |a| {
            a.can_manage_network()
        })
        .await?;
        self.store
            .delete_organization(caller.actor(), id)
            .await
            .map_err(|e| match e {
                StoreError::Conflict(_) => CoreError::Conflict {
                    message_id: "conflict-organization-has-people",
                },
                other => other.into(),
            })
    }

    /// The initiative's people, narrowed by `filter` and by the words of `text`.
    pub async fn list_people(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &PersonFilter,
        text: Option<&str>,
    ) -> CoreResult<Vec<Person>> {
        let access = self.require(caller, initiative, |_| true).await?;
        let words = query_words(text.unwrap_or(""));
        let contacts = access.can_see_contact_details();
        Ok(self
            .store
            .list_people(initiative, filter)
            .await?
            .into_iter()
            .filter(|p| words.is_empty() || matches_words(&person_text(p, contacts), &words))
            .map(|p| redact(p, &access))
            .collect())
    }

    /// A person the caller can read (contact details hidden from viewers), with the access.
    pub async fn person(&self, caller: &Caller, id: PersonId) -> CoreResult<(Person, Access)> {
        let person = self.store.person(id).await?;
        let access = self.require(caller, person.initiative_id, |_| true).await?;
        Ok((redact(person, &access), access))
    }

    /// The seats a person holds.
    pub async fn memberships_of_person(
        &self,
        caller: &Caller,
        id: PersonId,
    ) -> CoreResult<Vec<Membership>> {
        let (person, _) = self.person(caller, id).await?;
        Ok(self
            .store
            .list_memberships(
                person.initiative_id,
                &MembershipFilter {
                    person_id: Some(id),
                    ..Default::default()
                },
            )
            .await?)
    }

    /// Checks a person form and that the caller may place the person in that organization.
    async fn checked_person(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &PersonForm,
    ) -> CoreResult<PersonInput> {
        let access = self.require(caller, initiative, |_| true).await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let organization = self
            .store
            .organization(input.organization_id)
            .await
            .ok()
            .filter(|o| o.initiative_id == initiative)
            .ok_or_else(|| CoreError::invalid("organization_id", Invalid::Choice))?;
        if !access.can_edit_organization(organization.id) {
            return Err(CoreError::Forbidden);
        }
        Ok(input)
    }

    pub async fn create_person(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &PersonForm,
    ) -> CoreResult<Person> {
        // Refuse a role that can add people nowhere before looking at the form.
        self.require(caller, initiative, |a| {
            a.can_manage_network() || a.own_organization().is_some()
        })
        .await?;
        let input = self.checked_person(caller, initiative, form).await?;
        Ok(self
            .store
            .create_person(caller.actor(), initiative, &input)
            .await?)
    }

    pub async fn update_person(
        &self,
        caller: &Caller,
        id: PersonId,
        form: &PersonForm,
    ) -> CoreResult<Person> {
        let current = self.store.person(id).await?;
        // The caller must be able to edit the person where they are now, and where they go.
        self.require(caller, current.initiative_id, |a| {
            a.can_edit_organization(current.organization_id)
        })
        .await?;
        let input = self
            .checked_person(caller, current.initiative_id, form)
            .await?;
        Ok(self.store.update_person(caller.actor(), id, &input).await?)
    }

    pub async fn delete_person(&self, caller: &Caller, id: PersonId) -> CoreResult<()> {
        let current = self.store.person(id).await?;
        self.require(caller, current.initiative_id, |a| {
            a.can_edit_organization(current.organization_id)
        })
        .await?;
        Ok(self.store.delete_person(caller.actor(), id).await?)
    }
}
