//! The demo's common agenda, read from `demo/agenda.toml` and written through the same
//! validated forms as the pages: versions, the results tree, the glossary, decisions,
//! disputes, endorsements and changes in the field.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use kesher_domain::agenda::{
    AdoptionForm, AgendaForm, BoundaryForm, DecisionForm, DefinitionForm, DisputeForm,
    DisputeStatusForm, EndorsementForm, FieldChangeForm, PositionForm, ResultForm, TermForm,
};
use kesher_domain::{DecisionId, InitiativeId, ResultNodeId, TermId};
use kesher_store::{Actor, Store};
use serde::Deserialize;

use crate::demo::{Keys, refused};

const AGENDA: &str = include_str!("../demo/agenda.toml");

#[derive(Deserialize)]
struct AgendaFile {
    agendas: Vec<DemoAgenda>,
}

#[derive(Deserialize)]
struct DemoAgenda {
    initiative: String,
    #[serde(default)]
    versions: Vec<DemoVersion>,
    #[serde(default)]
    results: Vec<DemoResult>,
    #[serde(default)]
    glossary: Vec<DemoTerm>,
    #[serde(default)]
    decisions: Vec<DemoDecision>,
    #[serde(default)]
    disputes: Vec<DemoDispute>,
    #[serde(default)]
    endorsements: Vec<DemoEndorsement>,
    #[serde(default)]
    field_changes: Vec<DemoFieldChange>,
}

#[derive(Deserialize)]
struct DemoVersion {
    problem: String,
    vision: String,
    vision_year: Option<i32>,
    mission: String,
    overarching_goal: String,
    note: Option<String>,
    #[serde(default)]
    boundaries: Vec<DemoBoundary>,
}

#[derive(Deserialize)]
struct DemoBoundary {
    dimension: String,
    scope: String,
    item: String,
    reason: Option<String>,
}

#[derive(Deserialize)]
struct DemoResult {
    key: String,
    parent: Option<String>,
    kind: String,
    title: String,
    description: Option<String>,
    owner_body: Option<String>,
    #[serde(default)]
    populations: Vec<String>,
    #[serde(default)]
    subjects: Vec<String>,
    #[serde(default)]
    age_bands: Vec<String>,
    status: Option<String>,
}

#[derive(Deserialize)]
struct DemoTerm {
    term: String,
    #[serde(default)]
    definitions: Vec<DemoDefinition>,
}

#[derive(Deserialize)]
struct DemoDefinition {
    definition: String,
    proposed_by: Option<String>,
    adopted_on: Option<String>,
    adopted_by: Option<String>,
}

#[derive(Deserialize)]
struct DemoDecision {
    key: String,
    body: Option<String>,
    decided_on: String,
    kind: String,
    text: String,
    #[serde(default)]
    contested: bool,
    #[serde(default)]
    results: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
}

#[derive(Deserialize)]
struct DemoDispute {
    question: String,
    raised_by: Option<String>,
    raised_by_sector: Option<String>,
    #[serde(default)]
    decisions: Vec<String>,
    #[serde(default)]
    positions: Vec<DemoPosition>,
    #[serde(default)]
    history: Vec<DemoStatusChange>,
}

#[derive(Deserialize)]
struct DemoPosition {
    organization: Option<String>,
    position: String,
}

#[derive(Deserialize)]
struct DemoStatusChange {
    status: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct DemoEndorsement {
    organization: String,
    version: u32,
    signed_on: String,
    signed_by: Option<String>,
}

#[derive(Deserialize)]
struct DemoFieldChange {
    organization: String,
    goal: Option<String>,
    before: String,
    now: String,
    noted_on: String,
}

/// Writes every initiative's agenda from the demo file.
/// Writes every demo agenda; gives back the results-tree nodes by (initiative, node) key.
pub(crate) async fn load(
    store: &dyn Store,
    keys: &Keys<'_>,
) -> anyhow::Result<HashMap<(String, String), ResultNodeId>> {
    let file: AgendaFile = toml::from_str(AGENDA).context("reading the demo agenda")?;
    let mut all = HashMap::new();
    for agenda in &file.agendas {
        let results = load_one(store, keys, agenda)
            .await
            .with_context(|| format!("the agenda of {}", agenda.initiative))?;
        for (key, id) in results {
            all.insert((agenda.initiative.clone(), key), id);
        }
    }
    Ok(all)
}

async fn load_one(
    store: &dyn Store,
    keys: &Keys<'_>,
    agenda: &DemoAgenda,
) -> anyhow::Result<HashMap<String, ResultNodeId>> {
    let system = Actor::system();
    let key = agenda.initiative.as_str();
    let initiative: InitiativeId = *keys
        .initiatives
        .get(key)
        .ok_or_else(|| anyhow!("unknown initiative {key}"))?;
    let organization = |name: &str| -> anyhow::Result<String> {
        keys.organizations
            .get(&(key.to_string(), name.to_string()))
            .map(|id| id.to_string())
            .ok_or_else(|| anyhow!("unknown organization {name}"))
    };
    let optional_organization = |name: &Option<String>| -> anyhow::Result<String> {
        name.as_deref()
            .map(organization)
            .transpose()
            .map(Option::unwrap_or_default)
    };
    let body = |name: &Option<String>| -> anyhow::Result<String> {
        match name {
            Some(name) => keys
                .bodies
                .get(&(key.to_string(), name.clone()))
                .map(|id| id.to_string())
                .ok_or_else(|| anyhow!("unknown body {name}")),
            None => Ok(String::new()),
        }
    };

    for version in &agenda.versions {
        let form = AgendaForm {
            problem: version.problem.clone(),
            vision: version.vision.clone(),
            vision_year: version
                .vision_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
            mission: version.mission.clone(),
            overarching_goal: version.overarching_goal.clone(),
            note: version.note.clone().unwrap_or_default(),
            boundaries: version
                .boundaries
                .iter()
                .map(|b| BoundaryForm {
                    dimension: b.dimension.clone(),
                    scope: b.scope.clone(),
                    item: b.item.clone(),
                    reason: b.reason.clone().unwrap_or_default(),
                })
                .collect(),
            wording_only: String::new(),
        };
        let input = form.parse().map_err(|e| refused("an agenda version", e))?;
        store
            .create_agenda_version(system, initiative, &input)
            .await?;
    }

    let mut results: HashMap<&str, ResultNodeId> = HashMap::new();
    for result in &agenda.results {
        let parent = match &result.parent {
            Some(parent) => results
                .get(parent.as_str())
                .map(|id| id.to_string())
                .ok_or_else(|| anyhow!("unknown parent {parent}"))?,
            None => String::new(),
        };
        let form = ResultForm {
            parent_id: parent,
            kind: result.kind.clone(),
            title: result.title.clone(),
            description: result.description.clone().unwrap_or_default(),
            owner_body_id: body(&result.owner_body)?,
            populations: result.populations.join(", "),
            subjects: result.subjects.join(", "),
            age_bands: result.age_bands.join(", "),
            status: result.status.clone().unwrap_or_default(),
        };
        let input = form.parse().map_err(|e| refused(&result.key, e))?;
        let created = store.create_result(system, initiative, &input).await?;
        results.insert(result.key.as_str(), created.id);
    }

    let mut terms: HashMap<&str, TermId> = HashMap::new();
    for term in &agenda.glossary {
        let mut definitions = term.definitions.iter();
        let first = definitions
            .next()
            .ok_or_else(|| anyhow!("the term {} has no definition", term.term))?;
        let (name, definition) = TermForm {
            term: term.term.clone(),
            definition: first.definition.clone(),
            proposed_by_organization_id: optional_organization(&first.proposed_by)?,
        }
        .parse()
        .map_err(|e| refused(&term.term, e))?;
        let mut stored = store
            .create_term(system, initiative, &name, &definition)
            .await?;
        for next in definitions {
            let input = DefinitionForm {
                definition: next.definition.clone(),
                proposed_by_organization_id: optional_organization(&next.proposed_by)?,
            }
            .parse()
            .map_err(|e| refused(&term.term, e))?;
            stored = store.add_definition(system, stored.id, &input).await?;
        }
        for (index, given) in term.definitions.iter().enumerate() {
            if let Some(adopted_on) = &given.adopted_on {
                let adoption = AdoptionForm {
                    adopted_on: adopted_on.clone(),
                    body_id: body(&given.adopted_by)?,
                }
                .parse()
                .map_err(|e| refused(&term.term, e))?;
                store
                    .adopt_definition(system, stored.definitions[index].id, &adoption)
                    .await?;
            }
        }
        terms.insert(term.term.as_str(), stored.id);
    }

    let mut decisions: HashMap<&str, DecisionId> = HashMap::new();
    for decision in &agenda.decisions {
        let result_ids = decision
            .results
            .iter()
            .map(|r| {
                results
                    .get(r.as_str())
                    .map(|id| id.get())
                    .ok_or_else(|| anyhow!("unknown result {r}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let term_ids = decision
            .terms
            .iter()
            .map(|t| {
                terms
                    .get(t.as_str())
                    .map(|id| id.get())
                    .ok_or_else(|| anyhow!("unknown term {t}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let form = DecisionForm {
            body_id: body(&decision.body)?,
            decided_on: decision.decided_on.clone(),
            kind: decision.kind.clone(),
            text: decision.text.clone(),
            contested: decision.contested.to_string(),
            result_ids,
            term_ids,
        };
        let input = form.parse().map_err(|e| refused(&decision.key, e))?;
        let created = store.create_decision(system, initiative, &input).await?;
        decisions.insert(decision.key.as_str(), created.id);
    }

    for dispute in &agenda.disputes {
        let decision_ids = dispute
            .decisions
            .iter()
            .map(|d| {
                decisions
                    .get(d.as_str())
                    .map(|id| id.get())
                    .ok_or_else(|| anyhow!("unknown decision {d}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let form = DisputeForm {
            question: dispute.question.clone(),
            raised_by_organization_id: optional_organization(&dispute.raised_by)?,
            raised_by_sector: dispute.raised_by_sector.clone().unwrap_or_default(),
            decision_ids,
        };
        let input = form.parse().map_err(|e| refused(&dispute.question, e))?;
        let created = store.create_dispute(system, initiative, &input).await?;
        for position in &dispute.positions {
            let input = PositionForm {
                organization_id: optional_organization(&position.organization)?,
                position: position.position.clone(),
            }
            .parse()
            .map_err(|e| refused("a position", e))?;
            store.add_position(system, created.id, &input).await?;
        }
        for change in &dispute.history {
            let input = DisputeStatusForm {
                status: change.status.clone(),
                note: change.note.clone().unwrap_or_default(),
            }
            .parse()
            .map_err(|e| refused("a dispute's history", e))?;
            store
                .change_dispute_status(system, created.id, &input)
                .await?;
        }
    }

    for endorsement in &agenda.endorsements {
        let input = EndorsementForm {
            organization_id: organization(&endorsement.organization)?,
            version: endorsement.version.to_string(),
            signed_on: endorsement.signed_on.clone(),
            signed_by: endorsement.signed_by.clone().unwrap_or_default(),
        }
        .parse()
        .map_err(|e| refused(&endorsement.organization, e))?;
        store.create_endorsement(system, initiative, &input).await?;
    }

    for change in &agenda.field_changes {
        let result = match &change.goal {
            Some(goal) => results
                .get(goal.as_str())
                .map(|id| id.to_string())
                .ok_or_else(|| anyhow!("unknown goal {goal}"))?,
            None => String::new(),
        };
        let input = FieldChangeForm {
            organization_id: organization(&change.organization)?,
            result_id: result,
            before: change.before.clone(),
            now: change.now.clone(),
            noted_on: change.noted_on.clone(),
        }
        .parse()
        .map_err(|e| refused(&change.organization, e))?;
        store
            .create_field_change(system, initiative, &input)
            .await?;
    }
    Ok(results
        .into_iter()
        .map(|(key, id)| (key.to_string(), id))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_agenda_holds_what_the_issue_asks() {
        let file: AgendaFile = toml::from_str(AGENDA).unwrap();
        let municipal = file
            .agendas
            .iter()
            .find(|a| a.initiative == "municipal")
            .unwrap();
        let goals = municipal
            .results
            .iter()
            .filter(|r| r.kind == "goal")
            .count();
        assert_eq!(goals, 4);
        assert!(municipal.results.iter().any(|r| r.kind == "lever"));
        assert!(
            municipal
                .results
                .iter()
                .any(|r| r.kind == "action_component")
        );
        let network = file
            .agendas
            .iter()
            .find(|a| a.initiative == "network")
            .unwrap();
        assert_eq!(
            network.results.iter().filter(|r| r.kind == "goal").count(),
            5
        );
        assert_eq!(network.glossary.len(), 2);
        assert!(network.decisions.iter().any(|d| d.contested));
        assert!(
            network.disputes.iter().any(|d| d.history.is_empty()),
            "one dispute stays open"
        );
        assert!(
            network.versions[0]
                .boundaries
                .iter()
                .any(|b| b.scope == "out")
        );
    }
}
