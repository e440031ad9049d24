//! The figure cache is right only if every write of an initiative's data moves its data
//! version. One case walks every such write method, in an order that lets each find the
//! records it needs, and checks the version after each; on the way it reads each record
//! back through its own getter.

use kesher_domain::access::{Grant, Role};
use kesher_domain::agenda::{
    AdoptionForm, AgendaForm, CommentForm, DecisionForm, DefinitionForm, DisputeForm,
    DisputeStatusForm, EndorsementForm, FieldChangeForm, PositionForm, ResultForm, TermForm,
};
use kesher_domain::bodies::{BodyForm, MembershipForm};
use kesher_domain::import::{Change, ImportPlan, PlannedOrganization};
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::measurement::quality::{Comparison, ValidationRule};
use kesher_domain::measurement::values::{SourceKind, TargetForm, ValueState};
use kesher_domain::meetings::{AgendaItemForm, MeetingForm};
use kesher_domain::network::{InitiativeForm, OrganizationForm, PersonForm};
use kesher_domain::text::{Email, Name};
use kesher_domain::{PlaceId, ResultNodeId};

use super::measurement::indicator_input;
use super::{initiative, system};
use crate::*;

/// The write methods that touch no initiative's data, and so need not move a data
/// version: accounts, sessions, tokens, import drafts (a preview, not data), and creating
/// the initiative itself. `tests/suite_covers_every_method.rs` holds every other write
/// method of the store traits to appearing in the case below.
pub const WRITES_OUTSIDE_AN_INITIATIVE: &[&str] = &[
    "create_user",
    "set_password",
    "update_profile",
    "change_email",
    "create_session",
    "delete_session",
    "delete_expired_sessions",
    "create_api_token",
    "revoke_api_token",
    "mark_api_token_used",
    "set_user_disabled",
    "save_import_draft",
    "delete_import_draft",
    "delete_import_drafts_before",
    "create_initiative",
    // Invitations bring people in; they change no figure.
    "create_invitation",
    "renew_invitation",
    "revoke_invitation",
    "set_notification_mode",
];

pub async fn every_write_moves_the_data_version(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let bystander = initiative(store, "שכנה").await;
    let bystander_version = store.data_version(bystander.id).await.unwrap();
    let mut version = store.data_version(here.id).await.unwrap();
    assert!(version > 0, "creating the initiative is its first change");

    // `moves!("name", call)`: runs the write, insists it succeeded and moved the version.
    macro_rules! moves {
        ($method:literal, $call:expr) => {{
            let out = $call
                .await
                .unwrap_or_else(|e| panic!("{} failed: {e:?}", $method));
            let now = store.data_version(here.id).await.unwrap();
            assert!(now > version, "{} did not move the data version", $method);
            version = now;
            out
        }};
    }
    let name = |s: &str| Name::parse(s).unwrap();

    // ---- the initiative, its partners, people and bodies ----
    let renamed = moves!(
        "update_initiative",
        store.update_initiative(
            system(),
            here.id,
            &InitiativeForm {
                name: "כאן ועכשיו".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        )
    );
    assert_eq!(store.initiative(here.id).await.unwrap(), renamed);
    let organization = |n: &str| {
        OrganizationForm {
            name: n.into(),
            sector: "third_sector".into(),
            organization_type: "ngo".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let org = moves!(
        "create_organization",
        store.create_organization(system(), here.id, &organization("עמותה"))
    );
    moves!(
        "update_organization",
        store.update_organization(system(), org.id, &organization("עמותת אור"))
    );
    let plan = ImportPlan {
        organizations: vec![PlannedOrganization {
            line: 2,
            change: Change::Create,
            input: organization("מהקובץ"),
        }],
        people: vec![],
    };
    moves!("apply_import", store.apply_import(system(), here.id, &plan));
    let from_file = store
        .list_organizations(here.id, &OrganizationFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.name == "מהקובץ")
        .unwrap();
    moves!(
        "delete_organization",
        store.delete_organization(system(), from_file.id)
    );
    let person_form = |n: &str| {
        PersonForm {
            organization_id: org.id.to_string(),
            name: n.into(),
            email: "noa@example.org".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let person = moves!(
        "create_person",
        store.create_person(system(), here.id, &person_form("נועה"))
    );
    let person = moves!(
        "update_person",
        store.update_person(system(), person.id, &person_form("נועה כהן"))
    );
    assert_eq!(store.person(person.id).await.unwrap(), person);
    let body_form = |n: &str| {
        BodyForm {
            name: n.into(),
            kind: "steering_committee".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let body = moves!(
        "create_body",
        store.create_body(system(), here.id, &body_form("ועדת היגוי"))
    );
    let body = moves!(
        "update_body",
        store.update_body(system(), body.id, &body_form("ועדת ההיגוי"))
    );
    assert_eq!(store.body(body.id).await.unwrap(), body);
    let seat = |role: &str| {
        MembershipForm {
            person_id: person.id.to_string(),
            role: role.into(),
            from: "2025-09-01".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let membership = moves!(
        "create_membership",
        store.create_membership(system(), body.id, &seat("member"))
    );
    let membership = moves!(
        "update_membership",
        store.update_membership(system(), membership.id, &seat("chair"))
    );
    assert_eq!(store.membership(membership.id).await.unwrap(), membership);
    moves!(
        "delete_membership",
        store.delete_membership(system(), membership.id)
    );
    // A meeting keeps its people and its body on record, so it has its own of each.
    let council = store
        .create_body(system(), here.id, &body_form("מועצת התלמידים"))
        .await
        .unwrap();
    let guest = store
        .create_person(
            system(),
            here.id,
            &PersonForm {
                organization_id: org.id.to_string(),
                name: "אורחת".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let meeting_form = |item: &str| {
        MeetingForm {
            starts_at: "2027-01-10T17:00".into(),
            duration_minutes: "90".into(),
            agenda: vec![AgendaItemForm {
                title: item.into(),
                minutes: "30".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let meeting = moves!(
        "create_meeting",
        store.create_meeting(system(), council.id, &meeting_form("פתיחה"), &[guest.id])
    );
    moves!(
        "update_meeting",
        store.update_meeting(system(), meeting.id, &meeting_form("פתיחה וסבב היכרות"))
    );
    let meeting = moves!(
        "record_attendance",
        store.record_attendance(system(), meeting.id, &[guest.id])
    );
    assert_eq!(store.meeting(meeting.id).await.unwrap(), meeting);
    moves!(
        "record_minutes",
        store.record_minutes(
            system(),
            meeting.id,
            &[kesher_domain::meetings::ItemMinutes {
                notes: Some("סוכם".into()),
                covered: true,
            }]
        )
    );
    let action = moves!(
        "create_action_item",
        store.create_action_item(
            system(),
            meeting.id,
            &kesher_domain::meetings::ActionItemForm {
                title: "להזמין דוברים".into(),
                owner_person_id: guest.id.to_string(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        )
    );
    moves!(
        "set_action_status",
        store.set_action_status(
            system(),
            action.id,
            &kesher_domain::meetings::ActionStatus {
                done: true,
                note: None,
                done_at: None,
            }
        )
    );
    assert_eq!(store.action_item(action.id).await.unwrap().id, action.id);
    moves!(
        "finalize_meeting",
        store.finalize_meeting(system(), meeting.id, &[])
    );
    let letter = crate::MeetingLetter {
        person: guest.id,
        mail: crate::NewMail {
            initiative_id: Some(here.id),
            kind: "meeting_invitation".into(),
            to_address: "guest@example.org".into(),
            subject: "הזמנה".into(),
            text_body: "t".into(),
            html_body: "h".into(),
            list_unsubscribe: None,
            calendar: Some(crate::MailCalendar {
                method: "REQUEST".into(),
                text: "BEGIN:VCALENDAR".into(),
            }),
        },
        answer_digest: crate::SecretDigest("answer-digest".into()),
    };
    let invited = moves!(
        "send_invitations",
        store.send_invitations(system(), meeting.id, 1, std::slice::from_ref(&letter))
    );
    assert_eq!(invited.sequence, 1);
    assert!(invited.invitations_sent_at.is_some());
    let answered = moves!(
        "record_answer",
        store.record_answer(
            system(),
            meeting.id,
            guest.id,
            kesher_domain::meetings::MeetingAnswer::Maybe
        )
    );
    assert_eq!(
        answered.invitees[0].answer,
        Some(kesher_domain::meetings::MeetingAnswer::Maybe)
    );
    let before = store.data_version(here.id).await.unwrap();
    assert_eq!(
        store
            .answer_by_link(
                &letter.answer_digest,
                kesher_domain::meetings::MeetingAnswer::Yes
            )
            .await
            .unwrap(),
        Some((meeting.id, guest.id))
    );
    assert!(
        store.data_version(here.id).await.unwrap() > before,
        "answer_by_link"
    );
    assert_eq!(
        store
            .answer_by_link(
                &crate::SecretDigest("no such link".into()),
                kesher_domain::meetings::MeetingAnswer::Yes
            )
            .await
            .unwrap(),
        None
    );
    let cancelled = moves!(
        "cancel_meeting",
        store.cancel_meeting(system(), meeting.id, 2, &[])
    );
    assert!(cancelled.cancelled_at.is_some());
    let feed_user = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("feed@example.org").unwrap(),
                name: name("מ"),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let feed = moves!(
        "create_calendar_feed",
        store.create_calendar_feed(
            system(),
            feed_user.id,
            here.id,
            crate::FeedScope::Initiative,
            &crate::SecretDigest("f".into())
        )
    );
    moves!(
        "revoke_calendar_feed",
        store.revoke_calendar_feed(system(), feed.id)
    );
    let update_input = |title: &str| kesher_domain::updates::UpdateInput {
        title: title.into(),
        text: "מה חדש".into(),
        audience: kesher_domain::updates::Audience::Partners,
    };
    let draft = moves!(
        "create_update",
        store.create_update(system(), here.id, &update_input("עדכון"))
    );
    moves!(
        "edit_update",
        store.edit_update(system(), draft.id, &update_input("עדכון חודשי"))
    );
    let thrown = moves!(
        "create_update",
        store.create_update(system(), here.id, &update_input("טיוטה"))
    );
    moves!("delete_update", store.delete_update(system(), thrown.id));
    moves!(
        "send_update",
        store.send_update(system(), draft.id, &[], &[])
    );
    let plan = kesher_domain::updates::ContactPlanInput {
        purpose: "קשר שוטף".into(),
        channel: kesher_domain::updates::ContactChannel::Meetings,
        every: 1,
        unit: kesher_domain::bodies::CadenceUnit::Months,
    };
    moves!(
        "set_contact_plan",
        store.set_contact_plan(system(), org.id, &plan)
    );
    moves!(
        "clear_contact_plan",
        store.clear_contact_plan(system(), org.id)
    );
    let file = NewFile {
        file_name: "agenda.pdf",
        media_type: "application/pdf",
        sha256: "00",
        bytes: b"%PDF-1.7",
    };
    let document_input = |title: &str| kesher_domain::documents::DocumentInput {
        title: title.into(),
        description: None,
        body_id: Some(body.id),
        visibility: kesher_domain::documents::Visibility::Body,
        meeting_id: None,
        decision_id: None,
        result_id: None,
    };
    let document = moves!(
        "create_document",
        store.create_document(system(), here.id, &document_input("סדר יום"), file)
    );
    moves!(
        "add_document_version",
        store.add_document_version(system(), document.id, file)
    );
    moves!(
        "edit_document",
        store.edit_document(system(), document.id, &document_input("סדר היום"))
    );
    moves!(
        "delete_document",
        store.delete_document(system(), document.id)
    );
    let user = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("r@example.org").unwrap(),
                name: name("ר"),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(store.user(user.id).await.unwrap(), user);
    assert!(store.list_users().await.unwrap().contains(&user));
    moves!(
        "grant_role",
        store.grant_role(
            system(),
            here.id,
            user.id,
            Grant {
                role: Role::Viewer,
                organization_id: None
            }
        )
    );
    moves!("revoke_role", store.revoke_role(system(), here.id, user.id));

    // ---- the common agenda ----
    let agenda_version = moves!(
        "create_agenda_version",
        store.create_agenda_version(
            system(),
            here.id,
            &AgendaForm {
                mission: "להכפיל את מספר הלומדים".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        )
    );
    moves!(
        "add_agenda_comment",
        store.add_agenda_comment(
            system(),
            agenda_version.id,
            &CommentForm {
                comment: "כדאי לנסח את היעד במספרים".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        )
    );
    let node = |title: &str, parent: Option<ResultNodeId>| {
        ResultForm {
            parent_id: parent.map(|p| p.to_string()).unwrap_or_default(),
            kind: "goal".into(),
            title: title.into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let goal = moves!(
        "create_result",
        store.create_result(system(), here.id, &node("יעד", None))
    );
    let lever = moves!(
        "create_result",
        store.create_result(system(), here.id, &node("מנוף", None))
    );
    let goal = moves!(
        "update_result",
        store.update_result(system(), goal.id, &node("יעד ראשון", None))
    );
    moves!(
        "move_result",
        store.move_result(system(), lever.id, Some(goal.id), 0)
    );
    assert_eq!(store.results(here.id).await.unwrap().len(), 2);
    moves!("delete_result", store.delete_result(system(), lever.id));
    let (term_name, first) = TermForm {
        term: "מצוינות".into(),
        definition: "ציון 90 ומעלה".into(),
        proposed_by_organization_id: String::new(),
    }
    .parse()
    .unwrap();
    let term = moves!(
        "create_term",
        store.create_term(system(), here.id, &term_name, &first)
    );
    let term = moves!(
        "rename_term",
        store.rename_term(system(), term.id, &name("מצוינות בלמידה"))
    );
    assert_eq!(store.term(term.id).await.unwrap(), term);
    let term = moves!(
        "add_definition",
        store.add_definition(
            system(),
            term.id,
            &DefinitionForm {
                definition: "ציון 90 ומעלה ב־5 יחידות".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        )
    );
    moves!(
        "adopt_definition",
        store.adopt_definition(
            system(),
            term.definitions[1].id,
            &AdoptionForm {
                adopted_on: "2026-01-10".into(),
                body_id: body.id.to_string(),
            }
            .parse()
            .unwrap()
        )
    );
    let decision_form = |text: &str| {
        DecisionForm {
            decided_on: "2026-01-15".into(),
            kind: "formal".into(),
            text: text.into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let decision = moves!(
        "create_decision",
        store.create_decision(system(), here.id, &decision_form("הכימיה בחוץ"))
    );
    moves!(
        "update_decision",
        store.update_decision(
            system(),
            decision.id,
            &decision_form("הכימיה בחוץ, בינתיים")
        )
    );
    moves!(
        "delete_decision",
        store.delete_decision(system(), decision.id)
    );
    assert!(store.decisions(here.id).await.unwrap().is_empty());
    let dispute_form = |question: &str| {
        DisputeForm {
            question: question.into(),
            raised_by_organization_id: org.id.to_string(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let dispute = moves!(
        "create_dispute",
        store.create_dispute(system(), here.id, &dispute_form("האם הכימיה בפנים?"))
    );
    moves!(
        "update_dispute",
        store.update_dispute(system(), dispute.id, &dispute_form("האם כימיה בפנים?"))
    );
    moves!(
        "add_position",
        store.add_position(
            system(),
            dispute.id,
            &PositionForm {
                organization_id: org.id.to_string(),
                position: "כן".into(),
            }
            .parse()
            .unwrap()
        )
    );
    let dispute = moves!(
        "change_dispute_status",
        store.change_dispute_status(
            system(),
            dispute.id,
            &DisputeStatusForm {
                status: "resolved".into(),
                note: String::new(),
            }
            .parse()
            .unwrap()
        )
    );
    assert_eq!(store.dispute(dispute.id).await.unwrap(), dispute);
    assert_eq!(store.disputes(here.id).await.unwrap(), vec![dispute]);
    let endorsement = moves!(
        "create_endorsement",
        store.create_endorsement(
            system(),
            here.id,
            &EndorsementForm {
                organization_id: org.id.to_string(),
                version: "1".into(),
                signed_on: "2026-01-20".into(),
                signed_by: String::new(),
            }
            .parse()
            .unwrap()
        )
    );
    assert_eq!(
        store.endorsement(endorsement.id).await.unwrap(),
        endorsement
    );
    moves!(
        "delete_endorsement",
        store.delete_endorsement(system(), endorsement.id)
    );
    let change_form = |now: &str| {
        FieldChangeForm {
            organization_id: org.id.to_string(),
            result_id: goal.id.to_string(),
            before: "חוג מעורב".into(),
            now: now.into(),
            noted_on: "2026-03-01".into(),
        }
        .parse()
        .unwrap()
    };
    let change = moves!(
        "create_field_change",
        store.create_field_change(system(), here.id, &change_form("קבוצה לבנות"))
    );
    let change = moves!(
        "update_field_change",
        store.update_field_change(system(), change.id, &change_form("שתי קבוצות לבנות"))
    );
    assert_eq!(store.field_change(change.id).await.unwrap(), change);
    moves!(
        "delete_field_change",
        store.delete_field_change(system(), change.id)
    );

    // ---- shared measurement ----
    let place = |n: &str, kind: PlaceKind, parent: Option<PlaceId>| PlaceInput {
        parent_id: parent,
        kind,
        code: None,
        name: name(n),
        attributes: PlaceAttributes::default(),
    };
    let authority = moves!(
        "create_place",
        store.create_place(
            system(),
            here.id,
            &place("בית שמש", PlaceKind::Authority, None)
        )
    );
    let school = moves!(
        "create_place",
        store.create_place(
            system(),
            here.id,
            &place("עדיהו", PlaceKind::School, Some(authority.id))
        )
    );
    moves!(
        "update_place",
        store.update_place(
            system(),
            school.id,
            &place("עדיהו החדש", PlaceKind::School, Some(authority.id))
        )
    );
    moves!(
        "import_places",
        store.import_places(
            system(),
            here.id,
            &[PlaceRow {
                kind: PlaceKind::School,
                code: Some("110056".into()),
                name: "אמית".into(),
                parent: None,
                attributes: PlaceAttributes::default(),
            }]
        )
    );
    let imported = store
        .places(here.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "אמית")
        .unwrap();
    moves!("delete_place", store.delete_place(system(), imported.id));
    let group = moves!(
        "create_place_group",
        store.create_place_group(system(), here.id, "שלנו", &[school.id])
    );
    let program_input = |name: &str| {
        kesher_domain::activities::programs::ProgramForm {
            organization_id: org.id.to_string(),
            name: name.into(),
            result_ids: vec![goal.id.get()],
            place_ids: vec![school.id.get()],
            place_group_ids: vec![group.id.get()],
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let program = moves!(
        "create_program",
        store.create_program(system(), here.id, &program_input("רובוטיקה"))
    );
    moves!(
        "edit_program",
        store.edit_program(system(), program.id, &program_input("רובוטיקה לבנות"))
    );
    moves!("delete_program", store.delete_program(system(), program.id));
    let imported = moves!(
        "create_programs",
        store.create_programs(system(), here.id, &[program_input("מדע בשכונה")])
    );
    moves!(
        "delete_program",
        store.delete_program(system(), imported[0].id)
    );
    {
        use kesher_domain::activities::commitments::{CommitmentForm, FulfilmentForm};
        use kesher_domain::activities::funding::{FundingRequestForm, PledgeForm};
        let promise = |amount: &str| {
            CommitmentForm {
                organization_id: org.id.to_string(),
                result_id: goal.id.to_string(),
                kind: "money".into(),
                promise: "מלגות לסטודנטיות".into(),
                amount: amount.into(),
                due: "2027-06-30".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        };
        let commitment = moves!(
            "create_commitment",
            store.create_commitment(system(), here.id, &promise("100000"))
        );
        moves!(
            "edit_commitment",
            store.edit_commitment(system(), commitment.id, &promise("120000"))
        );
        let kept = FulfilmentForm {
            status: "fulfilled".into(),
            evidence: "אישור העברה".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        moves!(
            "report_commitment",
            store.report_commitment(
                system(),
                commitment.id,
                &kept,
                chrono::NaiveDate::from_ymd_opt(2027, 7, 1).unwrap()
            )
        );
        moves!(
            "delete_commitment",
            store.delete_commitment(system(), commitment.id)
        );
        let request = |title: &str| {
            FundingRequestForm {
                organization_id: org.id.to_string(),
                title: title.into(),
                description: "ציוד".into(),
                amount: "50000".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        };
        let asked = moves!(
            "create_funding_request",
            store.create_funding_request(system(), here.id, &request("מעבדה"))
        );
        moves!(
            "edit_funding_request",
            store.edit_funding_request(system(), asked.id, &request("מעבדה ניידת"))
        );
        let pledge = PledgeForm {
            organization_id: org.id.to_string(),
            interest: "interested".into(),
            amount: "20000".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        moves!(
            "answer_funding_request",
            store.answer_funding_request(system(), asked.id, &pledge)
        );
        moves!(
            "delete_funding_request",
            store.delete_funding_request(system(), asked.id)
        );
    }
    {
        use kesher_domain::activities::work_plan::*;
        let row = |planned: i64| PlanItemInput {
            result_id: goal.id,
            title: None,
            executor: Executor::Organization(org.id),
            program_id: None,
            budget_planned: Some(planned),
            budget_actual: None,
            status: ItemStatus::Planned,
            notes: None,
        };
        let annual = PlanInput {
            kind: PlanKind::Annual,
            title: "תשפ\"ז".into(),
            first_year: 2026,
            last_year: 2026,
        };
        let plan = moves!(
            "create_work_plan",
            store.create_work_plan(system(), here.id, &annual, &[row(10)])
        );
        let item = plan.items[0].id;
        moves!(
            "add_plan_item",
            store.add_plan_item(system(), plan.id, &row(20))
        );
        moves!(
            "edit_plan_item",
            store.edit_plan_item(system(), item, &row(30))
        );
        let with_milestone = moves!(
            "add_milestone",
            store.add_milestone(
                system(),
                item,
                &MilestoneInput {
                    title: "פתיחה".into(),
                    due_on: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                }
            )
        );
        let milestone = with_milestone.items[0].milestones[0].id;
        moves!(
            "set_milestone_done",
            store.set_milestone_done(
                system(),
                milestone,
                chrono::NaiveDate::from_ymd_opt(2027, 1, 2)
            )
        );
        moves!(
            "delete_milestone",
            store.delete_milestone(system(), milestone)
        );
        let second = with_milestone.items[1].id;
        moves!("delete_plan_item", store.delete_plan_item(system(), second));
        let approval = moves!(
            "create_decision",
            store.create_decision(system(), here.id, &decision_form("התוכנית אושרה"))
        );
        moves!(
            "approve_work_plan",
            store.approve_work_plan(system(), plan.id, approval.id)
        );
        moves!(
            "report_plan_item",
            store.report_plan_item(
                system(),
                item,
                &ItemReport {
                    status: ItemStatus::Done,
                    budget_actual: Some(25),
                    notes: None,
                }
            )
        );
        let draft = moves!(
            "create_work_plan",
            store.create_work_plan(system(), here.id, &annual, &[])
        );
        moves!(
            "delete_work_plan",
            store.delete_work_plan(system(), draft.id)
        );
    }
    moves!(
        "delete_place_group",
        store.delete_place_group(system(), group.id)
    );
    let students = moves!(
        "create_indicator",
        store.create_indicator(system(), here.id, &indicator_input("students", ""))
    );
    moves!(
        "update_indicator",
        store.update_indicator(system(), students.id, &{
            let mut input = indicator_input("students", "");
            input.name_he = name("תלמידים");
            input
        })
    );
    moves!(
        "link_health_indicator",
        store.link_health_indicator(
            system(),
            here.id,
            &crate::HealthIndicator {
                indicator_id: students.id,
                measure: kesher_domain::health::HealthMeasure::Attendance,
                body_id: council.id,
                place_id: school.id,
            }
        )
    );
    moves!(
        "unlink_health_indicator",
        store.unlink_health_indicator(system(), students.id)
    );
    let girls = moves!(
        "create_indicator",
        store.create_indicator(system(), here.id, &indicator_input("girls", ""))
    );
    let with_target = moves!(
        "set_target",
        store.set_target(
            system(),
            students.id,
            &TargetForm {
                period: "2025/26".into(),
                value: "100".into(),
                ..TargetForm::default()
            }
            .parse(PeriodKind::SchoolYear)
            .unwrap()
        )
    );
    moves!(
        "delete_target",
        store.delete_target(system(), with_target.targets[0].id)
    );
    let rule = moves!(
        "create_validation_rule",
        store.create_validation_rule(
            system(),
            here.id,
            &ValidationRule {
                left: kesher_domain::measurement::indicator::IndicatorCode::parse("girls").unwrap(),
                comparison: Comparison::AtMost,
                right: kesher_domain::measurement::indicator::IndicatorCode::parse("students")
                    .unwrap(),
            }
        )
    );
    moves!(
        "delete_validation_rule",
        store.delete_validation_rule(system(), here.id, rule.id)
    );
    let source = NewSource {
        kind: SourceKind::Form,
        name: "טופס".into(),
    };
    let value = NewValue {
        indicator_id: students.id,
        place_id: school.id,
        period: Period::SchoolYear(2024),
        cell: Cell::total(),
        value: Some(63.0),
        missing: None,
        note: None,
    };
    moves!(
        "write_values",
        store.write_values(
            system(),
            here.id,
            &source,
            &[],
            std::slice::from_ref(&value),
            ValueState::Submitted
        )
    );
    let batched = async {
        let mut writer = store
            .begin_values(system(), here.id, &source, ValueState::Approved)
            .await?;
        writer
            .add(
                &[],
                &[NewValue {
                    indicator_id: girls.id,
                    ..value.clone()
                }],
            )
            .await?;
        writer.finish().await
    };
    moves!("begin_values", batched);
    moves!(
        "change_value_state",
        store.change_value_state(
            system(),
            here.id,
            &[ValueKey {
                indicator_id: students.id,
                place_id: school.id,
                period: Period::SchoolYear(2024),
                cell: Cell::total(),
            }],
            &[ValueState::Submitted],
            ValueState::Approved,
            None
        )
    );
    moves!(
        "save_column_mapping",
        store.save_column_mapping(
            system(),
            here.id,
            "values_long",
            "משרד החינוך",
            &serde_json::json!({"school_code": "סמל מוסד"})
        )
    );
    moves!(
        "save_report_card",
        store.save_report_card(
            system(),
            here.id,
            "q7w8e9",
            &ReportCardInput {
                title: "תעודת זהות".into(),
                indicators: vec!["students".into()],
                threshold: 10,
                published: true,
            }
        )
    );
    moves!(
        "save_measurement_settings",
        store.save_measurement_settings(
            system(),
            here.id,
            &MeasurementSettings {
                proof_point_threshold: 60.0,
            }
        )
    );
    moves!(
        "delete_indicator",
        store.delete_indicator(system(), girls.id)
    );
    moves!("delete_person", store.delete_person(system(), person.id));
    moves!("delete_body", store.delete_body(system(), body.id));

    assert_eq!(
        store.data_version(bystander.id).await.unwrap(),
        bystander_version,
        "another initiative's writes leave this one's version alone"
    );
    // Reading moves nothing.
    store.values(&ValueFilter::default()).await.unwrap();
    store.audit_entries(&AuditFilter::default()).await.unwrap();
    assert_eq!(store.data_version(here.id).await.unwrap(), version);
}
