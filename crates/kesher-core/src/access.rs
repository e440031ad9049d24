//! Working out what a caller may do in an initiative, once per request.

use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_store::Initiative;

use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
    /// The caller's access in an initiative (which must exist).
    pub async fn access(&self, caller: &Caller, initiative: InitiativeId) -> CoreResult<Access> {
        self.store.initiative(initiative).await?;
        let grant = self
            .store
            .role_in(caller.user.id, initiative)
            .await?
            .map(|g| g.grant());
        Ok(Access::new(caller.is_admin(), grant))
    }

    /// The caller's access, refused unless they can read the initiative and `allowed` holds.
    pub async fn require(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        allowed: impl FnOnce(&Access) -> bool,
    ) -> CoreResult<Access> {
        let access = self.access(caller, initiative).await?;
        if access.can_read() && allowed(&access) {
            Ok(access)
        } else {
            tracing::info!(
                user.id = %caller.user.id,
                initiative = initiative.get(),
                role = ?access.role(),
                "permission refused"
            );
            Err(CoreError::Forbidden)
        }
    }

    /// The initiatives the caller can see: all for an admin, else those they hold a role in.
    pub async fn visible_initiatives(&self, caller: &Caller) -> CoreResult<Vec<Initiative>> {
        let all = self.store.list_initiatives().await?;
        if caller.is_admin() {
            return Ok(all);
        }
        let roles = self.store.roles_of_user(caller.user.id).await?;
        Ok(all
            .into_iter()
            .filter(|i| roles.iter().any(|r| r.initiative_id == i.id))
            .collect())
    }
}
