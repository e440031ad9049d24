//! The measurement's setup page (backbone): groups of places to compare, made from the
//! places' attributes or a list of codes, and rules between indicators that every import and
//! form then checks.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::measurement::place::{PlaceKind, parse_yes_no};
use kesher_domain::measurement::quality::Comparison;
use kesher_domain::search::fold;
use kesher_domain::{InitiativeId, PlaceGroupId, PlaceId};
use kesher_i18n::Lang;
use kesher_store::Place;
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, answer_form, choices, render, saved};
use crate::page::Page;

const GROUP_LABELS: &[(&str, &str)] = &[
    ("name", "field-group-name"),
    ("place_ids", "field-group-places"),
];
const RULE_LABELS: &[(&str, &str)] = &[
    ("left", "field-rule-left"),
    ("comparison", "field-rule-comparison"),
    ("right", "field-rule-right"),
];

/// A group as the form describes it: places of one level matching every filter given, or
/// the places whose codes are listed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GroupForm {
    pub name: String,
    pub kind: String,
    pub sector: String,
    pub nurture_quintile: String,
    pub periphery: String,
    /// A place (code or name) the group's places must stand under, like a district.
    pub under: String,
    /// Codes, one per line or separated by commas.
    pub codes: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RuleForm {
    pub left: String,
    pub comparison: String,
    pub right: String,
}

/// The places a group form describes.
fn places_for(form: &GroupForm, places: &[Place]) -> Vec<PlaceId> {
    let codes: Vec<&str> = form
        .codes
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if !codes.is_empty() {
        return places
            .iter()
            .filter(|p| p.code.as_deref().is_some_and(|c| codes.contains(&c)))
            .map(|p| p.id)
            .collect();
    }
    let kind = PlaceKind::parse(&form.kind).ok();
    let quintile: Option<i64> = form.nurture_quintile.trim().parse().ok();
    let periphery = parse_yes_no(&form.periphery).ok().flatten();
    let under = (!form.under.trim().is_empty())
        .then(|| {
            places.iter().find(|p| {
                p.code.as_deref() == Some(form.under.trim()) || fold(&p.name) == fold(&form.under)
            })
        })
        .flatten()
        .map(|p| p.id);
    let sector = fold(&form.sector);
    let ancestors_of = |place: &Place| {
        let mut chain = Vec::new();
        let mut current = place.parent_id;
        while let Some(id) = current {
            chain.push(id);
            current = places.iter().find(|p| p.id == id).and_then(|p| p.parent_id);
            if chain.len() > 16 {
                break;
            }
        }
        chain
    };
    places
        .iter()
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| quintile.is_none_or(|q| p.attributes.nurture_quintile == Some(q)))
        .filter(|p| periphery.is_none_or(|v| p.attributes.periphery.unwrap_or(false) == v))
        .filter(|p| {
            sector.is_empty()
                || p.attributes.sector.as_deref().map(fold).as_deref() == Some(&sector)
        })
        .filter(|p| under.is_none_or(|u| ancestors_of(p).contains(&u)))
        .map(|p| p.id)
        .collect()
}

pub struct GroupRow {
    pub id: PlaceGroupId,
    pub name: String,
    pub size: usize,
}

pub struct RuleRow {
    pub id: i64,
    pub text: String,
}

#[derive(Template)]
#[template(path = "measurement/setup.html")]
struct SetupPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    groups: Vec<GroupRow>,
    rules: Vec<RuleRow>,
    group_form: GroupForm,
    group_errors: FormErrors,
    rule_form: RuleForm,
    rule_errors: FormErrors,
    kinds: Vec<Choice>,
    indicators: Vec<Choice>,
    comparisons: Vec<Choice>,
}

impl SetupPage {
    /// No error beside a filter: a group that matches nothing is refused as a whole.
    fn none(&self) -> Option<&str> {
        None
    }
}

async fn setup_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    group: Option<(GroupForm, FormErrors)>,
    rule: Option<(RuleForm, FormErrors)>,
) -> Result<SetupPage, AppError> {
    let caller = ctx.caller()?;
    let f = super::backbone_frame(state, ctx, id, "setup-title").await?;
    let page = f.page;
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let english = page.lang == Lang::En;
    let name_of = |code: &str| {
        indicators
            .iter()
            .find(|i| i.code == code)
            .map(|i| i.name_in(english).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    let rules = state
        .kesher
        .validation_rules(caller, id)
        .await?
        .into_iter()
        .map(|r| RuleRow {
            id: r.id,
            text: format!(
                "{} {} {}",
                name_of(r.rule.left.as_str()),
                page.t(r.rule.comparison.label_id()),
                name_of(r.rule.right.as_str())
            ),
        })
        .collect();
    let groups = state
        .kesher
        .place_groups(caller, id)
        .await?
        .into_iter()
        .map(|g| GroupRow {
            id: g.id,
            name: g.name,
            size: g.place_ids.len(),
        })
        .collect();
    let (group_form, group_errors) = group.unwrap_or_default();
    let (rule_form, rule_errors) = rule.unwrap_or_default();
    Ok(SetupPage {
        kinds: choices(&page, PlaceKind::ALL, PlaceKind::code, PlaceKind::label_id),
        comparisons: choices(
            &page,
            Comparison::ALL,
            Comparison::code,
            Comparison::label_id,
        ),
        indicators: indicators
            .iter()
            .map(|i| Choice {
                value: i.code.clone(),
                label: i.name_in(english).to_string(),
            })
            .collect(),
        page,
        initiative_id: id,
        tab: "setup",
        groups,
        rules,
        group_form,
        group_errors,
        rule_form,
        rule_errors,
    })
}

/// `GET /initiatives/{id}/measurement/setup` (backbone)
pub async fn show_setup(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&setup_page(&state, &ctx, id, None, None).await?)
}

/// `POST /initiatives/{id}/measurement/setup/groups` (backbone)
pub async fn create_group(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<GroupForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (places, _) = state.kesher.places(caller, id).await?;
    let chosen = places_for(&form, &places);
    let outcome = state
        .kesher
        .create_place_group(caller, id, &form.name, &chosen)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/setup"),
        "flash-saved",
        GROUP_LABELS,
        |errors| setup_page(&state, &ctx, id, Some((form, errors)), None),
    )
    .await
}

/// `POST /initiatives/{id}/measurement/setup/groups/{group}/delete` (backbone)
pub async fn delete_group(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, group)): Params<(InitiativeId, PlaceGroupId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .delete_place_group(ctx.caller()?, id, group)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/measurement/setup"),
        "flash-deleted",
    ))
}

/// `POST /initiatives/{id}/measurement/setup/rules` (backbone)
pub async fn create_rule(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<RuleForm>,
) -> Result<Response, AppError> {
    let outcome = state
        .kesher
        .create_validation_rule(ctx.caller()?, id, &form.left, &form.comparison, &form.right)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/setup"),
        "flash-saved",
        RULE_LABELS,
        |errors| setup_page(&state, &ctx, id, None, Some((form, errors))),
    )
    .await
}

/// `POST /initiatives/{id}/measurement/setup/rules/{rule}/delete` (backbone)
pub async fn delete_rule(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, rule)): Params<(InitiativeId, i64)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .delete_validation_rule(ctx.caller()?, id, rule)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/measurement/setup"),
        "flash-deleted",
    ))
}
