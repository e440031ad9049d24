//! The demo's commitments and joint funding requests: partners' promises in the municipal
//! ecosystem, some kept with their evidence and one past its date; two requests before the
//! funders, one half covered.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use kesher_domain::activities::commitments::{CommitmentForm, FulfilmentForm};
use kesher_domain::activities::funding::{FundingRequestForm, PledgeForm};
use kesher_domain::{InitiativeId, OrganizationId, ResultNodeId};
use kesher_store::{Actor, Store};
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
