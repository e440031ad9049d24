//! Organizations: the list with its filters, an organization's page, and its forms.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::{CoreError, OrganizationDetail};
use kesher_domain::access::Access;
use kesher_domain::network::{OrganizationForm, OrganizationType, Sector};
use kesher_domain::{InitiativeId, OrganizationId};
use kesher_store::{Membership, Organization, PersonFilter};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{
    Choice, Deletion, HistoryLine, check_in, choices, confirm_delete, frame, history_lines, render,
    render_with, saved,
};
use crate::page::{Page, Section};
use crate::queries::OrganizationQuery;

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("name", "field-organization-name"),
    ("sector", "field-sector"),
    ("organization_type", "field-organization-type"),
    ("description", "field-organization-description"),
    ("website", "field-website"),
    ("tags", "field-tags"),
    ("external_id", "field-external-id"),
];

fn sector_choices(page: &Page) -> Vec<Choice> {
    choices(page, Sector::ALL, Sector::code, Sector::label_id)
}

fn type_choices(page: &Page) -> Vec<Choice> {
    choices(
        page,
        OrganizationType::ALL,
        OrganizationType::code,
        OrganizationType::label_id,
    )
}

#[derive(Template)]
#[template(path = "organizations/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    access: Access,
    filter: OrganizationQuery,
    sectors: Vec<Choice>,
    types: Vec<Choice>,
    tags: Vec<Choice>,
    organizations: Vec<Organization>,
}

/// `GET /initiatives/{id}/organizations`
pub async fn list_organizations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<OrganizationQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Organizations,
        "nav-organizations",
    )
    .await?;
    let organizations = state
        .kesher
        .list_organizations(caller, id, &query.filter(), query.text())
        .await?;
    let tags = state
        .kesher
        .organization_tags(caller, id)
        .await?
        .into_iter()
        .map(|tag| Choice {
            value: tag.clone(),
            label: tag,
        })
        .collect();
    render(&ListPage {
        sectors: sector_choices(&f.page),
        types: type_choices(&f.page),
        tags,
        page: f.page,
        initiative_id: id,
        access: f.access,
        filter: query,
        organizations,
    })
}

#[derive(Template)]
#[template(path = "organizations/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    detail: OrganizationDetail,
    memberships: Vec<Membership>,
    /// The seats table names the person (not on the person's own page).
    show_person: bool,
    entries: Vec<HistoryLine>,
    can_edit: bool,
}

/// `GET /initiatives/{id}/organizations/{organization}`
pub async fn show_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state
        .kesher
        .organization_detail(caller, organization)
        .await?;
    check_in(id, detail.organization.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Organizations,
        "nav-organizations",
    )
    .await?;
    f.page.title = detail.organization.name.clone();
    let entries = history_lines(&f.page, &detail.history);
    render(&ShowPage {
        page: f.page,
        initiative_id: id,
        memberships: detail.memberships.clone(),
        can_edit: detail.access.can_edit_organization(organization),
        show_person: true,
        detail,
        entries,
    })
}

#[derive(Template)]
#[template(path = "organizations/form.html")]
struct FormPage {
    page: Page,
    form: OrganizationForm,
    errors: FormErrors,
    sectors: Vec<Choice>,
    types: Vec<Choice>,
    action: String,
    cancel: String,
}

fn form_of(organization: &Organization) -> OrganizationForm {
    OrganizationForm {
        name: organization.name.clone(),
        sector: organization.sector.code().into(),
        organization_type: organization.organization_type.code().into(),
        description: organization.description.clone().unwrap_or_default(),
        website: organization.website.clone().unwrap_or_default(),
        tags: organization.tags.join(", "),
        external_id: organization.external_id.clone().unwrap_or_default(),
    }
}

fn form_page(
    page: Page,
    form: OrganizationForm,
    errors: FormErrors,
    action: String,
    cancel: String,
) -> FormPage {
    FormPage {
        sectors: sector_choices(&page),
        types: type_choices(&page),
        page,
        form,
        errors,
        action,
        cancel,
    }
}

/// `GET /initiatives/{id}/organizations/new` (backbone)
pub async fn new_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Organizations,
        "organization-new",
    )
    .await?;
    if !f.access.can_manage_network() {
        return Err(CoreError::Forbidden.into());
    }
    render(&form_page(
        f.page,
        OrganizationForm::default(),
        FormErrors::default(),
        format!("/initiatives/{id}/organizations"),
        format!("/initiatives/{id}/organizations"),
    ))
}

/// `POST /initiatives/{id}/organizations` (backbone)
pub async fn create_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<OrganizationForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_organization(caller, id, &form).await {
        Ok(created) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/organizations/{}", created.id),
            "flash-organization-created",
        )),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::Organizations,
                "organization-new",
            )
            .await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    f.page,
                    form,
                    FormErrors::new(ctx.lang, &errors, LABELS),
                    format!("/initiatives/{id}/organizations"),
                    format!("/initiatives/{id}/organizations"),
                ),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/organizations/{organization}/edit` (backbone, own partner editor)
pub async fn edit_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.organization(caller, organization).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_organization(organization) {
        return Err(CoreError::Forbidden.into());
    }
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Organizations,
        "organization-edit",
    )
    .await?;
    let here = format!("/initiatives/{id}/organizations/{organization}");
    render(&form_page(
        f.page,
        form_of(&found),
        FormErrors::default(),
        here.clone(),
        here,
    ))
}

/// `POST /initiatives/{id}/organizations/{organization}` (backbone, own partner editor)
pub async fn update_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
    CsrfForm(form): CsrfForm<OrganizationForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.organization(caller, organization).await?;
    check_in(id, found.initiative_id)?;
    let here = format!("/initiatives/{id}/organizations/{organization}");
    match state
        .kesher
        .update_organization(caller, organization, &form)
        .await
    {
        Ok(_) => Ok(saved(&ctx, &here, "flash-saved")),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::Organizations,
                "organization-edit",
            )
            .await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    f.page,
                    form,
                    FormErrors::new(ctx.lang, &errors, LABELS),
                    here.clone(),
                    here,
                ),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/organizations/{organization}/delete` (backbone)
pub async fn confirm_delete_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.organization(caller, organization).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_manage_network() {
        return Err(CoreError::Forbidden.into());
    }
    // Say so before the button, rather than refuse after it.
    let people = state
        .kesher
        .list_people(
            caller,
            id,
            &PersonFilter {
                organization_id: Some(organization),
                ..Default::default()
            },
            None,
        )
        .await?
        .len();
    let blocked = (people > 0).then(|| {
        ctx.lang
            .t_with("organization-delete-blocked", &[("count", people.into())])
    });
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Organizations,
        Deletion {
            title: ("organization-delete-title", &found.name),
            explanation: ctx.lang.t("organization-delete-explained"),
            blocked,
            record: format!("/initiatives/{id}/organizations/{organization}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/organizations/{organization}/delete` (backbone)
pub async fn delete_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.organization(caller, organization).await?;
    check_in(id, found.initiative_id)?;
    state
        .kesher
        .delete_organization(caller, organization)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/organizations"),
        "flash-deleted",
    ))
}
