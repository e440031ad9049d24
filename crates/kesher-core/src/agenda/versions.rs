//! Revising the agenda's statements, and comparing two versions side by side.

use kesher_domain::agenda::{AgendaForm, AgendaInput, Boundary};
use kesher_domain::diff::{SideBySide, side_by_side};
use kesher_domain::search::fold;
use kesher_domain::*;
use kesher_store::AgendaVersion;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Caller, CoreError, CoreResult, Kesher};

/// Two agenda versions side by side.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AgendaComparison {
    pub from: AgendaVersion,
    pub to: AgendaVersion,
    /// One entry per statement, in reading order: (statement code, the two texts marked).
    pub statements: Vec<StatementDiff>,
    /// Boundaries in the newer version that the older did not have.
    pub boundaries_added: Vec<Boundary>,
    /// Boundaries of the older version that the newer dropped.
    pub boundaries_removed: Vec<Boundary>,
    /// Boundaries both versions name (same dimension and item) whose scope or reason changed.
    pub boundaries_changed: Vec<BoundaryChange>,
}

/// One boundary in two versions.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BoundaryChange {
    pub before: Boundary,
    pub after: Boundary,
}

/// What saving the agenda form did.
#[derive(Clone, Debug)]
pub struct Revision {
    /// The current version: the new one, or the unchanged one.
    pub version: AgendaVersion,
    /// False when the statements were the same as the current version's: no version is
    /// added for nothing, so partners' endorsements of it stay current.
    pub saved: bool,
}

/// One statement compared.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StatementDiff {
    /// problem, vision, vision_year, mission, overarching_goal.
    pub statement: String,
    pub diff: SideBySide,
}

/// Whether the typed statements say what the version already says.
fn same_statements(version: &AgendaVersion, input: &AgendaInput) -> bool {
    version.problem == input.problem
        && version.vision == input.vision
        && version.vision_year == input.vision_year
        && version.mission == input.mission
        && version.overarching_goal == input.overarching_goal
        && version.boundaries == input.boundaries
}

fn statements_of(version: &AgendaVersion) -> [(&'static str, String); 5] {
    [
        ("problem", version.problem.clone().unwrap_or_default()),
        ("vision", version.vision.clone().unwrap_or_default()),
        (
            "vision_year",
            version
                .vision_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        ("mission", version.mission.clone().unwrap_or_default()),
        (
            "overarching_goal",
            version.overarching_goal.clone().unwrap_or_default(),
        ),
    ]
}

impl Kesher {
    /// Every version of the agenda, oldest first (the last is current).
    pub async fn agenda_versions(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<AgendaVersion>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.agenda_versions(initiative).await?)
    }

    pub async fn agenda_version(
        &self,
        caller: &Caller,
        id: AgendaVersionId,
    ) -> CoreResult<AgendaVersion> {
        let version = self.store.agenda_version(id).await?;
        self.require(caller, version.initiative_id, |_| true)
            .await?;
        Ok(version)
    }

    /// Saves the statements as a new version; the earlier versions stay as they were. When
    /// nothing differs from the current version (a note alone is not a change), nothing is
    /// saved.
    pub async fn revise_agenda(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &AgendaForm,
    ) -> CoreResult<Revision> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let current = self.store.agenda_versions(initiative).await?.pop();
        let current_exists = current.is_some();
        if let Some(current) = current.filter(|c| same_statements(c, &input)) {
            return Ok(Revision {
                version: current,
                saved: false,
            });
        }
        let version = self
            .store
            .create_agenda_version(caller.actor(), initiative, &input)
            .await?;
        // A change of substance asks every partner to endorse again; a wording-only mend
        // keeps their endorsements and tells nobody.
        if current_exists
            && !input.wording_only
            && let Err(error) = self.ask_for_endorsement(initiative, &version).await
        {
            tracing::warn!(%error, initiative = initiative.get(), "new version not notified");
        }
        Ok(Revision {
            version,
            saved: true,
        })
    }

    /// Tells each partner editor that a new version of substance awaits their
    /// organization's endorsement.
    async fn ask_for_endorsement(
        &self,
        initiative: InitiativeId,
        version: &kesher_store::AgendaVersion,
    ) -> CoreResult<()> {
        let name = self.store.initiative(initiative).await?.name;
        for grant in self.store.roles_in_initiative(initiative).await? {
            if grant.role != kesher_domain::access::Role::PartnerEditor
                || grant.organization_id.is_none()
            {
                continue;
            }
            let user = self.store.user(grant.user_id).await?;
            self.notify(
                &user,
                Some(initiative),
                "endorsement_needed",
                |lang| {
                    lang.t_with(
                        "notify-endorsement-needed",
                        &[
                            ("label", kesher_i18n::Arg::Text(version.label.clone())),
                            ("initiative", kesher_i18n::Arg::Text(name.clone())),
                        ],
                    )
                },
                format!("/initiatives/{initiative}/endorsements"),
            )
            .await?;
        }
        Ok(())
    }

    /// Two versions (by number) side by side, with the changed words marked.
    pub async fn compare_agenda(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        from: u32,
        to: u32,
    ) -> CoreResult<AgendaComparison> {
        let versions = self.agenda_versions(caller, initiative).await?;
        let find = |number: u32| {
            versions
                .iter()
                .find(|v| v.number == number)
                .cloned()
                .ok_or(CoreError::NotFound)
        };
        let (from, to) = (find(from)?, find(to)?);
        let statements = statements_of(&from)
            .into_iter()
            .zip(statements_of(&to))
            .map(|((statement, old), (_, new))| StatementDiff {
                statement: statement.to_string(),
                diff: side_by_side(&old, &new),
            })
            .collect();
        // A boundary is the same boundary in both versions when it names the same thing on
        // the same dimension; then only its scope or reason can have changed.
        let key = |b: &Boundary| (b.dimension, fold(&b.item));
        let find_in = |list: &[Boundary], b: &Boundary| {
            list.iter().find(|other| key(other) == key(b)).cloned()
        };
        let boundaries_changed = to
            .boundaries
            .iter()
            .filter_map(|after| {
                let before = find_in(&from.boundaries, after)?;
                (before != *after).then(|| BoundaryChange {
                    before,
                    after: after.clone(),
                })
            })
            .collect();
        Ok(AgendaComparison {
            boundaries_added: to
                .boundaries
                .iter()
                .filter(|b| find_in(&from.boundaries, b).is_none())
                .cloned()
                .collect(),
            boundaries_removed: from
                .boundaries
                .iter()
                .filter(|b| find_in(&to.boundaries, b).is_none())
                .cloned()
                .collect(),
            boundaries_changed,
            statements,
            from,
            to,
        })
    }
}
