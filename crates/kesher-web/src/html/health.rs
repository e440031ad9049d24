//! The health of the collaboration: per body, the meetings held, who of the invited came,
//! who came back, and the sectors at the table, each figure with the counts behind it.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::InitiativeId;
use kesher_domain::health::{BodyHealth, Share};
use kesher_store::Body;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::Params;
use crate::html::{frame, render};
use crate::page::{Page, Section};

#[derive(Template)]
#[template(path = "health.html")]
struct HealthPage {
    page: Page,
    initiative_id: InitiativeId,
    bodies: Vec<(Body, BodyHealth)>,
}

impl HealthPage {
    /// "77% (10 of 13)", or a dash with nothing to measure.
    fn share(&self, share: &Option<Share>) -> String {
        match share {
            Some(s) => self.page.line(
                "health-share",
                vec![
                    ("percent", format!("{:.0}", s.rate() * 100.0).into()),
                    ("part", s.part.to_string().into()),
                    ("whole", s.whole.to_string().into()),
                ],
            ),
            None => "—".into(),
        }
    }

    fn sectors(&self, health: &BodyHealth) -> String {
        if health.sectors.is_empty() {
            return "—".into();
        }
        health
            .sectors
            .iter()
            .map(|s| self.page.t(s.label_id()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `GET /initiatives/{id}/health`
pub async fn show_health(
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
        Section::Bodies,
        "health-title",
    )
    .await?;
    let bodies = state.kesher.collaboration_health(caller, id).await?;
    render(&HealthPage {
        page: f.page,
        initiative_id: id,
        bodies,
    })
}
