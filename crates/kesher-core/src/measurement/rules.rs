//! Validation rules between two indicators.

use kesher_domain::*;

use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
    /// The initiative's rules between indicators.
    pub async fn validation_rules(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_store::StoredRule>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.validation_rules(initiative).await?)
    }

    /// Adds a rule between two of the initiative's indicators (backbone); imports and forms
    /// check it from then on.
    pub async fn create_validation_rule(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        left: &str,
        comparison: &str,
        right: &str,
    ) -> CoreResult<kesher_store::StoredRule> {
        use kesher_domain::measurement::indicator::IndicatorCode;
        use kesher_domain::measurement::quality::{Comparison, ValidationRule};
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let known = self.store.indicators(initiative).await?;
        let mut problems = Vec::new();
        let mut code = |field: &'static str, raw: &str| match IndicatorCode::parse(raw) {
            Ok(c) if known.iter().any(|i| i.code == c.as_str()) => Some(c),
            Ok(_) => {
                problems.push(FieldError::new(field, Invalid::Choice));
                None
            }
            Err(p) => {
                problems.push(FieldError::new(field, p));
                None
            }
        };
        let left = code("left", left);
        let right = code("right", right);
        let comparison = Comparison::parse(comparison)
            .map_err(|p| problems.push(FieldError::new("comparison", p)))
            .ok();
        if let (Some(l), Some(r)) = (&left, &right)
            && l == r
        {
            problems.push(FieldError::new("right", Invalid::Choice));
        }
        match (left, comparison, right) {
            (Some(left), Some(comparison), Some(right)) if problems.is_empty() => Ok(self
                .store
                .create_validation_rule(
                    caller.actor(),
                    initiative,
                    &ValidationRule {
                        left,
                        comparison,
                        right,
                    },
                )
                .await?),
            _ => Err(CoreError::Invalid(problems)),
        }
    }

    pub async fn delete_validation_rule(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: i64,
    ) -> CoreResult<()> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        Ok(self
            .store
            .delete_validation_rule(caller.actor(), initiative, id)
            .await?)
    }
}
