//! The demo: a fictional municipal STEM ecosystem and a national network with two local
//! communities, read from `demo/demo.toml` (Hebrew lives in data files, not in code) and
//! written through the same validated inputs as the forms.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use kesher_core::Kesher;
use kesher_core::accounts::hash_password;
use kesher_core::communication::meetings::seated_on;
use kesher_core::measurement::export::Download;
use kesher_domain::access::{Grant, Role};
use kesher_domain::bodies::{BodyForm, MembershipForm};
use kesher_domain::documents::DocumentForm;
use kesher_domain::meetings::{
    ActionItemForm, ActionStatusForm, AgendaItemForm, ItemMinutes, MeetingAnswer,
    MeetingDecisionForm, MeetingForm,
};
use kesher_domain::network::{InitiativeForm, OrganizationForm, PersonForm};
use kesher_domain::text::{Email, Name, NewPassword};
use kesher_domain::updates::{ContactPlanForm, UpdateForm};
use kesher_domain::{BodyId, FieldError, InitiativeId, OrganizationId, PersonId};
use kesher_store::{
    AccountStore, Actor, MembershipFilter, NewFile, NewUser, PersonFilter, SecretDigest, Store,
    UpdateRecipient,
};
use serde::Deserialize;

use crate::server;

/// The demo data, embedded in the binary.
const DEMO: &str = include_str!("../demo/demo.toml");

/// The instance admin of the demo.
pub const ADMIN_EMAIL: &str = "admin@example.org";

#[derive(Deserialize)]
struct DemoFile {
    admin_name: String,
    users: Vec<DemoUser>,
    initiatives: Vec<DemoInitiative>,
}

#[derive(Deserialize)]
struct DemoUser {
    email: String,
    name: String,
    initiative: String,
    role: String,
    organization: Option<String>,
}

#[derive(Deserialize)]
struct DemoInitiative {
    key: String,
    name: String,
    description: String,
    parent: Option<String>,
    #[serde(default)]
    organizations: Vec<DemoOrganization>,
    #[serde(default)]
    people: Vec<DemoPerson>,
    #[serde(default)]
    bodies: Vec<DemoBody>,
    #[serde(default)]
    updates: Vec<DemoUpdate>,
    #[serde(default)]
    documents: Vec<DemoDocument>,
}

/// A document of the library: a spreadsheet written from its rows (the first is the
/// header), in a body's folder or the initiative's, perhaps a meeting's material (the
/// body's meeting that starts at `meeting`).
#[derive(Deserialize)]
struct DemoDocument {
    title: String,
    description: Option<String>,
    body: Option<String>,
    visibility: String,
    meeting: Option<String>,
    file_name: String,
    rows: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct DemoOrganization {
    key: String,
    name: String,
    sector: String,
    #[serde(rename = "type")]
    organization_type: String,
    description: String,
    website: String,
    #[serde(default)]
    tags: Vec<String>,
    /// The backbone's contact plan with it.
    contact: Option<DemoContact>,
}

#[derive(Deserialize)]
struct DemoContact {
    purpose: String,
    channel: String,
    every: u16,
    unit: String,
}

/// An update to partners: `sent` ones are the archive (recorded as reaching their
/// audience, with no message queued), the others drafts.
#[derive(Deserialize)]
struct DemoUpdate {
    title: String,
    text: String,
    audience: String,
    body: Option<String>,
    #[serde(default)]
    sent: bool,
}

#[derive(Deserialize)]
struct DemoPerson {
    key: String,
    name: String,
    organization: String,
    role_title: String,
    email: String,
    phone: String,
}

#[derive(Deserialize)]
struct DemoBody {
    key: String,
    name: String,
    kind: String,
    mandate: String,
    cadence: String,
    cadence_every: Option<u16>,
    cadence_unit: Option<String>,
    goal: Option<String>,
    #[serde(default)]
    members: Vec<DemoMember>,
    #[serde(default)]
    meetings: Vec<DemoMeeting>,
}

/// A meeting of the planning year: those seated on its day are invited; `absent` did not
/// come, `guests` came without an invitation. Without `held`, attendance is not recorded.
#[derive(Deserialize)]
struct DemoMeeting {
    starts_at: String,
    duration_minutes: u16,
    location: Option<String>,
    objectives: Option<String>,
    #[serde(default)]
    agenda: Vec<DemoAgendaItem>,
    #[serde(default)]
    held: bool,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    guests: Vec<String>,
    /// Decisions taken at the meeting, into the decision log.
    #[serde(default)]
    decisions: Vec<DemoMeetingDecision>,
    /// Action items given at the meeting.
    #[serde(default)]
    actions: Vec<DemoAction>,
    /// The invitation went out (the demo queues no message for it), and these answered.
    #[serde(default)]
    invitations_sent: bool,
    #[serde(default)]
    answers: Vec<DemoAnswer>,
}

#[derive(Deserialize)]
struct DemoAnswer {
    person: String,
    answer: String,
}

/// An agenda item; a held meeting's items are recorded as covered unless `covered = false`.
#[derive(Deserialize)]
struct DemoAgendaItem {
    title: String,
    minutes: Option<u16>,
    presenter: Option<String>,
    notes: Option<String>,
    covered: Option<bool>,
}

#[derive(Deserialize)]
struct DemoMeetingDecision {
    text: String,
    #[serde(default)]
    kind: String,
}

/// An action item, carried by a `person` or an `organization`; `done_on` with its `note`
/// when it was done.
#[derive(Deserialize)]
struct DemoAction {
    title: String,
    person: Option<String>,
    organization: Option<String>,
    due_on: Option<String>,
    done_on: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct DemoMember {
    person: String,
    role: String,
    from: Option<String>,
    to: Option<String>,
}

/// The records the demo created, by the keys the data files use.
pub(crate) struct Keys<'a> {
    pub initiatives: &'a HashMap<String, InitiativeId>,
    pub organizations: &'a HashMap<(String, String), OrganizationId>,
    pub bodies: &'a HashMap<(String, String), BodyId>,
}

/// Who can sign in to the demo.
pub struct DemoLogin {
    pub admin_email: String,
    pub password: String,
    pub other_accounts: Vec<String>,
}

pub(crate) fn refused(what: &str, errors: Vec<FieldError>) -> anyhow::Error {
    anyhow!("demo data: {what} is refused: {errors:?}")
}

/// Random letters and digits that cannot be mistaken for one another when read aloud.
pub(crate) fn readable_random(length: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..length)
        .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A readable password for the demo's accounts.
fn generate_password() -> String {
    readable_random(16)
}

/// Writes the whole demo into an empty store.
async fn load(store: &dyn Store, password_hash: &str) -> anyhow::Result<()> {
    let demo: DemoFile = toml::from_str(DEMO).context("reading the demo data")?;
    let system = Actor::system();
    let mut initiatives: HashMap<String, InitiativeId> = HashMap::new();
    let mut organizations: HashMap<(String, String), OrganizationId> = HashMap::new();
    let mut bodies: HashMap<(String, String), BodyId> = HashMap::new();

    for initiative in &demo.initiatives {
        let parent = match &initiative.parent {
            Some(key) => Some(
                *initiatives
                    .get(key)
                    .ok_or_else(|| anyhow!("demo data: unknown parent {key}"))?,
            ),
            None => None,
        };
        let form = InitiativeForm {
            name: initiative.name.clone(),
            description: initiative.description.clone(),
            parent_id: parent.map(|p| p.to_string()).unwrap_or_default(),
        };
        let input = form.parse().map_err(|e| refused(&initiative.key, e))?;
        let created = store.create_initiative(system, &input).await?;
        initiatives.insert(initiative.key.clone(), created.id);

        for organization in &initiative.organizations {
            let form = OrganizationForm {
                name: organization.name.clone(),
                sector: organization.sector.clone(),
                organization_type: organization.organization_type.clone(),
                description: organization.description.clone(),
                website: organization.website.clone(),
                tags: organization.tags.join(", "),
                external_id: String::new(),
            };
            let input = form.parse().map_err(|e| refused(&organization.key, e))?;
            let stored = store
                .create_organization(system, created.id, &input)
                .await?;
            organizations.insert(
                (initiative.key.clone(), organization.key.clone()),
                stored.id,
            );
        }

        let mut people: HashMap<&str, PersonId> = HashMap::new();
        for person in &initiative.people {
            let organization = organizations
                .get(&(initiative.key.clone(), person.organization.clone()))
                .ok_or_else(|| {
                    anyhow!(
                        "demo data: {} belongs to an unknown organization",
                        person.key
                    )
                })?;
            let form = PersonForm {
                organization_id: organization.to_string(),
                name: person.name.clone(),
                role_title: person.role_title.clone(),
                email: person.email.clone(),
                phone: person.phone.clone(),
            };
            let input = form.parse().map_err(|e| refused(&person.key, e))?;
            let stored = store.create_person(system, created.id, &input).await?;
            people.insert(person.key.as_str(), stored.id);
        }

        for body in &initiative.bodies {
            let form = BodyForm {
                name: body.name.clone(),
                kind: body.kind.clone(),
                mandate: body.mandate.clone(),
                cadence: body.cadence.clone(),
                cadence_every: body
                    .cadence_every
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                cadence_unit: body.cadence_unit.clone().unwrap_or_default(),
                goal: body.goal.clone().unwrap_or_default(),
            };
            let input = form.parse().map_err(|e| refused(&body.name, e))?;
            let stored = store.create_body(system, created.id, &input).await?;
            bodies.insert((initiative.key.clone(), body.key.clone()), stored.id);
            for member in &body.members {
                let person = people
                    .get(member.person.as_str())
                    .ok_or_else(|| anyhow!("demo data: unknown member {}", member.person))?;
                let form = MembershipForm {
                    person_id: person.to_string(),
                    role: member.role.clone(),
                    from: member.from.clone().unwrap_or_default(),
                    to: member.to.clone().unwrap_or_default(),
                };
                let input = form.parse().map_err(|e| refused(&member.person, e))?;
                store.create_membership(system, stored.id, &input).await?;
            }
            let seats = store
                .list_memberships(created.id, &MembershipFilter::default())
                .await?;
            let person = |key: &str| {
                people
                    .get(key)
                    .copied()
                    .ok_or_else(|| anyhow!("demo data: unknown person {key}"))
            };
            for meeting in &body.meetings {
                let mut agenda = Vec::new();
                for item in &meeting.agenda {
                    agenda.push(AgendaItemForm {
                        title: item.title.clone(),
                        minutes: item.minutes.map(|m| m.to_string()).unwrap_or_default(),
                        presenter_id: match &item.presenter {
                            Some(key) => person(key)?.to_string(),
                            None => String::new(),
                        },
                        ..Default::default()
                    });
                }
                let form = MeetingForm {
                    starts_at: meeting.starts_at.clone(),
                    duration_minutes: meeting.duration_minutes.to_string(),
                    location: meeting.location.clone().unwrap_or_default(),
                    objectives: meeting.objectives.clone().unwrap_or_default(),
                    agenda,
                };
                let input = form.parse().map_err(|e| refused(&meeting.starts_at, e))?;
                let invitees = seated_on(&seats, stored.id, input.starts_at.date());
                let planned = store
                    .create_meeting(system, stored.id, &input, &invitees)
                    .await?;
                if meeting.invitations_sent {
                    store.send_invitations(system, planned.id, 0, &[]).await?;
                    for answer in &meeting.answers {
                        let answer_of = MeetingAnswer::parse(&answer.answer)
                            .map_err(|e| anyhow!("demo data: answer {}: {e}", answer.answer))?;
                        store
                            .record_answer(system, planned.id, person(&answer.person)?, answer_of)
                            .await?;
                    }
                }
                if meeting.held {
                    let absent = meeting
                        .absent
                        .iter()
                        .map(|key| person(key))
                        .collect::<anyhow::Result<Vec<_>>>()?;
                    let mut came: Vec<PersonId> = invitees
                        .iter()
                        .copied()
                        .filter(|p| !absent.contains(p))
                        .collect();
                    for key in &meeting.guests {
                        came.push(person(key)?);
                    }
                    store.record_attendance(system, planned.id, &came).await?;
                    let minutes: Vec<ItemMinutes> = meeting
                        .agenda
                        .iter()
                        .map(|item| ItemMinutes {
                            notes: item.notes.clone(),
                            covered: item.covered.unwrap_or(true),
                        })
                        .collect();
                    store.record_minutes(system, planned.id, &minutes).await?;
                    for decision in &meeting.decisions {
                        let mut input = MeetingDecisionForm {
                            text: decision.text.clone(),
                            kind: decision.kind.clone(),
                            ..Default::default()
                        }
                        .in_log(stored.id, input.starts_at.date())
                        .parse()
                        .map_err(|e| refused(&decision.text, e))?;
                        input.meeting_id = Some(planned.id);
                        store.create_decision(system, created.id, &input).await?;
                    }
                    for action in &meeting.actions {
                        let form = ActionItemForm {
                            title: action.title.clone(),
                            owner_person_id: match &action.person {
                                Some(key) => person(key)?.to_string(),
                                None => String::new(),
                            },
                            owner_organization_id: match &action.organization {
                                Some(key) => organizations
                                    .get(&(initiative.key.clone(), key.clone()))
                                    .ok_or_else(|| {
                                        anyhow!("demo data: unknown organization {key}")
                                    })?
                                    .to_string(),
                                None => String::new(),
                            },
                            due_on: action.due_on.clone().unwrap_or_default(),
                            ..Default::default()
                        };
                        let given = store
                            .create_action_item(
                                system,
                                planned.id,
                                &form.parse().map_err(|e| refused(&action.title, e))?,
                            )
                            .await?;
                        if let Some(done_on) = &action.done_on {
                            let status = ActionStatusForm {
                                done: "true".into(),
                                note: action.note.clone().unwrap_or_default(),
                                done_on: done_on.clone(),
                            }
                            .parse(chrono::Utc::now().date_naive())
                            .map_err(|e| refused(&action.title, e))?;
                            store.set_action_status(system, given.id, &status).await?;
                        }
                    }
                }
            }
        }
    }

    for initiative in &demo.initiatives {
        load_updates(store, initiative, &initiatives, &organizations, &bodies).await?;
    }

    let keys = Keys {
        initiatives: &initiatives,
        organizations: &organizations,
        bodies: &bodies,
    };
    let results = crate::demo_agenda::load(store, &keys).await?;
    crate::demo_measurement::load(store, &keys, &results).await?;
    crate::demo_activities::load(store, &keys, &results)
        .await
        .context("the demo programs")?;
    crate::demo_commitments::load(store, &keys, &results)
        .await
        .context("the demo commitments and funding requests")?;
    crate::demo_commitments::load_contribution(store, &keys, &results)
        .await
        .context("the demo's contribution figures")?;

    // One hash for every demo account: they share the password, and argon2 is slow on
    // purpose, so hashing it once keeps the start quick and the memory small.
    let new_user = |email: &str, name: &str, is_admin: bool| -> anyhow::Result<NewUser> {
        Ok(NewUser {
            email: Email::parse(email).map_err(|e| anyhow!("demo account {email}: {e}"))?,
            name: Name::parse(name).map_err(|e| anyhow!("demo account {email}: {e}"))?,
            password_hash: password_hash.to_string(),
            is_admin,
            language: "he".into(),
        })
    };
    store
        .create_user(system, new_user(ADMIN_EMAIL, &demo.admin_name, true)?)
        .await?;
    for user in &demo.users {
        let created = store
            .create_user(system, new_user(&user.email, &user.name, false)?)
            .await?;
        let initiative = *initiatives
            .get(&user.initiative)
            .ok_or_else(|| anyhow!("demo data: unknown initiative {}", user.initiative))?;
        let role = Role::parse(&user.role)
            .map_err(|_| anyhow!("demo data: unknown role {}", user.role))?;
        let organization_id = match &user.organization {
            Some(key) => Some(
                *organizations
                    .get(&(user.initiative.clone(), key.clone()))
                    .ok_or_else(|| anyhow!("demo data: unknown organization {key}"))?,
            ),
            None => None,
        };
        store
            .grant_role(
                system,
                initiative,
                created.id,
                Grant {
                    role,
                    organization_id,
                },
            )
            .await?;
    }
    Ok(())
}

/// The initiative's contact plans and updates, once its partners, people and bodies are in.
async fn load_updates(
    store: &dyn Store,
    initiative: &DemoInitiative,
    initiatives: &HashMap<String, InitiativeId>,
    organizations: &HashMap<(String, String), OrganizationId>,
    bodies: &HashMap<(String, String), BodyId>,
) -> anyhow::Result<()> {
    let system = Actor::system();
    let id = initiatives[&initiative.key];
    for organization in &initiative.organizations {
        let Some(contact) = &organization.contact else {
            continue;
        };
        let plan = ContactPlanForm {
            purpose: contact.purpose.clone(),
            channel: contact.channel.clone(),
            every: contact.every.to_string(),
            unit: contact.unit.clone(),
        }
        .parse()
        .map_err(|e| refused(&organization.key, e))?;
        let organization_id = organizations[&(initiative.key.clone(), organization.key.clone())];
        store
            .set_contact_plan(system, organization_id, &plan)
            .await?;
    }
    for file in &initiative.documents {
        let body = match &file.body {
            Some(key) => Some(
                *bodies
                    .get(&(initiative.key.clone(), key.clone()))
                    .ok_or_else(|| anyhow!("demo data: unknown body {key}"))?,
            ),
            None => None,
        };
        let meeting = match (&file.meeting, body) {
            (Some(starts_at), Some(body)) => Some(
                store
                    .meetings_of_body(body)
                    .await?
                    .into_iter()
                    .find(|m| m.starts_at.format("%Y-%m-%dT%H:%M").to_string() == *starts_at)
                    .ok_or_else(|| anyhow!("demo data: no meeting at {starts_at}"))?
                    .id,
            ),
            _ => None,
        };
        let input = DocumentForm {
            title: file.title.clone(),
            description: file.description.clone().unwrap_or_default(),
            body_id: body.map(|b| b.to_string()).unwrap_or_default(),
            visibility: file.visibility.clone(),
            meeting_id: meeting.map(|m| m.to_string()).unwrap_or_default(),
            ..Default::default()
        }
        .parse()
        .map_err(|e| refused(&file.title, e))?;
        let (headers, rows) = file
            .rows
            .split_first()
            .ok_or_else(|| anyhow!("demo data: {} has no rows", file.title))?;
        let bytes = Download {
            headers: headers.clone(),
            rows: rows.to_vec(),
            number_columns: Vec::new(),
        }
        .to_xlsx()?;
        let kind = kesher_domain::documents::file_kind(&bytes)
            .map_err(|e| anyhow!("demo data: {}: {e}", file.title))?;
        let sha = kesher_core::communication::documents::file_digest(&bytes);
        store
            .create_document(
                system,
                id,
                &input,
                NewFile {
                    file_name: &file.file_name,
                    media_type: kind.media_type,
                    sha256: &sha,
                    bytes: &bytes,
                },
            )
            .await?;
    }
    for update in &initiative.updates {
        let body_id = match &update.body {
            Some(key) => bodies
                .get(&(initiative.key.clone(), key.clone()))
                .ok_or_else(|| anyhow!("demo data: unknown body {key}"))?
                .to_string(),
            None => String::new(),
        };
        let input = UpdateForm {
            title: update.title.clone(),
            text: update.text.clone(),
            audience: update.audience.clone(),
            body_id,
            person_ids: Vec::new(),
        }
        .parse()
        .map_err(|e| refused(&update.title, e))?;
        let created = store.create_update(system, id, &input).await?;
        if update.sent {
            // Its audience as the product counts it: all partners, or the body's seats today.
            let seated = match created.body_id {
                Some(body) => Some(seated_on(
                    &store
                        .list_memberships(id, &MembershipFilter::default())
                        .await?,
                    body,
                    chrono::Utc::now().date_naive(),
                )),
                None => None,
            };
            let reach: Vec<UpdateRecipient> = store
                .list_people(id, &PersonFilter::default())
                .await?
                .into_iter()
                .filter(|p| p.email.is_some())
                .filter(|p| seated.as_ref().is_none_or(|s| s.contains(&p.id)))
                .map(|p| UpdateRecipient {
                    person_id: p.id,
                    mail: None,
                    stop_digest: SecretDigest(readable_random(32)),
                })
                .collect();
            store.send_update(system, created.id, &reach, &[]).await?;
        }
    }
    Ok(())
}

fn demo_accounts() -> anyhow::Result<Vec<String>> {
    let demo: DemoFile = toml::from_str(DEMO).context("reading the demo data")?;
    Ok(demo.users.into_iter().map(|u| u.email).collect())
}

fn loading_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".loading");
    db.with_file_name(name)
}

/// Creates the demo database if it does not exist (all or nothing: it is built beside the
/// target and moved into place when complete), sets the accounts' password, and opens it.
/// The password is `KESHER_ADMIN_PASSWORD` when set, otherwise a new one.
pub async fn prepare(db: &Path) -> anyhow::Result<(Kesher, DemoLogin)> {
    let password = match std::env::var("KESHER_ADMIN_PASSWORD") {
        Ok(chosen) if !chosen.is_empty() => {
            if chosen.chars().count() < kesher_domain::text::NewPassword::MIN {
                bail!(
                    "KESHER_ADMIN_PASSWORD must be at least {} characters",
                    kesher_domain::text::NewPassword::MIN
                );
            }
            chosen
        }
        _ => generate_password(),
    };
    prepare_with_password(db, password).await
}

/// [`prepare`] with a given password.
pub async fn prepare_with_password(
    db: &Path,
    password: String,
) -> anyhow::Result<(Kesher, DemoLogin)> {
    let accounts = demo_accounts()?;
    let chosen = NewPassword::parse(&password).map_err(|e| anyhow!("the demo password: {e}"))?;
    let password_hash = hash_password(&chosen).await.map_err(|e| anyhow!("{e}"))?;

    if !db.exists() {
        let loading = loading_path(db);
        for leftover in [
            loading.clone(),
            loading.with_extension("loading-wal"),
            loading.with_extension("loading-shm"),
        ] {
            let _ = std::fs::remove_file(leftover);
        }
        let (store, kesher) = server::open(&loading).await?;
        let mut loaded = load(&store, &password_hash).await;
        if loaded.is_ok() {
            // The indicators that follow a health figure get their values from the
            // meetings just loaded, as they would after any change to their record.
            for initiative in kesher_store::InitiativeStore::list_initiatives(&store).await? {
                if let Err(error) = kesher.refresh_health_indicators(initiative.id).await {
                    loaded = Err(anyhow!("{error}"));
                    break;
                }
            }
        }
        store.close().await;
        if let Err(error) = loaded {
            let _ = std::fs::remove_file(&loading);
            return Err(error.context("loading the demo"));
        }
        std::fs::rename(&loading, db)
            .with_context(|| format!("moving the demo database to {}", db.display()))?;
        tracing::info!(path = %db.display(), "demo database created");
    }

    let (store, kesher) = server::open(db).await?;
    // A reused demo takes this run's password (only the hash was ever stored).
    for email in std::iter::once(ADMIN_EMAIL.to_string()).chain(accounts.iter().cloned()) {
        let email = Email::parse(&email).map_err(|e| anyhow!("demo account {email}: {e}"))?;
        let account = store
            .user_credentials(&email)
            .await?
            .ok_or_else(|| anyhow!("the demo database lacks the account {}", email.as_str()))?;
        store
            .set_password(Actor::system(), account.user.id, &password_hash)
            .await?;
    }
    Ok((
        kesher,
        DemoLogin {
            admin_email: ADMIN_EMAIL.into(),
            password,
            other_accounts: accounts,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_data_parses_and_holds_what_the_issue_asks() {
        let demo: DemoFile = toml::from_str(DEMO).unwrap();
        let municipal = demo
            .initiatives
            .iter()
            .find(|i| i.key == "municipal")
            .unwrap();
        assert!((20..=30).contains(&municipal.organizations.len()));
        assert!((55..=65).contains(&municipal.people.len()));
        let groups = municipal
            .bodies
            .iter()
            .filter(|b| b.kind == "working_group")
            .count();
        assert_eq!(groups, 4);
        // The planning year's steering committees 1 to 5, the first four held.
        let steering = municipal
            .bodies
            .iter()
            .find(|b| b.kind == "steering_committee")
            .unwrap();
        assert_eq!(steering.meetings.len(), 5);
        assert_eq!(steering.meetings.iter().filter(|m| m.held).count(), 4);
        for meeting in municipal.bodies.iter().flat_map(|b| &b.meetings) {
            let agenda: u16 = meeting.agenda.iter().filter_map(|i| i.minutes).sum();
            assert!(
                agenda <= meeting.duration_minutes,
                "{}: the agenda overruns the meeting",
                meeting.starts_at
            );
        }
        for kind in ["steering_committee", "leading_team"] {
            assert!(municipal.bodies.iter().any(|b| b.kind == kind), "{kind}");
        }
        // An update in the archive and a draft; a contact plan for several partners.
        assert!(municipal.updates.iter().any(|u| u.sent));
        assert!(municipal.updates.iter().any(|u| !u.sent));
        // A library with a meeting's materials and a document for the backbone alone.
        assert!(municipal.documents.iter().any(|d| d.meeting.is_some()));
        assert!(
            municipal
                .documents
                .iter()
                .any(|d| d.visibility == "backbone")
        );
        assert!(
            municipal
                .organizations
                .iter()
                .filter(|o| o.contact.is_some())
                .count()
                >= 5
        );
        let children: Vec<_> = demo
            .initiatives
            .iter()
            .filter(|i| i.parent.as_deref() == Some("network"))
            .collect();
        assert_eq!(children.len(), 2);
        // A new user can try every role in both the municipal initiative and the network.
        for initiative in ["municipal", "network"] {
            for role in Role::ALL {
                assert!(
                    demo.users
                        .iter()
                        .any(|u| u.initiative == initiative && u.role == role.code()),
                    "no {} account in {initiative}",
                    role.code()
                );
            }
        }
    }

    #[test]
    fn generated_passwords_are_long_enough() {
        let password = generate_password();
        assert!(password.len() >= kesher_domain::text::NewPassword::MIN);
        assert_ne!(password, generate_password());
    }
}
