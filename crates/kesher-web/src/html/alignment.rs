//! The alignment map: partners × goals and places × goals, the map of the places reached,
//! and what nobody serves (gaps) or several programs serve in one place (overlaps).

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::activities::alignment::AlignmentFilter;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::{InitiativeId, OrganizationId, PlaceId, ProgramId, ResultNodeId};
use serde::Deserialize;

use crate::AppState;
use crate::charts::{MapPoint, Reach, place_map};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{Params, QueryParams};
use crate::html::agenda::results::population_labels;
use crate::html::{Choice, frame, render};
use crate::page::{Page, Section};

/// How many rows of a long list (places without programs, overlaps) the page shows.
const LIST_MAX: usize = 100;
/// Up to this many places the place matrix shows the lowest level by default.
const MATRIX_ROWS_MAX: usize = 80;

/// The page's filters, as the form sends them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AlignmentQuery {
    population: String,
    subject: String,
    age_band: String,
    /// "on" to count programs that have ended.
    ended: String,
    /// The level of the places × goals matrix.
    level: String,
}

/// One row of a matrix: what it is about and one count per goal.
pub struct MatrixRow {
    pub label: String,
    pub link: Option<String>,
    pub cells: Vec<usize>,
    /// No program at all in this row.
    pub empty: bool,
}

/// A named item with a link.
pub struct Named {
    pub label: String,
    pub link: String,
}

/// An overlap in words.
pub struct OverlapRow {
    pub place: String,
    pub goal: String,
    pub programs: Vec<Named>,
}

#[derive(Template)]
#[template(path = "programs/alignment.html")]
struct AlignmentPage {
    page: Page,
    initiative_id: InitiativeId,
    query: AlignmentQuery,
    populations: Vec<Choice>,
    subjects: Vec<Choice>,
    age_bands: Vec<Choice>,
    levels: Vec<Choice>,
    level: String,
    counted: usize,
    in_all: usize,
    partners: usize,
    goals: Vec<Named>,
    organization_rows: Vec<MatrixRow>,
    place_rows: Vec<MatrixRow>,
    goals_without: Vec<Named>,
    populations_without: Vec<String>,
    places_without: Vec<String>,
    places_without_total: usize,
    programs_without_goals: Vec<Named>,
    overlaps: Vec<OverlapRow>,
    overlaps_total: usize,
    map_svg: String,
    mapped: usize,
}

impl AlignmentPage {
    fn level_chosen(&self, choice: &Choice) -> bool {
        self.level == choice.value
    }
    fn counted_line(&self) -> String {
        use kesher_i18n::Arg;
        self.page.line(
            "alignment-counted",
            vec![
                ("counted", Arg::Number(self.counted as i64)),
                ("total", Arg::Number(self.in_all as i64)),
                ("partners", Arg::Number(self.partners as i64)),
            ],
        )
    }
    fn cell(&self, count: &usize) -> String {
        if *count == 0 {
            "—".into()
        } else {
            count.to_string()
        }
    }
}

/// The distinct words programs use in one list (populations, subjects, age bands), sorted.
fn words(all: &[Vec<String>]) -> Vec<Choice> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for list in all {
        for word in list {
            seen.insert(word.trim().to_string());
        }
    }
    seen.into_iter()
        .map(|w| Choice {
            value: w.clone(),
            label: w,
        })
        .collect()
}

fn given(word: &str) -> Option<String> {
    let word = word.trim();
    (!word.is_empty()).then(|| word.to_string())
}

/// `GET /initiatives/{id}/alignment`
pub async fn alignment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<AlignmentQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let filter = AlignmentFilter {
        population: given(&query.population),
        subject: given(&query.subject),
        age_band: given(&query.age_band),
        include_ended: Some(kesher_domain::lenient::truthy(&query.ended)),
    };
    let view = state.kesher.alignment(caller, id, &filter).await?;
    // The filters offer every word any program uses, not only those left after filtering.
    let everything = state.kesher.programs(caller, id).await?.0;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Activities,
        "alignment-title",
    )
    .await?;
    let page = f.page;
    let base = format!("/initiatives/{id}");
    let goal_named = |goal: ResultNodeId| Named {
        label: view.goal(goal).map(|g| g.title.clone()).unwrap_or_default(),
        link: format!("{base}/results/{goal}"),
    };
    let program_named = |program: ProgramId| Named {
        label: view
            .program(program)
            .map(|p| format!("{} ({})", p.name, p.organization_name))
            .unwrap_or_default(),
        link: format!("{base}/programs/{program}"),
    };
    let place_name = |place: PlaceId| {
        view.place(place)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let goals: Vec<ResultNodeId> = view.goals.iter().map(|g| g.id).collect();

    // Partners × goals: how many of each partner's programs serve each goal.
    let mut partners: Vec<(OrganizationId, String)> = view
        .programs
        .iter()
        .map(|p| (p.organization_id, p.organization_name.clone()))
        .collect();
    partners.sort_by(|a, b| a.1.cmp(&b.1));
    partners.dedup();
    let organization_rows: Vec<MatrixRow> = partners
        .iter()
        .map(|(organization, name)| {
            let cells: Vec<usize> = goals
                .iter()
                .map(|goal| {
                    view.alignment
                        .goals
                        .iter()
                        .find(|g| g.result_id == *goal)
                        .map(|g| {
                            g.programs
                                .iter()
                                .filter(|p| {
                                    view.program(**p)
                                        .is_some_and(|p| p.organization_id == *organization)
                                })
                                .count()
                        })
                        .unwrap_or(0)
                })
                .collect();
            MatrixRow {
                label: name.clone(),
                link: Some(format!("{base}/organizations/{organization}")),
                empty: cells.iter().all(|c| *c == 0),
                cells,
            }
        })
        .collect();

    // Places × goals at one level: the lowest by default while it is short, else one up.
    let kinds: Vec<PlaceKind> = PlaceKind::ALL
        .iter()
        .copied()
        .filter(|k| view.places.iter().any(|p| p.kind == *k))
        .collect();
    let count_of = |kind: PlaceKind| view.places.iter().filter(|p| p.kind == kind).count();
    let default_level = kinds
        .iter()
        .rev()
        .find(|k| count_of(**k) <= MATRIX_ROWS_MAX)
        .or(kinds.first())
        .copied();
    let level = PlaceKind::parse(query.level.trim())
        .ok()
        .filter(|k| kinds.contains(k))
        .or(default_level);
    let place_rows: Vec<MatrixRow> = view
        .places
        .iter()
        .filter(|p| Some(p.kind) == level)
        .map(|place| {
            let cells: Vec<usize> = goals
                .iter()
                .map(|goal| {
                    view.alignment
                        .cells
                        .get(&(place.id, *goal))
                        .map(|s| s.len())
                        .unwrap_or(0)
                })
                .collect();
            MatrixRow {
                label: match &place.code {
                    Some(code) => format!("{} ({code})", place.name),
                    None => place.name.clone(),
                },
                link: None,
                empty: !view.alignment.reached.contains_key(&place.id),
                cells,
            }
        })
        .collect();

    // The map: every lowest place with coordinates, by how it is served.
    let overlapping: BTreeSet<PlaceId> =
        view.alignment.overlaps.iter().map(|o| o.place_id).collect();
    let parents: BTreeSet<PlaceId> = view.places.iter().filter_map(|p| p.parent_id).collect();
    let points: Vec<MapPoint> = view
        .places
        .iter()
        .filter(|p| !parents.contains(&p.id))
        .filter_map(|p| {
            let (x, y) = (p.attributes.grid_x?, p.attributes.grid_y?);
            let programs = view.alignment.reached.get(&p.id).map_or(0, |s| s.len());
            let reach = if overlapping.contains(&p.id) {
                Reach::Overlap
            } else if programs > 0 {
                Reach::Served
            } else {
                Reach::Gap
            };
            Some(MapPoint {
                x,
                y,
                title: format!(
                    "{}: {}",
                    p.name,
                    page.tn("alignment-programs-count", programs)
                ),
                reach,
            })
        })
        .collect();
    let mapped = points.len();
    let map_svg = place_map(&points, "alignment-map-caption");

    let gaps = &view.alignment.gaps;
    let places_without: Vec<String> = gaps
        .places_without_programs
        .iter()
        .take(LIST_MAX)
        .map(|p| place_name(*p))
        .collect();
    let overlaps = view
        .alignment
        .overlaps
        .iter()
        .take(LIST_MAX)
        .map(|o| OverlapRow {
            place: place_name(o.place_id),
            goal: goal_named(o.result_id).label,
            programs: o.program_ids.iter().map(|p| program_named(*p)).collect(),
        })
        .collect();
    let lists: Vec<Vec<String>> = everything.iter().map(|p| p.populations.clone()).collect();
    let mut populations = words(&lists);
    // The populations the goals name are offered too, so a gap can be looked at.
    for word in &gaps.populations_without_programs {
        if !populations.iter().any(|c| &c.value == word) {
            populations.push(Choice {
                value: word.clone(),
                label: word.clone(),
            });
        }
    }
    for choice in &mut populations {
        choice.label = population_labels(&page, std::slice::from_ref(&choice.value)).remove(0);
    }
    render(&AlignmentPage {
        subjects: words(
            &everything
                .iter()
                .map(|p| p.subjects.clone())
                .collect::<Vec<_>>(),
        ),
        age_bands: words(
            &everything
                .iter()
                .map(|p| p.age_bands.clone())
                .collect::<Vec<_>>(),
        ),
        populations,
        levels: kinds
            .iter()
            .map(|k| Choice {
                value: k.code().to_string(),
                label: page.t(k.label_id()),
            })
            .collect(),
        level: level.map(|l| l.code().to_string()).unwrap_or_default(),
        counted: view.programs.len(),
        in_all: view.all_programs,
        partners: partners.len(),
        goals: goals.iter().map(|g| goal_named(*g)).collect(),
        organization_rows,
        place_rows,
        goals_without: gaps
            .goals_without_programs
            .iter()
            .map(|g| goal_named(*g))
            .collect(),
        populations_without: population_labels(&page, &gaps.populations_without_programs),
        places_without,
        places_without_total: gaps.places_without_programs.len(),
        programs_without_goals: gaps
            .programs_without_goals
            .iter()
            .map(|p| program_named(*p))
            .collect(),
        overlaps,
        overlaps_total: view.alignment.overlaps.len(),
        map_svg,
        mapped,
        page,
        initiative_id: id,
        query,
    })
}
