//! Meetings, their agenda items and invitees.

use async_trait::async_trait;
use chrono::{NaiveDateTime, Utc};
use kesher_domain::meetings::{ItemMinutes, MeetingAnswer, MeetingInput};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Meeting, MeetingAgendaItem, MeetingInvitee, MeetingLetter, MeetingStore,
    NewMail, SecretDigest, StoreError, StoreResult,
};
use sqlx::SqliteConnection;

use crate::audit::{commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::people::insert_mail;
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

/// How a local time is kept: sortable text without a zone.
pub(crate) const LOCAL_TIME: &str = "%Y-%m-%dT%H:%M:%S";

async fn fetch_meeting(conn: &mut SqliteConnection, id: MeetingId) -> StoreResult<Meeting> {
    let row = sqlx::query(
        "SELECT m.*, b.name AS body_name, b.initiative_id FROM meetings m
         JOIN bodies b ON b.id = m.body_id WHERE m.id = ?1",
    )
    .bind(id.get())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend)?
    .ok_or(StoreError::NotFound)?;
    let agenda = sqlx::query(
        "SELECT a.*, p.name AS presenter_name, r.title AS result_title,
                i.name_he AS indicator_name_he, i.name_en AS indicator_name_en,
                d.question AS dispute_question, dc.decided_on AS decision_on
         FROM meeting_agenda_items a
         LEFT JOIN people p ON p.id = a.presenter_id
         LEFT JOIN result_nodes r ON r.id = a.result_id
         LEFT JOIN indicators i ON i.id = a.indicator_id
         LEFT JOIN disputes d ON d.id = a.dispute_id
         LEFT JOIN decisions dc ON dc.id = a.decision_id
         WHERE a.meeting_id = ?1 ORDER BY a.position",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(MeetingAgendaItem {
            title: get(row, "title")?,
            minutes: get::<Option<i64>>(row, "minutes")?.map(|m| m as u16),
            presenter_id: get::<Option<i64>>(row, "presenter_id")?.map(PersonId::new),
            presenter_name: get(row, "presenter_name")?,
            notes: get(row, "notes")?,
            covered: get::<Option<i64>>(row, "covered")?.map(|c| c == 1),
            result_id: get::<Option<i64>>(row, "result_id")?.map(ResultNodeId::new),
            result_title: get(row, "result_title")?,
            indicator_id: get::<Option<i64>>(row, "indicator_id")?.map(IndicatorId::new),
            indicator_name_he: get(row, "indicator_name_he")?,
            indicator_name_en: get(row, "indicator_name_en")?,
            dispute_id: get::<Option<i64>>(row, "dispute_id")?.map(DisputeId::new),
            dispute_question: get(row, "dispute_question")?,
            decision_id: get::<Option<i64>>(row, "decision_id")?.map(DecisionId::new),
            decision_on: get(row, "decision_on")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let invitees = sqlx::query(
        "SELECT i.*, p.name AS person_name, p.organization_id, o.name AS organization_name
         FROM meeting_invitees i JOIN people p ON p.id = i.person_id
         JOIN organizations o ON o.id = p.organization_id
         WHERE i.meeting_id = ?1 ORDER BY p.name, p.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(MeetingInvitee {
            person_id: PersonId::new(get(row, "person_id")?),
            person_name: get(row, "person_name")?,
            organization_id: OrganizationId::new(get(row, "organization_id")?),
            organization_name: get(row, "organization_name")?,
            invited: get::<i64>(row, "invited")? == 1,
            attended: get::<Option<i64>>(row, "attended")?.map(|a| a == 1),
            answer: get::<Option<String>>(row, "answer")?
                .and_then(|a| MeetingAnswer::parse(&a).ok()),
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let starts_at: String = get(&row, "starts_at")?;
    Ok(Meeting {
        id,
        initiative_id: InitiativeId::new(get(&row, "initiative_id")?),
        body_id: BodyId::new(get(&row, "body_id")?),
        body_name: get(&row, "body_name")?,
        number: get::<i64>(&row, "number")? as u32,
        starts_at: NaiveDateTime::parse_from_str(&starts_at, LOCAL_TIME)
            .map_err(|_| StoreError::Backend("a meeting's time does not read".into()))?,
        duration_minutes: get::<i64>(&row, "duration_minutes")? as u16,
        location: get(&row, "location")?,
        objectives: get(&row, "objectives")?,
        agenda,
        invitees,
        attendance_recorded_at: get(&row, "attendance_recorded_at")?,
        minutes_recorded_at: get(&row, "minutes_recorded_at")?,
        finalized_at: get(&row, "finalized_at")?,
        invitations_sent_at: get(&row, "invitations_sent_at")?,
        sequence: get::<i64>(&row, "sequence")? as u32,
        cancelled_at: get(&row, "cancelled_at")?,
        created_at: timestamp(&row, "created_at")?,
        updated_at: timestamp(&row, "updated_at")?,
    })
}

async fn initiative_of_body(
    conn: &mut SqliteConnection,
    body: BodyId,
) -> StoreResult<InitiativeId> {
    sqlx::query_scalar::<_, i64>("SELECT initiative_id FROM bodies WHERE id = ?1")
        .bind(body.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .map(InitiativeId::new)
        .ok_or(StoreError::NotFound)
}

/// Writes the meeting's fields and replaces its agenda.
async fn write_meeting(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: MeetingId,
    input: &MeetingInput,
) -> StoreResult<()> {
    for item in &input.agenda {
        if let Some(presenter) = item.presenter_id {
            check_owned(conn, Owned::Person(presenter), initiative).await?;
        }
        if let Some(result) = item.result_id {
            check_owned(conn, Owned::Result(result), initiative).await?;
        }
        if let Some(indicator) = item.indicator_id {
            check_owned(conn, Owned::Indicator(indicator), initiative).await?;
        }
        if let Some(dispute) = item.dispute_id {
            check_owned(conn, Owned::Dispute(dispute), initiative).await?;
        }
        if let Some(decision) = item.decision_id {
            check_owned(conn, Owned::Decision(decision), initiative).await?;
        }
    }
    sqlx::query(
        "UPDATE meetings SET starts_at = ?1, duration_minutes = ?2, location = ?3, objectives = ?4,
                updated_at = ?5 WHERE id = ?6",
    )
    .bind(input.starts_at.format(LOCAL_TIME).to_string())
    .bind(i64::from(input.duration_minutes))
    .bind(&input.location)
    .bind(&input.objectives)
    .bind(Utc::now())
    .bind(id.get())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    // Items past the new agenda's end go; the others are rewritten in place, so the
    // minutes taken on an item stay with its position.
    sqlx::query("DELETE FROM meeting_agenda_items WHERE meeting_id = ?1 AND position >= ?2")
        .bind(id.get())
        .bind(input.agenda.len() as i64)
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for (position, item) in input.agenda.iter().enumerate() {
        sqlx::query(
            "INSERT INTO meeting_agenda_items (meeting_id, position, title, minutes, presenter_id,
                 result_id, indicator_id, dispute_id, decision_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (meeting_id, position) DO UPDATE SET title = excluded.title,
                 minutes = excluded.minutes, presenter_id = excluded.presenter_id,
                 result_id = excluded.result_id, indicator_id = excluded.indicator_id,
                 dispute_id = excluded.dispute_id, decision_id = excluded.decision_id",
        )
        .bind(id.get())
        .bind(position as i64)
        .bind(&item.title)
        .bind(item.minutes.map(i64::from))
        .bind(item.presenter_id.map(PersonId::get))
        .bind(item.result_id.map(ResultNodeId::get))
        .bind(item.indicator_id.map(IndicatorId::get))
        .bind(item.dispute_id.map(DisputeId::get))
        .bind(item.decision_id.map(DecisionId::get))
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl MeetingStore for SqliteStore {
    async fn create_meeting(
        &self,
        actor: Actor,
        body: BodyId,
        input: &MeetingInput,
        invitees: &[PersonId],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let initiative = initiative_of_body(&mut tx, body).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (body_id, number, starts_at, duration_minutes, created_at, updated_at)
             VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM meetings WHERE body_id = ?1),
                     ?2, ?3, ?4, ?4) RETURNING id",
        )
        .bind(body.get())
        .bind(input.starts_at.format(LOCAL_TIME).to_string())
        .bind(i64::from(input.duration_minutes))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let id = MeetingId::new(id);
        write_meeting(&mut tx, initiative, id, input).await?;
        for person in invitees {
            check_owned(&mut tx, Owned::Person(*person), initiative).await?;
            sqlx::query(
                "INSERT OR IGNORE INTO meeting_invitees (meeting_id, person_id, invited) VALUES (?1, ?2, 1)",
            )
            .bind(id.get())
            .bind(person.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        let created = fetch_meeting(&mut tx, id).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("meeting", id.get()),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        input: &MeetingInput,
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        write_meeting(&mut tx, before.initiative_id, id, input).await?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn meeting(&self, id: MeetingId) -> StoreResult<Meeting> {
        let mut conn = self.read().await?;
        fetch_meeting(&mut conn, id).await
    }

    async fn meetings_of_body(&self, body: BodyId) -> StoreResult<Vec<Meeting>> {
        let mut conn = self.read().await?;
        initiative_of_body(&mut conn, body).await?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM meetings WHERE body_id = ?1 ORDER BY number")
                .bind(body.get())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend)?;
        let mut meetings = Vec::with_capacity(ids.len());
        for id in ids {
            meetings.push(fetch_meeting(&mut conn, MeetingId::new(id)).await?);
        }
        Ok(meetings)
    }

    async fn meetings_of_initiative(&self, initiative: InitiativeId) -> StoreResult<Vec<Meeting>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id
             WHERE b.initiative_id = ?1 ORDER BY m.starts_at, m.id",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut meetings = Vec::with_capacity(ids.len());
        for id in ids {
            meetings.push(fetch_meeting(&mut conn, MeetingId::new(id)).await?);
        }
        Ok(meetings)
    }

    async fn record_attendance(
        &self,
        actor: Actor,
        id: MeetingId,
        attended: &[PersonId],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        sqlx::query("UPDATE meeting_invitees SET attended = 0 WHERE meeting_id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        // A guest recorded earlier and not present after all is no longer on the record.
        sqlx::query("DELETE FROM meeting_invitees WHERE meeting_id = ?1 AND invited = 0")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for person in attended {
            check_owned(&mut tx, Owned::Person(*person), before.initiative_id).await?;
            sqlx::query(
                "INSERT INTO meeting_invitees (meeting_id, person_id, invited, attended) VALUES (?1, ?2, 0, 1)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET attended = 1",
            )
            .bind(id.get())
            .bind(person.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        sqlx::query(
            "UPDATE meetings SET attendance_recorded_at = ?1, updated_at = ?1 WHERE id = ?2",
        )
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn record_minutes(
        &self,
        actor: Actor,
        id: MeetingId,
        minutes: &[ItemMinutes],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        for (position, item) in minutes.iter().enumerate() {
            sqlx::query(
                "UPDATE meeting_agenda_items SET notes = ?1, covered = ?2
                 WHERE meeting_id = ?3 AND position = ?4",
            )
            .bind(&item.notes)
            .bind(i64::from(item.covered))
            .bind(id.get())
            .bind(position as i64)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        sqlx::query("UPDATE meetings SET minutes_recorded_at = ?1, updated_at = ?1 WHERE id = ?2")
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn finalize_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        summaries: &[NewMail],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        for mail in summaries {
            insert_mail(&mut tx, mail).await?;
        }
        sqlx::query("UPDATE meetings SET finalized_at = ?1, updated_at = ?1 WHERE id = ?2")
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn send_invitations(
        &self,
        actor: Actor,
        id: MeetingId,
        sequence: u32,
        letters: &[MeetingLetter],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        for letter in letters {
            sqlx::query(
                "UPDATE meeting_invitees SET answer_digest = ?1 WHERE meeting_id = ?2 AND person_id = ?3",
            )
            .bind(&letter.answer_digest.0)
            .bind(id.get())
            .bind(letter.person.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            insert_mail(&mut tx, &letter.mail).await?;
        }
        sqlx::query(
            "UPDATE meetings SET invitations_sent_at = ?1, sequence = ?2, updated_at = ?1 WHERE id = ?3",
        )
        .bind(Utc::now())
        .bind(i64::from(sequence))
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn cancel_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        sequence: u32,
        letters: &[NewMail],
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        for mail in letters {
            insert_mail(&mut tx, mail).await?;
        }
        sqlx::query(
            "UPDATE meetings SET cancelled_at = ?1, sequence = ?2, updated_at = ?1 WHERE id = ?3",
        )
        .bind(Utc::now())
        .bind(i64::from(sequence))
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }

    async fn answer_by_link(
        &self,
        digest: &SecretDigest,
        answer: MeetingAnswer,
    ) -> StoreResult<Option<(MeetingId, PersonId)>> {
        let mut tx = self.write().await?;
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT meeting_id, person_id FROM meeting_invitees WHERE answer_digest = ?1",
        )
        .bind(&digest.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let Some((meeting, person)) = found else {
            return Ok(None);
        };
        let (meeting, person) = (MeetingId::new(meeting), PersonId::new(person));
        let before = fetch_meeting(&mut tx, meeting).await?;
        set_answer(&mut tx, meeting, person, answer).await?;
        let after = fetch_meeting(&mut tx, meeting).await?;
        commit_update(
            tx,
            Actor::system(),
            before.initiative_id,
            ("meeting", meeting.get()),
            before,
            after,
        )
        .await?;
        Ok(Some((meeting, person)))
    }

    async fn record_answer(
        &self,
        actor: Actor,
        id: MeetingId,
        person: PersonId,
        answer: MeetingAnswer,
    ) -> StoreResult<Meeting> {
        let mut tx = self.write().await?;
        let before = fetch_meeting(&mut tx, id).await?;
        set_answer(&mut tx, id, person, answer).await?;
        let after = fetch_meeting(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("meeting", id.get()),
            before,
            after,
        )
        .await
    }
}

/// Sets an invitee's answer; `NotFound` when the person is not on the meeting's record.
async fn set_answer(
    conn: &mut SqliteConnection,
    meeting: MeetingId,
    person: PersonId,
    answer: MeetingAnswer,
) -> StoreResult<()> {
    let changed = sqlx::query(
        "UPDATE meeting_invitees SET answer = ?1, answered_at = ?2 WHERE meeting_id = ?3 AND person_id = ?4",
    )
    .bind(answer.code())
    .bind(Utc::now())
    .bind(meeting.get())
    .bind(person.get())
    .execute(conn)
    .await
    .map_err(backend)?
    .rows_affected();
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
