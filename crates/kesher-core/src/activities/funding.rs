//! Joint funding requests: a partner submits one request that every funding partner reads
//! in one place; funders answer among themselves; everyone sees what is covered.

use kesher_domain::access::Access;
use kesher_domain::activities::funding::{
    FundingCoverage, FundingRequestForm, FundingRequestInput, PledgeForm, RequestStatus, coverage,
};
use kesher_domain::network::funds;
use kesher_domain::validation::Checker;
use kesher_domain::*;
use kesher_store::{Conflict, FundingRequest, Organization, Pledge};

use crate::{Caller, CoreError, CoreResult, Kesher};

/// A request as one caller may see it.
#[derive(Clone, Debug)]
pub struct FundingView {
    /// The request; its answers are there only for funders.
    pub request: FundingRequest,
    /// How much of it the pledges cover: everyone sees this.
    pub coverage: FundingCoverage,
    /// The funder the caller answers for, and that funder's answer so far.
    pub answering_for: Option<(OrganizationId, Option<Pledge>)>,
}

impl FundingView {
    /// Whether the caller reads the funders' answers and notes.
    pub fn shows_answers(&self) -> bool {
        self.answering_for.is_some()
    }
}

/// Who the caller is here: what they may do, and the funder they answer for.
pub struct FundingAccess {
    pub access: Access,
    pub funder: Option<OrganizationId>,
}

impl Kesher {
    /// The caller's access, and the funding organization they speak for, if any.
    async fn funding_access(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<FundingAccess> {
        let access = self.require(caller, initiative, |_| true).await?;
        let organizations: Vec<Organization> = match access.speaks_for() {
            Some(_) => {
                self.store
                    .list_organizations(initiative, &Default::default())
                    .await?
            }
            None => Vec::new(),
        };
        let funder = access.funder(|id| {
            organizations
                .iter()
                .any(|o| o.id == id && funds(o.sector, o.organization_type))
        });
        Ok(FundingAccess { access, funder })
    }

    fn funding_view(request: FundingRequest, funder: Option<OrganizationId>) -> FundingView {
        let answers: Vec<_> = request
            .pledges
            .iter()
            .map(|p| (p.interest, p.amount))
            .collect();
        let coverage = coverage(request.amount, &answers);
        let answering_for = funder.map(|f| {
            (
                f,
                request
                    .pledges
                    .iter()
                    .find(|p| p.organization_id == f)
                    .cloned(),
            )
        });
        let mut request = request;
        // Funders answer among themselves: the others see only what is covered.
        if funder.is_none() {
            request.pledges.clear();
        }
        FundingView {
            request,
            coverage,
            answering_for,
        }
    }

    /// The initiative's requests, newest first, as the caller may see them.
    pub async fn funding_requests(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<FundingView>, FundingAccess)> {
        let who = self.funding_access(caller, initiative).await?;
        let views = self
            .store
            .funding_requests(initiative)
            .await?
            .into_iter()
            .map(|r| Self::funding_view(r, who.funder))
            .collect();
        Ok((views, who))
    }

    pub async fn funding_request(
        &self,
        caller: &Caller,
        id: FundingRequestId,
    ) -> CoreResult<(FundingView, FundingAccess)> {
        let found = self.store.funding_request(id).await?;
        let who = self.funding_access(caller, found.initiative_id).await?;
        Ok((Self::funding_view(found, who.funder), who))
    }

    /// Checks a request as typed, and that its partner and goals are the initiative's.
    async fn checked_request(
        &self,
        initiative: InitiativeId,
        form: &FundingRequestForm,
    ) -> CoreResult<FundingRequestInput> {
        let input = form.parse().map_err(CoreError::Invalid)?;
        let mut c = Checker::new();
        self.check_partner_and_nodes(
            initiative,
            input.organization_id,
            ("result_ids", &input.result_ids),
            &mut c,
        )
        .await?;
        if c.is_empty() {
            Ok(input)
        } else {
            Err(CoreError::Invalid(c.into_errors()))
        }
    }

    /// A new request: the backbone for any partner, a partner editor for their own.
    pub async fn create_funding_request(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &FundingRequestForm,
    ) -> CoreResult<FundingView> {
        let access = self.require(caller, initiative, |a| a.can_commit()).await?;
        let input = self.checked_request(initiative, form).await?;
        if !access.can_commit_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        let created = self
            .store
            .create_funding_request(caller.actor(), initiative, &input)
            .await?;
        self.funding_request(caller, created.id)
            .await
            .map(|(view, _)| view)
    }

    /// Changes a request, or closes it: whoever submits for its partner.
    pub async fn edit_funding_request(
        &self,
        caller: &Caller,
        id: FundingRequestId,
        form: &FundingRequestForm,
    ) -> CoreResult<FundingView> {
        let found = self.store.funding_request(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| {
                a.can_commit_for(found.organization_id)
            })
            .await?;
        let input = self.checked_request(found.initiative_id, form).await?;
        if !access.can_commit_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        self.store
            .edit_funding_request(caller.actor(), id, &input)
            .await?;
        self.funding_request(caller, id).await.map(|(view, _)| view)
    }

    pub async fn delete_funding_request(
        &self,
        caller: &Caller,
        id: FundingRequestId,
    ) -> CoreResult<()> {
        let found = self.store.funding_request(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_commit_for(found.organization_id)
        })
        .await?;
        Ok(self
            .store
            .delete_funding_request(caller.actor(), id)
            .await?)
    }

    /// A funder's answer, for the funder the caller speaks for. Only funders answer; a
    /// closed request takes no more answers (409).
    pub async fn answer_funding_request(
        &self,
        caller: &Caller,
        id: FundingRequestId,
        form: &PledgeForm,
    ) -> CoreResult<FundingView> {
        let found = self.store.funding_request(id).await?;
        let who = self.funding_access(caller, found.initiative_id).await?;
        let Some(funder) = who.funder else {
            return Err(CoreError::Forbidden);
        };
        let answer = form.parse().map_err(CoreError::Invalid)?;
        if answer.organization_id != funder {
            return Err(CoreError::invalid("organization_id", Invalid::Choice));
        }
        if found.status == RequestStatus::Closed {
            return Err(kesher_store::StoreError::Conflict(Conflict::Transition).into());
        }
        let answered = self
            .store
            .answer_funding_request(caller.actor(), id, &answer)
            .await?;
        Ok(Self::funding_view(answered, Some(funder)))
    }
}
