//! Place groups.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::search::fold;
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, PlaceGroup, PlaceGroupStore, StoreError, StoreResult};

use crate::audit::{commit_delete, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::get;
use crate::{SqliteStore, backend};

#[async_trait]
impl PlaceGroupStore for SqliteStore {
    async fn create_place_group(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        name: &str,
        places: &[PlaceId],
    ) -> StoreResult<PlaceGroup> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO place_groups (initiative_id, name, name_key, created_at) VALUES (?1, ?2, ?3, ?4)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(name)
        .bind(fold(name))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        for place in places {
            check_owned(&mut tx, Owned::Place(*place), initiative).await?;
            sqlx::query(
                "INSERT OR IGNORE INTO place_group_members (group_id, place_id) VALUES (?1, ?2)",
            )
            .bind(id)
            .bind(place.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        let group = PlaceGroup {
            id: PlaceGroupId::new(id),
            initiative_id: initiative,
            name: name.to_string(),
            place_ids: places.to_vec(),
        };
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("place_group", id),
            AuditAction::Create,
            None,
            Some(&group),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(group)
    }

    async fn delete_place_group(&self, actor: Actor, id: PlaceGroupId) -> StoreResult<()> {
        let tx = self.write().await?;
        let groups = {
            let initiative: i64 =
                sqlx::query_scalar("SELECT initiative_id FROM place_groups WHERE id = ?1")
                    .bind(id.get())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?
                    .ok_or(StoreError::NotFound)?;
            self.place_groups(InitiativeId::new(initiative)).await?
        };
        let before = groups
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound)?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM place_groups WHERE id = ?1",
            ("place_group", id.get()),
            &before,
        )
        .await
    }

    async fn place_groups(&self, initiative: InitiativeId) -> StoreResult<Vec<PlaceGroup>> {
        let rows = sqlx::query(
            "SELECT g.id, g.name, m.place_id FROM place_groups g
             LEFT JOIN place_group_members m ON m.group_id = g.id
             WHERE g.initiative_id = ?1 ORDER BY g.name_key, g.id, m.place_id",
        )
        .bind(initiative.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut groups: Vec<PlaceGroup> = Vec::new();
        for row in rows {
            let id = PlaceGroupId::new(get(&row, "id")?);
            if groups.last().is_none_or(|g| g.id != id) {
                groups.push(PlaceGroup {
                    id,
                    initiative_id: initiative,
                    name: get(&row, "name")?,
                    place_ids: Vec::new(),
                });
            }
            if let (Some(group), Some(place)) =
                (groups.last_mut(), get::<Option<i64>>(&row, "place_id")?)
            {
                group.place_ids.push(PlaceId::new(place));
            }
        }
        Ok(groups)
    }
}
