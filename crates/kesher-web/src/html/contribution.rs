//! Contribution: for each population indicator, the programs and commitments that claim to
//! move it, where they work and what their own measures show — a graph of partners,
//! programs, goals and indicators with the figures on its edges, and the tables beside it.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::activities::contribution::{Measured, ProgramClaim};
use kesher_domain::InitiativeId;
use kesher_i18n::Lang;
use kesher_store::Commitment;

use crate::AppState;
use crate::charts::{self, GraphEdge, GraphNode};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::Params;
use crate::html::measurement::{coverage_text, period_label, provisional_text, shown_value};
use crate::html::programs::{Names, reach_words};
use crate::html::{frame, render};
use crate::page::{Page, Section};

/// A figure in words: "61.2% · 2024/25 · 40 of 40 places (100%)", or that there is none yet.
fn figure_words(lang: Lang, page: &Page, measured: &Measured) -> String {
    match (&measured.standing.latest, &measured.standing.provisional) {
        (Some(latest), _) => format!(
            "{} · {} · {}",
            shown_value(&measured.indicator, latest.value),
            period_label(lang, latest.period),
            coverage_text(lang, latest.coverage)
        ),
        (None, Some(provisional)) => format!(
            "{} — {}",
            shown_value(&measured.indicator, provisional.value),
            provisional_text(lang, provisional)
        ),
        (None, None) => page.t("contribution-no-figure"),
    }
}

/// A short figure for an edge of the graph: the headline alone.
fn edge_figure(measured: &Measured) -> Option<String> {
    measured
        .standing
        .latest
        .map(|f| shown_value(&measured.indicator, f.value))
}

/// One row of an indicator's table.
struct Row {
    partner: String,
    what: String,
    link: String,
    /// "Program" or "Commitment".
    kind: String,
    serves: String,
    reach: String,
    shows: String,
}

struct Section_ {
    id: String,
    name: String,
    node: String,
    figure: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "programs/contribution.html")]
struct ContributionPage {
    page: Page,
    initiative_id: InitiativeId,
    graph: String,
    sections: Vec<Section_>,
    unlinked: Vec<String>,
}

/// `GET /initiatives/{id}/contribution`
pub async fn contribution(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let map = state.kesher.contribution(caller, id).await?;
    let names = Names::of(&state, caller, id).await?;
    let tree = state.kesher.results_tree(caller, id).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Activities,
        "contribution-title",
    )
    .await?;
    let page = f.page;
    let lang = page.lang;
    let english = lang == Lang::En;
    let title_of = |r: &kesher_domain::ResultNodeId| {
        tree.iter()
            .find(|row| row.node.id == *r)
            .map(|row| row.node.title.clone())
            .unwrap_or_default()
    };

    // The graph: partners, programs, the nodes measured, the indicators.
    let mut columns: Vec<Vec<GraphNode>> = vec![Vec::new(); 4];
    let mut edges: Vec<GraphEdge> = Vec::new();
    let mut add = |column: usize, key: String, label: String| {
        if !columns[column].iter().any(|n| n.key == key) {
            columns[column].push(GraphNode { key, label });
        }
    };
    let mut sections = Vec::new();
    for item in &map.indicators {
        let indicator_key = format!("i{}", item.measured.indicator.id);
        let node_key = format!("n{}", item.node.id);
        if item.programs.is_empty() && item.commitments.is_empty() {
            // Nothing claims it: it stays in the tables, not in the graph.
        } else {
            add(2, node_key.clone(), item.node.title.clone());
            add(
                3,
                indicator_key.clone(),
                item.measured.indicator.name_in(english).to_string(),
            );
            edges.push(GraphEdge {
                from: node_key.clone(),
                to: indicator_key,
                label: edge_figure(&item.measured),
                dashed: false,
            });
        }
        let mut rows = Vec::new();
        for ProgramClaim {
            program,
            via,
            outputs,
        } in &item.programs
        {
            let partner_key = format!("o{}", program.organization_id);
            let program_key = format!("p{}", program.id);
            add(0, partner_key.clone(), program.organization_name.clone());
            add(1, program_key.clone(), program.name.clone());
            edges.push(GraphEdge {
                from: partner_key,
                to: program_key.clone(),
                label: None,
                dashed: false,
            });
            edges.push(GraphEdge {
                from: program_key,
                to: node_key.clone(),
                label: outputs.first().and_then(edge_figure),
                dashed: false,
            });
            rows.push(Row {
                partner: program.organization_name.clone(),
                what: program.name.clone(),
                link: format!("/initiatives/{id}/programs/{}", program.id),
                kind: page.t("contribution-kind-program"),
                serves: via.iter().map(&title_of).collect::<Vec<_>>().join(" · "),
                reach: reach_words(&page, &names, program),
                shows: if outputs.is_empty() {
                    page.t("contribution-no-outputs")
                } else {
                    outputs
                        .iter()
                        .map(|o| {
                            format!(
                                "{}: {}",
                                o.indicator.name_in(english),
                                figure_words(lang, &page, o)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                },
            });
        }
        for commitment in &item.commitments {
            let Commitment {
                id: commitment_id,
                organization_id,
                organization_name,
                promise,
                result_id,
                ..
            } = commitment;
            // A commitment stands beside the programs, so every edge joins neighbouring
            // columns and no line crosses a node it does not touch.
            let partner_key = format!("o{organization_id}");
            let commitment_key = format!("c{commitment_id}");
            add(0, partner_key.clone(), organization_name.clone());
            add(1, commitment_key.clone(), promise.clone());
            let shown = crate::html::commitments::shown(&page, &[], commitment.clone());
            edges.push(GraphEdge {
                from: partner_key,
                to: commitment_key.clone(),
                label: None,
                dashed: true,
            });
            edges.push(GraphEdge {
                from: commitment_key,
                to: node_key.clone(),
                label: Some(shown.amount.clone()),
                dashed: true,
            });
            rows.push(Row {
                partner: organization_name.clone(),
                what: promise.clone(),
                link: format!("/initiatives/{id}/commitments/{commitment_id}"),
                kind: page.t("contribution-kind-commitment"),
                serves: title_of(result_id),
                reach: String::new(),
                shows: format!("{} — {}", shown.amount, shown.standing),
            });
        }
        sections.push(Section_ {
            id: format!("indicator-{}", item.measured.indicator.id),
            name: item.measured.indicator.name_in(english).to_string(),
            node: item.node.title.clone(),
            figure: figure_words(lang, &page, &item.measured),
            rows,
        });
    }
    render(&ContributionPage {
        graph: charts::layered_graph(&columns, &edges, "contribution-graph-caption"),
        unlinked: map
            .unlinked
            .iter()
            .map(|i| i.name_in(english).to_string())
            .collect(),
        page,
        initiative_id: id,
        sections,
    })
}
