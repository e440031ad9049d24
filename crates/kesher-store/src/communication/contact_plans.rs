//! The contact plan: for each partner organization, why the backbone keeps in touch,
//! through which channel and how often.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::updates::ContactPlanInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One organization's contact plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ContactPlan {
    pub organization_id: OrganizationId,
    pub initiative_id: InitiativeId,
    #[serde(flatten)]
    pub plan: ContactPlanInput,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait ContactPlanStore: Send + Sync {
    /// Sets (or replaces) an organization's plan.
    async fn set_contact_plan(
        &self,
        actor: Actor,
        organization: OrganizationId,
        plan: &ContactPlanInput,
    ) -> StoreResult<ContactPlan>;
    /// Removes an organization's plan; none is `NotFound`.
    async fn clear_contact_plan(
        &self,
        actor: Actor,
        organization: OrganizationId,
    ) -> StoreResult<()>;
    /// The plans of the initiative's organizations.
    async fn contact_plans(&self, initiative: InitiativeId) -> StoreResult<Vec<ContactPlan>>;
}
