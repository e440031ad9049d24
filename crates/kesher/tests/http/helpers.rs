//! `TestApp`: starts Kesher on port 0 with its own database and a small network, and
//! signs in one client per role.

use std::collections::HashMap;
use std::sync::Arc;

use kesher_core::Kesher;
use kesher_core::accounts::UserForm;
use kesher_domain::access::{Grant, Role};
use kesher_domain::agenda::{
    AgendaForm, BoundaryForm, DecisionForm, DefinitionForm, DisputeForm, EndorsementForm,
    FieldChangeForm, ResultForm, TermForm,
};
use kesher_domain::bodies::{BodyForm, MembershipForm};
use kesher_domain::network::{InitiativeForm, OrganizationForm, PersonForm};
use kesher_domain::{
    AgendaVersionId, BodyId, DecisionId, DefinitionId, DisputeId, EndorsementId, FieldChangeId,
    InitiativeId, MembershipId, OrganizationId, PersonId, ResultNodeId, TermId, UserId,
};
use kesher_store::{Actor, Store};
use kesher_web::WebConfig;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use scraper::{Html, Selector};

pub const PASSWORD: &str = "a password for tests";

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Who {
    Anonymous,
    Admin,
    Backbone,
    /// Partner editor of organization A.
    Editor,
    Member,
    Viewer,
    /// Signed in, with no role in the initiative.
    Outsider,
}

impl Who {
    pub const ALL: [Who; 7] = [
        Who::Anonymous,
        Who::Admin,
        Who::Backbone,
        Who::Editor,
        Who::Member,
        Who::Viewer,
        Who::Outsider,
    ];

    pub fn email(self) -> &'static str {
        match self {
            Who::Anonymous => "",
            Who::Admin => "admin@example.org",
            Who::Backbone => "backbone@example.org",
            Who::Editor => "editor@example.org",
            Who::Member => "member@example.org",
            Who::Viewer => "viewer@example.org",
            Who::Outsider => "outsider@example.org",
        }
    }
}

/// The ids of the fixture's records.
#[derive(Clone, Copy, Debug)]
pub struct Fixture {
    pub initiative: InitiativeId,
    /// Another initiative, where no role but the admin's reaches.
    pub other_initiative: InitiativeId,
    /// The partner editor's organization.
    pub org_a: OrganizationId,
    pub org_b: OrganizationId,
    pub org_elsewhere: OrganizationId,
    pub person_a: PersonId,
    pub person_b: PersonId,
    pub steering: BodyId,
    pub group: BodyId,
    pub membership: MembershipId,
    /// An account with no role, for granting and revoking.
    pub spare_user: UserId,
    pub agenda: AgendaFixture,
}

/// The fixture's common agenda: two versions of the statements, a mission with one goal, a
/// glossary term, a decision, an open dispute raised by A, and one change in the field
/// each by A and by B.
#[derive(Clone, Copy, Debug)]
pub struct AgendaFixture {
    /// Version 2, the current one.
    pub version: AgendaVersionId,
    pub mission: ResultNodeId,
    pub goal: ResultNodeId,
    pub term: TermId,
    pub decision: DecisionId,
    pub dispute: DisputeId,
    pub change_a: FieldChangeId,
    pub change_b: FieldChangeId,
}

pub struct TestApp {
    pub address: String,
    pub kesher: Kesher,
    pub store: Arc<dyn Store>,
    pub fixture: Fixture,
    clients: HashMap<Who, Client>,
    tokens: HashMap<Who, String>,
    pub db_path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("http client")
}

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(WebConfig::default()).await
    }

    /// The application served with `config` (trusted proxies, say).
    pub async fn spawn_with(config: WebConfig) -> TestApp {
        let dir = tempfile::tempdir().expect("temporary directory");
        let db_path = dir.path().join("kesher.db");
        let (store, kesher) = kesher::server::open(&db_path)
            .await
            .expect("open the store");
        let store: Arc<dyn Store> = Arc::new(store);
        let fixture = seed(&kesher, store.as_ref()).await;
        let running = kesher::server::start(kesher.clone(), "127.0.0.1:0", config)
            .await
            .expect("start the server");
        let mut app = TestApp {
            address: format!("http://{}", running.address),
            kesher,
            store,
            fixture,
            clients: HashMap::new(),
            tokens: HashMap::new(),
            db_path,
            _dir: dir,
        };
        for who in Who::ALL {
            let client = client();
            if who != Who::Anonymous {
                app.sign_in(&client, who.email(), PASSWORD).await;
                let token = app
                    .kesher
                    .create_api_token(who.email(), "tests", 30, "tests")
                    .await
                    .expect("token");
                app.tokens.insert(who, token.expose().to_string());
            }
            app.clients.insert(who, client);
        }
        app
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn as_(&self, who: Who) -> &Client {
        &self.clients[&who]
    }

    /// Signs `client` in through the form; panics unless it succeeds.
    pub async fn sign_in(&self, client: &Client, email: &str, password: &str) {
        let response = self.try_sign_in(client, email, password).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "signing in {email}"
        );
    }

    pub async fn try_sign_in(&self, client: &Client, email: &str, password: &str) -> Response {
        let csrf = self.csrf_of(client, "/login").await;
        client
            .post(self.url("/login"))
            .form(&form(&[
                ("csrf", &csrf),
                ("email", email),
                ("password", password),
                ("next", "/"),
            ]))
            .send()
            .await
            .expect("sign in")
    }

    /// The CSRF token a page hands this client.
    pub async fn csrf_of(&self, client: &Client, page: &str) -> String {
        let html = client
            .get(self.url(page))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body");
        let document = Html::parse_document(&html);
        let selector = Selector::parse("input[name=csrf]").expect("selector");
        document
            .select(&selector)
            .next()
            .and_then(|e| e.value().attr("value"))
            .unwrap_or_else(|| panic!("no CSRF field on {page}"))
            .to_string()
    }

    pub async fn get(&self, who: Who, path: &str) -> Response {
        self.as_(who).get(self.url(path)).send().await.expect("GET")
    }

    /// Posts a form as `who`, with the CSRF token that client holds.
    pub async fn post(&self, who: Who, path: &str, fields: &[(&str, &str)]) -> Response {
        let client = self.as_(who);
        let page = if who == Who::Anonymous { "/login" } else { "/" };
        let csrf = self.csrf_of(client, page).await;
        let mut body = form(fields);
        body.push(("csrf".into(), csrf));
        client
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .expect("POST")
    }

    /// Posts a form without any CSRF token.
    pub async fn post_without_csrf(
        &self,
        who: Who,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        self.as_(who)
            .post(self.url(path))
            .form(&form(fields))
            .send()
            .await
            .expect("POST")
    }

    /// An API request with `who`'s bearer token (none for the anonymous).
    pub fn api(&self, who: Who, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let request = client().request(method, self.url(path));
        match self.tokens.get(&who) {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    /// A fresh organization in the initiative, for tests that change or delete one.
    pub async fn throwaway_organization(&self) -> OrganizationId {
        let n = rand::random::<u32>();
        let input = OrganizationForm {
            name: format!("ארגון זמני {n}"),
            sector: "business".into(),
            organization_type: "company".into(),
            ..Default::default()
        }
        .parse()
        .expect("organization");
        self.store
            .create_organization(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    /// A fresh person in organization A.
    pub async fn throwaway_person(&self) -> PersonId {
        let input = PersonForm {
            organization_id: self.fixture.org_a.to_string(),
            name: format!("אדם זמני {}", rand::random::<u32>()),
            ..Default::default()
        }
        .parse()
        .expect("person");
        self.store
            .create_person(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    pub async fn throwaway_body(&self) -> BodyId {
        let input = BodyForm {
            name: format!("ועדה זמנית {}", rand::random::<u32>()),
            kind: "subcommittee".into(),
            ..Default::default()
        }
        .parse()
        .expect("body");
        self.store
            .create_body(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    /// A fresh meeting of the fixture's working group.
    /// A meeting already held, with its attendance recorded (so decisions and a summary
    /// may follow).
    pub async fn throwaway_meeting(&self) -> kesher_domain::MeetingId {
        let input = kesher_domain::meetings::MeetingForm {
            starts_at: "2026-11-10T17:00".into(),
            duration_minutes: "60".into(),
            agenda: vec![kesher_domain::meetings::AgendaItemForm {
                title: "פתיחה".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
        .parse()
        .expect("meeting");
        let id = self
            .store
            .create_meeting(
                Actor::system(),
                self.fixture.group,
                &input,
                &[self.fixture.person_a],
            )
            .await
            .expect("create")
            .id;
        self.store
            .record_attendance(Actor::system(), id, &[self.fixture.person_a])
            .await
            .expect("attendance");
        id
    }

    /// A document everyone in the initiative sees, with one version.
    pub async fn throwaway_document(&self) -> kesher_store::Document {
        let input = kesher_domain::documents::DocumentForm {
            title: "מצגת".into(),
            visibility: "initiative".into(),
            ..Default::default()
        }
        .parse()
        .expect("document");
        self.store
            .create_document(
                Actor::system(),
                self.fixture.initiative,
                &input,
                kesher_store::NewFile {
                    file_name: "deck.pdf",
                    media_type: "application/pdf",
                    sha256: "00",
                    bytes: b"%PDF-1.7",
                },
            )
            .await
            .expect("create")
    }

    /// An update to all partners: a draft, or (with `sent`) one already sent.
    pub async fn throwaway_update(&self, sent: bool) -> kesher_domain::UpdateId {
        let input = kesher_domain::updates::UpdateForm {
            title: "עדכון".into(),
            text: "## החלטות\n* הוחלט".into(),
            audience: "partners".into(),
            ..Default::default()
        }
        .parse()
        .expect("update");
        let update = self
            .store
            .create_update(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create");
        if sent {
            self.store
                .send_update(Actor::system(), update.id, &[], &[])
                .await
                .expect("send");
        }
        update.id
    }

    /// A program of organization A (the partner editor's), or of B, serving the agenda's goal.
    pub async fn throwaway_program(&self, of_a: bool) -> kesher_domain::ProgramId {
        let organization = if of_a {
            self.fixture.org_a
        } else {
            self.fixture.org_b
        };
        let input = kesher_domain::activities::programs::ProgramForm {
            organization_id: organization.to_string(),
            name: format!("תוכנית {}", rand::random::<u32>()),
            result_ids: vec![self.fixture.agenda.goal.get()],
            ..Default::default()
        }
        .parse()
        .expect("program");
        self.store
            .create_program(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    /// Someone who speaks for a new funding organization (a foundation) in the initiative,
    /// as its partner editor or as a member naming it: (the organization, an API token, a
    /// signed-in client).
    pub async fn funder(&self, name: &str, role: Role) -> (OrganizationId, String, Client) {
        let organization = self
            .store
            .create_organization(
                Actor::system(),
                self.fixture.initiative,
                &OrganizationForm {
                    name: name.into(),
                    sector: "philanthropy".into(),
                    organization_type: "foundation".into(),
                    ..Default::default()
                }
                .parse()
                .expect("organization"),
            )
            .await
            .expect("funder")
            .id;
        let email = format!("funder{}@example.org", rand::random::<u32>());
        let user = self
            .kesher
            .create_user(
                None,
                &UserForm {
                    email: email.clone(),
                    name: name.into(),
                    password: PASSWORD.into(),
                    is_admin: String::new(),
                },
            )
            .await
            .expect("user");
        self.kesher
            .grant_role_as_system(
                self.fixture.initiative,
                user.id,
                Grant {
                    role,
                    organization_id: Some(organization),
                },
            )
            .await
            .expect("grant");
        let token = self
            .kesher
            .create_api_token(&email, "tests", 30, "tests")
            .await
            .expect("token");
        let signed_in = client();
        self.sign_in(&signed_in, &email, PASSWORD).await;
        (organization, token.expose().to_string(), signed_in)
    }

    /// A commitment of organization A (the partner editor's) or of B, to the goal.
    pub async fn throwaway_commitment(&self, of_a: bool) -> kesher_domain::CommitmentId {
        let organization = if of_a {
            self.fixture.org_a
        } else {
            self.fixture.org_b
        };
        let input = kesher_domain::activities::commitments::CommitmentForm {
            organization_id: organization.to_string(),
            result_id: self.fixture.agenda.goal.to_string(),
            kind: "money".into(),
            promise: format!("מלגות {}", rand::random::<u32>()),
            amount: "50000".into(),
            due: "2027-06-30".into(),
            ..Default::default()
        }
        .parse()
        .expect("commitment");
        self.store
            .create_commitment(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    /// A joint funding request of organization A (the partner editor's) or of B.
    pub async fn throwaway_funding_request(&self, of_a: bool) -> kesher_domain::FundingRequestId {
        let organization = if of_a {
            self.fixture.org_a
        } else {
            self.fixture.org_b
        };
        let input = kesher_domain::activities::funding::FundingRequestForm {
            organization_id: organization.to_string(),
            title: format!("מעבדה {}", rand::random::<u32>()),
            description: "ציוד למעבדה".into(),
            amount: "200000".into(),
            ..Default::default()
        }
        .parse()
        .expect("request");
        self.store
            .create_funding_request(Actor::system(), self.fixture.initiative, &input)
            .await
            .expect("create")
            .id
    }

    /// A draft annual plan with a row carried out by organization A (the partner editor's)
    /// and one by B: (plan, row of A, row of B).
    pub async fn throwaway_plan(
        &self,
    ) -> (
        kesher_domain::WorkPlanId,
        kesher_domain::WorkPlanItemId,
        kesher_domain::WorkPlanItemId,
    ) {
        use kesher_domain::activities::work_plan::*;
        let row = |org: OrganizationId| PlanItemInput {
            result_id: self.fixture.agenda.goal,
            title: None,
            executor: Executor::Organization(org),
            program_id: None,
            budget_planned: Some(1_000),
            budget_actual: None,
            status: ItemStatus::Planned,
            notes: None,
        };
        let plan = self
            .store
            .create_work_plan(
                Actor::system(),
                self.fixture.initiative,
                &PlanInput {
                    kind: PlanKind::Annual,
                    title: "תוכנית".into(),
                    first_year: 2026,
                    last_year: 2026,
                },
                &[row(self.fixture.org_a), row(self.fixture.org_b)],
            )
            .await
            .expect("plan");
        (plan.id, plan.items[0].id, plan.items[1].id)
    }

    /// An action item carried by organization A (the partner editor's).
    pub async fn throwaway_action_item(&self) -> kesher_domain::ActionItemId {
        let meeting = self.throwaway_meeting().await;
        let input = kesher_domain::meetings::ActionItemForm {
            title: "לאסוף נתונים".into(),
            owner_organization_id: self.fixture.org_a.to_string(),
            ..Default::default()
        }
        .parse()
        .expect("action item");
        self.store
            .create_action_item(Actor::system(), meeting, &input)
            .await
            .expect("create")
            .id
    }

    pub async fn throwaway_membership(&self) -> MembershipId {
        let input = MembershipForm {
            person_id: self.fixture.person_b.to_string(),
            role: "member".into(),
            ..Default::default()
        }
        .parse()
        .expect("membership");
        self.store
            .create_membership(Actor::system(), self.fixture.group, &input)
            .await
            .expect("create")
            .id
    }

    /// The core's view of a signed-in role, to prepare records the way its pages would.
    pub async fn caller(&self, who: Who) -> kesher_core::Caller {
        let user = self
            .store
            .user_credentials(&kesher_domain::text::Email::parse(who.email()).unwrap())
            .await
            .unwrap()
            .expect("a user")
            .user;
        kesher_core::Caller { user }
    }

    /// A fresh leaf under the fixture's goal, for tests that move or delete one.
    pub async fn throwaway_result(&self) -> ResultNodeId {
        let form = ResultForm {
            parent_id: self.fixture.agenda.goal.to_string(),
            kind: "lever".into(),
            title: format!("מנוף זמני {}", rand::random::<u32>()),
            status: "proposed".into(),
            ..Default::default()
        };
        let backbone = self.caller(Who::Backbone).await;
        let i = self.fixture.initiative;
        self.kesher
            .create_result(&backbone, i, &form)
            .await
            .unwrap()
            .id
    }

    /// A fresh proposal for the fixture's term, not yet adopted.
    pub async fn throwaway_definition(&self) -> DefinitionId {
        let form = DefinitionForm {
            definition: format!("הגדרה מוצעת {}", rand::random::<u32>()),
            proposed_by_organization_id: String::new(),
        };
        let backbone = self.caller(Who::Backbone).await;
        let term = self
            .kesher
            .propose_definition(&backbone, self.fixture.agenda.term, &form)
            .await
            .unwrap();
        term.definitions.iter().max_by_key(|d| d.number).unwrap().id
    }

    pub async fn throwaway_decision(&self) -> DecisionId {
        let form = DecisionForm {
            decided_on: "2026-02-01".into(),
            kind: "formal".into(),
            text: format!("החלטה זמנית {}", rand::random::<u32>()),
            ..Default::default()
        };
        let backbone = self.caller(Who::Backbone).await;
        let i = self.fixture.initiative;
        self.kesher
            .create_decision(&backbone, i, &form)
            .await
            .unwrap()
            .id
    }

    /// A fresh open dispute, so each role's resolution starts from "open".
    pub async fn throwaway_dispute(&self) -> DisputeId {
        let form = DisputeForm {
            question: format!("שאלה זמנית {}?", rand::random::<u32>()),
            ..Default::default()
        };
        let backbone = self.caller(Who::Backbone).await;
        let i = self.fixture.initiative;
        self.kesher
            .create_dispute(&backbone, i, &form)
            .await
            .unwrap()
            .id
    }

    /// A fresh organization's endorsement of the current version.
    pub async fn throwaway_endorsement(&self) -> EndorsementId {
        let organization = self.throwaway_organization().await;
        let form = EndorsementForm {
            organization_id: organization.to_string(),
            version: "2".into(),
            signed_on: "2026-02-01".into(),
            signed_by: "מנכ״לית".into(),
        };
        let backbone = self.caller(Who::Backbone).await;
        let i = self.fixture.initiative;
        self.kesher
            .create_endorsement(&backbone, i, &form)
            .await
            .unwrap()
            .id
    }

    /// A fresh change in the field by organization A.
    pub async fn throwaway_change_a(&self) -> FieldChangeId {
        let form = FieldChangeForm {
            organization_id: self.fixture.org_a.to_string(),
            result_id: String::new(),
            before: "לפני".into(),
            now: format!("אחרי {}", rand::random::<u32>()),
            noted_on: "2026-04-01".into(),
        };
        let backbone = self.caller(Who::Backbone).await;
        let i = self.fixture.initiative;
        self.kesher
            .create_field_change(&backbone, i, &form)
            .await
            .unwrap()
            .id
    }

    /// How many organizations, people and audit entries the initiative holds.
    pub async fn counts(&self) -> (usize, usize, usize) {
        let i = self.fixture.initiative;
        let organizations = self
            .store
            .list_organizations(i, &Default::default())
            .await
            .expect("list")
            .len();
        let people = self
            .store
            .list_people(i, &Default::default())
            .await
            .expect("list")
            .len();
        let audit = self
            .store
            .audit_entries(&kesher_store::AuditFilter {
                initiative_id: Some(i),
                subjects: vec![],
                limit: 10_000,
            })
            .await
            .expect("audit")
            .len();
        (organizations, people, audit)
    }
}

/// One initiative with two organizations, three people, a steering committee and a working
/// group; a second initiative; and one account per role.
async fn seed(kesher: &Kesher, store: &dyn Store) -> Fixture {
    let system = Actor::system();
    let initiative = store
        .create_initiative(
            system,
            &InitiativeForm {
                name: "אקוסיסטם הבדיקות".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let other = store
        .create_initiative(
            system,
            &InitiativeForm {
                name: "יוזמה אחרת".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let organization = |name: &str, sector: &str, kind: &str, tags: &str| {
        OrganizationForm {
            name: name.into(),
            sector: sector.into(),
            organization_type: kind.into(),
            tags: tags.into(),
            description: "ערך לדוגמה".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let org_a = store
        .create_organization(
            system,
            initiative.id,
            &organization("עמותת מדע בשכונה", "third_sector", "ngo", "רובוטיקה, בנות"),
        )
        .await
        .unwrap();
    let org_b = store
        .create_organization(
            system,
            initiative.id,
            &organization("עיריית הדוגמה", "public", "local_authority", "מדיניות"),
        )
        .await
        .unwrap();
    let org_elsewhere = store
        .create_organization(
            system,
            other.id,
            &organization("קרן רחוקה", "philanthropy", "foundation", ""),
        )
        .await
        .unwrap();
    let person = |org: OrganizationId, name: &str, email: &str| {
        PersonForm {
            organization_id: org.to_string(),
            name: name.into(),
            role_title: "רכזת".into(),
            email: email.into(),
            phone: "050-1234567".into(),
        }
        .parse()
        .unwrap()
    };
    let person_a = store
        .create_person(
            system,
            initiative.id,
            &person(org_a.id, "דנה לוי", "dana@example.org"),
        )
        .await
        .unwrap();
    let person_b = store
        .create_person(
            system,
            initiative.id,
            &person(org_b.id, "יוסי כהן", "yossi@example.org"),
        )
        .await
        .unwrap();
    store
        .create_person(
            system,
            initiative.id,
            &person(org_b.id, "רונית בר", "ronit@example.org"),
        )
        .await
        .unwrap();
    let steering = store
        .create_body(
            system,
            initiative.id,
            &BodyForm {
                name: "ועדת ההיגוי".into(),
                kind: "steering_committee".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let group = store
        .create_body(
            system,
            initiative.id,
            &BodyForm {
                name: "קבוצת עבודה מתמטיקה".into(),
                kind: "working_group".into(),
                cadence: "אחת לחודש".into(),
                cadence_every: "1".into(),
                cadence_unit: "months".into(),
                goal: "5 יחידות מתמטיקה".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let seat = |person: PersonId, role: &str| {
        MembershipForm {
            person_id: person.to_string(),
            role: role.into(),
            from: "2025-09-01".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let membership = store
        .create_membership(system, group.id, &seat(person_a.id, "co_chair"))
        .await
        .unwrap();
    store
        .create_membership(system, steering.id, &seat(person_b.id, "chair"))
        .await
        .unwrap();

    let spare = kesher
        .create_user(
            None,
            &UserForm {
                email: "spare@example.org".into(),
                name: "Spare".into(),
                password: PASSWORD.into(),
                is_admin: String::new(),
            },
        )
        .await
        .unwrap();
    let mut backbone = None;
    for who in Who::ALL.into_iter().filter(|w| *w != Who::Anonymous) {
        let user = kesher
            .create_user(
                None,
                &UserForm {
                    email: who.email().into(),
                    name: format!("{who:?}"),
                    password: PASSWORD.into(),
                    is_admin: (who == Who::Admin).to_string(),
                },
            )
            .await
            .unwrap();
        let grant = match who {
            Who::Backbone => Some(Grant {
                role: Role::Backbone,
                organization_id: None,
            }),
            Who::Editor => Some(Grant {
                role: Role::PartnerEditor,
                organization_id: Some(org_a.id),
            }),
            Who::Member => Some(Grant {
                role: Role::Member,
                organization_id: None,
            }),
            Who::Viewer => Some(Grant {
                role: Role::Viewer,
                organization_id: None,
            }),
            _ => None,
        };
        if let Some(grant) = grant {
            kesher
                .grant_role_as_system(initiative.id, user.id, grant)
                .await
                .unwrap();
        }
        if who == Who::Backbone {
            backbone = Some(user);
        }
    }
    let backbone = kesher_core::Caller {
        user: backbone.expect("the backbone user"),
    };
    let agenda = seed_agenda(kesher, &backbone, initiative.id, org_a.id, org_b.id).await;
    Fixture {
        initiative: initiative.id,
        other_initiative: other.id,
        org_a: org_a.id,
        org_b: org_b.id,
        org_elsewhere: org_elsewhere.id,
        person_a: person_a.id,
        person_b: person_b.id,
        steering: steering.id,
        group: group.id,
        membership: membership.id,
        spare_user: spare.id,
        agenda,
    }
}

async fn seed_agenda(
    kesher: &Kesher,
    backbone: &kesher_core::Caller,
    initiative: InitiativeId,
    org_a: OrganizationId,
    org_b: OrganizationId,
) -> AgendaFixture {
    let mut statements = AgendaForm {
        problem: "מעט תלמידים בעיר לומדים מתמטיקה ברמה מוגברת".into(),
        vision: "כל ילד וילדה בעיר יוכלו לבחור במדע".into(),
        mission: "להגדיל את מספר התלמידים הלומדים מדע ברמה מוגברת".into(),
        boundaries: vec![BoundaryForm {
            dimension: "subject".into(),
            scope: "in".into(),
            item: "מתמטיקה".into(),
            reason: String::new(),
        }],
        ..Default::default()
    };
    kesher
        .revise_agenda(backbone, initiative, &statements)
        .await
        .unwrap();
    statements.mission = "להגדיל את מספר התלמידות והתלמידים הלומדים מדע ברמה מוגברת".into();
    let version = kesher
        .revise_agenda(backbone, initiative, &statements)
        .await
        .unwrap()
        .version;
    let node = |parent: Option<ResultNodeId>, kind: &str, title: &str| ResultForm {
        parent_id: parent.map(|p| p.to_string()).unwrap_or_default(),
        kind: kind.into(),
        title: title.into(),
        status: "agreed".into(),
        ..Default::default()
    };
    let mission = kesher
        .create_result(
            backbone,
            initiative,
            &node(None, "mission", "יותר תלמידים במדע"),
        )
        .await
        .unwrap();
    let goal = kesher
        .create_result(
            backbone,
            initiative,
            &node(Some(mission.id), "goal", "ממוצע ארצי בבגרות 5 יחידות"),
        )
        .await
        .unwrap();
    let term = kesher
        .create_term(
            backbone,
            initiative,
            &TermForm {
                term: "לומד ברמה מוגברת".into(),
                definition: "תלמיד שניגש לבחינת בגרות ברמת 5 יחידות".into(),
                proposed_by_organization_id: org_a.to_string(),
            },
        )
        .await
        .unwrap();
    let decision = kesher
        .create_decision(
            backbone,
            initiative,
            &DecisionForm {
                decided_on: "2026-01-15".into(),
                kind: "consensus".into(),
                text: "ועדת ההיגוי אישרה את הנוסח השני".into(),
                result_ids: vec![goal.id.get()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let dispute = kesher
        .create_dispute(
            backbone,
            initiative,
            &DisputeForm {
                question: "האם סופרים את הניגשים או את העוברים?".into(),
                raised_by_organization_id: org_a.to_string(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let change = |org: OrganizationId, now: &str| FieldChangeForm {
        organization_id: org.to_string(),
        result_id: goal.id.to_string(),
        before: "פעילות חד־פעמית".into(),
        now: now.into(),
        noted_on: "2026-03-01".into(),
    };
    let change_a = kesher
        .create_field_change(backbone, initiative, &change(org_a, "חוג שבועי קבוע"))
        .await
        .unwrap();
    let change_b = kesher
        .create_field_change(backbone, initiative, &change(org_b, "תקציב למגמות"))
        .await
        .unwrap();
    AgendaFixture {
        version: version.id,
        mission: mission.id,
        goal: goal.id,
        term: term.id,
        decision: decision.id,
        dispute: dispute.id,
        change_a: change_a.id,
        change_b: change_b.id,
    }
}

/// Parses a page for CSS-selector checks.
pub async fn document(response: Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The texts of the elements `selector` picks.
pub fn texts(document: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        // Text nodes are joined with a space: table cells sit side by side in the markup.
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The value of `attribute` on the first element `selector` picks.
pub fn attribute(document: &Html, selector: &str, attribute: &str) -> Option<String> {
    let selector = Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr(attribute))
        .map(str::to_string)
}
