//! Updates: the archive everyone in the initiative reads, and for the backbone composing
//! one from the template, seeing who it will reach, and sending it. And the contact plan:
//! each partner's purpose, channel and rhythm of contact beside when it was last in touch.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::communication::contacts::{ContactRow, ContactVia};
use kesher_core::communication::minutes::render_markdown;
use kesher_domain::bodies::CadenceUnit;
use kesher_domain::updates::{
    AudienceKind, ContactChannel, ContactPlanForm, ContactStanding, UpdateForm,
};
use kesher_domain::{InitiativeId, OrganizationId, UpdateId};
use kesher_store::{Person, Update};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::agenda::body_choices;
use crate::html::bodies::people_choices;
use crate::html::{Choice, answer_form, check_in, choices, frame, render, saved};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("title", "field-update-title"),
    ("text", "field-update-text"),
    ("audience", "field-update-audience"),
    ("body_id", "field-update-body"),
    ("person_ids", "field-update-people"),
];

const PLAN_LABELS: &[(&str, &str)] = &[
    ("purpose", "field-contact-purpose"),
    ("channel", "field-contact-channel"),
    ("every", "field-contact-every"),
    ("unit", "field-contact-unit"),
];

/// The audience of an update in words: "All partners", "Steering committee"…
fn audience_words(page: &Page, update: &Update) -> String {
    match update.audience {
        AudienceKind::Body => page.named(
            "update-audience-of-body",
            update.body_name.as_deref().unwrap_or_default(),
        ),
        AudienceKind::Custom => page.tn("update-audience-of-people", update.person_ids.len()),
        other => page.t(other.label_id()),
    }
}

#[derive(Template)]
#[template(path = "updates/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    updates: Vec<Update>,
    can_manage: bool,
}

impl ListPage {
    fn audience(&self, update: &Update) -> String {
        audience_words(&self.page, update)
    }
}

/// `GET /initiatives/{id}/updates`: the archive (and the backbone's drafts).
pub async fn list_updates(
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
        Section::Updates,
        "updates-title",
    )
    .await?;
    let (updates, access) = state.kesher.updates(caller, id).await?;
    render(&ListPage {
        page: f.page,
        initiative_id: id,
        updates,
        can_manage: access.can_manage_bodies(),
    })
}

#[derive(Template)]
#[template(path = "updates/form.html")]
struct FormPage {
    page: Page,
    initiative_id: InitiativeId,
    /// The update being changed; `None` for a new one.
    update_id: Option<UpdateId>,
    form: UpdateForm,
    audiences: Vec<Choice>,
    bodies: Vec<Choice>,
    people: Vec<Choice>,
    errors: FormErrors,
}

impl FormPage {
    fn action(&self) -> String {
        match self.update_id {
            Some(update) => format!("/initiatives/{}/updates/{update}", self.initiative_id),
            None => format!("/initiatives/{}/updates", self.initiative_id),
        }
    }

    fn chosen(&self, person: &Choice) -> bool {
        self.form
            .person_ids
            .iter()
            .any(|id| id.to_string() == person.value)
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    update_id: Option<UpdateId>,
    form: UpdateForm,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let caller = ctx.caller()?;
    let title = if update_id.is_some() {
        "update-edit-title"
    } else {
        "update-new-title"
    };
    let f = frame(&state.kesher, ctx, caller, id, Section::Updates, title).await?;
    Ok(FormPage {
        audiences: choices(
            &f.page,
            AudienceKind::ALL,
            AudienceKind::code,
            AudienceKind::label_id,
        ),
        bodies: body_choices(&state.kesher, caller, id).await?,
        people: people_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        update_id,
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/updates/new` (backbone): the form, its text drafted from what
/// happened since the last update.
pub async fn new_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = state.kesher.update_template(caller, id, ctx.lang).await?;
    render(&form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/updates` (backbone): saves a draft.
pub async fn create_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_update(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |u| format!("/initiatives/{id}/updates/{}", u.id),
        "flash-update-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

/// The update at this address, or not found when it is another initiative's.
async fn update_in(
    state: &AppState,
    caller: &kesher_core::Caller,
    id: InitiativeId,
    update: UpdateId,
) -> Result<(Update, kesher_domain::access::Access), AppError> {
    let (found, access) = state.kesher.update(caller, update).await?;
    check_in(id, found.initiative_id)?;
    Ok((found, access))
}

/// The form's fields as an update holds them.
fn form_of(update: &Update) -> UpdateForm {
    UpdateForm {
        title: update.title.clone(),
        text: update.text.clone(),
        audience: update.audience.code().into(),
        body_id: update.body_id.map(|b| b.to_string()).unwrap_or_default(),
        person_ids: update.person_ids.iter().map(|p| p.get()).collect(),
    }
}

/// `GET /initiatives/{id}/updates/{update}/edit` (backbone, a draft)
pub async fn edit_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, update)): Params<(InitiativeId, UpdateId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = update_in(&state, caller, id, update).await?;
    if !access.can_manage_bodies() {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    render(
        &form_page(
            &state,
            &ctx,
            id,
            Some(update),
            form_of(&found),
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/updates/{update}` (backbone, a draft)
pub async fn save_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, update)): Params<(InitiativeId, UpdateId)>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    update_in(&state, caller, id, update).await?;
    let outcome = state.kesher.edit_update(caller, update, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/updates/{update}"),
        "flash-update-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, Some(update), form, errors),
    )
    .await
}

#[derive(Template)]
#[template(path = "updates/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    update: Update,
    /// The text, rendered and cleaned.
    html: String,
    audience: String,
    /// Who a draft will reach (the backbone's view).
    recipients: Option<Vec<Person>>,
}

/// `GET /initiatives/{id}/updates/{update}`
pub async fn show_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, update)): Params<(InitiativeId, UpdateId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = update_in(&state, caller, id, update).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Updates,
        "updates-title",
    )
    .await?;
    let recipients = if found.sent_at.is_none() && access.can_manage_bodies() {
        Some(state.kesher.update_recipients(caller, update).await?)
    } else {
        None
    };
    let mut page = f.page;
    page.title = found.title.clone();
    render(&ShowPage {
        html: render_markdown(&found.text),
        audience: audience_words(&page, &found),
        page,
        initiative_id: id,
        update: found,
        recipients,
    })
}

/// `POST /initiatives/{id}/updates/{update}/send` (backbone): sends the draft.
pub async fn send_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, update)): Params<(InitiativeId, UpdateId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    update_in(&state, caller, id, update).await?;
    state.kesher.send_update(caller, update).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/updates/{update}"),
        "flash-update-sent",
    ))
}

/// `POST /initiatives/{id}/updates/{update}/delete` (backbone): throws a draft away.
pub async fn delete_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, update)): Params<(InitiativeId, UpdateId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    update_in(&state, caller, id, update).await?;
    state.kesher.delete_update(caller, update).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/updates"),
        "flash-update-deleted",
    ))
}

#[derive(Template)]
#[template(path = "updates/contacts.html")]
struct ContactsPage {
    page: Page,
    initiative_id: InitiativeId,
    rows: Vec<ContactRow>,
}

impl ContactsPage {
    fn plan(&self, row: &ContactRow) -> String {
        match &row.plan {
            Some(plan) => {
                let every = self.page.tn(
                    &format!("contact-every-{}", plan.plan.unit.code()),
                    plan.plan.every,
                );
                self.page.line(
                    "contact-plan-rhythm",
                    vec![
                        ("channel", self.page.t(plan.plan.channel.label_id()).into()),
                        ("every", every.into()),
                    ],
                )
            }
            None => String::new(),
        }
    }

    fn purpose(&self, row: &ContactRow) -> String {
        row.plan
            .as_ref()
            .map(|p| p.plan.purpose.clone())
            .unwrap_or_default()
    }

    fn last(&self, row: &ContactRow) -> String {
        match &row.last_contact {
            None => self.page.t("contact-never"),
            Some(contact) => {
                let via = match &contact.via {
                    ContactVia::Meeting {
                        body_name, number, ..
                    } => self.page.meeting_name(body_name, number),
                    ContactVia::Update { title, .. } => title.clone(),
                };
                format!("{} · {via}", self.page.date(&contact.on))
            }
        }
    }

    fn standing(&self, row: &ContactRow) -> String {
        match row.standing {
            ContactStanding::NoPlan => self.page.t("contact-standing-no-plan"),
            ContactStanding::NeverContacted => self.page.t("contact-standing-never"),
            ContactStanding::OnTime => match row.due_on {
                Some(due) => self
                    .page
                    .with("contact-standing-due", "date", self.page.date(&due)),
                None => self.page.t("contact-standing-on-time"),
            },
            ContactStanding::Overdue => match row.due_on {
                Some(due) => {
                    self.page
                        .with("contact-standing-overdue", "date", self.page.date(&due))
                }
                None => self.page.t("contact-standing-never"),
            },
        }
    }

    fn late(&self, row: &ContactRow) -> bool {
        matches!(
            row.standing,
            ContactStanding::Overdue | ContactStanding::NeverContacted
        )
    }
}

/// `GET /initiatives/{id}/contact-plan` (backbone)
pub async fn contact_plan(
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
        "contact-plan-title",
    )
    .await?;
    render(&ContactsPage {
        rows: state.kesher.contact_plan(caller, id).await?,
        page: f.page,
        initiative_id: id,
    })
}

#[derive(Template)]
#[template(path = "updates/contact_form.html")]
struct PlanFormPage {
    page: Page,
    initiative_id: InitiativeId,
    organization_id: OrganizationId,
    has_plan: bool,
    form: ContactPlanForm,
    channels: Vec<Choice>,
    units: Vec<Choice>,
    errors: FormErrors,
}

async fn plan_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    organization: OrganizationId,
    form: Option<ContactPlanForm>,
    errors: FormErrors,
) -> Result<PlanFormPage, AppError> {
    let caller = ctx.caller()?;
    let rows = state.kesher.contact_plan(caller, id).await?;
    let row = rows
        .into_iter()
        .find(|r| r.organization_id == organization)
        .ok_or(kesher_core::CoreError::NotFound)?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Organizations,
        "contact-plan-title",
    )
    .await?;
    let mut page = f.page;
    page.title = page.named("contact-plan-of", &row.organization_name);
    let form = form.unwrap_or_else(|| match &row.plan {
        Some(plan) => ContactPlanForm {
            purpose: plan.plan.purpose.clone(),
            channel: plan.plan.channel.code().into(),
            every: plan.plan.every.to_string(),
            unit: plan.plan.unit.code().into(),
        },
        None => ContactPlanForm {
            every: "3".into(),
            unit: CadenceUnit::Months.code().into(),
            ..Default::default()
        },
    });
    Ok(PlanFormPage {
        channels: choices(
            &page,
            ContactChannel::ALL,
            ContactChannel::code,
            ContactChannel::label_id,
        ),
        units: choices(
            &page,
            CadenceUnit::ALL,
            CadenceUnit::code,
            CadenceUnit::label_id,
        ),
        page,
        initiative_id: id,
        organization_id: organization,
        has_plan: row.plan.is_some(),
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/contact-plan/{organization}` (backbone)
pub async fn edit_contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
) -> Result<Response, AppError> {
    render(&plan_form_page(&state, &ctx, id, organization, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/contact-plan/{organization}` (backbone)
pub async fn save_contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
    CsrfForm(form): CsrfForm<ContactPlanForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = state.kesher.organization(caller, organization).await?;
    check_in(id, found.0.initiative_id)?;
    let outcome = state
        .kesher
        .set_contact_plan(caller, organization, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/contact-plan"),
        "flash-contact-plan-saved",
        PLAN_LABELS,
        |errors| plan_form_page(&state, &ctx, id, organization, Some(form), errors),
    )
    .await
}

/// `POST /initiatives/{id}/contact-plan/{organization}/clear` (backbone)
pub async fn clear_contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, organization)): Params<(InitiativeId, OrganizationId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = state.kesher.organization(caller, organization).await?;
    check_in(id, found.0.initiative_id)?;
    state
        .kesher
        .clear_contact_plan(caller, organization)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/contact-plan"),
        "flash-contact-plan-cleared",
    ))
}
