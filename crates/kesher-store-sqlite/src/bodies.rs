//! Bodies and memberships.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::bodies::{
    BodyInput, BodyKind, Cadence, CadenceUnit, MembershipInput, MembershipRole,
};
use kesher_domain::{BodyId, InitiativeId, MembershipId, OrganizationId, PersonId};
use kesher_store::{
    Actor, AuditAction, Body, BodyStore, Conflict, Membership, MembershipFilter, StoreError,
    StoreResult,
};
use serde::Serialize;
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{self, Change};
use crate::rows::{choice, date, get, timestamp};
use crate::{SqliteStore, backend};

fn body(row: &SqliteRow) -> Result<Body, StoreError> {
    let every: Option<i64> = get(row, "cadence_every")?;
    let unit: Option<String> = get(row, "cadence_unit")?;
    Ok(Body {
        id: BodyId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        name: get(row, "name")?,
        kind: choice(row, "kind", BodyKind::parse)?,
        mandate: get(row, "mandate")?,
        cadence: Cadence {
            text: get(row, "cadence_text")?,
            every: every.map(|n| n as u16),
            unit: unit
                .map(|u| CadenceUnit::parse(&u))
                .transpose()
                .map_err(|_| StoreError::Backend("unknown cadence unit".into()))?,
        },
        goal: get(row, "goal")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_body(conn: &mut SqliteConnection, id: BodyId) -> StoreResult<Body> {
    let row = sqlx::query("SELECT * FROM bodies WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    body(&row)
}

macro_rules! membership_select {
    () => {
        "SELECT m.*, b.initiative_id, b.name AS body_name, b.kind AS body_kind,
             p.name AS person_name, p.organization_id, o.name AS organization_name
         FROM memberships m
         JOIN bodies b ON b.id = m.body_id
         JOIN people p ON p.id = m.person_id
         JOIN organizations o ON o.id = p.organization_id "
    };
}

fn membership(row: &SqliteRow) -> Result<Membership, StoreError> {
    Ok(Membership {
        id: MembershipId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        body_id: BodyId::new(get(row, "body_id")?),
        body_name: get(row, "body_name")?,
        body_kind: choice(row, "body_kind", BodyKind::parse)?,
        person_id: PersonId::new(get(row, "person_id")?),
        person_name: get(row, "person_name")?,
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        role: choice(row, "role", MembershipRole::parse)?,
        from: date(row, "from_date")?,
        to: date(row, "to_date")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_membership(
    conn: &mut SqliteConnection,
    id: MembershipId,
) -> StoreResult<Membership> {
    let row = sqlx::query(concat!(membership_select!(), "WHERE m.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    membership(&row)
}

async fn memberships_where_body(
    conn: &mut SqliteConnection,
    body: BodyId,
) -> StoreResult<Vec<Membership>> {
    let rows = sqlx::query(concat!(
        membership_select!(),
        "WHERE m.body_id = ?1 ORDER BY m.id"
    ))
    .bind(body.get())
    .fetch_all(conn)
    .await
    .map_err(backend)?;
    rows.iter().map(membership).collect()
}

/// Every seat a person holds; the audit log keeps them when the person is removed.
pub(crate) async fn memberships_of_person(
    conn: &mut SqliteConnection,
    person: PersonId,
) -> StoreResult<Vec<Membership>> {
    let rows = sqlx::query(concat!(
        membership_select!(),
        "WHERE m.person_id = ?1 ORDER BY m.id"
    ))
    .bind(person.get())
    .fetch_all(conn)
    .await
    .map_err(backend)?;
    rows.iter().map(membership).collect()
}

pub(crate) async fn delete_memberships_of_person(
    conn: &mut SqliteConnection,
    person: PersonId,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM memberships WHERE person_id = ?1")
        .bind(person.get())
        .execute(conn)
        .await
        .map_err(backend)?;
    Ok(())
}

/// The person must sit in the same initiative as the body.
async fn check_person_in(
    conn: &mut SqliteConnection,
    person: PersonId,
    initiative: InitiativeId,
) -> StoreResult<()> {
    let owner: Option<i64> = sqlx::query_scalar("SELECT initiative_id FROM people WHERE id = ?1")
        .bind(person.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?;
    match owner {
        None => Err(StoreError::NotFound),
        Some(owner) if owner != initiative.get() => {
            Err(StoreError::Conflict(Conflict::WrongInitiative))
        }
        Some(_) => Ok(()),
    }
}

/// What the audit log keeps of a removed body: the body and its seats.
#[derive(Serialize)]
struct RemovedBody<'a> {
    body: &'a Body,
    memberships: &'a [Membership],
}

#[async_trait]
impl BodyStore for SqliteStore {
    async fn create_body(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &BodyInput,
    ) -> StoreResult<Body> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO bodies (initiative_id, name, kind, mandate, cadence_text, cadence_every, cadence_unit,
                 goal, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.name.as_str())
        .bind(input.kind.code())
        .bind(&input.mandate)
        .bind(&input.cadence.text)
        .bind(input.cadence.every.map(i64::from))
        .bind(input.cadence.unit.map(CadenceUnit::code))
        .bind(&input.goal)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_body(&mut tx, BodyId::new(id)).await?;
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: Some(initiative),
                entity: "body",
                entity_id: id,
                action: AuditAction::Create,
                before: None,
                after: Some(&created),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_body(&self, actor: Actor, id: BodyId, input: &BodyInput) -> StoreResult<Body> {
        let mut tx = self.write().await?;
        let before = fetch_body(&mut tx, id).await?;
        sqlx::query(
            "UPDATE bodies SET name = ?1, kind = ?2, mandate = ?3, cadence_text = ?4, cadence_every = ?5,
                 cadence_unit = ?6, goal = ?7, updated_at = ?8
             WHERE id = ?9",
        )
        .bind(input.name.as_str())
        .bind(input.kind.code())
        .bind(&input.mandate)
        .bind(&input.cadence.text)
        .bind(input.cadence.every.map(i64::from))
        .bind(input.cadence.unit.map(CadenceUnit::code))
        .bind(&input.goal)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_body(&mut tx, id).await?;
        if audit::unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "body",
                entity_id: id.get(),
                action: AuditAction::Update,
                before: Some(&before),
                after: Some(&after),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn delete_body(&self, actor: Actor, id: BodyId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_body(&mut tx, id).await?;
        let memberships = memberships_where_body(&mut tx, id).await?;
        sqlx::query("DELETE FROM memberships WHERE body_id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("DELETE FROM bodies WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let removed = RemovedBody {
            body: &before,
            memberships: &memberships,
        };
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "body",
                entity_id: id.get(),
                action: AuditAction::Delete,
                before: Some(&removed),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn body(&self, id: BodyId) -> StoreResult<Body> {
        let mut conn = self.read().await?;
        fetch_body(&mut conn, id).await
    }

    async fn list_bodies(&self, initiative: InitiativeId) -> StoreResult<Vec<Body>> {
        let mut conn = self.read().await?;
        // Steering committee and leading team first, as the bodies' own order of authority.
        let rows = sqlx::query(
            "SELECT * FROM bodies WHERE initiative_id = ?1
             ORDER BY CASE kind WHEN 'steering_committee' THEN 0 WHEN 'leading_team' THEN 1
                                WHEN 'backbone_team' THEN 2 ELSE 3 END, name, id",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(body).collect()
    }

    async fn create_membership(
        &self,
        actor: Actor,
        body_id: BodyId,
        input: &MembershipInput,
    ) -> StoreResult<Membership> {
        let mut tx = self.write().await?;
        let body = fetch_body(&mut tx, body_id).await?;
        check_person_in(&mut tx, input.person_id, body.initiative_id).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO memberships (body_id, person_id, role, from_date, to_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
        )
        .bind(body_id.get())
        .bind(input.person_id.get())
        .bind(input.role.code())
        .bind(input.from)
        .bind(input.to)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_membership(&mut tx, MembershipId::new(id)).await?;
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: Some(body.initiative_id),
                entity: "membership",
                entity_id: id,
                action: AuditAction::Create,
                before: None,
                after: Some(&created),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_membership(
        &self,
        actor: Actor,
        id: MembershipId,
        input: &MembershipInput,
    ) -> StoreResult<Membership> {
        let mut tx = self.write().await?;
        let before = fetch_membership(&mut tx, id).await?;
        check_person_in(&mut tx, input.person_id, before.initiative_id).await?;
        sqlx::query(
            "UPDATE memberships SET person_id = ?1, role = ?2, from_date = ?3, to_date = ?4, updated_at = ?5
             WHERE id = ?6",
        )
        .bind(input.person_id.get())
        .bind(input.role.code())
        .bind(input.from)
        .bind(input.to)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_membership(&mut tx, id).await?;
        if audit::unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "membership",
                entity_id: id.get(),
                action: AuditAction::Update,
                before: Some(&before),
                after: Some(&after),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn delete_membership(&self, actor: Actor, id: MembershipId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_membership(&mut tx, id).await?;
        sqlx::query("DELETE FROM memberships WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "membership",
                entity_id: id.get(),
                action: AuditAction::Delete,
                before: Some(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn membership(&self, id: MembershipId) -> StoreResult<Membership> {
        let mut conn = self.read().await?;
        fetch_membership(&mut conn, id).await
    }

    async fn list_memberships(
        &self,
        initiative: InitiativeId,
        filter: &MembershipFilter,
    ) -> StoreResult<Vec<Membership>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            membership_select!(),
            "WHERE b.initiative_id = ?1
               AND (?2 IS NULL OR m.body_id = ?2)
               AND (?3 IS NULL OR m.person_id = ?3)
               AND (?4 IS NULL OR p.organization_id = ?4)
             ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'co_chair' THEN 1 WHEN 'facilitator' THEN 2
                                  WHEN 'member' THEN 3 ELSE 4 END, p.name, m.id"
        ))
        .bind(initiative.get())
        .bind(filter.body_id.map(BodyId::get))
        .bind(filter.person_id.map(PersonId::get))
        .bind(filter.organization_id.map(OrganizationId::get))
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(membership).collect()
    }
}
