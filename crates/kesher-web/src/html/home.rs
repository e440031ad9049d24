//! The start page: the initiatives the user can open.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::InitiativeId;
use kesher_store::Initiative;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::html::render;
use crate::page::Page;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    initiatives: Vec<Initiative>,
    is_admin: bool,
}

impl HomePage {
    fn parent_name(&self, id: &InitiativeId) -> Option<&str> {
        self.initiatives
            .iter()
            .find(|i| i.id == *id)
            .map(|i| i.name.as_str())
    }
}

/// `GET /`
pub async fn show_home(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let initiatives = state.kesher.visible_initiatives(caller).await?;
    render(&HomePage {
        page: Page::new(&ctx, ctx.lang.t("home-title")),
        is_admin: caller.is_admin(),
        initiatives,
    })
}
