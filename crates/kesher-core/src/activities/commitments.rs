//! Partners' commitments: each partner makes and reports on its own, the backbone on any;
//! everyone in the initiative reads them all, and the public ones also appear on the
//! initiative's published report card.

use kesher_domain::access::Access;
use kesher_domain::activities::commitments::{
    CommitmentForm, CommitmentInput, CommitmentKind, CommitmentVisibility, Fulfilment,
    FulfilmentForm, overdue,
};
use kesher_domain::validation::Checker;
use kesher_domain::*;
use kesher_store::{Commitment, ResultNode};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dates::today;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// Where a commitment stands, as the list filters it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Not reported on, its date still ahead.
    Open,
    /// Not reported on, its date passed.
    Overdue,
    /// Reported on: kept, partly kept or not kept.
    Reported(Fulfilment),
}

impl Standing {
    pub fn of(commitment: &Commitment, today: chrono::NaiveDate) -> Self {
        if overdue(commitment.status, commitment.due, today) {
            Standing::Overdue
        } else if commitment.status == Fulfilment::Open {
            Standing::Open
        } else {
            Standing::Reported(commitment.status)
        }
    }

    /// Its code in the list's filter and the API: a fulfilment's code, or `overdue`.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Open => "open",
            Standing::Overdue => "overdue",
            Standing::Reported(f) => f.code(),
        }
    }
}

/// The list's filters, each optional; all given must hold.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct CommitmentFilter {
    /// A goal, lever or action component: commitments to it or to anything under it.
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[param(value_type = Option<i64>)]
    pub result_id: String,
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[param(value_type = Option<i64>)]
    pub organization_id: String,
    #[serde(deserialize_with = "kesher_domain::lenient::choice")]
    /// `money`, `people` or `activity`; empty for all (the page's "all" sends it empty).
    #[param(value_type = Option<String>)]
    pub kind: String,
    /// `open`, `overdue`, `fulfilled`, `partly` or `not_fulfilled`.
    #[serde(deserialize_with = "kesher_domain::lenient::choice")]
    #[param(value_type = Option<String>)]
    pub status: String,
    #[serde(deserialize_with = "kesher_domain::lenient::choice")]
    /// `public` or `partners`; empty for all.
    #[param(value_type = Option<String>)]
    pub visibility: String,
}

/// Whether `node` is `under` or one of its descendants.
pub(crate) fn within(results: &[ResultNode], node: ResultNodeId, under: ResultNodeId) -> bool {
    let mut at = Some(node);
    // A tree has no cycles (the store refuses them); the bound keeps a bug from looping.
    for _ in 0..=results.len() {
        match at {
            Some(id) if id == under => return true,
            Some(id) => {
                at = results
                    .iter()
                    .find(|r| r.id == id)
                    .and_then(|r| r.parent_id)
            }
            None => return false,
        }
    }
    false
}

impl CommitmentFilter {
    /// The filter checked: an unknown word is refused at its field.
    fn checked(&self) -> CoreResult<CheckedFilter> {
        let mut c = Checker::new();
        let result = c.check("result_id", lenient::optional_id(&self.result_id));
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&self.organization_id),
        );
        let kind = c.check(
            "kind",
            if self.kind.trim().is_empty() {
                Ok(None)
            } else {
                CommitmentKind::parse(&self.kind).map(Some)
            },
        );
        let status = self.status.trim();
        if !status.is_empty() && status != "overdue" && Fulfilment::parse(status).is_err() {
            c.push("status", Invalid::Choice);
        }
        let visibility = c.check(
            "visibility",
            if self.visibility.trim().is_empty() {
                Ok(None)
            } else {
                CommitmentVisibility::parse(&self.visibility).map(Some)
            },
        );
        match (result, organization, kind, visibility) {
            (Some(result), Some(organization), Some(kind), Some(visibility)) if c.is_empty() => {
                Ok(CheckedFilter {
                    result: result.map(ResultNodeId::new),
                    organization: organization.map(OrganizationId::new),
                    kind,
                    status: (!status.is_empty()).then(|| status.to_string()),
                    visibility,
                })
            }
            _ => Err(CoreError::Invalid(c.into_errors())),
        }
    }
}

struct CheckedFilter {
    result: Option<ResultNodeId>,
    organization: Option<OrganizationId>,
    kind: Option<CommitmentKind>,
    status: Option<String>,
    visibility: Option<CommitmentVisibility>,
}

impl Kesher {
    /// The initiative's commitments that pass the filter, soonest due first (everyone with
    /// a role reads them all, partners-only ones included).
    pub async fn commitments(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &CommitmentFilter,
    ) -> CoreResult<(Vec<Commitment>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        let filter = filter.checked()?;
        let results = self.store.results(initiative).await?;
        let today = today();
        let all = self.store.commitments(initiative).await?;
        let kept = all
            .into_iter()
            .filter(|c| {
                filter
                    .result
                    .is_none_or(|under| within(&results, c.result_id, under))
                    && filter.organization.is_none_or(|o| o == c.organization_id)
                    && filter.kind.is_none_or(|k| k == c.kind)
                    && filter.visibility.is_none_or(|v| v == c.visibility)
                    && filter
                        .status
                        .as_deref()
                        .is_none_or(|s| Standing::of(c, today).code() == s)
            })
            .collect();
        Ok((kept, access))
    }

    /// The commitments the partners made public, for the published report card.
    pub(crate) async fn public_commitments(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Commitment>> {
        Ok(self
            .store
            .commitments(initiative)
            .await?
            .into_iter()
            .filter(|c| c.visibility == CommitmentVisibility::Public)
            .collect())
    }

    pub async fn commitment(
        &self,
        caller: &Caller,
        id: CommitmentId,
    ) -> CoreResult<(Commitment, Access)> {
        let found = self.store.commitment(id).await?;
        let access = self.require(caller, found.initiative_id, |_| true).await?;
        Ok((found, access))
    }

    /// Checks a commitment as typed, and that its partner and node are the initiative's.
    async fn checked_commitment(
        &self,
        initiative: InitiativeId,
        form: &CommitmentForm,
    ) -> CoreResult<CommitmentInput> {
        let input = form.parse().map_err(CoreError::Invalid)?;
        let mut c = Checker::new();
        self.check_partner_and_nodes(
            initiative,
            input.organization_id,
            ("result_id", std::slice::from_ref(&input.result_id)),
            &mut c,
        )
        .await?;
        if c.is_empty() {
            Ok(input)
        } else {
            Err(CoreError::Invalid(c.into_errors()))
        }
    }

    /// A new commitment: the backbone for any partner, a partner editor for their own.
    pub async fn create_commitment(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &CommitmentForm,
    ) -> CoreResult<Commitment> {
        let access = self.require(caller, initiative, |a| a.can_commit()).await?;
        let input = self.checked_commitment(initiative, form).await?;
        if !access.can_commit_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        Ok(self
            .store
            .create_commitment(caller.actor(), initiative, &input)
            .await?)
    }

    /// Changes what was promised: whoever commits for its partner (and for the new one,
    /// when it moves).
    pub async fn edit_commitment(
        &self,
        caller: &Caller,
        id: CommitmentId,
        form: &CommitmentForm,
    ) -> CoreResult<Commitment> {
        let found = self.store.commitment(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| {
                a.can_commit_for(found.organization_id)
            })
            .await?;
        let input = self.checked_commitment(found.initiative_id, form).await?;
        if !access.can_commit_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        Ok(self
            .store
            .edit_commitment(caller.actor(), id, &input)
            .await?)
    }

    /// Reports how a commitment was kept, with its evidence, dated today.
    pub async fn report_commitment(
        &self,
        caller: &Caller,
        id: CommitmentId,
        form: &FulfilmentForm,
    ) -> CoreResult<Commitment> {
        let found = self.store.commitment(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_commit_for(found.organization_id)
        })
        .await?;
        let report = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .report_commitment(caller.actor(), id, &report, today())
            .await?)
    }

    /// Withdraws a commitment; the audit log keeps what it was.
    pub async fn delete_commitment(&self, caller: &Caller, id: CommitmentId) -> CoreResult<()> {
        let found = self.store.commitment(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_commit_for(found.organization_id)
        })
        .await?;
        Ok(self.store.delete_commitment(caller.actor(), id).await?)
    }
}
