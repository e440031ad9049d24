//! Places: the hierarchy level by level (or found by name or code), and a place's own page
//! with its attributes and where each indicator stands there.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::place::{PlaceForm, PlaceKind};
use kesher_domain::search::fold;
use kesher_domain::{InitiativeId, PlaceId};
use kesher_i18n::Lang;
use kesher_store::Place;
use serde::Deserialize;

use super::period_label;
use crate::AppState;
use crate::charts::number;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{Choice, Deletion, answer_form, check_in, confirm_delete, frame, render, saved};
use crate::page::{Page, Section};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlacesQuery {
    pub parent: Option<i64>,
    pub q: String,
}

/// A place in a list.
pub struct PlaceRow {
    pub id: PlaceId,
    pub name: String,
    pub kind: String,
    pub code: String,
    pub details: String,
    pub children: usize,
}

/// The attributes of a place, one line.
fn details(page: &Page, place: &Place) -> String {
    let a = &place.attributes;
    let mut parts: Vec<String> = Vec::new();
    for text in [&a.sector, &a.supervision, &a.stage].into_iter().flatten() {
        parts.push(text.clone());
    }
    if let Some(q) = a.nurture_quintile {
        parts.push(page.line("place-nurture", vec![("value", q.into())]));
    }
    if let Some(c) = a.ses_cluster {
        parts.push(page.line("place-ses-cluster", vec![("value", c.into())]));
    }
    if let Some(s) = a.students {
        parts.push(page.tn("place-students", s));
    }
    if let Some(p) = a.population {
        parts.push(page.tn("place-population", p));
    }
    if a.periphery == Some(true) {
        parts.push(page.t("place-periphery"));
    }
    parts.join(" · ")
}

fn row(page: &Page, place: &Place, children: &HashMap<PlaceId, usize>) -> PlaceRow {
    PlaceRow {
        id: place.id,
        name: place.name.clone(),
        kind: page.t(place.kind.label_id()),
        code: place.code.clone().unwrap_or_default(),
        details: details(page, place),
        children: children.get(&place.id).copied().unwrap_or(0),
    }
}

/// The chain from the top down to `place`, for the breadcrumb.
fn chain(all: &[Place], place: Option<PlaceId>) -> Vec<(PlaceId, String)> {
    let mut out = Vec::new();
    let mut current = place;
    while let Some(id) = current {
        let Some(p) = all.iter().find(|p| p.id == id) else {
            break;
        };
        out.push((p.id, p.name.clone()));
        current = p.parent_id;
        if out.len() > 16 {
            break;
        }
    }
    out.reverse();
    out
}

#[derive(Template)]
#[template(path = "measurement/places.html")]
struct PlacesPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    crumbs: Vec<(PlaceId, String)>,
    rows: Vec<PlaceRow>,
    query: String,
    total: usize,
    manages: bool,
}

/// The most places a list shows; a search narrows it.
const MOST_ROWS: usize = 300;

/// `GET /initiatives/{id}/measurement/places?parent=&q=`
pub async fn list_places(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<PlacesQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Measurement,
        "places-title",
    )
    .await?;
    // The places as the measurement already holds them (read once per data version).
    let (measurement, access) = state.kesher.measurement(caller, id).await?;
    let places = &measurement.places;
    let parent = query
        .parent
        .map(PlaceId::new)
        .filter(|p| places.iter().any(|x| x.id == *p));
    let needle = fold(&query.q);
    let chosen: Vec<&Place> = if needle.is_empty() {
        places.iter().filter(|p| p.parent_id == parent).collect()
    } else {
        places
            .iter()
            .filter(|p| {
                fold(&p.name).contains(&needle) || p.code.as_deref() == Some(query.q.trim())
            })
            .collect()
    };
    let total = chosen.len();
    let mut children: HashMap<PlaceId, usize> = HashMap::new();
    for p in places.iter() {
        if let Some(parent) = p.parent_id {
            *children.entry(parent).or_default() += 1;
        }
    }
    render(&PlacesPage {
        rows: chosen
            .into_iter()
            .take(MOST_ROWS)
            .map(|p| row(&f.page, p, &children))
            .collect(),
        crumbs: chain(places, parent),
        query: query.q,
        total,
        manages: access.can_manage_measurement(),
        page: f.page,
        initiative_id: id,
        tab: "places",
    })
}

/// An indicator's figure at a place.
pub struct PlaceFigure {
    pub indicator_id: kesher_domain::IndicatorId,
    pub name: String,
    pub period: String,
    pub value: String,
    pub entered: bool,
}

#[derive(Template)]
#[template(path = "measurement/place.html")]
struct PlacePage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    place: Place,
    kind: String,
    crumbs: Vec<(PlaceId, String)>,
    details: String,
    children: usize,
    figures: Vec<PlaceFigure>,
    manages: bool,
}

/// `GET /initiatives/{id}/measurement/places/{place}`
pub async fn show_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, place_id)): Params<(InitiativeId, PlaceId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (place, _) = state.kesher.place(caller, place_id).await?;
    check_in(id, place.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Measurement,
        "places-title",
    )
    .await?;
    f.page.title = place.name.clone();
    let (measurement, _) = state.kesher.measurement(caller, id).await?;
    let english = f.page.lang == Lang::En;
    let figures = measurement
        .indicators
        .iter()
        .filter_map(|indicator| {
            let figures = measurement.figures(indicator, &Cell::total());
            figures.iter().rev().find_map(|(period, at)| {
                at.get(&place.id).map(|r| PlaceFigure {
                    indicator_id: indicator.id,
                    name: indicator.name_in(english).to_string(),
                    period: period_label(f.page.lang, *period),
                    value: number(r.value, indicator.decimals),
                    entered: r.entered,
                })
            })
        })
        .collect();
    render(&PlacePage {
        kind: f.page.t(place.kind.label_id()),
        crumbs: chain(&measurement.places, place.parent_id),
        details: details(&f.page, &place),
        children: measurement.children(place.id).len(),
        figures,
        place,
        manages: f.access.can_manage_measurement(),
        page: f.page,
        initiative_id: id,
        tab: "places",
    })
}

/// The place form's field names and their labels, for its error summary.
const LABELS: &[(&str, &str)] = &[
    ("kind", "places-kind"),
    ("parent_id", "field-place-parent"),
    ("code", "places-code"),
    ("name", "places-name"),
    ("sector", "mapping-sector"),
    ("supervision", "mapping-supervision"),
    ("stage", "mapping-stage"),
    ("nurture_quintile", "mapping-nurture-quintile"),
    ("ses_index", "mapping-ses-index"),
    ("ses_cluster", "mapping-ses-cluster"),
    ("periphery", "field-place-periphery"),
    ("population", "mapping-population"),
    ("students", "mapping-students"),
    ("grid_x", "mapping-grid-x"),
    ("grid_y", "mapping-grid-y"),
];

#[derive(Template)]
#[template(path = "measurement/place_form.html")]
struct PlaceFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    action: String,
    cancel: String,
    form: PlaceForm,
    errors: FormErrors,
    kinds: Vec<Choice>,
    parents: Vec<Choice>,
    yes_no: Vec<Choice>,
    /// The free-text attributes, in form order: (name, label id).
    texts: Vec<(&'static str, String, String)>,
    /// The numeric attributes, in form order.
    numbers: Vec<(&'static str, String, String)>,
}

impl PlaceFormPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

async fn place_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    existing: Option<PlaceId>,
    form: PlaceForm,
    errors: FormErrors,
) -> Result<PlaceFormPage, AppError> {
    let caller = ctx.caller()?;
    let f = super::backbone_frame(
        state,
        ctx,
        id,
        if existing.is_some() {
            "place-edit-title"
        } else {
            "place-new-title"
        },
    )
    .await?;
    let page = f.page;
    let (places, _) = state.kesher.places(caller, id).await?;
    // Only a place something can stand under is offered as a parent (never a school), and
    // never the place itself.
    let mut parents: Vec<&Place> = places
        .iter()
        .filter(|p| p.kind != PlaceKind::School && Some(p.id) != existing)
        .collect();
    parents.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    let parents = parents
        .into_iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: format!("{} · {}", p.name, page.t(p.kind.label_id())),
        })
        .collect();
    let field =
        |name: &'static str, label: &str, value: &str| (name, page.t(label), value.to_string());
    let texts = vec![
        field("sector", "mapping-sector", &form.sector),
        field("supervision", "mapping-supervision", &form.supervision),
        field("stage", "mapping-stage", &form.stage),
    ];
    let numbers = vec![
        field(
            "nurture_quintile",
            "mapping-nurture-quintile",
            &form.nurture_quintile,
        ),
        field("ses_index", "mapping-ses-index", &form.ses_index),
        field("ses_cluster", "mapping-ses-cluster", &form.ses_cluster),
        field("population", "mapping-population", &form.population),
        field("students", "mapping-students", &form.students),
        field("grid_x", "mapping-grid-x", &form.grid_x),
        field("grid_y", "mapping-grid-y", &form.grid_y),
    ];
    Ok(PlaceFormPage {
        kinds: crate::html::choices(&page, PlaceKind::ALL, PlaceKind::code, PlaceKind::label_id),
        yes_no: vec![
            Choice {
                value: "yes".into(),
                label: page.t("yes"),
            },
            Choice {
                value: "no".into(),
                label: page.t("no"),
            },
        ],
        action: match existing {
            Some(place) => format!("/initiatives/{id}/measurement/places/{place}"),
            None => format!("/initiatives/{id}/measurement/places"),
        },
        cancel: match existing {
            Some(place) => format!("/initiatives/{id}/measurement/places/{place}"),
            None => format!("/initiatives/{id}/measurement/places"),
        },
        parents,
        texts,
        numbers,
        form,
        errors,
        page,
        initiative_id: id,
        tab: "places",
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewPlaceQuery {
    pub parent: Option<i64>,
}

/// `GET /initiatives/{id}/measurement/places/new?parent=` (backbone)
pub async fn new_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<NewPlaceQuery>,
) -> Result<Response, AppError> {
    let form = PlaceForm {
        parent_id: query.parent.map(|p| p.to_string()).unwrap_or_default(),
        kind: PlaceKind::School.code().into(),
        ..PlaceForm::default()
    };
    render(&place_form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/measurement/places` (backbone)
pub async fn create_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_place(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |created| format!("/initiatives/{id}/measurement/places/{}", created.id),
        "flash-saved",
        LABELS,
        |errors| place_form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/measurement/places/{place}/edit` (backbone)
pub async fn edit_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, place_id)): Params<(InitiativeId, PlaceId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (place, _) = state.kesher.place(caller, place_id).await?;
    check_in(id, place.initiative_id)?;
    let form = PlaceForm::of(
        place.parent_id,
        place.kind,
        place.code.as_deref(),
        &place.name,
        &place.attributes,
    );
    render(
        &place_form_page(
            &state,
            &ctx,
            id,
            Some(place_id),
            form,
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/measurement/places/{place}` (backbone)
pub async fn update_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, place_id)): Params<(InitiativeId, PlaceId)>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (place, _) = state.kesher.place(caller, place_id).await?;
    check_in(id, place.initiative_id)?;
    let outcome = state.kesher.update_place(caller, place_id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/places/{place_id}"),
        "flash-saved",
        LABELS,
        |errors| place_form_page(&state, &ctx, id, Some(place_id), form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/measurement/places/{place}/delete` (backbone)
pub async fn confirm_delete_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, place_id)): Params<(InitiativeId, PlaceId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (place, access) = state.kesher.place(caller, place_id).await?;
    check_in(id, place.initiative_id)?;
    if !access.can_manage_measurement() {
        return Err(CoreError::Forbidden.into());
    }
    let (measurement, _) = state.kesher.measurement(caller, id).await?;
    let has_values = measurement.indicators.iter().any(|indicator| {
        measurement
            .figures(indicator, &Cell::total())
            .iter()
            .any(|(_, at)| at.get(&place_id).is_some_and(|r| r.entered))
    });
    let blocked = (!measurement.children(place_id).is_empty() || has_values)
        .then(|| ctx.lang.t("place-delete-blocked"));
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Measurement,
        Deletion {
            title: ("place-delete-title", &place.name),
            explanation: ctx.lang.t("place-delete-explanation"),
            blocked,
            record: format!("/initiatives/{id}/measurement/places/{place_id}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/measurement/places/{place}/delete` (backbone)
pub async fn delete_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, place_id)): Params<(InitiativeId, PlaceId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (place, _) = state.kesher.place(caller, place_id).await?;
    check_in(id, place.initiative_id)?;
    state.kesher.delete_place(caller, place_id).await?;
    let back = match place.parent_id {
        Some(parent) => format!("/initiatives/{id}/measurement/places?parent={parent}"),
        None => format!("/initiatives/{id}/measurement/places"),
    };
    Ok(saved(&ctx, &back, "flash-deleted"))
}
