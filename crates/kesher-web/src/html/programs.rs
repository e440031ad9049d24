//! Programs: the list everyone in the initiative reads, one program's page, and the form a
//! partner editor fills for their own organization (the backbone for any).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::Caller;
use kesher_domain::access::Access;
use kesher_domain::activities::programs::ProgramForm;
use kesher_domain::agenda::ResultKind;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::{InitiativeId, ProgramId};
use kesher_store::Program;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::agenda::results::population_labels;
use crate::html::{
    Choice, answer_form, check_in, frame, organization_choices_where, render, saved,
};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-program-organization"),
    ("name", "field-program-name"),
    ("description", "field-program-description"),
    ("result_ids", "field-program-results"),
    ("place_ids", "field-program-places"),
    ("place_codes", "field-program-place-codes"),
    ("place_group_ids", "field-program-groups"),
    ("indicator_ids", "field-program-indicators"),
    ("populations", "field-program-populations"),
    ("subjects", "field-program-subjects"),
    ("age_bands", "field-program-age-bands"),
    ("core", "field-program-core"),
    ("starts", "field-program-starts"),
    ("ends", "field-program-ends"),
    ("funding", "field-program-funding"),
];

/// Above this many places the form lists only those above schools, and schools are named
/// by their codes: a select of thousands of schools helps nobody.
const PLACES_LISTED_MAX: usize = 300;

/// Names of the initiative's goals, places, groups and indicators, to show a program's links.
pub(crate) struct Names {
    results: Vec<(kesher_domain::ResultNodeId, String, usize, ResultKind)>,
    places: Vec<kesher_store::Place>,
    groups: Vec<kesher_store::PlaceGroup>,
    indicators: Vec<kesher_store::Indicator>,
}

impl Names {
    pub(crate) async fn of(
        state: &AppState,
        caller: &Caller,
        id: InitiativeId,
    ) -> Result<Self, AppError> {
        let tree = state.kesher.results_tree(caller, id).await?;
        let places = state.kesher.places(caller, id).await?.0;
        let groups = state.kesher.place_groups(caller, id).await?;
        let indicators = state.kesher.indicators(caller, id).await?.0;
        Ok(Self {
            results: tree
                .into_iter()
                .map(|row| (row.node.id, row.node.title, row.depth, row.node.kind))
                .collect(),
            places,
            groups,
            indicators,
        })
    }

    fn result(&self, id: &kesher_domain::ResultNodeId) -> String {
        self.results
            .iter()
            .find(|r| r.0 == *id)
            .map(|r| r.1.clone())
            .unwrap_or_default()
    }

    fn place(&self, id: &kesher_domain::PlaceId) -> String {
        self.places
            .iter()
            .find(|p| p.id == *id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    fn group(&self, id: &kesher_domain::PlaceGroupId) -> String {
        self.groups
            .iter()
            .find(|g| g.id == *id)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    }

    fn indicator(&self, page: &Page, id: &kesher_domain::IndicatorId) -> String {
        self.indicators
            .iter()
            .find(|i| i.id == *id)
            .map(|i| i.name_in(page.lang == kesher_i18n::Lang::En).to_string())
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "programs/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    programs: Vec<Program>,
    names: Names,
    can_add: bool,
}

impl ListPage {
    fn goals(&self, program: &Program) -> String {
        program
            .result_ids
            .iter()
            .map(|r| self.names.result(r))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn reach(&self, program: &Program) -> String {
        reach_words(&self.page, &self.names, program)
    }

    fn populations(&self, program: &Program) -> String {
        population_labels(&self.page, &program.populations).join(", ")
    }
}

/// Where a program runs, in words: a few places by name, then how many more.
pub(crate) fn reach_words(page: &Page, names: &Names, program: &Program) -> String {
    let mut named: Vec<String> = program.place_ids.iter().map(|p| names.place(p)).collect();
    named.extend(program.place_group_ids.iter().map(|g| names.group(g)));
    if named.is_empty() {
        return page.t("program-no-places");
    }
    let shown = 3;
    let more = named.len().saturating_sub(shown);
    named.truncate(shown);
    let mut text = named.join(" · ");
    if more > 0 {
        text.push_str(&format!(" {}", page.tn("program-places-more", more)));
    }
    text
}

/// `GET /initiatives/{id}/programs`
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (programs, access) = state.kesher.programs(caller, id).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Activities,
        "programs-title",
    )
    .await?;
    render(&ListPage {
        names: Names::of(&state, caller, id).await?,
        page: f.page,
        initiative_id: id,
        programs,
        can_add: access.can_keep_programs(),
    })
}

#[derive(Template)]
#[template(path = "programs/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    program: Program,
    names: Names,
    can_edit: bool,
}

impl ShowPage {
    /// "₪150,000 from 2 sources".
    fn funding_total(&self) -> String {
        let total: i64 = self.program.funding.iter().map(|f| f.amount).sum();
        self.page.line(
            "program-funding-total",
            vec![
                ("amount", self.page.shekels(&total).into()),
                ("count", self.program.funding.len().into()),
            ],
        )
    }
    fn populations(&self) -> String {
        population_labels(&self.page, &self.program.populations).join(", ")
    }
    fn result(&self, id: &kesher_domain::ResultNodeId) -> String {
        self.names.result(id)
    }
    fn place(&self, id: &kesher_domain::PlaceId) -> String {
        self.names.place(id)
    }
    fn group(&self, id: &kesher_domain::PlaceGroupId) -> String {
        self.names.group(id)
    }
    fn indicator(&self, id: &kesher_domain::IndicatorId) -> String {
        self.names.indicator(&self.page, id)
    }
}

async fn program_in(
    state: &AppState,
    caller: &Caller,
    id: InitiativeId,
    program: ProgramId,
) -> Result<(Program, Access), AppError> {
    let (found, access) = state.kesher.program(caller, program).await?;
    check_in(id, found.initiative_id)?;
    Ok((found, access))
}

#[derive(Template)]
#[template(path = "programs/import.html")]
struct ImportPage {
    page: Page,
    initiative_id: InitiativeId,
    /// Each refused cell: its line, its column and what is wrong.
    problems: Vec<(String, String, String)>,
}

async fn import_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    problems: Vec<(String, String, String)>,
) -> Result<ImportPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Activities,
        "programs-import-title",
    )
    .await?;
    if !f.access.can_keep_programs() {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    Ok(ImportPage {
        page: f.page,
        initiative_id: id,
        problems,
    })
}

/// `GET /initiatives/{id}/programs/import`: the upload form and the columns it reads.
pub async fn import_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&import_page(&state, &ctx, id, Vec::new()).await?)
}

/// `POST /initiatives/{id}/programs/import`: every row added, or none, with each problem by
/// line and column.
pub async fn import(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let sent = crate::forms::Sent::read(multipart).await?;
    ctx.check_csrf(sent.fields.get("csrf").map(String::as_str))?;
    let caller = ctx.caller()?;
    let Some((_, bytes)) = sent.file.as_ref().filter(|(_, b)| !b.is_empty()) else {
        let problems = vec![(String::new(), String::new(), ctx.lang.t("import-no-file"))];
        return crate::html::render_with(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            &import_page(&state, &ctx, id, problems).await?,
        );
    };
    match state.kesher.import_programs(caller, id, bytes).await {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/programs"),
            "flash-programs-imported",
        )),
        Err(kesher_core::CoreError::DataImport(issues)) => {
            let problems = issues
                .iter()
                .map(|issue| {
                    (
                        issue.line.map(|l| l.to_string()).unwrap_or_default(),
                        issue.column.clone().unwrap_or_default(),
                        crate::html::measurement::imports::data_issue_text(ctx.lang, issue),
                    )
                })
                .collect();
            crate::html::render_with(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                &import_page(&state, &ctx, id, problems).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/programs/hsds.json`: the programs as an Open Referral directory.
pub async fn download_hsds(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let directory = state.kesher.hsds_directory(ctx.caller()?, id).await?;
    Ok(crate::api::json_attachment(directory, "programs-hsds.json"))
}

/// `GET /initiatives/{id}/programs/{program}`
pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, program)): Params<(InitiativeId, ProgramId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (program, access) = program_in(&state, caller, id, program).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Activities,
        "programs-title",
    )
    .await?;
    let mut page = f.page;
    page.title = program.name.clone();
    render(&ShowPage {
        names: Names::of(&state, caller, id).await?,
        can_edit: access.can_keep_programs_of(program.organization_id),
        page,
        initiative_id: id,
        program,
    })
}

/// One checkbox of the form, with how deep it sits (results) and whether it is ticked.
pub(crate) struct Check {
    pub value: String,
    pub label: String,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "programs/form.html")]
struct FormPage {
    page: Page,
    initiative_id: InitiativeId,
    program_id: Option<ProgramId>,
    form: ProgramForm,
    organizations: Vec<Choice>,
    results: Vec<Check>,
    places: Vec<Check>,
    /// Schools are named by code (too many to list).
    places_by_code: bool,
    groups: Vec<Check>,
    indicators: Vec<Check>,
    errors: FormErrors,
}

impl FormPage {
    fn action(&self) -> String {
        match self.program_id {
            Some(program) => format!("/initiatives/{}/programs/{program}", self.initiative_id),
            None => format!("/initiatives/{}/programs", self.initiative_id),
        }
    }
    fn cancel(&self) -> String {
        match self.program_id {
            Some(program) => format!("/initiatives/{}/programs/{program}", self.initiative_id),
            None => format!("/initiatives/{}/programs", self.initiative_id),
        }
    }
    fn result_ticked(&self, check: &Check) -> bool {
        self.form
            .result_ids
            .iter()
            .any(|id| id.to_string() == check.value)
    }
    fn place_ticked(&self, check: &Check) -> bool {
        self.form
            .place_ids
            .iter()
            .any(|id| id.to_string() == check.value)
    }
    fn group_ticked(&self, check: &Check) -> bool {
        self.form
            .place_group_ids
            .iter()
            .any(|id| id.to_string() == check.value)
    }
    fn indicator_ticked(&self, check: &Check) -> bool {
        self.form
            .indicator_ids
            .iter()
            .any(|id| id.to_string() == check.value)
    }
    fn core_ticked(&self) -> bool {
        kesher_domain::lenient::truthy(&self.form.core)
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    program_id: Option<ProgramId>,
    form: ProgramForm,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Activities,
        if program_id.is_some() {
            "program-edit-title"
        } else {
            "program-new-title"
        },
    )
    .await?;
    let names = Names::of(state, caller, id).await?;
    let by_code = names.places.len() > PLACES_LISTED_MAX;
    let organizations = organization_choices_where(&state.kesher, caller, id, |o| {
        f.access.can_keep_programs_of(o)
    })
    .await?;
    let page = f.page;
    Ok(FormPage {
        organizations,
        results: names
            .results
            .iter()
            .filter(|r| r.3 != ResultKind::Mission)
            .map(|r| Check {
                value: r.0.to_string(),
                label: format!("{} — {}", page.t(r.3.label_id()), r.1),
                depth: r.2,
            })
            .collect(),
        places: names
            .places
            .iter()
            .filter(|p| !by_code || p.kind != PlaceKind::School)
            .map(|p| Check {
                value: p.id.to_string(),
                label: match &p.code {
                    Some(code) => format!("{} ({code})", p.name),
                    None => p.name.clone(),
                },
                depth: 0,
            })
            .collect(),
        places_by_code: by_code,
        groups: names
            .groups
            .iter()
            .map(|g| Check {
                value: g.id.to_string(),
                label: g.name.clone(),
                depth: 0,
            })
            .collect(),
        indicators: names
            .indicators
            .iter()
            .map(|i| Check {
                value: i.id.to_string(),
                label: i.name_in(page.lang == kesher_i18n::Lang::En).to_string(),
                depth: 0,
            })
            .collect(),
        page,
        initiative_id: id,
        program_id,
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/programs/new`
pub async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let access = state
        .kesher
        .require(caller, id, |a| a.can_keep_programs())
        .await?;
    let form = ProgramForm {
        organization_id: access
            .own_organization()
            .map(|o| o.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    render(&form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/programs`
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<ProgramForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_program(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |p| format!("/initiatives/{id}/programs/{}", p.id),
        "flash-program-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

/// The form as a saved program fills it.
fn form_of(program: &Program) -> ProgramForm {
    ProgramForm {
        organization_id: program.organization_id.to_string(),
        name: program.name.clone(),
        description: program.description.clone().unwrap_or_default(),
        result_ids: program.result_ids.iter().map(|r| r.get()).collect(),
        place_ids: program.place_ids.iter().map(|p| p.get()).collect(),
        place_codes: String::new(),
        place_group_ids: program.place_group_ids.iter().map(|g| g.get()).collect(),
        indicator_ids: program.indicator_ids.iter().map(|i| i.get()).collect(),
        populations: program.populations.join(", "),
        subjects: program.subjects.join(", "),
        age_bands: program.age_bands.join(", "),
        core: if program.core {
            "on".into()
        } else {
            String::new()
        },
        starts: program
            .starts
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        ends: program
            .ends
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        funding: program
            .funding
            .iter()
            .map(|f| format!("{}: {}", f.source, f.amount))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// `GET /initiatives/{id}/programs/{program}/edit`
pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, program)): Params<(InitiativeId, ProgramId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = program_in(&state, caller, id, program).await?;
    if !access.can_keep_programs_of(found.organization_id) {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    let mut form = form_of(&found);
    // With schools named by code, the schools it reaches are written back as codes.
    let names = Names::of(&state, caller, id).await?;
    if names.places.len() > PLACES_LISTED_MAX {
        let schools: Vec<&kesher_store::Place> = names
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::School && found.place_ids.contains(&p.id))
            .collect();
        form.place_ids
            .retain(|p| !schools.iter().any(|s| s.id.get() == *p));
        form.place_codes = schools
            .iter()
            .filter_map(|s| s.code.clone())
            .collect::<Vec<_>>()
            .join(", ");
    }
    render(&form_page(&state, &ctx, id, Some(program), form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/programs/{program}`
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, program)): Params<(InitiativeId, ProgramId)>,
    CsrfForm(form): CsrfForm<ProgramForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    program_in(&state, caller, id, program).await?;
    let outcome = state.kesher.edit_program(caller, program, &form).await;
    answer_form(
        &ctx,
        outcome,
        |p| format!("/initiatives/{id}/programs/{}", p.id),
        "flash-program-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, Some(program), form, errors),
    )
    .await
}

/// `POST /initiatives/{id}/programs/{program}/delete`
pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, program)): Params<(InitiativeId, ProgramId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    program_in(&state, caller, id, program).await?;
    state.kesher.delete_program(caller, program).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/programs"),
        "flash-program-deleted",
    ))
}
