//! Validation rules between two indicators (a part never above its whole).

use async_trait::async_trait;
use kesher_domain::measurement::quality::ValidationRule;
use kesher_domain::*;
use serde::Serialize;

use crate::{Actor, StoreResult};

/// A stored validation rule between two indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredRule {
    pub id: i64,
    pub initiative_id: InitiativeId,
    pub rule: ValidationRule,
}

/// The validation rules of an initiative.
#[async_trait]
pub trait ValidationRuleStore: Send + Sync {
    async fn create_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rule: &ValidationRule,
    ) -> StoreResult<StoredRule>;
    async fn delete_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        id: i64,
    ) -> StoreResult<()>;
    async fn validation_rules(&self, initiative: InitiativeId) -> StoreResult<Vec<StoredRule>>;
}
