//! References across initiatives: a record may only point at records of its own initiative.

use kesher_domain::*;
use kesher_store::{Conflict, StoreError, StoreResult};
use sqlx::SqliteConnection;

use crate::backend;

/// A record that belongs to one initiative, for the checks of references.
#[derive(Clone, Copy)]
pub(crate) enum Owned {
    Body(BodyId),
    Organization(OrganizationId),
    Result(ResultNodeId),
    Term(TermId),
    Decision(DecisionId),
    Place(PlaceId),
    Indicator(IndicatorId),
    PlaceGroup(PlaceGroupId),
    Person(PersonId),
    Meeting(MeetingId),
    Dispute(DisputeId),
}

/// Refuses a reference to a record of another initiative (or to none at all).
pub(crate) async fn check_owned(
    conn: &mut SqliteConnection,
    owned: Owned,
    initiative: InitiativeId,
) -> StoreResult<()> {
    let query = match owned {
        Owned::Body(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM bodies WHERE id = ?1").bind(id.get())
        }
        Owned::Organization(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM organizations WHERE id = ?1")
                .bind(id.get())
        }
        Owned::Result(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM result_nodes WHERE id = ?1")
                .bind(id.get())
        }
        Owned::Term(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM glossary_terms WHERE id = ?1")
                .bind(id.get())
        }
        Owned::Decision(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM decisions WHERE id = ?1").bind(id.get())
        }
        Owned::Place(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM places WHERE id = ?1").bind(id.get())
        }
        Owned::Indicator(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM indicators WHERE id = ?1").bind(id.get())
        }
        Owned::PlaceGroup(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM place_groups WHERE id = ?1")
                .bind(id.get())
        }
        Owned::Person(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM people WHERE id = ?1").bind(id.get())
        }
        Owned::Dispute(id) => {
            sqlx::query_scalar("SELECT initiative_id FROM disputes WHERE id = ?1").bind(id.get())
        }
        Owned::Meeting(id) => sqlx::query_scalar(
            "SELECT b.initiative_id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?1",
        )
        .bind(id.get()),
    };
    let owner: Option<i64> = query.fetch_optional(conn).await.map_err(backend)?;
    match owner {
        None => Err(StoreError::NotFound),
        Some(owner) if owner != initiative.get() => {
            Err(StoreError::Conflict(Conflict::WrongInitiative))
        }
        Some(_) => Ok(()),
    }
}
