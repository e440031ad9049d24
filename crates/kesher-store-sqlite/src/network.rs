//! Organizations and their people.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::network::{
    OrganizationInput, OrganizationType, PersonDetails, PersonInput, Sector,
};
use kesher_domain::search::fold;
use kesher_domain::{InitiativeId, OrganizationId, PersonId};
use kesher_store::{
    Actor, AuditAction, Conflict, NetworkStore, Organization, OrganizationFilter, Person,
    PersonFilter, StoreError, StoreResult,
};
use serde::Serialize;
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{self, Change};
use crate::bodies::{delete_memberships_of_person, memberships_of_person};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

fn organization(row: &SqliteRow, tags: Vec<String>) -> Result<Organization, StoreError> {
    Ok(Organization {
        id: OrganizationId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        name: get(row, "name")?,
        sector: choice(row, "sector", Sector::parse)?,
        organization_type: choice(row, "organization_type", OrganizationType::parse)?,
        description: get(row, "description")?,
        website: get(row, "website")?,
        tags,
        external_id: get(row, "external_id")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn tags_of(conn: &mut SqliteConnection, id: OrganizationId) -> StoreResult<Vec<String>> {
    sqlx::query_scalar(
        "SELECT tag FROM organization_tags WHERE organization_id = ?1 ORDER BY position",
    )
    .bind(id.get())
    .fetch_all(conn)
    .await
    .map_err(backend)
}

pub(crate) async fn fetch_organization(
    conn: &mut SqliteConnection,
    id: OrganizationId,
) -> StoreResult<Organization> {
    let row = sqlx::query("SELECT * FROM organizations WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let tags = tags_of(conn, id).await?;
    organization(&row, tags)
}

async fn write_tags(
    conn: &mut SqliteConnection,
    id: OrganizationId,
    tags: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM organization_tags WHERE organization_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for (position, tag) in tags.iter().enumerate() {
        sqlx::query("INSERT INTO organization_tags (organization_id, position, tag, tag_key) VALUES (?1, ?2, ?3, ?4)")
            .bind(id.get())
            .bind(position as i64)
            .bind(tag)
            .bind(fold(tag))
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

/// Inserts an organization and its tags; shared by the form and the import.
pub(crate) async fn insert_organization(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &OrganizationInput,
) -> StoreResult<OrganizationId> {
    let now = Utc::now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organizations (initiative_id, name, name_key, sector, organization_type, description,
             website, external_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id",
    )
    .bind(initiative.get())
    .bind(input.name.as_str())
    .bind(fold(input.name.as_str()))
    .bind(input.sector.code())
    .bind(input.organization_type.code())
    .bind(&input.description)
    .bind(input.website.as_ref().map(|w| w.as_str()))
    .bind(&input.external_id)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(backend)?;
    let id = OrganizationId::new(id);
    write_tags(conn, id, &input.tags).await?;
    Ok(id)
}

/// Rewrites an organization and its tags; shared by the form and the import.
pub(crate) async fn rewrite_organization(
    conn: &mut SqliteConnection,
    id: OrganizationId,
    input: &OrganizationInput,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE organizations SET name = ?1, name_key = ?2, sector = ?3, organization_type = ?4,
             description = ?5, website = ?6, external_id = ?7, updated_at = ?8
         WHERE id = ?9",
    )
    .bind(input.name.as_str())
    .bind(fold(input.name.as_str()))
    .bind(input.sector.code())
    .bind(input.organization_type.code())
    .bind(&input.description)
    .bind(input.website.as_ref().map(|w| w.as_str()))
    .bind(&input.external_id)
    .bind(Utc::now())
    .bind(id.get())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    write_tags(conn, id, &input.tags).await
}

macro_rules! person_select {
    () => {
        "SELECT p.*, o.name AS organization_name, o.sector, o.organization_type
         FROM people p JOIN organizations o ON o.id = p.organization_id "
    };
}

fn person(row: &SqliteRow) -> Result<Person, StoreError> {
    Ok(Person {
        id: PersonId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        sector: choice(row, "sector", Sector::parse)?,
        organization_type: choice(row, "organization_type", OrganizationType::parse)?,
        name: get(row, "name")?,
        role_title: get(row, "role_title")?,
        email: get(row, "email")?,
        phone: get(row, "phone")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

pub(crate) async fn fetch_person(conn: &mut SqliteConnection, id: PersonId) -> StoreResult<Person> {
    let row = sqlx::query(concat!(person_select!(), "WHERE p.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    person(&row)
}

/// Refuses an organization that is not in `initiative`.
async fn check_organization_in(
    conn: &mut SqliteConnection,
    organization: OrganizationId,
    initiative: InitiativeId,
) -> StoreResult<()> {
    let owner: Option<i64> =
        sqlx::query_scalar("SELECT initiative_id FROM organizations WHERE id = ?1")
            .bind(organization.get())
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

/// Inserts a person; shared by the form and the import.
pub(crate) async fn insert_person(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    organization: OrganizationId,
    details: &PersonDetails,
) -> StoreResult<PersonId> {
    check_organization_in(conn, organization, initiative).await?;
    let now = Utc::now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (initiative_id, organization_id, name, role_title, email, phone,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
    )
    .bind(initiative.get())
    .bind(organization.get())
    .bind(details.name.as_str())
    .bind(&details.role_title)
    .bind(details.email.as_ref().map(|e| e.as_str()))
    .bind(details.phone.as_ref().map(|p| p.as_str()))
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(backend)?;
    Ok(PersonId::new(id))
}

/// Rewrites a person; shared by the form and the import.
pub(crate) async fn rewrite_person(
    conn: &mut SqliteConnection,
    id: PersonId,
    initiative: InitiativeId,
    organization: OrganizationId,
    details: &PersonDetails,
) -> StoreResult<()> {
    check_organization_in(conn, organization, initiative).await?;
    sqlx::query(
        "UPDATE people SET organization_id = ?1, name = ?2, role_title = ?3, email = ?4, phone = ?5,
             updated_at = ?6
         WHERE id = ?7",
    )
    .bind(organization.get())
    .bind(details.name.as_str())
    .bind(&details.role_title)
    .bind(details.email.as_ref().map(|e| e.as_str()))
    .bind(details.phone.as_ref().map(|p| p.as_str()))
    .bind(Utc::now())
    .bind(id.get())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    Ok(())
}

/// What the audit log keeps of a removed person: the person and the seats they held.
#[derive(Serialize)]
struct RemovedPerson<'a> {
    person: &'a Person,
    memberships: &'a [kesher_store::Membership],
}

#[async_trait]
impl NetworkStore for SqliteStore {
    async fn create_organization(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &OrganizationInput,
    ) -> StoreResult<Organization> {
        let mut tx = self.write().await?;
        let id = insert_organization(&mut tx, initiative, input).await?;
        let created = fetch_organization(&mut tx, id).await?;
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: Some(initiative),
                entity: "organization",
                entity_id: id.get(),
                action: AuditAction::Create,
                before: None,
                after: Some(&created),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_organization(
        &self,
        actor: Actor,
        id: OrganizationId,
        input: &OrganizationInput,
    ) -> StoreResult<Organization> {
        let mut tx = self.write().await?;
        let before = fetch_organization(&mut tx, id).await?;
        rewrite_organization(&mut tx, id, input).await?;
        let after = fetch_organization(&mut tx, id).await?;
        if audit::unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "organization",
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

    async fn delete_organization(&self, actor: Actor, id: OrganizationId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_organization(&mut tx, id).await?;
        let people: i64 =
            sqlx::query_scalar("SELECT count(*) FROM people WHERE organization_id = ?1")
                .bind(id.get())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if people > 0 {
            return Err(StoreError::Conflict(Conflict::InUse));
        }
        sqlx::query("DELETE FROM organizations WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "organization",
                entity_id: id.get(),
                action: AuditAction::Delete,
                before: Some(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn organization(&self, id: OrganizationId) -> StoreResult<Organization> {
        let mut conn = self.read().await?;
        fetch_organization(&mut conn, id).await
    }

    async fn list_organizations(
        &self,
        initiative: InitiativeId,
        filter: &OrganizationFilter,
    ) -> StoreResult<Vec<Organization>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(
            "SELECT * FROM organizations o
             WHERE o.initiative_id = ?1
               AND (?2 IS NULL OR o.sector = ?2)
               AND (?3 IS NULL OR o.organization_type = ?3)
               AND (?4 IS NULL OR EXISTS (SELECT 1 FROM organization_tags t
                                          WHERE t.organization_id = o.id AND t.tag_key = ?4))
             ORDER BY o.name_key",
        )
        .bind(initiative.get())
        .bind(filter.sector.map(Sector::code))
        .bind(filter.organization_type.map(OrganizationType::code))
        .bind(filter.tag.as_deref().map(fold).filter(|t| !t.is_empty()))
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;

        let tag_rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT t.organization_id, t.tag FROM organization_tags t
             JOIN organizations o ON o.id = t.organization_id
             WHERE o.initiative_id = ?1 ORDER BY t.organization_id, t.position",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        for (organization, tag) in tag_rows {
            tags.entry(organization).or_default().push(tag);
        }
        rows.iter()
            .map(|row| {
                let id: i64 = get(row, "id")?;
                organization(row, tags.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn create_person(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &PersonInput,
    ) -> StoreResult<Person> {
        let mut tx = self.write().await?;
        let id = insert_person(&mut tx, initiative, input.organization_id, &input.details).await?;
        let created = fetch_person(&mut tx, id).await?;
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: Some(initiative),
                entity: "person",
                entity_id: id.get(),
                action: AuditAction::Create,
                before: None,
                after: Some(&created),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_person(
        &self,
        actor: Actor,
        id: PersonId,
        input: &PersonInput,
    ) -> StoreResult<Person> {
        let mut tx = self.write().await?;
        let before = fetch_person(&mut tx, id).await?;
        rewrite_person(
            &mut tx,
            id,
            before.initiative_id,
            input.organization_id,
            &input.details,
        )
        .await?;
        let after = fetch_person(&mut tx, id).await?;
        if audit::unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "person",
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

    async fn delete_person(&self, actor: Actor, id: PersonId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_person(&mut tx, id).await?;
        let memberships = memberships_of_person(&mut tx, id).await?;
        delete_memberships_of_person(&mut tx, id).await?;
        sqlx::query("DELETE FROM people WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let removed = RemovedPerson {
            person: &before,
            memberships: &memberships,
        };
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: Some(before.initiative_id),
                entity: "person",
                entity_id: id.get(),
                action: AuditAction::Delete,
                before: Some(&removed),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn person(&self, id: PersonId) -> StoreResult<Person> {
        let mut conn = self.read().await?;
        fetch_person(&mut conn, id).await
    }

    async fn list_people(
        &self,
        initiative: InitiativeId,
        filter: &PersonFilter,
    ) -> StoreResult<Vec<Person>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            person_select!(),
            "WHERE p.initiative_id = ?1
               AND (?2 IS NULL OR p.organization_id = ?2)
               AND (?3 IS NULL OR o.sector = ?3)
             ORDER BY p.name, p.id"
        ))
        .bind(initiative.get())
        .bind(filter.organization_id.map(OrganizationId::get))
        .bind(filter.sector.map(Sector::code))
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(person).collect()
    }
}
