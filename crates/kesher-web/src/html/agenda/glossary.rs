//! The glossary: the terms with the definitions in force, a term's versions side by side
//! with the one before, proposals and adoptions.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use kesher_domain::agenda::{AdoptionForm, DefinitionForm, TermForm};
use kesher_domain::diff::{DiffKind, SideBySide, side_by_side};
use kesher_domain::{DefinitionId, InitiativeId, TermId};
use kesher_store::{Decision, Definition, GlossaryTerm};

use super::{body_choices, speaking_as};
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params};
use crate::html::{Choice, answer_form, check_in, frame, organization_choices, render};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("term", "field-term"),
    ("definition", "field-definition"),
    ("proposed_by_organization_id", "field-proposed-by"),
    ("adopted_on", "field-adopted-on"),
    ("body_id", "field-adopted-by"),
];

/// "Proposed by … on …" and "Adopted by … on …", shared by the list and the term page.
fn proposed_line(page: &Page, d: &Definition) -> String {
    let who = d
        .proposed_by_organization_name
        .clone()
        .or_else(|| d.proposed_by_user.clone())
        .unwrap_or_else(|| page.t("history-system"));
    page.line(
        "glossary-proposed-line",
        vec![
            ("name", who.into()),
            ("date", page.moment(&d.created_at).into()),
        ],
    )
}

fn adopted_line(page: &Page, d: &Definition) -> String {
    let date = d.adopted_on.map(|on| page.date(&on)).unwrap_or_default();
    match &d.adopted_by_body_name {
        Some(body) => page.line(
            "glossary-adopted-by-line",
            vec![("name", body.as_str().into()), ("date", date.into())],
        ),
        None => page
            .lang
            .t_with("glossary-adopted-line", &[("date", date.into())]),
    }
}

#[derive(Template)]
#[template(path = "agenda/glossary.html")]
struct GlossaryPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    terms: Vec<GlossaryTerm>,
    can_propose: bool,
    can_edit: bool,
    organizations: Vec<Choice>,
    /// A partner editor's organization, in whose name proposals are recorded.
    speaking_as: Option<String>,
    form: TermForm,
    errors: FormErrors,
}

impl GlossaryPage {
    fn adopted_line(&self, d: &Definition) -> String {
        adopted_line(&self.page, d)
    }

    /// Proposals newer than the definition in force.
    fn pending(&self, term: &GlossaryTerm) -> usize {
        let adopted = term.adopted().map(|d| d.number).unwrap_or(0);
        term.definitions
            .iter()
            .filter(|d| d.number > adopted && d.adopted_on.is_none())
            .count()
    }
}

async fn glossary_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: TermForm,
    errors: FormErrors,
) -> Result<GlossaryPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "glossary-title",
    )
    .await?;
    Ok(GlossaryPage {
        speaking_as: speaking_as(&state.kesher, caller, &f.access).await?,
        terms: state.kesher.terms(caller, id).await?,
        can_propose: f.access.can_take_part_in_agenda(),
        can_edit: f.access.can_edit_agenda(),
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        page: f.page,
        initiative_id: id,
        tab: "glossary",
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/glossary`
pub async fn show_glossary(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&glossary_page(&state, &ctx, id, TermForm::default(), FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/glossary` (backbone, partner editors): a new term and its first definition.
pub async fn create_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<TermForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_term(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |term| format!("/initiatives/{id}/glossary/{}", term.id),
        "flash-term-created",
        LABELS,
        |errors| glossary_page(&state, &ctx, id, form, errors),
    )
    .await
}

/// One version on the term page, with what changed since the version before.
struct VersionLine {
    definition: Definition,
    diff: Option<SideBySide>,
}

#[derive(Template)]
#[template(path = "agenda/term.html")]
struct TermPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    term: GlossaryTerm,
    versions: Vec<VersionLine>,
    decisions: Vec<Decision>,
    can_propose: bool,
    can_edit: bool,
    organizations: Vec<Choice>,
    bodies: Vec<Choice>,
    speaking_as: Option<String>,
    /// The term's name as typed in a refused rename.
    rename: Option<(String, FormErrors)>,
    today: String,
    form: DefinitionForm,
    errors: FormErrors,
    /// A refused adoption: which definition, what was typed, and what was wrong.
    adoption: Option<Adoption>,
}

/// The form on the term's page that came back refused, if one did.
enum Refused {
    Nothing,
    Proposal(DefinitionForm, FormErrors),
    Adoption(Adoption),
    Rename(String, FormErrors),
}

struct Adoption {
    definition: DefinitionId,
    form: AdoptionForm,
    errors: FormErrors,
}

impl TermPage {
    /// The name in the rename form: as typed if refused, else the term's own.
    fn rename_value(&self) -> &str {
        match &self.rename {
            Some((typed, _)) => typed,
            None => &self.term.term,
        }
    }

    fn rename_error(&self) -> Option<&str> {
        self.rename
            .as_ref()
            .and_then(|(_, errors)| errors.get("term"))
    }

    /// The adoption date to show in a definition's form: as typed if it was refused.
    fn adoption_date(&self, definition: &DefinitionId) -> &str {
        match &self.adoption {
            Some(a) if a.definition == *definition => &a.form.adopted_on,
            _ => &self.today,
        }
    }

    fn adoption_body(&self, definition: &DefinitionId) -> &str {
        match &self.adoption {
            Some(a) if a.definition == *definition => &a.form.body_id,
            _ => "",
        }
    }

    /// What was wrong with `field` in this definition's refused adoption.
    fn adoption_error(&self, definition: &DefinitionId, field: &str) -> Option<&str> {
        match &self.adoption {
            Some(a) if a.definition == *definition => a.errors.get(field),
            _ => None,
        }
    }

    fn proposed_line(&self, d: &Definition) -> String {
        proposed_line(&self.page, d)
    }

    fn adopted_line(&self, d: &Definition) -> String {
        adopted_line(&self.page, d)
    }
}

async fn term_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    term: TermId,
    refused: Refused,
) -> Result<TermPage, AppError> {
    let (form, errors, adoption, rename) = match refused {
        Refused::Nothing => (DefinitionForm::default(), FormErrors::default(), None, None),
        Refused::Proposal(form, errors) => (form, errors, None, None),
        Refused::Adoption(adoption) => {
            let none = FormErrors::default();
            (DefinitionForm::default(), none, Some(adoption), None)
        }
        Refused::Rename(typed, errors) => {
            let none = FormErrors::default();
            (DefinitionForm::default(), none, None, Some((typed, errors)))
        }
    };
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.term(caller, term).await?;
    check_in(id, found.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "glossary-title",
    )
    .await?;
    f.page.title = found.term.clone();
    let mut versions: Vec<VersionLine> = found
        .definitions
        .iter()
        .enumerate()
        .map(|(i, d)| VersionLine {
            definition: d.clone(),
            diff: i.checked_sub(1).map(|previous| {
                side_by_side(&found.definitions[previous].definition, &d.definition)
            }),
        })
        .collect();
    versions.reverse();
    let decisions = state
        .kesher
        .decisions(caller, id)
        .await?
        .into_iter()
        .filter(|d| d.term_ids.contains(&term))
        .collect();
    Ok(TermPage {
        speaking_as: speaking_as(&state.kesher, caller, &access).await?,
        rename,
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        bodies: body_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        tab: "glossary",
        term: found,
        versions,
        decisions,
        can_propose: access.can_take_part_in_agenda(),
        can_edit: access.can_edit_agenda(),
        today: Utc::now().date_naive().to_string(),
        form,
        errors,
        adoption,
    })
}

/// `GET /initiatives/{id}/glossary/{term}`
pub async fn show_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, term)): Params<(InitiativeId, TermId)>,
) -> Result<Response, AppError> {
    render(&term_page(&state, &ctx, id, term, Refused::Nothing).await?)
}

/// `POST /initiatives/{id}/glossary/{term}/definitions` (backbone, partner editors)
pub async fn propose_definition(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, term)): Params<(InitiativeId, TermId)>,
    CsrfForm(form): CsrfForm<DefinitionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.term(caller, term).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.propose_definition(caller, term, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/glossary/{term}"),
        "flash-definition-proposed",
        LABELS,
        |errors| term_page(&state, &ctx, id, term, Refused::Proposal(form, errors)),
    )
    .await
}

/// `POST /initiatives/{id}/definitions/{definition}/adopt` (backbone)
pub async fn adopt_definition(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, definition)): Params<(InitiativeId, DefinitionId)>,
    CsrfForm(form): CsrfForm<AdoptionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let term = state.kesher.term_of_definition(caller, definition).await?;
    check_in(id, term.initiative_id)?;
    let outcome = state
        .kesher
        .adopt_definition(caller, definition, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |term| format!("/initiatives/{id}/glossary/{}", term.id),
        "flash-definition-adopted",
        LABELS,
        |errors| {
            let adoption = Adoption {
                definition,
                form,
                errors,
            };
            term_page(&state, &ctx, id, term.id, Refused::Adoption(adoption))
        },
    )
    .await
}

/// A new name for a term, as typed.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct RenameForm {
    term: String,
}

/// `POST /initiatives/{id}/glossary/{term}` (backbone): renames the term; its definitions
/// and the decisions that point at it stay with it.
pub async fn rename_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, term)): Params<(InitiativeId, TermId)>,
    CsrfForm(form): CsrfForm<RenameForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.term(caller, term).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.rename_term(caller, term, &form.term).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/glossary/{term}"),
        "flash-term-renamed",
        LABELS,
        |errors| term_page(&state, &ctx, id, term, Refused::Rename(form.term, errors)),
    )
    .await
}
