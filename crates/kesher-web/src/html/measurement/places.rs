//! Places: the hierarchy level by level (or found by name or code), and a place's own page
//! with its attributes and where each indicator stands there.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::measurement::indicator::Cell;
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
use crate::forms::{Params, QueryParams};
use crate::html::{check_in, frame, render};
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
        page: f.page,
        initiative_id: id,
        tab: "places",
    })
}
