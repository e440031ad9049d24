//! People (representatives): the list with its filters, a person's page, and the forms.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_domain::access::Access;
use kesher_domain::network::{PersonForm, Sector};
use kesher_domain::{InitiativeId, PersonId};
use kesher_store::{Membership, Person};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{
    Choice, Deletion, check_in, choices, confirm_delete, frame, organization_choices, render,
    render_with, saved,
};
use crate::page::{Page, Section};
use crate::queries::PersonQuery;

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-organization"),
    ("name", "field-person-name"),
    ("role_title", "field-role-title"),
    ("email", "field-email"),
    ("phone", "field-phone"),
];

#[derive(Template)]
#[template(path = "people/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    access: Access,
    can_add: bool,
    filter: PersonQuery,
    organizations: Vec<Choice>,
    sectors: Vec<Choice>,
    people: Vec<Person>,
}

/// `GET /initiatives/{id}/people`
pub async fn list_people(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<PersonQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::People,
        "nav-people",
    )
    .await?;
    let people = state
        .kesher
        .list_people(caller, id, &query.filter(), query.text())
        .await?;
    render(&ListPage {
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        sectors: choices(&f.page, Sector::ALL, Sector::code, Sector::label_id),
        can_add: f.access.can_manage_network() || f.access.own_organization().is_some(),
        page: f.page,
        initiative_id: id,
        access: f.access,
        filter: query,
        people,
    })
}

#[derive(Template)]
#[template(path = "people/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    person: Person,
    can_edit: bool,
    memberships: Vec<Membership>,
    /// The seats table names the person (not on the person's own page).
    show_person: bool,
}

/// `GET /initiatives/{id}/people/{person}`
pub async fn show_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, person)): Params<(InitiativeId, PersonId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.person(caller, person).await?;
    check_in(id, found.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::People,
        "nav-people",
    )
    .await?;
    f.page.title = found.name.clone();
    let memberships = state.kesher.memberships_of_person(caller, person).await?;
    let can_edit = access.can_edit_organization(found.organization_id);
    render(&ShowPage {
        page: f.page,
        initiative_id: id,
        person: found,
        can_edit,
        memberships,
        show_person: false,
    })
}

#[derive(Template)]
#[template(path = "people/form.html")]
struct FormPage {
    page: Page,
    form: PersonForm,
    errors: FormErrors,
    organizations: Vec<Choice>,
    action: String,
    cancel: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewPersonQuery {
    organization_id: String,
}

/// `GET /initiatives/{id}/people/new` (backbone, partner editor for their organization)
pub async fn new_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<NewPersonQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::People,
        "person-new",
    )
    .await?;
    if !(f.access.can_manage_network() || f.access.own_organization().is_some()) {
        return Err(CoreError::Forbidden.into());
    }
    let organizations = organization_choices(&state.kesher, caller, id, Some(&f.access)).await?;
    // A partner editor's own organization is the only choice, so it is chosen for them.
    let organization_id = match organizations.as_slice() {
        [only] => only.value.clone(),
        _ => query.organization_id,
    };
    render(&FormPage {
        page: f.page,
        form: PersonForm {
            organization_id,
            ..Default::default()
        },
        errors: FormErrors::default(),
        organizations,
        action: format!("/initiatives/{id}/people"),
        cancel: format!("/initiatives/{id}/people"),
    })
}

/// `POST /initiatives/{id}/people`
pub async fn create_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_person(caller, id, &form).await {
        Ok(created) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/people/{}", created.id),
            "flash-person-created",
        )),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::People,
                "person-new",
            )
            .await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    organizations: organization_choices(&state.kesher, caller, id, Some(&f.access))
                        .await?,
                    page: f.page,
                    form,
                    errors: FormErrors::new(ctx.lang, &errors, LABELS),
                    action: format!("/initiatives/{id}/people"),
                    cancel: format!("/initiatives/{id}/people"),
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

fn form_of(person: &Person) -> PersonForm {
    PersonForm {
        organization_id: person.organization_id.to_string(),
        name: person.name.clone(),
        role_title: person.role_title.clone().unwrap_or_default(),
        email: person.email.clone().unwrap_or_default(),
        phone: person.phone.clone().unwrap_or_default(),
    }
}

/// `GET /initiatives/{id}/people/{person}/edit`
pub async fn edit_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, person)): Params<(InitiativeId, PersonId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.person(caller, person).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_organization(found.organization_id) {
        return Err(CoreError::Forbidden.into());
    }
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::People,
        "person-edit",
    )
    .await?;
    let here = format!("/initiatives/{id}/people/{person}");
    render(&FormPage {
        organizations: organization_choices(&state.kesher, caller, id, Some(&access)).await?,
        page: f.page,
        form: form_of(&found),
        errors: FormErrors::default(),
        action: here.clone(),
        cancel: here,
    })
}

/// `POST /initiatives/{id}/people/{person}`
pub async fn update_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, person)): Params<(InitiativeId, PersonId)>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.person(caller, person).await?;
    check_in(id, found.initiative_id)?;
    let here = format!("/initiatives/{id}/people/{person}");
    match state.kesher.update_person(caller, person, &form).await {
        Ok(_) => Ok(saved(&ctx, &here, "flash-saved")),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::People,
                "person-edit",
            )
            .await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    organizations: organization_choices(&state.kesher, caller, id, Some(&access))
                        .await?,
                    page: f.page,
                    form,
                    errors: FormErrors::new(ctx.lang, &errors, LABELS),
                    action: here.clone(),
                    cancel: here,
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/people/{person}/delete`
pub async fn confirm_delete_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, person)): Params<(InitiativeId, PersonId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.person(caller, person).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_organization(found.organization_id) {
        return Err(CoreError::Forbidden.into());
    }
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::People,
        Deletion {
            title: ("person-delete-title", &found.name),
            explanation: ctx.lang.t("person-delete-explained"),
            blocked: None,
            record: format!("/initiatives/{id}/people/{person}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/people/{person}/delete`
pub async fn delete_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, person)): Params<(InitiativeId, PersonId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.person(caller, person).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_person(caller, person).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/people"),
        "flash-deleted",
    ))
}
