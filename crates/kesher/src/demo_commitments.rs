//! The demo's commitments and joint funding requests: partners' promises in the municipal
//! ecosystem, some kept with their evidence and one past its date; two requests before the
//! funders, one half covered. And what the contribution page needs in the city: a goal's
//! population indicator and a program's own output measure, two school years of each.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use kesher_domain::activities::commitments::{CommitmentForm, FulfilmentForm};
use kesher_domain::activities::funding::{FundingRequestForm, PledgeForm};
use kesher_domain::measurement::indicator::{Cell, IndicatorForm};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::{SourceKind, ValueState};
use kesher_domain::{InitiativeId, OrganizationId, ResultNodeId};
use kesher_store::{Actor, NewSource, NewValue, Store};
use serde::Deserialize;

use crate::demo::{Keys, refused};

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    commitments: Vec<DemoCommitment>,
    #[serde(default)]
    funding_requests: Vec<DemoRequest>,
}

#[derive(Deserialize)]
struct DemoCommitment {
    initiative: String,
    organization: String,
    result: String,
    kind: String,
    promise: String,
    amount: i64,
    #[serde(default)]
    unit: String,
    due: String,
    visibility: String,
    report: Option<DemoReport>,
}

#[derive(Deserialize)]
struct DemoReport {
    status: String,
    delivered: Option<i64>,
    evidence: String,
    on: String,
}

#[derive(Deserialize)]
struct DemoRequest {
    initiative: String,
    organization: String,
    title: String,
    description: String,
    amount: i64,
    results: Vec<String>,
    needed_by: String,
    #[serde(default)]
    pledges: Vec<DemoPledge>,
}

#[derive(Deserialize)]
struct DemoPledge {
    organization: String,
    interest: String,
    amount: Option<i64>,
    note: String,
}

pub(crate) async fn load(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
) -> anyhow::Result<()> {
    let file: File =
        toml::from_str(crate::demo_activities::ACTIVITIES).context("reading the commitments")?;
    let system = Actor::system();
    let initiative = |key: &str| -> anyhow::Result<InitiativeId> {
        keys.initiatives
            .get(key)
            .copied()
            .ok_or_else(|| anyhow!("demo initiative {key}"))
    };
    let organization = |initiative: &str, key: &str| -> anyhow::Result<OrganizationId> {
        keys.organizations
            .get(&(initiative.to_string(), key.to_string()))
            .copied()
            .ok_or_else(|| anyhow!("demo organization {key}"))
    };
    let result = |initiative: &str, key: &str| -> anyhow::Result<ResultNodeId> {
        results
            .get(&(initiative.to_string(), key.to_string()))
            .copied()
            .ok_or_else(|| anyhow!("demo result {key}"))
    };
    for c in &file.commitments {
        let input = CommitmentForm {
            organization_id: organization(&c.initiative, &c.organization)?.to_string(),
            result_id: result(&c.initiative, &c.result)?.to_string(),
            kind: c.kind.clone(),
            promise: c.promise.clone(),
            amount: c.amount.to_string(),
            unit: c.unit.clone(),
            due: c.due.clone(),
            visibility: c.visibility.clone(),
        }
        .parse()
        .map_err(|e| refused(&c.promise, e))?;
        let made = store
            .create_commitment(system, initiative(&c.initiative)?, &input)
            .await?;
        if let Some(report) = &c.report {
            let input = FulfilmentForm {
                status: report.status.clone(),
                delivered: report.delivered.map(|d| d.to_string()).unwrap_or_default(),
                evidence: report.evidence.clone(),
                evidence_url: String::new(),
            }
            .parse()
            .map_err(|e| refused(&c.promise, e))?;
            let day = chrono::NaiveDate::parse_from_str(&report.on, "%Y-%m-%d")?;
            store
                .report_commitment(system, made.id, &input, day)
                .await?;
        }
    }
    for r in &file.funding_requests {
        let input = FundingRequestForm {
            organization_id: organization(&r.initiative, &r.organization)?.to_string(),
            title: r.title.clone(),
            description: r.description.clone(),
            amount: r.amount.to_string(),
            result_ids: r
                .results
                .iter()
                .map(|k| result(&r.initiative, k).map(|id| id.get()))
                .collect::<anyhow::Result<_>>()?,
            needed_by: r.needed_by.clone(),
            status: String::new(),
        }
        .parse()
        .map_err(|e| refused(&r.title, e))?;
        let made = store
            .create_funding_request(system, initiative(&r.initiative)?, &input)
            .await?;
        for p in &r.pledges {
            let answer = PledgeForm {
                organization_id: organization(&r.initiative, &p.organization)?.to_string(),
                interest: p.interest.clone(),
                amount: p.amount.map(|a| a.to_string()).unwrap_or_default(),
                note: p.note.clone(),
            }
            .parse()
            .map_err(|e| refused(&r.title, e))?;
            store
                .answer_funding_request(system, made.id, &answer)
                .await?;
        }
    }
    Ok(())
}

/// The city's girls in the physics major (a population indicator of the girls' goal), and
/// the girls in "מדעניות צעירות" (that program's own output measure), by school and year.
/// Fictional figures.
const GIRLS_PHYSICS: &[(&str, &str, f64)] = &[
    ("480105", "2024/25", 31.0),
    ("480106", "2024/25", 44.0),
    ("480105", "2025/26", 38.0),
    ("480106", "2025/26", 52.0),
];
const YOUNG_SCIENTISTS: &[(&str, &str, f64)] = &[
    ("480103", "2024/25", 18.0),
    ("480105", "2024/25", 22.0),
    ("480106", "2024/25", 15.0),
    ("480103", "2025/26", 24.0),
    ("480105", "2025/26", 27.0),
    ("480106", "2025/26", 19.0),
];

/// The municipal contribution: two indicators with their values, and the program that
/// counts its participants by the second.
pub(crate) async fn load_contribution(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
) -> anyhow::Result<()> {
    let system = Actor::system();
    let key = "municipal";
    let initiative = *keys
        .initiatives
        .get(key)
        .ok_or_else(|| anyhow!("demo initiative {key}"))?;
    let goal = results
        .get(&(key.to_string(), "goal-girls".to_string()))
        .context("the girls' goal")?;
    let madaanit = keys
        .organizations
        .get(&(key.to_string(), "madaanit".to_string()))
        .context("the demo partner madaanit")?;
    let indicator = |code: &str, name: &str, english: &str, result: String, owner: String| {
        IndicatorForm {
            code: code.into(),
            name_he: name.into(),
            name_en: english.into(),
            unit: "count".into(),
            axis: "mapping".into(),
            period_kind: "school_year".into(),
            aggregation: "sum".into(),
            decimals: "0".into(),
            result_node_id: result,
            owner_organization_id: owner,
            ..IndicatorForm::default()
        }
        .parse()
        .map_err(|e| refused(code, e))
    };
    let physics = store
        .create_indicator(
            system,
            initiative,
            &indicator(
                "girls_physics",
                "בנות במגמת פיזיקה",
                "Girls in the physics major",
                goal.to_string(),
                String::new(),
            )?,
        )
        .await?;
    let participants = store
        .create_indicator(
            system,
            initiative,
            &indicator(
                "young_scientists_girls",
                "בנות בקבוצות 'מדעניות צעירות'",
                "Girls in the Young Scientists groups",
                String::new(),
                madaanit.to_string(),
            )?,
        )
        .await?;
    let places = store.places(initiative).await?;
    let mut values = Vec::new();
    for (indicator, rows) in [
        (physics.id, GIRLS_PHYSICS),
        (participants.id, YOUNG_SCIENTISTS),
    ] {
        for (code, year, value) in rows {
            let place = places
                .iter()
                .find(|p| p.code.as_deref() == Some(*code))
                .with_context(|| format!("the demo school {code}"))?;
            values.push(NewValue {
                indicator_id: indicator,
                place_id: place.id,
                period: Period::parse(
                    kesher_domain::measurement::period::PeriodKind::SchoolYear,
                    year,
                )
                .map_err(|e| anyhow!("{year}: {e:?}"))?,
                cell: Cell::total(),
                value: Some(*value),
                missing: None,
                note: None,
            });
        }
    }
    store
        .write_values(
            system,
            initiative,
            &NewSource {
                kind: SourceKind::Demo,
                name: "דוחות השותפים".into(),
            },
            &[],
            &values,
            ValueState::Approved,
        )
        .await?;
    // The program counts its participants by its own output measure.
    let program = store
        .programs(initiative)
        .await?
        .into_iter()
        .find(|p| p.name == "מדעניות צעירות")
        .context("the demo program מדעניות צעירות")?;
    let form = kesher_domain::activities::programs::ProgramForm {
        organization_id: program.organization_id.to_string(),
        name: program.name.clone(),
        description: program.description.clone().unwrap_or_default(),
        result_ids: program.result_ids.iter().map(|r| r.get()).collect(),
        place_ids: program.place_ids.iter().map(|p| p.get()).collect(),
        place_group_ids: program.place_group_ids.iter().map(|g| g.get()).collect(),
        indicator_ids: vec![participants.id.get()],
        populations: program.populations.join(", "),
        subjects: program.subjects.join(", "),
        age_bands: program.age_bands.join(", "),
        core: program.core.to_string(),
        starts: program.starts.map(|d| d.to_string()).unwrap_or_default(),
        ends: program.ends.map(|d| d.to_string()).unwrap_or_default(),
        place_codes: String::new(),
        funding: program
            .funding
            .iter()
            .map(|f| format!("{}: {}", f.source, f.amount))
            .collect::<Vec<_>>()
            .join("\n"),
    }
    .parse()
    .map_err(|e| refused(&program.name, e))?;
    store.edit_program(system, program.id, &form).await?;
    Ok(())
}
