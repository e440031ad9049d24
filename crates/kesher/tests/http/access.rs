//! Every route, every role: each role gets what it should, is refused (403) what it should
//! not, and a visitor who is not signed in is sent to sign in (pages) or gets 401 (API).

use kesher_domain::access::{Grant, Role};
use reqwest::{Method, StatusCode};

use crate::helpers::{TestApp, Who};

use Who::*;

const READERS: &[Who] = &[Admin, Backbone, Editor, Member, Viewer];
const MANAGERS: &[Who] = &[Admin, Backbone];
const EDITORS: &[Who] = &[Admin, Backbone, Editor];
/// Those who take part in the agenda's conversation: partner editors for their
/// organization, members in their own name.
const TAKING_PART: &[Who] = &[Admin, Backbone, Editor, Member];
const SIGNED_IN: &[Who] = &[Admin, Backbone, Editor, Member, Viewer, Outsider];
const ADMIN: &[Who] = &[Admin];

enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
    Upload,
    /// A document for the library: a title, who sees it, and a small PDF.
    Document,
}

/// The library's multipart form, with the page's CSRF token when one is given.
fn document_form(csrf: Option<String>) -> reqwest::multipart::Form {
    let form = reqwest::multipart::Form::new()
        .text("title", "סיכום")
        .text("visibility", "initiative")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1.7\n%%EOF\n".to_vec()).file_name("summary.pdf"),
        );
    match csrf {
        Some(token) => form.text("csrf", token),
        None => form,
    }
}

struct Case {
    method: Method,
    path: &'static str,
    body: Body,
    allowed: &'static [Who],
    /// The status an allowed role gets.
    ok: u16,
}

fn case(method: Method, path: &'static str, body: Body, allowed: &'static [Who], ok: u16) -> Case {
    Case {
        method,
        path,
        body,
        allowed,
        ok,
    }
}

fn get(path: &'static str, allowed: &'static [Who]) -> Case {
    case(Method::GET, path, Body::None, allowed, 200)
}

fn post(
    path: &'static str,
    fields: &'static [(&'static str, &'static str)],
    allowed: &'static [Who],
) -> Case {
    case(Method::POST, path, Body::Form(fields), allowed, 303)
}

const PARTNER_CSV: &str = "ארגון,מגזר,סוג\nמרכז חדש לבדיקה,עסקי,חברה עסקית\n";

/// Replaces the placeholders of a path or a value; throwaway records are made fresh for
/// each attempt, so one role's delete does not decide the next role's answer.
async fn resolve(app: &TestApp, who: Who, template: &str) -> String {
    let f = app.fixture;
    let mut text = template
        .replace("{i}", &f.initiative.to_string())
        .replace("{other}", &f.other_initiative.to_string())
        .replace("{a}", &f.org_a.to_string())
        .replace("{b}", &f.org_b.to_string())
        .replace("{pa}", &f.person_a.to_string())
        .replace("{pb}", &f.person_b.to_string())
        .replace("{g}", &f.group.to_string())
        .replace("{m}", &f.membership.to_string())
        .replace("{spare}", &f.spare_user.to_string())
        .replace("{version}", &f.agenda.version.to_string())
        .replace("{mission}", &f.agenda.mission.to_string())
        .replace("{goal}", &f.agenda.goal.to_string())
        .replace("{term}", &f.agenda.term.to_string())
        .replace("{decision}", &f.agenda.decision.to_string())
        .replace("{dispute}", &f.agenda.dispute.to_string())
        .replace("{change_a}", &f.agenda.change_a.to_string())
        .replace("{change_b}", &f.agenda.change_b.to_string())
        .replace("{who}", &format!("{who:?}-{}", rand::random::<u32>()))
        .replace("{code}", &format!("c{}", rand::random::<u32>()));
    if text.contains("{tmp_org}") {
        text = text.replace("{tmp_org}", &app.throwaway_organization().await.to_string());
    }
    if text.contains("{tmp_action}") {
        text = text.replace(
            "{tmp_action}",
            &app.throwaway_action_item().await.to_string(),
        );
    }
    if text.contains("{tmp_meeting}") {
        text = text.replace("{tmp_meeting}", &app.throwaway_meeting().await.to_string());
    }
    if text.contains("{tmp_document}") || text.contains("{tmp_version}") {
        let document = app.throwaway_document().await;
        text = text
            .replace("{tmp_document}", &document.id.to_string())
            .replace("{tmp_version}", &document.versions[0].id.to_string());
    }
    if text.contains("{my_feed}") {
        // A feed of the asking user's own (a feed is revoked only by its owner).
        let owner = if who == Anonymous { Backbone } else { who };
        let user = app
            .store
            .user_credentials(&kesher_domain::text::Email::parse(owner.email()).unwrap())
            .await
            .unwrap()
            .unwrap()
            .user;
        let feed = app
            .store
            .create_calendar_feed(
                kesher_store::Actor::system(),
                user.id,
                f.initiative,
                kesher_store::FeedScope::Initiative,
                &kesher_store::SecretDigest(format!("feed-{}", rand::random::<u64>())),
            )
            .await
            .unwrap();
        text = text.replace("{my_feed}", &feed.id.to_string());
    }
    if text.contains("{tmp_update}") {
        text = text.replace(
            "{tmp_update}",
            &app.throwaway_update(false).await.to_string(),
        );
    }
    if text.contains("{sent_update}") {
        text = text.replace(
            "{sent_update}",
            &app.throwaway_update(true).await.to_string(),
        );
    }
    if text.contains("{tmp_plan}") || text.contains("{row_a}") || text.contains("{row_b}") {
        let (plan, row_a, row_b) = app.throwaway_plan().await;
        text = text
            .replace("{tmp_plan}", &plan.to_string())
            .replace("{row_a}", &row_a.to_string())
            .replace("{row_b}", &row_b.to_string());
    }
    if text.contains("{program_a}") {
        text = text.replace(
            "{program_a}",
            &app.throwaway_program(true).await.to_string(),
        );
    }
    if text.contains("{program_b}") {
        text = text.replace(
            "{program_b}",
            &app.throwaway_program(false).await.to_string(),
        );
    }
    for (slot, of_a) in [("{commitment_a}", true), ("{commitment_b}", false)] {
        if text.contains(slot) {
            let made = app.throwaway_commitment(of_a).await;
            text = text.replace(slot, &made.to_string());
        }
    }
    for (slot, of_a) in [("{request_a}", true), ("{request_b}", false)] {
        if text.contains(slot) {
            let made = app.throwaway_funding_request(of_a).await;
            text = text.replace(slot, &made.to_string());
        }
    }
    if text.contains("{tmp_person}") {
        text = text.replace("{tmp_person}", &app.throwaway_person().await.to_string());
    }
    if text.contains("{tmp_body}") {
        text = text.replace("{tmp_body}", &app.throwaway_body().await.to_string());
    }
    if text.contains("{tmp_membership}") {
        text = text.replace(
            "{tmp_membership}",
            &app.throwaway_membership().await.to_string(),
        );
    }
    if text.contains("{tmp_result}") {
        text = text.replace("{tmp_result}", &app.throwaway_result().await.to_string());
    }
    if text.contains("{tmp_definition}") {
        text = text.replace(
            "{tmp_definition}",
            &app.throwaway_definition().await.to_string(),
        );
    }
    if text.contains("{tmp_decision}") {
        text = text.replace(
            "{tmp_decision}",
            &app.throwaway_decision().await.to_string(),
        );
    }
    if text.contains("{tmp_dispute}") {
        text = text.replace("{tmp_dispute}", &app.throwaway_dispute().await.to_string());
    }
    if text.contains("{tmp_endorsement}") {
        text = text.replace(
            "{tmp_endorsement}",
            &app.throwaway_endorsement().await.to_string(),
        );
    }
    if text.contains("{tmp_change_a}") {
        text = text.replace(
            "{tmp_change_a}",
            &app.throwaway_change_a().await.to_string(),
        );
    }
    if text.contains("{spare_granted}") {
        app.kesher
            .grant_role_as_system(
                f.initiative,
                f.spare_user,
                Grant {
                    role: Role::Viewer,
                    organization_id: None,
                },
            )
            .await
            .expect("grant");
        text = text.replace("{spare_granted}", &f.spare_user.to_string());
    }
    if text.contains("{draft}") {
        // A draft belongs to whoever uploaded it; a refused role gets 403 before it is read.
        let owner = if [Admin, Backbone].contains(&who) {
            who
        } else {
            Backbone
        };
        let user = app
            .store
            .user_credentials(&kesher_domain::text::Email::parse(owner.email()).unwrap())
            .await
            .unwrap()
            .unwrap()
            .user;
        let caller = kesher_core::Caller { user };
        let csv = format!(
            "ארגון,מגזר,סוג\nטיוטה {},עסקי,חברה עסקית\n",
            rand::random::<u32>()
        );
        let preview = app
            .kesher
            .preview_import(
                &caller,
                f.initiative,
                "x.csv",
                csv.as_bytes(),
                Default::default(),
            )
            .await
            .unwrap();
        text = text.replace("{draft}", &preview.draft_id.expect("a draft").to_string());
    }
    if text.contains("{ind}") || text.contains("{place}") {
        let (indicator, place) = measured(app).await;
        text = text
            .replace("{ind}", &indicator.to_string())
            .replace("{place}", &place.to_string());
    }
    if text.contains("{tmp_ind}") {
        let code = format!("tmp_{}", rand::random::<u32>());
        let indicator = app
            .kesher
            .create_indicator(
                &app.caller(Backbone).await,
                f.initiative,
                &kesher_domain::measurement::indicator::IndicatorForm {
                    code,
                    name_he: "זמני".into(),
                    unit: "count".into(),
                    axis: "mapping".into(),
                    period_kind: "school_year".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("indicator");
        text = text.replace("{tmp_ind}", &indicator.id.to_string());
    }
    if text.contains("{tmp_place}") {
        let place = crate::trusted::add_place(
            app,
            "school",
            &format!("{}", 500_000 + rand::random::<u16>() as u32),
            "בית ספר זמני",
            None,
        )
        .await;
        text = text.replace("{tmp_place}", &place.id.to_string());
    }
    text
}

/// The measurement the matrix reads: the indicator `students` and the school 440017 with
/// one approved value, made on first use.
async fn measured(app: &TestApp) -> (kesher_domain::IndicatorId, kesher_domain::PlaceId) {
    let backbone = app.caller(Backbone).await;
    let i = app.fixture.initiative;
    let (indicators, _) = app.kesher.indicators(&backbone, i).await.unwrap();
    if let Some(students) = indicators.iter().find(|x| x.code == "students") {
        let places = app.store.places(i).await.unwrap();
        let place = places
            .iter()
            .find(|p| p.code.as_deref() == Some("440017"))
            .unwrap();
        return (students.id, place.id);
    }
    let students = app
        .kesher
        .create_indicator(
            &backbone,
            i,
            &kesher_domain::measurement::indicator::IndicatorForm {
                code: "students".into(),
                name_he: "תלמידים".into(),
                unit: "count".into(),
                axis: "mapping".into(),
                period_kind: "school_year".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let place = crate::trusted::add_place(app, "school", "440017", "אורט", None).await;
    let response = crate::trusted::send_values(
        app,
        Backbone,
        &serde_json::json!({"source": "api", "entries": [{"indicator": "students",
            "place_id": place.id.get(), "period": crate::trusted::school_year(1).code(), "value": 400}]}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    (students.id, place.id)
}

async fn send(app: &TestApp, who: Who, case: &Case, api: bool) -> reqwest::Response {
    let path = resolve(app, who, case.path).await;
    if !api {
        return match &case.body {
            Body::None => app.get(who, &path).await,
            Body::Form(fields) => {
                let mut values = Vec::new();
                for (k, v) in fields.iter() {
                    values.push((*k, resolve(app, who, v).await));
                }
                let pairs: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post(who, &path, &pairs).await
            }
            Body::Upload => {
                let client = app.as_(who);
                let page = if who == Anonymous { "/login" } else { "/" };
                let csrf = app.csrf_of(client, page).await;
                let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
                    "file",
                    reqwest::multipart::Part::bytes(PARTNER_CSV.as_bytes().to_vec())
                        .file_name("partners.csv"),
                );
                client
                    .post(app.url(&path))
                    .multipart(form)
                    .send()
                    .await
                    .unwrap()
            }
            Body::Document => {
                let client = app.as_(who);
                let page = if who == Anonymous { "/login" } else { "/" };
                let csrf = app.csrf_of(client, page).await;
                client
                    .post(app.url(&path))
                    .multipart(document_form(Some(csrf)))
                    .send()
                    .await
                    .unwrap()
            }
            Body::Json(_) => unreachable!("pages take forms"),
        };
    }
    let request = app.api(who, case.method.clone(), &path);
    let request = match &case.body {
        Body::None => request,
        Body::Json(template) => request
            .header("content-type", "application/json")
            .body(resolve(app, who, template).await),
        Body::Upload => request.multipart(
            reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(PARTNER_CSV.as_bytes().to_vec())
                    .file_name("partners.csv"),
            ),
        ),
        Body::Document => request.multipart(document_form(None)),
        Body::Form(_) => unreachable!("the API takes JSON"),
    };
    request.send().await.unwrap()
}

async fn check(app: &TestApp, cases: &[Case], api: bool) {
    let mut wrong = Vec::new();
    for case in cases {
        // Refused roles first, so nothing they might have changed decides an allowed answer.
        let mut order: Vec<Who> = Who::ALL
            .iter()
            .copied()
            .filter(|w| !case.allowed.contains(w))
            .collect();
        order.extend(case.allowed.iter().copied());
        for who in order {
            let response = send(app, who, case, api).await;
            let status = response.status();
            let expected = if who == Anonymous {
                if api {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::SEE_OTHER
                }
            } else if case.allowed.contains(&who) {
                StatusCode::from_u16(case.ok).unwrap()
            } else {
                StatusCode::FORBIDDEN
            };
            if status != expected {
                let body = response.text().await.unwrap_or_default();
                wrong.push(format!(
                    "{} {} as {who:?}: {status}, expected {expected} — {}",
                    case.method,
                    case.path,
                    body.chars().take(300).collect::<String>()
                ));
            } else if who == Anonymous && !api {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !location.starts_with("/login?next=") {
                    wrong.push(format!(
                        "{} {} as Anonymous went to {location:?}, not to sign in",
                        case.method, case.path
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} answers were wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

const ORGANIZATION: &[(&str, &str)] = &[
    ("name", "ארגון {who}"),
    ("sector", "business"),
    ("organization_type", "company"),
];
const ORGANIZATION_A: &[(&str, &str)] = &[
    ("name", "עמותת מדע בשכונה"),
    ("sector", "third_sector"),
    ("organization_type", "ngo"),
    ("description", "מעודכן"),
];
const PERSON_IN_A: &[(&str, &str)] = &[("organization_id", "{a}"), ("name", "אדם {who}")];
const BODY: &[(&str, &str)] = &[("name", "ועדה {who}"), ("kind", "advisory_board")];
const SEAT: &[(&str, &str)] = &[
    ("person_id", "{tmp_person}"),
    ("role", "member"),
    ("from", "2026-01-01"),
];

#[tokio::test]
async fn every_page_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let cases = vec![
        get("/", SIGNED_IN),
        get("/admin/users", ADMIN),
        post(
            "/admin/users",
            &[
                ("email", "new-{who}@example.org"),
                ("name", "חדש"),
                ("password", "a long password"),
            ],
            ADMIN,
        ),
        get("/initiatives/new", ADMIN),
        post("/initiatives", &[("name", "יוזמה {who}")], ADMIN),
        get("/initiatives/{i}", READERS),
        get("/initiatives/{other}", ADMIN),
        get("/initiatives/{i}/edit", MANAGERS),
        post(
            "/initiatives/{i}",
            &[("name", "אקוסיסטם הבדיקות"), ("description", "תיאור {who}")],
            MANAGERS,
        ),
        get("/initiatives/{i}/seating", READERS),
        get("/initiatives/{i}/history", MANAGERS),
        get("/initiatives/{i}/organizations", READERS),
        get("/initiatives/{i}/organizations/new", MANAGERS),
        post("/initiatives/{i}/organizations", ORGANIZATION, MANAGERS),
        get("/initiatives/{i}/organizations/{a}", READERS),
        get("/initiatives/{i}/organizations/{a}/edit", EDITORS),
        get("/initiatives/{i}/organizations/{b}/edit", MANAGERS),
        post(
            "/initiatives/{i}/organizations/{a}",
            ORGANIZATION_A,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/organizations/{b}",
            &[
                ("name", "עיריית הדוגמה"),
                ("sector", "public"),
                ("organization_type", "local_authority"),
            ],
            MANAGERS,
        ),
        get("/initiatives/{i}/organizations/{a}/delete", MANAGERS),
        post(
            "/initiatives/{i}/organizations/{tmp_org}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/people", READERS),
        get("/initiatives/{i}/people/new", EDITORS),
        post("/initiatives/{i}/people", PERSON_IN_A, EDITORS),
        get("/initiatives/{i}/people/{pa}", READERS),
        get("/initiatives/{i}/people/{pa}/edit", EDITORS),
        get("/initiatives/{i}/people/{pb}/edit", MANAGERS),
        post(
            "/initiatives/{i}/people/{pa}",
            &[
                ("organization_id", "{a}"),
                ("name", "דנה לוי"),
                ("email", "dana@example.org"),
            ],
            EDITORS,
        ),
        get("/initiatives/{i}/people/{pa}/delete", EDITORS),
        post("/initiatives/{i}/people/{tmp_person}/delete", &[], EDITORS),
        get("/initiatives/{i}/bodies", READERS),
        get("/initiatives/{i}/bodies/new", MANAGERS),
        post("/initiatives/{i}/bodies", BODY, MANAGERS),
        get("/initiatives/{i}/bodies/{g}", READERS),
        get("/initiatives/{i}/bodies/{g}/edit", MANAGERS),
        post(
            "/initiatives/{i}/bodies/{g}",
            &[("name", "קבוצת עבודה מתמטיקה"), ("kind", "working_group")],
            MANAGERS,
        ),
        get("/initiatives/{i}/bodies/{g}/delete", MANAGERS),
        post("/initiatives/{i}/bodies/{tmp_body}/delete", &[], MANAGERS),
        post("/initiatives/{i}/bodies/{g}/memberships", SEAT, MANAGERS),
        get("/initiatives/{i}/memberships/{m}/edit", MANAGERS),
        post(
            "/initiatives/{i}/memberships/{m}",
            &[
                ("person_id", "{pa}"),
                ("role", "co_chair"),
                ("from", "2025-09-01"),
            ],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/memberships/{tmp_membership}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/access", MANAGERS),
        post(
            "/initiatives/{i}/access",
            &[("email", "spare@example.org"), ("role", "viewer")],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/access/{spare_granted}/revoke",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/import", MANAGERS),
        case(
            Method::POST,
            "/initiatives/{i}/import",
            Body::Upload,
            MANAGERS,
            200,
        ),
        case(
            Method::POST,
            "/initiatives/{i}/import/{draft}/confirm",
            Body::Form(&[]),
            MANAGERS,
            200,
        ),
    ];
    check(&app, &cases, false).await;
}

fn api(method: Method, path: &'static str, body: Body, allowed: &'static [Who], ok: u16) -> Case {
    case(method, path, body, allowed, ok)
}

#[tokio::test]
async fn every_api_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    use Method as M;
    let cases = vec![
        api(M::GET, "/api/v1/me", Body::None, SIGNED_IN, 200),
        api(M::GET, "/api/v1/users", Body::None, ADMIN, 200),
        api(
            M::POST,
            "/api/v1/users",
            Body::Json(
                r#"{"email":"api-{who}@example.org","name":"חדש","password":"a long password"}"#,
            ),
            ADMIN,
            201,
        ),
        api(M::GET, "/api/v1/initiatives", Body::None, SIGNED_IN, 200),
        api(
            M::POST,
            "/api/v1/initiatives",
            Body::Json(r#"{"name":"יוזמה {who}","parent_id":{i}}"#),
            ADMIN,
            201,
        ),
        api(M::GET, "/api/v1/initiatives/{i}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/initiatives/{i}",
            Body::Json(r#"{"name":"אקוסיסטם הבדיקות","description":"{who}"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/network",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/seating",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/audit",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/roles",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/roles",
            Body::Json(r#"{"email":"spare@example.org","role":"member"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::DELETE,
            "/api/v1/initiatives/{i}/roles/{spare_granted}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/organizations",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/organizations",
            Body::Json(
                r#"{"name":"ארגון {who}","sector":"academia","organization_type":"college","tags":["מחקר"]}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/organizations/{a}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/organizations/{a}",
            Body::Json(
                r#"{"name":"עמותת מדע בשכונה","sector":"third_sector","organization_type":"ngo"}"#,
            ),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/organizations/{b}",
            Body::Json(
                r#"{"name":"עיריית הדוגמה","sector":"public","organization_type":"local_authority"}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/organizations/{tmp_org}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/organizations/{a}/history",
            Body::None,
            EDITORS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/people",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/people",
            Body::Json(r#"{"organization_id":{a},"name":"אדם {who}"}"#),
            EDITORS,
            201,
        ),
        api(M::GET, "/api/v1/people/{pa}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/people/{pa}",
            Body::Json(r#"{"organization_id":{a},"name":"דנה לוי","email":"dana@example.org"}"#),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/people/{pb}",
            Body::Json(r#"{"organization_id":{b},"name":"יוסי כהן"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/people/{tmp_person}",
            Body::None,
            EDITORS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/bodies",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/bodies",
            Body::Json(
                r#"{"name":"ועדה {who}","kind":"cluster","cadence_every":2,"cadence_unit":"months"}"#,
            ),
            MANAGERS,
            201,
        ),
        api(M::GET, "/api/v1/bodies/{g}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/bodies/{g}",
            Body::Json(r#"{"name":"קבוצת עבודה מתמטיקה","kind":"working_group"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/bodies/{tmp_body}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/memberships",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/bodies/{g}/memberships",
            Body::Json(r#"{"person_id":{tmp_person},"role":"observer"}"#),
            MANAGERS,
            201,
        ),
        api(M::GET, "/api/v1/memberships/{m}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/memberships/{m}",
            Body::Json(r#"{"person_id":{pa},"role":"co_chair","from":"2025-09-01"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/memberships/{tmp_membership}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/imports/partners?dry_run=true",
            Body::Upload,
            MANAGERS,
            200,
        ),
    ];
    check(&app, &cases, true).await;
}

const RESULT: &[(&str, &str)] = &[
    ("parent_id", "{goal}"),
    ("kind", "lever"),
    ("title", "מנוף {who}"),
    ("status", "proposed"),
];
const DECISION: &[(&str, &str)] = &[
    ("decided_on", "2026-03-01"),
    ("kind", "formal"),
    ("text", "החלטה {who}"),
];
const FIELD_CHANGE_A: &[(&str, &str)] = &[
    ("organization_id", "{a}"),
    ("result_id", "{goal}"),
    ("before", "לפני"),
    ("now", "אחרי {who}"),
    ("noted_on", "2026-03-01"),
];

/// The common agenda: the backbone shapes it; a partner editor proposes definitions, raises
/// disputes, takes positions and records their own organization's changes in the field;
/// everyone in the initiative reads it.
#[tokio::test]
async fn every_agenda_page_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let cases = vec![
        get("/initiatives/{i}/agenda", READERS),
        // Before the revision below, while the fixture's version 2 is still the current one.
        post(
            "/initiatives/{i}/agenda/versions/2/comments",
            &[("comment", "הערה {who}")],
            TAKING_PART,
        ),
        get("/initiatives/{i}/agenda/edit", MANAGERS),
        post(
            "/initiatives/{i}/agenda",
            &[("mission", "משימה {who}"), ("note", "נוסח חדש")],
            MANAGERS,
        ),
        get("/initiatives/{i}/agenda/versions/1", READERS),
        get("/initiatives/{i}/agenda/compare?from=1&to=2", READERS),
        get("/initiatives/{i}/results", READERS),
        get("/initiatives/{i}/results/theory-of-change", READERS),
        get("/initiatives/{i}/results/new", MANAGERS),
        post("/initiatives/{i}/results", RESULT, MANAGERS),
        get("/initiatives/{i}/results/{goal}", READERS),
        get("/initiatives/{i}/results/{goal}/edit", MANAGERS),
        post(
            "/initiatives/{i}/results/{goal}",
            &[
                ("kind", "goal"),
                ("title", "ממוצע ארצי בבגרות 5 יחידות"),
                ("status", "in_progress"),
            ],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/results/{tmp_result}/move",
            &[("parent_id", "{mission}")],
            MANAGERS,
        ),
        get("/initiatives/{i}/results/{goal}/delete", MANAGERS),
        post(
            "/initiatives/{i}/results/{tmp_result}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/glossary", READERS),
        post(
            "/initiatives/{i}/glossary",
            &[("term", "מונח {who}"), ("definition", "הגדרה")],
            TAKING_PART,
        ),
        get("/initiatives/{i}/glossary/{term}", READERS),
        post(
            "/initiatives/{i}/glossary/{term}/definitions",
            &[("definition", "הגדרה מוצעת {who}")],
            TAKING_PART,
        ),
        post(
            "/initiatives/{i}/definitions/{tmp_definition}/adopt",
            &[("adopted_on", "2026-03-01")],
            MANAGERS,
        ),
        get("/initiatives/{i}/decisions", READERS),
        get("/initiatives/{i}/decisions/new", MANAGERS),
        post("/initiatives/{i}/decisions", DECISION, MANAGERS),
        get("/initiatives/{i}/decisions/{decision}", READERS),
        get("/initiatives/{i}/decisions/{decision}/edit", MANAGERS),
        post(
            "/initiatives/{i}/decisions/{decision}",
            &[
                ("decided_on", "2026-01-15"),
                ("kind", "consensus"),
                ("text", "ועדת ההיגוי אישרה את הנוסח השני"),
            ],
            MANAGERS,
        ),
        get("/initiatives/{i}/decisions/{decision}/delete", MANAGERS),
        post(
            "/initiatives/{i}/decisions/{tmp_decision}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/disputes", READERS),
        post(
            "/initiatives/{i}/disputes",
            &[("question", "שאלה {who}?")],
            TAKING_PART,
        ),
        get("/initiatives/{i}/disputes/{dispute}", READERS),
        get("/initiatives/{i}/disputes/{dispute}/edit", MANAGERS),
        post(
            "/initiatives/{i}/disputes/{dispute}",
            &[
                ("question", "האם סופרים את הניגשים או את העוברים?"),
                ("raised_by_organization_id", "{a}"),
            ],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/disputes/{dispute}/positions",
            &[("position", "עמדה {who}")],
            TAKING_PART,
        ),
        post(
            "/initiatives/{i}/disputes/{tmp_dispute}/status",
            &[("status", "resolved"), ("note", "הוכרע")],
            MANAGERS,
        ),
        get("/initiatives/{i}/endorsements", READERS),
        post(
            "/initiatives/{i}/endorsements",
            &[
                ("organization_id", "{tmp_org}"),
                ("version", "2"),
                ("signed_on", "2026-02-01"),
            ],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/endorsements/{tmp_endorsement}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/field-changes", READERS),
        post("/initiatives/{i}/field-changes", FIELD_CHANGE_A, EDITORS),
        get("/initiatives/{i}/field-changes/{change_a}/edit", EDITORS),
        get("/initiatives/{i}/field-changes/{change_b}/edit", MANAGERS),
        post(
            "/initiatives/{i}/field-changes/{change_a}",
            FIELD_CHANGE_A,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/field-changes/{tmp_change_a}/delete",
            &[],
            EDITORS,
        ),
    ];
    check(&app, &cases, false).await;
}

#[tokio::test]
async fn every_agenda_api_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    use Method as M;
    let cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/agenda",
            Body::None,
            READERS,
            200,
        ),
        // Before the revision below, while the fixture's version is still the current one.
        api(
            M::POST,
            "/api/v1/agenda-versions/{version}/comments",
            Body::Json(r#"{"comment":"הערה {who}"}"#),
            TAKING_PART,
            201,
        ),
        api(
            M::GET,
            "/api/v1/agenda-versions/{version}/comments",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/agenda",
            Body::Json(
                r#"{"mission":"משימה {who}","boundaries":[{"dimension":"age","scope":"in","item":"כיתות ז׳–י״ב"}]}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/agenda-versions/{version}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/agenda/compare?from=1&to=2",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/results",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/results",
            Body::Json(r#"{"parent_id":{goal},"kind":"lever","title":"מנוף {who}"}"#),
            MANAGERS,
            201,
        ),
        api(M::GET, "/api/v1/results/{goal}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/results/{goal}",
            Body::Json(
                r#"{"kind":"goal","title":"ממוצע ארצי בבגרות 5 יחידות","status":"in_progress"}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/results/{tmp_result}/move",
            Body::Json(r#"{"parent_id":{mission},"index":0}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/results/{tmp_result}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/glossary",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/glossary",
            Body::Json(r#"{"term":"מונח {who}","definition":"הגדרה"}"#),
            TAKING_PART,
            201,
        ),
        api(M::GET, "/api/v1/glossary/{term}", Body::None, READERS, 200),
        api(
            M::PUT,
            "/api/v1/glossary/{term}",
            Body::Json(r#"{"term":"לומד ברמה מוגברת"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/glossary/{term}/definitions",
            Body::Json(r#"{"definition":"הגדרה מוצעת {who}"}"#),
            TAKING_PART,
            201,
        ),
        api(
            M::POST,
            "/api/v1/definitions/{tmp_definition}/adopt",
            Body::Json(r#"{"adopted_on":"2026-03-01"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/decisions",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/decisions",
            Body::Json(
                r#"{"decided_on":"2026-03-01","kind":"approval","text":"החלטה {who}","result_ids":[{goal}]}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/decisions/{decision}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/decisions/{decision}",
            Body::Json(
                r#"{"decided_on":"2026-01-15","kind":"consensus","text":"ועדת ההיגוי אישרה את הנוסח השני"}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/decisions/{tmp_decision}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/disputes",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/disputes",
            Body::Json(r#"{"question":"שאלה {who}?"}"#),
            TAKING_PART,
            201,
        ),
        api(
            M::GET,
            "/api/v1/disputes/{dispute}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/disputes/{dispute}",
            Body::Json(
                r#"{"question":"האם סופרים את הניגשים או את העוברים?","raised_by_organization_id":{a}}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/disputes/{dispute}/positions",
            Body::Json(r#"{"position":"עמדה {who}"}"#),
            TAKING_PART,
            201,
        ),
        api(
            M::POST,
            "/api/v1/disputes/{tmp_dispute}/status",
            Body::Json(r#"{"status":"resolved"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/endorsements",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/endorsements",
            Body::Json(r#"{"organization_id":{tmp_org},"version":2,"signed_on":"2026-02-01"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::DELETE,
            "/api/v1/endorsements/{tmp_endorsement}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/field-changes",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/field-changes",
            Body::Json(
                r#"{"organization_id":{a},"before":"לפני","now":"אחרי {who}","noted_on":"2026-03-01"}"#,
            ),
            EDITORS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/field-changes/{change_a}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/field-changes/{change_a}",
            Body::Json(
                r#"{"organization_id":{a},"before":"לפני","now":"אחרי","noted_on":"2026-03-01"}"#,
            ),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/field-changes/{change_b}",
            Body::Json(
                r#"{"organization_id":{b},"before":"לפני","now":"תקציב","noted_on":"2026-03-01"}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/field-changes/{tmp_change_a}",
            Body::None,
            EDITORS,
            204,
        ),
    ];
    check(&app, &cases, true).await;
}

#[tokio::test]
async fn records_of_another_initiative_are_refused_even_by_id() {
    let app = TestApp::spawn().await;
    let elsewhere = app.fixture.org_elsewhere;
    let i = app.fixture.initiative;
    // Through the API: the backbone of one initiative reads nothing of another.
    let response = app
        .api(
            Backbone,
            Method::GET,
            &format!("/api/v1/organizations/{elsewhere}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Through a page: an organization reached under the wrong initiative's URL is not there.
    let response = app
        .get(
            Admin,
            &format!("/initiatives/{i}/organizations/{elsewhere}"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A partner editor cannot place a person in another partner's organization.
    let b = app.fixture.org_b;
    let response = app
        .post(
            Editor,
            &format!("/initiatives/{i}/people"),
            &[("organization_id", &b.to_string()), ("name", "זר")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Nor move their own person into it.
    let pa = app.fixture.person_a;
    let response = app
        .post(
            Editor,
            &format!("/initiatives/{i}/people/{pa}"),
            &[("organization_id", &b.to_string()), ("name", "דנה לוי")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn every_measurement_page_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let cases = vec![
        get("/initiatives/{i}/measurement", READERS),
        get("/initiatives/{i}/measurement?by=goal", READERS),
        get("/initiatives/{i}/measurement/progress", READERS),
        post(
            "/initiatives/{i}/measurement/progress",
            &[("proof_point_threshold", "60")],
            MANAGERS,
        ),
        get("/initiatives/{i}/measurement/setup", MANAGERS),
        get("/initiatives/{i}/measurement/setup.json", MANAGERS),
        get("/initiatives/{i}/measurement/dhis2.json", READERS),
        get("/initiatives/{i}/measurement/report-card", MANAGERS),
        get("/initiatives/{i}/measurement/approvals", MANAGERS),
        get("/initiatives/{i}/measurement/import", MANAGERS),
        get("/initiatives/{i}/measurement/indicators/new", MANAGERS),
        get("/initiatives/{i}/measurement/indicators/{ind}", READERS),
        get(
            "/initiatives/{i}/measurement/indicators/{ind}/edit",
            MANAGERS,
        ),
        get("/initiatives/{i}/measurement/indicators/{ind}/gap", READERS),
        get(
            "/initiatives/{i}/measurement/indicators/{ind}/download?what=values&format=csv",
            READERS,
        ),
        get(
            "/initiatives/{i}/measurement/indicators/{ind}/delete",
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/measurement/indicators",
            &[
                ("code", "{code}"),
                ("name_he", "מדד {who}"),
                ("unit", "count"),
                ("axis", "mapping"),
                ("period_kind", "school_year"),
            ],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/measurement/indicators/{tmp_ind}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/measurement/places", READERS),
        get("/initiatives/{i}/measurement/places/new", MANAGERS),
        get("/initiatives/{i}/measurement/places/{place}", READERS),
        get("/initiatives/{i}/measurement/places/{place}/edit", MANAGERS),
        post(
            "/initiatives/{i}/measurement/places",
            &[("kind", "school"), ("name", "בית ספר {who}")],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/measurement/places/{tmp_place}/delete",
            &[],
            MANAGERS,
        ),
    ];
    check(&app, &cases, false).await;
}

#[tokio::test]
async fn every_measurement_api_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    use Method as M;
    let cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/places",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/places",
            Body::Json(r#"{"kind":"school","name":"בית ספר {who}"}"#),
            MANAGERS,
            201,
        ),
        api(M::GET, "/api/v1/places/{place}", Body::None, READERS, 200),
        api(
            M::DELETE,
            "/api/v1/places/{tmp_place}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/place-groups",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/rules",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/periods",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/indicators",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/indicators",
            Body::Json(
                r#"{"code":"{code}","name_he":"מדד","unit":"count","axis":"mapping","period_kind":"school_year"}"#,
            ),
            MANAGERS,
            201,
        ),
        api(M::GET, "/api/v1/indicators/{ind}", Body::None, READERS, 200),
        api(
            M::GET,
            "/api/v1/indicators/{ind}/figures",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/indicators/{tmp_ind}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/progress",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/indicators/{ind}/values-file?format=xlsx",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/dhis2",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/measurement-setup",
            Body::None,
            MANAGERS,
            200,
        ),
        // Readers see approved values, as the figures show them.
        api(
            M::GET,
            "/api/v1/initiatives/{i}/values",
            Body::None,
            READERS,
            200,
        ),
    ];
    check(&app, &cases, true).await;
}

#[tokio::test]
async fn every_people_page_and_api_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let pages = vec![
        get("/initiatives/{i}/invitations", MANAGERS),
        post(
            "/initiatives/{i}/invitations",
            &[
                ("email", "page-{who}@example.org"),
                ("role", "viewer"),
                ("language", "he"),
            ],
            MANAGERS,
        ),
        get("/initiatives/{i}/outbox", MANAGERS),
        get("/outbox", ADMIN),
        get("/initiatives/{i}/network", READERS),
        get("/account", SIGNED_IN),
        post(
            "/account/notifications",
            &[("mode.value_returned", "daily")],
            SIGNED_IN,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/invitations",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/invitations",
            Body::Json(r#"{"email":"api-{who}@example.org","role":"member"}"#),
            MANAGERS,
            201,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_meeting_page_and_api_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    const MEETING: &[(&str, &str)] = &[
        ("starts_at", "2027-01-10T17:00"),
        ("duration_minutes", "60"),
    ];
    let pages = vec![
        get("/initiatives/{i}/health", READERS),
        get("/initiatives/{i}/bodies/{g}/meetings/new", MANAGERS),
        post("/initiatives/{i}/bodies/{g}/meetings", MEETING, MANAGERS),
        get("/initiatives/{i}/meetings/{tmp_meeting}", READERS),
        get("/initiatives/{i}/meetings/{tmp_meeting}/edit", MANAGERS),
        post("/initiatives/{i}/meetings/{tmp_meeting}", MEETING, MANAGERS),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/attendance",
            &[("attended", "{pa}")],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/minutes",
            &[("notes", "סוכם"), ("covered", "0")],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/decisions",
            &[("text", "הוחלט {who}"), ("kind", "formal")],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/action-items",
            &[("title", "משימה {who}"), ("owner_person_id", "{pa}")],
            MANAGERS,
        ),
        get("/initiatives/{i}/meetings/{tmp_meeting}/summary", READERS),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/invitations",
            &[],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/cancel",
            &[],
            MANAGERS,
        ),
        // Only an invitee answers for themselves; no test account is one of the people.
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/answer",
            &[("answer", "yes")],
            &[],
        ),
        post(
            "/initiatives/{i}/meetings/{tmp_meeting}/summary",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/action-items", READERS),
        get("/initiatives/{i}/calendar", READERS),
        post(
            "/initiatives/{i}/health/indicators",
            &[
                ("indicator_id", "{ind}"),
                ("measure", "attendance"),
                ("body_id", "{g}"),
                ("place_id", "{place}"),
            ],
            MANAGERS,
        ),
        // A new feed's page shows its address (once), so it answers 200, not a redirect.
        case(
            Method::POST,
            "/initiatives/{i}/calendar/feeds",
            Body::Form(&[("scope", "body:{g}")]),
            READERS,
            200,
        ),
        post(
            "/initiatives/{i}/calendar/feeds/{my_feed}/revoke",
            &[],
            READERS,
        ),
        get("/initiatives/{i}/action-items?mine=true&all=true", READERS),
        // Closed by the backbone, and by the partner editor who speaks for its organization.
        post(
            "/initiatives/{i}/action-items/{tmp_action}/status",
            &[("done", "true"), ("note", "נעשה")],
            EDITORS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/bodies/{g}/meetings",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/health",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/bodies/{g}/meetings",
            Body::Json(r#"{"starts_at":"2027-01-10T17:00","duration_minutes":60}"#),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/meetings/{tmp_meeting}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/meetings/{tmp_meeting}",
            Body::Json(r#"{"starts_at":"2027-01-11T17:00","duration_minutes":90}"#),
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/meetings/{tmp_meeting}/attendance",
            Body::Json(r#"{"attended":[{pa}]}"#),
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/meetings/{tmp_meeting}/minutes",
            Body::Json(r#"{"items":[{"notes":"סוכם","covered":true}]}"#),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{tmp_meeting}/decisions",
            Body::Json(r#"{"text":"הוחלט {who}"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{tmp_meeting}/action-items",
            Body::Json(r#"{"title":"משימה","owner_person_id":{pa}}"#),
            MANAGERS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{tmp_meeting}/summary",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{tmp_meeting}/invitations",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/meetings/{tmp_meeting}/cancel",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/meetings/{tmp_meeting}/answer",
            Body::Json(r#"{"answer":"maybe"}"#),
            &[],
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/health-indicators",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/health-indicators",
            Body::Json(
                r#"{"indicator_id":{ind},"measure":"returning","body_id":{g},"place_id":{place}}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/bodies/{g}/meetings.ics",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/calendar-feeds",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/calendar-feeds",
            Body::Json(r#"{"scope":"initiative"}"#),
            READERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/action-items?all=true",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/action-items/{tmp_action}/status",
            Body::Json(r#"{"done":true,"note":"נעשה"}"#),
            EDITORS,
            200,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_update_and_contact_plan_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    const UPDATE: &[(&str, &str)] = &[
        ("title", "עדכון חודשי"),
        ("text", "מה חדש"),
        ("audience", "partners"),
    ];
    const PLAN: &[(&str, &str)] = &[
        ("purpose", "לעדכן על תכניות הליבה"),
        ("channel", "updates"),
        ("every", "3"),
        ("unit", "months"),
    ];
    let pages = vec![
        get("/initiatives/{i}/updates", READERS),
        get("/initiatives/{i}/updates/new", MANAGERS),
        post("/initiatives/{i}/updates", UPDATE, MANAGERS),
        // The archive is everyone's; a draft is the backbone's alone.
        get("/initiatives/{i}/updates/{sent_update}", READERS),
        get("/initiatives/{i}/updates/{tmp_update}", MANAGERS),
        get("/initiatives/{i}/updates/{tmp_update}/edit", MANAGERS),
        post("/initiatives/{i}/updates/{tmp_update}", UPDATE, MANAGERS),
        post("/initiatives/{i}/updates/{tmp_update}/send", &[], MANAGERS),
        post(
            "/initiatives/{i}/updates/{tmp_update}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/contact-plan", MANAGERS),
        get("/initiatives/{i}/contact-plan/{a}", MANAGERS),
        post("/initiatives/{i}/contact-plan/{a}", PLAN, MANAGERS),
        post(
            "/initiatives/{i}/contact-plan/{tmp_org}/clear",
            &[],
            MANAGERS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/updates",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/updates",
            Body::Json(r#"{"title":"עדכון","text":"מה חדש","audience":"funders"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/updates/template",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/updates/{sent_update}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/updates/{tmp_update}",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/updates/{tmp_update}",
            Body::Json(r#"{"title":"עדכון","text":"מה חדש","audience":"partners"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/updates/{tmp_update}/recipients",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/updates/{tmp_update}/send",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/updates/{tmp_update}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/contact-plan",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/organizations/{a}/contact-plan",
            Body::Json(r#"{"purpose":"קשר שוטף","channel":"meetings","every":1,"unit":"months"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/organizations/{tmp_org}/contact-plan",
            Body::None,
            MANAGERS,
            204,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_program_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    // A partner editor keeps organization A's programs; B's are the backbone's to keep.
    const OF_A: &[(&str, &str)] = &[
        ("organization_id", "{a}"),
        ("name", "חוג רובוטיקה {who}"),
        ("result_ids", "{goal}"),
    ];
    const OF_B: &[(&str, &str)] = &[("organization_id", "{b}"), ("name", "סדנת מדע {who}")];
    let pages = vec![
        get("/initiatives/{i}/programs", READERS),
        get("/initiatives/{i}/alignment", READERS),
        get("/initiatives/{i}/programs/hsds.json", READERS),
        get("/initiatives/{i}/contribution", READERS),
        get("/initiatives/{i}/programs/import", EDITORS),
        get("/initiatives/{i}/programs/new", EDITORS),
        post("/initiatives/{i}/programs", OF_A, EDITORS),
        post("/initiatives/{i}/programs", OF_B, MANAGERS),
        get("/initiatives/{i}/programs/{program_a}", READERS),
        get("/initiatives/{i}/programs/{program_a}/edit", EDITORS),
        get("/initiatives/{i}/programs/{program_b}/edit", MANAGERS),
        post("/initiatives/{i}/programs/{program_a}", OF_A, EDITORS),
        post("/initiatives/{i}/programs/{program_b}", OF_B, MANAGERS),
        // Moving B's program to A is keeping both: the backbone's alone.
        post("/initiatives/{i}/programs/{program_b}", OF_A, MANAGERS),
        post("/initiatives/{i}/programs/{program_a}/delete", &[], EDITORS),
        post(
            "/initiatives/{i}/programs/{program_b}/delete",
            &[],
            MANAGERS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/programs",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/alignment",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/hsds",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/contribution",
            Body::None,
            READERS,
            200,
        ),
        // The partner list is no programs sheet: those allowed are told why (422).
        api(
            M::POST,
            "/api/v1/initiatives/{i}/programs/import",
            Body::Upload,
            EDITORS,
            422,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/programs",
            Body::Json(
                r#"{"organization_id":{a},"name":"חוג","result_ids":[{goal}],"place_ids":[],"populations":["girls"],"core":true,"starts":"2026-09-01","ends":"2027-06-30"}"#,
            ),
            EDITORS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/programs",
            Body::Json(r#"{"organization_id":{b},"name":"סדנה"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/programs/{program_b}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/programs/{program_a}",
            Body::Json(r#"{"organization_id":{a},"name":"חוג מחודש"}"#),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/programs/{program_b}",
            Body::Json(r#"{"organization_id":{b},"name":"סדנה מחודשת"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/programs/{program_a}",
            Body::None,
            EDITORS,
            204,
        ),
        api(
            M::DELETE,
            "/api/v1/programs/{program_b}",
            Body::None,
            MANAGERS,
            204,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_commitment_and_funding_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    // A partner editor commits and asks for organization A; B's are the backbone's.
    const OF_A: &[(&str, &str)] = &[
        ("organization_id", "{a}"),
        ("result_id", "{goal}"),
        ("kind", "people"),
        ("promise", "מתנדבים {who}"),
        ("amount", "12"),
        ("due", "2027-05-01"),
        ("visibility", "public"),
    ];
    const OF_B: &[(&str, &str)] = &[
        ("organization_id", "{b}"),
        ("result_id", "{goal}"),
        ("kind", "money"),
        ("promise", "מלגות {who}"),
        ("amount", "10000"),
        ("due", "2027-05-01"),
        ("visibility", "partners"),
    ];
    const KEPT: &[(&str, &str)] = &[
        ("status", "fulfilled"),
        ("delivered", "12"),
        ("evidence", "רשימת המתנדבים"),
    ];
    const ASK_A: &[(&str, &str)] = &[
        ("organization_id", "{a}"),
        ("title", "מעבדה {who}"),
        ("description", "ציוד"),
        ("amount", "90000"),
        ("status", "open"),
    ];
    const ASK_B: &[(&str, &str)] = &[
        ("organization_id", "{b}"),
        ("title", "הסעות {who}"),
        ("description", "הסעות לתלמידים"),
        ("amount", "40000"),
        ("status", "open"),
    ];
    const PLEDGE: &[(&str, &str)] = &[
        ("organization_id", "{a}"),
        ("interest", "interested"),
        ("amount", "1000"),
    ];
    // Nobody in the fixture speaks for a funder: answering is refused to every role (the
    // funders' own case is in activities.rs).
    const NOBODY: &[Who] = &[];
    let pages = vec![
        get("/initiatives/{i}/commitments", READERS),
        get(
            "/initiatives/{i}/commitments?kind=money&status=open",
            READERS,
        ),
        get("/initiatives/{i}/commitments/new", EDITORS),
        post("/initiatives/{i}/commitments", OF_A, EDITORS),
        post("/initiatives/{i}/commitments", OF_B, MANAGERS),
        get("/initiatives/{i}/commitments/{commitment_a}", READERS),
        get("/initiatives/{i}/commitments/{commitment_a}/edit", EDITORS),
        get("/initiatives/{i}/commitments/{commitment_b}/edit", MANAGERS),
        post("/initiatives/{i}/commitments/{commitment_a}", OF_A, EDITORS),
        post(
            "/initiatives/{i}/commitments/{commitment_b}",
            OF_B,
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/commitments/{commitment_a}/fulfilment",
            KEPT,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/commitments/{commitment_b}/fulfilment",
            KEPT,
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/commitments/{commitment_a}/delete",
            &[],
            EDITORS,
        ),
        post(
            "/initiatives/{i}/commitments/{commitment_b}/delete",
            &[],
            MANAGERS,
        ),
        get("/initiatives/{i}/funding-requests", READERS),
        get("/initiatives/{i}/funding-requests/new", EDITORS),
        post("/initiatives/{i}/funding-requests", ASK_A, EDITORS),
        post("/initiatives/{i}/funding-requests", ASK_B, MANAGERS),
        get("/initiatives/{i}/funding-requests/{request_a}", READERS),
        get(
            "/initiatives/{i}/funding-requests/{request_a}/edit",
            EDITORS,
        ),
        get(
            "/initiatives/{i}/funding-requests/{request_b}/edit",
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/funding-requests/{request_a}",
            ASK_A,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/funding-requests/{request_b}",
            ASK_B,
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/funding-requests/{request_a}/pledge",
            PLEDGE,
            NOBODY,
        ),
        post(
            "/initiatives/{i}/funding-requests/{request_a}/delete",
            &[],
            EDITORS,
        ),
        post(
            "/initiatives/{i}/funding-requests/{request_b}/delete",
            &[],
            MANAGERS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/commitments",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/commitments",
            Body::Json(
                r#"{"organization_id":{a},"result_id":{goal},"kind":"activity","promise":"סדנאות","amount":6,"unit":"סדנאות","due":"2027-03-01","visibility":"public"}"#,
            ),
            EDITORS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/commitments",
            Body::Json(
                r#"{"organization_id":{b},"result_id":{goal},"kind":"money","promise":"מלגות","amount":1000,"due":"2027-03-01"}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/commitments/{commitment_b}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/commitments/{commitment_a}",
            Body::Json(
                r#"{"organization_id":{a},"result_id":{goal},"kind":"money","promise":"מלגות","amount":2000,"due":"2027-03-01"}"#,
            ),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/commitments/{commitment_b}",
            Body::Json(
                r#"{"organization_id":{b},"result_id":{goal},"kind":"money","promise":"מלגות","amount":2000,"due":"2027-03-01"}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/commitments/{commitment_a}/fulfilment",
            Body::Json(r#"{"status":"partly","delivered":1000,"evidence":"אישור העברה"}"#),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/commitments/{commitment_b}/fulfilment",
            Body::Json(r#"{"status":"not_fulfilled","evidence":"הודעת השותף"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/commitments/{commitment_a}",
            Body::None,
            EDITORS,
            204,
        ),
        api(
            M::DELETE,
            "/api/v1/commitments/{commitment_b}",
            Body::None,
            MANAGERS,
            204,
        ),
        api(
            M::GET,
            "/api/v1/initiatives/{i}/funding-requests",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/funding-requests",
            Body::Json(
                r#"{"organization_id":{a},"title":"מעבדה","description":"ציוד","amount":90000,"result_ids":[{goal}]}"#,
            ),
            EDITORS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/funding-requests",
            Body::Json(
                r#"{"organization_id":{b},"title":"הסעות","description":"הסעות","amount":40000}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/funding-requests/{request_b}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/funding-requests/{request_a}",
            Body::Json(
                r#"{"organization_id":{a},"title":"מעבדה","description":"ציוד","amount":95000,"status":"closed"}"#,
            ),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/funding-requests/{request_b}",
            Body::Json(
                r#"{"organization_id":{b},"title":"הסעות","description":"הסעות","amount":45000}"#,
            ),
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/funding-requests/{request_a}/pledge",
            Body::Json(r#"{"organization_id":{a},"interest":"interested","amount":1000}"#),
            NOBODY,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/funding-requests/{request_a}",
            Body::None,
            EDITORS,
            204,
        ),
        api(
            M::DELETE,
            "/api/v1/funding-requests/{request_b}",
            Body::None,
            MANAGERS,
            204,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_work_plan_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    const PLAN: &[(&str, &str)] = &[
        ("kind", "annual"),
        ("title", "תוכנית {who}"),
        ("first_year", "2030/31"),
    ];
    const ROW: &[(&str, &str)] = &[
        ("result_id", "{goal}"),
        ("organization_id", "{a}"),
        ("budget_planned", "5,000"),
    ];
    const REPORT: &[(&str, &str)] = &[("status", "in_progress"), ("budget_actual", "700")];
    const MILESTONE: &[(&str, &str)] = &[("title", "פתיחה"), ("due_on", "2027-01-10")];
    let pages = vec![
        get("/initiatives/{i}/work-plan", READERS),
        get("/initiatives/{i}/work-plan?year=2026/27", READERS),
        post("/initiatives/{i}/work-plans", PLAN, MANAGERS),
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/items",
            ROW,
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/items/{row_b}/delete",
            &[],
            MANAGERS,
        ),
        // A partner editor reports on their organization's row, and on no other.
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/items/{row_a}/report",
            REPORT,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/items/{row_b}/report",
            REPORT,
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/items/{row_a}/milestones",
            MILESTONE,
            EDITORS,
        ),
        post(
            "/initiatives/{i}/work-plans/{tmp_plan}/versions",
            &[],
            MANAGERS,
        ),
        post(
            "/initiatives/{i}/work-plan/next-year",
            &[("year", "2026/27")],
            MANAGERS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/work-plan?year=2026/27",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/work-plans",
            Body::Json(
                r#"{"kind":"multi_year","title":"רב שנתית","first_year":"2026/27","last_year":"2029/30"}"#,
            ),
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/work-plans/{tmp_plan}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/work-plans/{tmp_plan}/items",
            Body::Json(r#"{"result_id":{goal},"organization_id":{b},"budget_planned":100}"#),
            MANAGERS,
            201,
        ),
        api(
            M::PUT,
            "/api/v1/work-plan-items/{row_a}",
            Body::Json(r#"{"result_id":{goal},"organization_id":{a},"budget_planned":200}"#),
            MANAGERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/work-plan-items/{row_a}/report",
            Body::Json(r#"{"status":"done","budget_actual":900}"#),
            EDITORS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/work-plan-items/{row_b}/report",
            Body::Json(r#"{"status":"done"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/work-plan-items/{row_a}/milestones",
            Body::Json(r#"{"title":"סיום","due_on":"2027-06-01"}"#),
            EDITORS,
            201,
        ),
        api(
            M::DELETE,
            "/api/v1/work-plan-items/{row_b}",
            Body::None,
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/work-plans/{tmp_plan}/versions",
            Body::None,
            MANAGERS,
            201,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/work-plan/next-year",
            Body::Json(r#"{"year":"2026/27","title":"תשפ״ח"}"#),
            MANAGERS,
            201,
        ),
        api(
            M::DELETE,
            "/api/v1/work-plans/{tmp_plan}",
            Body::None,
            MANAGERS,
            204,
        ),
    ];
    check(&app, &api_cases, true).await;
}

#[tokio::test]
async fn every_document_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    const DOCUMENT: &[(&str, &str)] = &[("title", "סיכום מעודכן"), ("visibility", "initiative")];
    let pages = vec![
        get("/initiatives/{i}/documents", READERS),
        case(
            Method::POST,
            "/initiatives/{i}/documents",
            Body::Document,
            MANAGERS,
            303,
        ),
        get("/initiatives/{i}/documents/{tmp_document}", READERS),
        get(
            "/initiatives/{i}/documents/{tmp_document}/versions/{tmp_version}",
            READERS,
        ),
        post(
            "/initiatives/{i}/documents/{tmp_document}",
            DOCUMENT,
            MANAGERS,
        ),
        case(
            Method::POST,
            "/initiatives/{i}/documents/{tmp_document}/versions",
            Body::Document,
            MANAGERS,
            303,
        ),
        post(
            "/initiatives/{i}/documents/{tmp_document}/delete",
            &[],
            MANAGERS,
        ),
    ];
    check(&app, &pages, false).await;
    use Method as M;
    let api_cases = vec![
        api(
            M::GET,
            "/api/v1/initiatives/{i}/documents",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/initiatives/{i}/documents",
            Body::Document,
            MANAGERS,
            201,
        ),
        api(
            M::GET,
            "/api/v1/documents/{tmp_document}",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::GET,
            "/api/v1/document-versions/{tmp_version}/file",
            Body::None,
            READERS,
            200,
        ),
        api(
            M::PUT,
            "/api/v1/documents/{tmp_document}",
            Body::Json(r#"{"title":"סיכום","visibility":"backbone"}"#),
            MANAGERS,
            200,
        ),
        api(
            M::POST,
            "/api/v1/documents/{tmp_document}/versions",
            Body::Document,
            MANAGERS,
            200,
        ),
        api(
            M::DELETE,
            "/api/v1/documents/{tmp_document}",
            Body::None,
            MANAGERS,
            204,
        ),
    ];
    check(&app, &api_cases, true).await;
}
