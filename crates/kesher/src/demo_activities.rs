//! The demo's programs: in the municipal ecosystem, its partners' programs in the city's
//! schools (places added here, with grid coordinates for the map); in the national network,
//! the business coalition's programs in real schools of the Ministry's file, whose
//! coordinates come from the Ministry's public list of institutions.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use kesher_core::measurement::import::{PlaceMapping, keep_places_here, plan_places};
use kesher_core::spreadsheet::read_sheet;
use kesher_domain::activities::programs::{ProgramForm, code_key};
use kesher_domain::activities::work_plan::{MilestoneForm, PlanForm, PlanItemForm};
use kesher_domain::agenda::DecisionForm;
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::text::Name;
use kesher_domain::{InitiativeId, ResultNodeId};
use kesher_store::{Actor, Store};
use serde::Deserialize;
use tracing::warn;

use crate::demo::{Keys, refused};
use crate::demo_measurement::data_dir;

pub(crate) const ACTIVITIES: &str = include_str!("../demo/activities.toml");

#[derive(Deserialize)]
struct ActivitiesFile {
    places: Vec<DemoPlace>,
    programs: Vec<DemoProgram>,
    plans: Vec<DemoPlan>,
}

/// A work plan, approved by a decision of a body recorded for it.
#[derive(Deserialize)]
struct DemoPlan {
    initiative: String,
    kind: String,
    title: String,
    first_year: String,
    #[serde(default)]
    last_year: String,
    approved_on: String,
    approved_by: String,
    approval: String,
    rows: Vec<DemoRow>,
}

#[derive(Deserialize)]
struct DemoRow {
    result: String,
    organization: Option<String>,
    body: Option<String>,
    /// By its name in the same initiative.
    program: Option<String>,
    planned: Option<i64>,
    actual: Option<i64>,
    status: Option<String>,
    #[serde(default)]
    milestones: Vec<DemoMilestone>,
}

#[derive(Deserialize)]
struct DemoMilestone {
    title: String,
    due_on: String,
    done_on: Option<String>,
}

/// A school of the municipal demo, under its city.
#[derive(Deserialize)]
struct DemoPlace {
    initiative: String,
    code: String,
    name: String,
    x: f64,
    y: f64,
}

#[derive(Deserialize)]
struct DemoProgram {
    initiative: String,
    organization: String,
    name: String,
    description: String,
    results: Vec<String>,
    /// Places by code.
    places: Vec<String>,
    populations: Vec<String>,
    subjects: Vec<String>,
    age_bands: Vec<String>,
    core: bool,
    starts: String,
    ends: String,
    /// "source: amount" lines.
    #[serde(default)]
    funding: Vec<String>,
}

/// Gives the network's schools their coordinates from the Ministry's list of institutions,
/// through the same places import the pages use (only places already here take them).
async fn school_coordinates(store: &dyn Store, initiative: InitiativeId) -> anyhow::Result<()> {
    let Some(dir) = data_dir() else {
        return Ok(());
    };
    let path = dir.join("il_moe_schools_coordinates_2020.xlsx");
    if !path.is_file() {
        warn!("the Ministry's list of coordinates is not beside the project; the map stays empty");
        return Ok(());
    }
    let sheet = read_sheet(&std::fs::read(path)?)
        .map_err(|e| anyhow!("reading the list of coordinates: {e:?}"))?;
    let mut mapping = PlaceMapping::guess(&sheet.table.headers);
    mapping.update_only = true;
    let rows = plan_places(&sheet.table, &mapping).map_err(|issues| {
        anyhow!(
            "the list of coordinates: {:?}",
            &issues[..issues.len().min(5)]
        )
    })?;
    let (rows, _) = keep_places_here(rows, &store.places(initiative).await?);
    store
        .import_places(Actor::system(), initiative, &rows)
        .await?;
    Ok(())
}

/// Writes the demo's places for programs and the programs themselves.
pub(crate) async fn load(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
) -> anyhow::Result<()> {
    let file: ActivitiesFile = toml::from_str(ACTIVITIES).context("reading the demo programs")?;
    let system = Actor::system();
    let initiative = |key: &str| {
        keys.initiatives
            .get(key)
            .copied()
            .ok_or_else(|| anyhow!("demo initiative {key}"))
    };
    for place in &file.places {
        let id = initiative(&place.initiative)?;
        // The initiative's own top place: the city.
        let city = store
            .places(id)
            .await?
            .into_iter()
            .find(|p| p.parent_id.is_none())
            .context("the demo city")?;
        store
            .create_place(
                system,
                id,
                &PlaceInput {
                    parent_id: Some(city.id),
                    kind: PlaceKind::School,
                    code: Some(place.code.clone()),
                    name: Name::parse(&place.name).map_err(|e| anyhow!("{}: {e}", place.name))?,
                    attributes: PlaceAttributes {
                        grid_x: Some(place.x),
                        grid_y: Some(place.y),
                        ..PlaceAttributes::default()
                    },
                },
            )
            .await?;
    }
    let network = initiative("network")?;
    school_coordinates(store, network)
        .await
        .context("the network's school coordinates")?;

    let mut places_of: HashMap<InitiativeId, Vec<kesher_store::Place>> = HashMap::new();
    for program in &file.programs {
        let id = initiative(&program.initiative)?;
        if let std::collections::hash_map::Entry::Vacant(slot) = places_of.entry(id) {
            slot.insert(store.places(id).await?);
        }
        let places = &places_of[&id];
        // A national school whose file is not beside the project is left out, not refused.
        let codes: Vec<String> = program
            .places
            .iter()
            .filter(|code| {
                places
                    .iter()
                    .any(|p| p.code.as_deref().map(code_key) == Some(code_key(code)))
            })
            .cloned()
            .collect();
        let organization = keys
            .organizations
            .get(&(program.initiative.clone(), program.organization.clone()))
            .ok_or_else(|| {
                anyhow!(
                    "demo program: unknown organization {}",
                    program.organization
                )
            })?;
        let result_ids = program
            .results
            .iter()
            .map(|key| {
                results
                    .get(&(program.initiative.clone(), key.clone()))
                    .map(|r| r.get())
                    .ok_or_else(|| anyhow!("demo program: unknown result {key}"))
            })
            .collect::<anyhow::Result<Vec<i64>>>()?;
        let place_ids = places
            .iter()
            .filter(|p| {
                p.code
                    .as_deref()
                    .is_some_and(|c| codes.iter().any(|code| code_key(code) == code_key(c)))
            })
            .map(|p| p.id.get())
            .collect();
        let form = ProgramForm {
            organization_id: organization.to_string(),
            name: program.name.clone(),
            description: program.description.clone(),
            result_ids,
            place_ids,
            populations: program.populations.join(", "),
            subjects: program.subjects.join(", "),
            age_bands: program.age_bands.join(", "),
            core: program.core.to_string(),
            starts: program.starts.clone(),
            ends: program.ends.clone(),
            funding: program.funding.join("\n"),
            ..ProgramForm::default()
        };
        let input = form.parse().map_err(|e| refused(&program.name, e))?;
        store.create_program(system, id, &input).await?;
    }
    for plan in &file.plans {
        load_plan(store, keys, results, plan)
            .await
            .with_context(|| format!("the plan {}", plan.title))?;
    }
    Ok(())
}

async fn load_plan(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
    plan: &DemoPlan,
) -> anyhow::Result<()> {
    let system = Actor::system();
    let key = plan.initiative.as_str();
    let id = *keys
        .initiatives
        .get(key)
        .ok_or_else(|| anyhow!("demo initiative {key}"))?;
    let named =
        |map: &HashMap<(String, String), i64>, what: &Option<String>| -> anyhow::Result<String> {
            match what {
                Some(k) => map
                    .get(&(key.to_string(), k.clone()))
                    .map(|v| v.to_string())
                    .ok_or_else(|| anyhow!("unknown key {k}")),
                None => Ok(String::new()),
            }
        };
    let organizations: HashMap<(String, String), i64> = keys
        .organizations
        .iter()
        .map(|(k, v)| (k.clone(), v.get()))
        .collect();
    let bodies: HashMap<(String, String), i64> = keys
        .bodies
        .iter()
        .map(|(k, v)| (k.clone(), v.get()))
        .collect();
    let programs = store.programs(id).await?;
    let input = PlanForm {
        kind: plan.kind.clone(),
        title: plan.title.clone(),
        first_year: plan.first_year.clone(),
        last_year: plan.last_year.clone(),
    }
    .parse()
    .map_err(|e| refused(&plan.title, e))?;
    let mut rows = Vec::new();
    for row in &plan.rows {
        let result = results
            .get(&(key.to_string(), row.result.clone()))
            .ok_or_else(|| anyhow!("unknown result {}", row.result))?;
        let program = match &row.program {
            Some(name) => programs
                .iter()
                .find(|p| &p.name == name)
                .map(|p| p.id.to_string())
                .ok_or_else(|| anyhow!("unknown program {name}"))?,
            None => String::new(),
        };
        let form = PlanItemForm {
            result_id: result.to_string(),
            organization_id: named(&organizations, &row.organization)?,
            body_id: named(&bodies, &row.body)?,
            program_id: program,
            budget_planned: row.planned.map(|p| p.to_string()).unwrap_or_default(),
            budget_actual: row.actual.map(|a| a.to_string()).unwrap_or_default(),
            status: row.status.clone().unwrap_or_default(),
            ..Default::default()
        };
        rows.push(form.parse().map_err(|e| refused(&row.result, e))?);
    }
    let created = store.create_work_plan(system, id, &input, &rows).await?;
    for (row, item) in plan.rows.iter().zip(&created.items) {
        for milestone in &row.milestones {
            let input = MilestoneForm {
                title: milestone.title.clone(),
                due_on: milestone.due_on.clone(),
            }
            .parse()
            .map_err(|e| refused(&milestone.title, e))?;
            let with = store.add_milestone(system, item.id, &input).await?;
            if let Some(done) = &milestone.done_on {
                let added = with
                    .items
                    .iter()
                    .find(|i| i.id == item.id)
                    .and_then(|i| i.milestones.iter().find(|m| m.title == milestone.title))
                    .context("the milestone just added")?;
                let day = chrono::NaiveDate::parse_from_str(done, "%Y-%m-%d")?;
                store
                    .set_milestone_done(system, added.id, Some(day))
                    .await?;
            }
        }
    }
    let decision = DecisionForm {
        body_id: named(&bodies, &Some(plan.approved_by.clone()))?,
        decided_on: plan.approved_on.clone(),
        kind: "approval".into(),
        text: plan.approval.clone(),
        ..Default::default()
    }
    .parse()
    .map_err(|e| refused(&plan.approval, e))?;
    let decision = store.create_decision(system, id, &decision).await?;
    store
        .approve_work_plan(system, created.id, decision.id)
        .await?;
    Ok(())
}
