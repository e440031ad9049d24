//! People come in by e-mail: a real SMTP server on loopback (mailin-embedded) receives
//! what Kesher sends; the tests follow the links as the invitee and the forgetful user do.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, Who, client, document, texts};

/// Every message the SMTP server received, as its raw text.
#[derive(Clone, Default)]
struct Sink {
    received: Arc<Mutex<Vec<String>>>,
    current: Vec<u8>,
}

impl mailin_embedded::Handler for Sink {
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let message = String::from_utf8_lossy(&std::mem::take(&mut self.current)).into_owned();
        self.received.lock().unwrap().push(message);
        mailin_embedded::response::OK
    }
}

/// A message as the recipient reads it: its subject line and both parts, decoded.
struct Received {
    raw: String,
    text: String,
    html: String,
}

impl Received {
    fn parse(raw: &str) -> Self {
        let raw = raw.replace("\r\n", "\n");
        let part = |kind: &str| -> String {
            let start = raw
                .find(&format!("Content-Type: {kind}"))
                .unwrap_or_else(|| panic!("no {kind} part in {raw}"));
            let body_start = raw[start..].find("\n\n").unwrap() + start + 2;
            let body_end = raw[body_start..].find("\n--").unwrap() + body_start;
            let encoded: String = raw[body_start..body_end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .expect("a base64 part"),
            )
            .unwrap()
        };
        Received {
            text: part("text/plain"),
            html: part("text/html"),
            raw,
        }
    }

    /// The one link the message asks the reader to follow.
    fn link(&self) -> String {
        self.text
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("http://"))
            .expect("a link in the text part")
            .to_string()
    }
}

/// The app, its mail sent through a real SMTP server on loopback, and what that server got.
async fn app_with_mail() -> (TestApp, Arc<Mutex<Vec<String>>>) {
    let app = TestApp::spawn().await;
    let sink = Sink::default();
    let received = sink.received.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut server = mailin_embedded::Server::new(sink);
    server.with_name("sink.test").with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    app.kesher.set_public_url(&app.url(""));
    // What the fixture's own setup queued (its second agenda version asks the partner
    // editor to endorse it) is not what the tests watch: marked sent before the worker runs.
    let now = chrono::Utc::now();
    for queued in app
        .store
        .due_mail(now + chrono::Duration::days(1), 1000)
        .await
        .unwrap()
    {
        app.store.mark_mail_sent(queued.id, now).await.unwrap();
    }
    let mailer = kesher::mail::SmtpMailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Kesher <kesher@example.org>",
    )
    .unwrap();
    kesher::mail::spawn_worker(app.kesher.clone(), Some(Arc::new(mailer)));
    (app, received)
}

/// Waits (a few seconds at most) until the server holds `count` messages.
async fn wait_for(received: &Arc<Mutex<Vec<String>>>, count: usize) -> Vec<Received> {
    for _ in 0..100 {
        if received.lock().unwrap().len() >= count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let all = received.lock().unwrap().clone();
    assert_eq!(all.len(), count, "messages received: {all:?}");
    all.iter().map(|m| Received::parse(m)).collect()
}

async fn invite(app: &TestApp, email: &str, role: &str, language: &str) -> reqwest::Response {
    app.post(
        Who::Backbone,
        &format!("/initiatives/{}/invitations", app.fixture.initiative),
        &[("email", email), ("role", role), ("language", language)],
    )
    .await
}

async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    // A page with a form for anyone, signed in or not.
    let csrf = app.csrf_of(client, "/password/forgot").await;
    let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    form.extend_from_slice(fields);
    client.post(app.url(path)).form(&form).send().await.unwrap()
}

#[tokio::test]
async fn an_invitation_arrives_in_hebrew_is_accepted_once_and_brings_the_invitee_in() {
    let (app, received) = app_with_mail().await;
    // A partner editor's invitation names the organization: refused at that field, the
    // address kept.
    let refused = invite(&app, "noa@example.org", "partner_editor", "he").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(refused).await;
    assert!(!texts(&page, "#f-organization_id-error").is_empty());
    assert_eq!(
        crate::helpers::attribute(&page, "#f-email", "value").as_deref(),
        Some("noa@example.org")
    );
    let response = invite(&app, "noa@example.org", "member", "he").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let message = wait_for(&received, 1).await.remove(0);
    assert!(
        message.raw.contains("To: noa@example.org"),
        "{}",
        message.raw
    );
    assert!(message.html.contains("dir=\"rtl\""), "{}", message.html);
    assert!(message.html.contains("lang=\"he\""));
    assert!(message.text.contains("הוזמנת"), "{}", message.text);
    // The backbone sees it as waiting.
    let page = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{}/invitations", app.fixture.initiative),
        )
        .await,
    )
    .await;
    assert_eq!(
        crate::helpers::attribute(&page, "#invitations tbody tr", "data-status").as_deref(),
        Some("pending")
    );
    // The invitee follows the link, chooses a name and a password, and is in.
    let link = message.link();
    let key = link.split("key=").nth(1).unwrap().to_string();
    let invitee = client();
    let page = invitee.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = document(page).await;
    assert_eq!(texts(&page, "#invited-email"), vec!["noa@example.org"]);
    let short = post_form(
        &app,
        &invitee,
        "/invitation",
        &[("key", &key), ("name", "נועה לוי"), ("password", "short")],
    )
    .await;
    assert_eq!(
        short.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "too short a password"
    );
    let accepted = post_form(
        &app,
        &invitee,
        "/invitation",
        &[
            ("key", &key),
            ("name", "נועה לוי"),
            ("password", "a long new password"),
        ],
    )
    .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let home = accepted.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(home, format!("/initiatives/{}", app.fixture.initiative));
    let landing = invitee.get(app.url(&home)).send().await.unwrap();
    assert_eq!(
        landing.status(),
        StatusCode::OK,
        "the invitee reads the initiative"
    );
    // Whoever invited is told, once, in their language.
    let told = wait_for(&received, 2).await.remove(1);
    assert!(told.raw.contains(&format!("To: {}", Who::Backbone.email())));
    assert!(told.text.contains("נועה לוי"), "{}", told.text);
    // And can sign in later with the password chosen.
    app.sign_in(&client(), "noa@example.org", "a long new password")
        .await;
    // The link works once.
    let again = client().get(&link).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::GONE);
    assert!(!texts(&document(again).await, "#invitation-spent").is_empty());
    let reuse = post_form(
        &app,
        &client(),
        "/invitation",
        &[
            ("key", &key),
            ("name", "x"),
            ("password", "another long one"),
        ],
    )
    .await;
    assert_eq!(reuse.status(), StatusCode::CONFLICT);
    // An English invitation reads left to right.
    invite(&app, "dan@example.org", "viewer", "en").await;
    let english = wait_for(&received, 3).await.remove(2);
    assert!(english.html.contains("dir=\"ltr\""));
    assert!(english.text.contains("You are invited"), "{}", english.text);
}

#[tokio::test]
async fn an_expired_or_unknown_invitation_link_is_refused() {
    let app = TestApp::spawn().await;
    let expired = kesher_core::Secret::from_client("ki_expired-for-the-test");
    app.store
        .create_invitation(
            kesher_store::Actor::system(),
            &kesher_store::NewInvitation {
                initiative_id: app.fixture.initiative,
                email: "late@example.org".into(),
                grant: kesher_domain::access::Grant {
                    role: kesher_domain::access::Role::Viewer,
                    organization_id: None,
                },
                language: "en".into(),
                invited_by: None,
                digest: expired.digest(),
                expires_at: chrono::Utc::now() - chrono::Duration::minutes(1),
            },
            &kesher_store::NewMail {
                initiative_id: Some(app.fixture.initiative),
                kind: "invitation".into(),
                to_address: "late@example.org".into(),
                subject: "s".into(),
                text_body: "t".into(),
                html_body: "h".into(),
                list_unsubscribe: None,
                calendar: None,
            },
        )
        .await
        .unwrap();
    let page = client()
        .get(app.url("/invitation?key=ki_expired-for-the-test&lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::GONE);
    let spent = texts(&document(page).await, "#invitation-spent");
    assert!(spent.iter().any(|t| t.contains("expired")), "{spent:?}");
    let accept = post_form(
        &app,
        &client(),
        "/invitation",
        &[
            ("key", "ki_expired-for-the-test"),
            ("name", "Late"),
            ("password", "a long new password"),
        ],
    )
    .await;
    assert_eq!(accept.status(), StatusCode::CONFLICT);
    let unknown = client()
        .get(app.url("/invitation?key=ki_never-was"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_forgotten_password_is_reset_once_and_an_unknown_address_learns_nothing() {
    let (app, received) = app_with_mail().await;
    let asker = client();
    let known = post_form(
        &app,
        &asker,
        "/password/forgot",
        &[("email", Who::Member.email())],
    )
    .await;
    assert_eq!(known.status(), StatusCode::OK);
    let known_text = texts(&document(known).await, "#reset-asked");
    let unknown = post_form(
        &app,
        &asker,
        "/password/forgot",
        &[("email", "nobody@example.org")],
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::OK);
    assert_eq!(
        texts(&document(unknown).await, "#reset-asked"),
        known_text,
        "the same answer whether or not the address has an account"
    );
    let message = wait_for(&received, 1).await.remove(0);
    assert!(
        message
            .raw
            .contains(&format!("To: {}", Who::Member.email()))
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        received.lock().unwrap().len(),
        1,
        "nothing went to the unknown address"
    );
    // The link sets a new password; the old one stops working; the link works once.
    let link = message.link();
    let key = link.split("key=").nth(1).unwrap().to_string();
    assert_eq!(
        client().get(&link).send().await.unwrap().status(),
        StatusCode::OK
    );
    let reset = post_form(
        &app,
        &client(),
        "/password/reset",
        &[("key", &key), ("password", "my brand new password")],
    )
    .await;
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    app.sign_in(&client(), Who::Member.email(), "my brand new password")
        .await;
    let old = app
        .try_sign_in(&client(), Who::Member.email(), PASSWORD)
        .await;
    assert_ne!(
        old.status(),
        StatusCode::SEE_OTHER,
        "the old password is refused"
    );
    assert_eq!(
        client().get(&link).send().await.unwrap().status(),
        StatusCode::GONE
    );
    let again = post_form(
        &app,
        &client(),
        "/password/reset",
        &[("key", &key), ("password", "yet another password")],
    )
    .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_api_invites_lists_and_revokes_and_only_the_backbone_may() {
    let app = TestApp::spawn().await;
    let path = format!("/api/v1/initiatives/{}/invitations", app.fixture.initiative);
    let response = app
        .api(Who::Backbone, reqwest::Method::POST, &path)
        .json(&serde_json::json!({"email": "api@example.org", "role": "viewer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: serde_json::Value = response.json().await.unwrap();
    assert_eq!(created["status"], "pending");
    let id = created["id"].as_i64().expect("an id");
    // A second invitation to the same address while one waits is a conflict.
    let twice = app
        .api(Who::Backbone, reqwest::Method::POST, &path)
        .json(&serde_json::json!({"email": "api@example.org", "role": "viewer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    // A partner editor's invitation must name the organization.
    let editor = app
        .api(Who::Backbone, reqwest::Method::POST, &path)
        .json(&serde_json::json!({"email": "ed@example.org", "role": "partner_editor"}))
        .send()
        .await
        .unwrap();
    assert_eq!(editor.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let listed: serde_json::Value = app
        .api(Who::Backbone, reqwest::Method::GET, &path)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], id);
    for who in [Who::Editor, Who::Member, Who::Viewer] {
        let refused = app
            .api(who, reqwest::Method::POST, &path)
            .json(&serde_json::json!({"email": "x@example.org", "role": "viewer"}))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{who:?}");
        let refused = app
            .api(who, reqwest::Method::GET, &path)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{who:?}");
    }
    let revoked = app
        .api(
            Who::Backbone,
            reqwest::Method::DELETE,
            &format!("{path}/{id}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::OK);
    let revoked: serde_json::Value = revoked.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    // The outbox page shows the message to the backbone, not to a member.
    let outbox = format!("/initiatives/{}/outbox", app.fixture.initiative);
    let page = app.get(Who::Backbone, &outbox).await;
    assert_eq!(page.status(), StatusCode::OK);
    let rows = texts(&document(page).await, "#outbox tbody tr");
    assert!(
        rows.iter().any(|r| r.contains("api@example.org")),
        "{rows:?}"
    );
    assert_eq!(
        app.get(Who::Member, &outbox).await.status(),
        StatusCode::FORBIDDEN
    );
}

/// The initiative's first page says what waits for each person, links to where it is
/// done, and says warmly when nothing does; the statistics have their own page.
#[tokio::test]
async fn the_first_page_says_what_needs_each_person() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let needs = |page: &scraper::Html| -> Vec<(String, String)> {
        let selector = scraper::Selector::parse("#needs li a").unwrap();
        page.select(&selector)
            .map(|a| {
                (
                    a.text().collect::<String>(),
                    a.value().attr("href").unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    // A report the partner editor's organization owes: an indicator it reports, with no
    // value for the period that has just ended.
    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/indicators"),
        )
        .json(
            &serde_json::json!({"code": "mentors", "name_he": "מנטורים פעילים",
            "unit": "count", "axis": "mapping", "period_kind": "school_year",
            "owner_organization_id": app.fixture.org_a.get()}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let dispute = app.throwaway_dispute().await;
    invite(&app, "waiting@example.org", "viewer", "he").await;

    let editor = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    let items = needs(&editor);
    assert!(
        items
            .iter()
            .any(|(text, href)| text.contains("מנטורים פעילים")
                && href == &format!("/initiatives/{i}/measurement/report")),
        "{items:?}"
    );
    assert!(
        items
            .iter()
            .any(|(_, href)| href == &format!("/initiatives/{i}/disputes/{dispute}")),
        "the open question awaits the organization's position: {items:?}"
    );
    // The backbone is told of the invitation not yet answered, not of the partner's report.
    let backbone = document(app.get(Who::Backbone, &format!("/initiatives/{i}")).await).await;
    let items = needs(&backbone);
    assert!(
        items
            .iter()
            .any(|(_, href)| href == &format!("/initiatives/{i}/invitations")),
        "{items:?}"
    );
    assert!(!items.iter().any(|(text, _)| text.contains("מנטורים")));
    // A viewer has nothing to do, and the page says so.
    let viewer = document(app.get(Who::Viewer, &format!("/initiatives/{i}")).await).await;
    assert!(needs(&viewer).is_empty());
    assert_eq!(texts(&viewer, "#needs .empty-state").len(), 1);
    // Once the organization states its position, that item is gone.
    let position = app
        .api(
            Who::Editor,
            reqwest::Method::POST,
            &format!("/api/v1/disputes/{dispute}/positions"),
        )
        .json(
            &serde_json::json!({"organization_id": app.fixture.org_a.get(),
            "position": "בעד, בתנאי שהמדידה תהיה שנתית"}),
        )
        .send()
        .await
        .unwrap();
    assert!(position.status().is_success(), "{}", position.status());
    let editor = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(
        !needs(&editor)
            .iter()
            .any(|(_, href)| href.ends_with(&format!("/disputes/{dispute}")))
    );
    // The statistics moved to their own page.
    let network = app
        .get(Who::Viewer, &format!("/initiatives/{i}/network"))
        .await;
    assert_eq!(network.status(), StatusCode::OK);
    assert_eq!(texts(&document(network).await, "#by-sector").len(), 1);
}

/// A person keeps their own account: name and language (the pages then open in it), and
/// a password changed with the current one, which ends their other sessions only.
#[tokio::test]
async fn a_person_changes_their_own_name_language_and_password() {
    let app = TestApp::spawn().await;
    let browser = client();
    app.sign_in(&browser, Who::Member.email(), PASSWORD).await;
    let elsewhere = client();
    app.sign_in(&elsewhere, Who::Member.email(), PASSWORD).await;
    let saved = post_form(
        &app,
        &browser,
        "/account/profile",
        &[("full_name", "Miriam Levi"), ("language", "en")],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // Another browser without a language cookie now opens in English.
    let page = elsewhere.get(app.url("/account")).send().await.unwrap();
    let page = document(page).await;
    assert_eq!(
        crate::helpers::attribute(&page, "html", "lang").as_deref(),
        Some("en")
    );
    assert!(page.html().contains("Miriam Levi"));
    // A blank name is refused at its field.
    let refused = post_form(
        &app,
        &browser,
        "/account/profile",
        &[("full_name", " "), ("language", "en")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The wrong current password is refused, naming the field; nothing changes.
    let wrong = post_form(
        &app,
        &browser,
        "/account/password",
        &[
            ("current_password", "not the password"),
            ("new_password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!texts(&document(wrong).await, "#f-current_password-error").is_empty());
    let changed = post_form(
        &app,
        &browser,
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    // This browser stays in; the other session has ended.
    let here = browser.get(app.url("/account")).send().await.unwrap();
    assert_eq!(here.status(), StatusCode::OK);
    let there = elsewhere.get(app.url("/account")).send().await.unwrap();
    assert_ne!(there.status(), StatusCode::OK, "the other session ended");
    app.sign_in(&client(), Who::Member.email(), "a brand new password")
        .await;
}

/// The partner editor enters two values of an indicator their organization reports and
/// sends them; the backbone returns both at once. Gives the keys of the values.
async fn two_values_returned(app: &TestApp, round: u32) -> usize {
    let i = app.fixture.initiative;
    let report = format!("/initiatives/{i}/measurement/report");
    let period = format!("{}/{}", 2010 + round, (11 + round) % 100);
    let keys_on_page = || async {
        let page = document(app.get(Who::Editor, &report).await).await;
        let selector = scraper::Selector::parse("input[name=key]").unwrap();
        page.select(&selector)
            .filter_map(|k| k.value().attr("value").map(str::to_string))
            .collect::<Vec<String>>()
    };
    // Values returned earlier stay listed for correcting; only the new ones are sent.
    let earlier = keys_on_page().await;
    let response = app
        .post(
            Who::Editor,
            &report,
            &[
                ("indicator", "club_members"),
                ("period", &period),
                ("place.0", "9000"),
                ("value.0", "48"),
                ("place.1", "9001"),
                ("value.1", "12"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let keys: Vec<String> = keys_on_page()
        .await
        .into_iter()
        .filter(|k| !earlier.contains(k))
        .collect();
    assert_eq!(keys.len(), 2, "two drafts to send");
    let mut fields: Vec<(&str, &str)> = keys.iter().map(|k| ("key", k.as_str())).collect();
    let response = app
        .post(Who::Editor, &format!("{report}/submit"), &fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    fields.push(("action", "return"));
    fields.push(("comment", "נא לספור רק משתתפים קבועים"));
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/measurement/approvals"),
            &fields,
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    keys.len()
}

/// Returning values tells the partner editor once per return, however many values it
/// holds; a daily digest gathers instead when they choose it; the link in any message
/// stops that kind of message in one click.
#[tokio::test]
async fn a_returned_value_is_told_once_then_in_a_digest_then_not_at_all() {
    let (app, received) = app_with_mail().await;
    let i = app.fixture.initiative;
    let backbone = app.caller(Who::Backbone).await;
    for (code, name) in [("9000", "מגדל הדרים"), ("9001", "נווה ים")] {
        app.kesher
            .create_place(
                &backbone,
                i,
                &kesher_domain::measurement::place::PlaceForm {
                    kind: "authority".into(),
                    code: code.into(),
                    name: name.into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
    let owner = app.fixture.org_a.to_string();
    let response = crate::measurement::create_indicator(
        &app,
        &[
            ("code", "club_members"),
            ("name_he", "חברי מועדון המדע"),
            ("unit", "count"),
            ("axis", "work_plan"),
            ("period_kind", "school_year"),
            ("owner_organization_id", &owner),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // At once: one message for a return of two values.
    two_values_returned(&app, 1).await;
    let message = wait_for(&received, 1).await.remove(0);
    assert!(
        message
            .raw
            .contains(&format!("To: {}", Who::Editor.email()))
    );
    assert!(
        message.text.contains("חברי מועדון המדע"),
        "{}",
        message.text
    );
    assert!(message.text.contains("נא לספור רק משתתפים קבועים"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(received.lock().unwrap().len(), 1, "one event, one message");

    // The header offers a mail program's own "unsubscribe" (RFC 8058): a post of
    // `List-Unsubscribe=One-Click`, with no session, stops the kind; any other body is refused.
    assert!(
        message
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{}",
        message.raw
    );
    let start = message.raw.find("List-Unsubscribe: <").expect("the header") + 19;
    let end = start + message.raw[start..].find('>').unwrap();
    let one_click = message.raw[start..end].to_string();
    assert!(one_click.starts_with(&app.url("/unsubscribe/one-click?key=ku_")));
    let editor_id = app.caller(Who::Editor).await.user.id;
    let refused = client().post(&one_click).body("yes").send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        app.store
            .notification_modes(editor_id)
            .await
            .unwrap()
            .is_empty()
    );
    let stopped = client()
        .post(&one_click)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(stopped.status(), StatusCode::OK);
    assert_eq!(
        app.store.notification_modes(editor_id).await.unwrap(),
        vec![(
            "value_returned".to_string(),
            kesher_store::NotificationMode::Off
        )]
    );

    // In a daily digest: nothing at once; the digest gathers it a day later.
    let editor = app.as_(Who::Editor);
    let csrf = app.csrf_of(editor, "/account").await;
    let response = editor
        .post(app.url("/account/notifications"))
        .form(&[("csrf", csrf.as_str()), ("mode.value_returned", "daily")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    two_values_returned(&app, 2).await;
    assert_eq!(
        app.kesher
            .deliver_digests(chrono::Utc::now())
            .await
            .unwrap(),
        0,
        "not a day old yet"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(received.lock().unwrap().len(), 1, "nothing at once");
    let later = chrono::Utc::now() + chrono::Duration::hours(25);
    assert_eq!(app.kesher.deliver_digests(later).await.unwrap(), 1);
    let digest = wait_for(&received, 2).await.remove(1);
    assert!(digest.text.contains("חברי מועדון המדע"), "{}", digest.text);
    assert_eq!(
        app.kesher.deliver_digests(later).await.unwrap(),
        0,
        "sent once"
    );

    // One click (and a button) stops them.
    let unsubscribe = digest
        .text
        .lines()
        .find_map(|l| {
            l.split_once(": http")
                .map(|(_, rest)| format!("http{rest}"))
        })
        .expect("an unsubscribe link");
    let key = unsubscribe.split("key=").nth(1).unwrap().to_string();
    let page = client().get(&unsubscribe).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let stopped = post_form(&app, &client(), "/unsubscribe", &[("key", &key)]).await;
    assert_eq!(stopped.status(), StatusCode::OK);
    assert_eq!(texts(&document(stopped).await, "#unsubscribed").len(), 1);
    let before = app.store.outbox(None, 500).await.unwrap().len();
    two_values_returned(&app, 3).await;
    assert_eq!(app.kesher.deliver_digests(later).await.unwrap(), 0);
    assert_eq!(
        app.store.outbox(None, 500).await.unwrap().len(),
        before,
        "no message at all once unsubscribed"
    );
}

/// A partner editor records their own organization's endorsement of the current agenda
/// version — not another's — and their first page stops asking for it.
#[tokio::test]
async fn a_partner_editor_endorses_for_their_own_organization_only() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let asks = |page: &scraper::Html| {
        let selector = scraper::Selector::parse("#needs li a").unwrap();
        page.select(&selector)
            .any(|a| a.value().attr("href") == Some(&format!("/initiatives/{i}/endorsements")))
    };
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(asks(&first), "the current version awaits the organization");
    let page = document(
        app.get(Who::Editor, &format!("/initiatives/{i}/endorsements"))
            .await,
    )
    .await;
    let offered = texts(&page, "select[name=organization_id] option");
    assert_eq!(
        offered.len(),
        2,
        "their own organization only, after the blank: {offered:?}"
    );
    let other = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_b.to_string()),
                ("version", "2"),
                ("signed_on", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(other.status(), StatusCode::FORBIDDEN);
    let own = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("version", "2"),
                ("signed_on", "2026-02-01"),
                ("signed_by", "מנכ״לית העמותה"),
            ],
        )
        .await;
    assert_eq!(own.status(), StatusCode::SEE_OTHER);
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(!asks(&first), "endorsed: nothing more is asked");
    // A member records no endorsement.
    let member = app
        .post(
            Who::Member,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("version", "1"),
                ("signed_on", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(member.status(), StatusCode::FORBIDDEN);
}

/// A wording-only revision is a minor version (2.1): endorsements stay current and nobody
/// is asked again. A change of substance is a new version: each partner editor is told,
/// and their first page asks for the endorsement.
#[tokio::test]
async fn a_wording_only_change_keeps_endorsements_and_a_substantive_one_asks_again() {
    let (app, received) = app_with_mail().await;
    let i = app.fixture.initiative;
    let endorse = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("version", "2"),
                ("signed_on", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(endorse.status(), StatusCode::SEE_OTHER);
    let asks_to_endorse = |page: &scraper::Html| {
        let selector = scraper::Selector::parse("#needs li a").unwrap();
        page.select(&selector)
            .any(|a| a.value().attr("href") == Some(&format!("/initiatives/{i}/endorsements")))
    };
    let statements = [
        (
            "problem",
            "מעט תלמידים בעיר לומדים מתמטיקה ברמה גבוהה, ומעט מהן בנות",
        ),
        ("vision", "כל ילד וילדה בעיר יוכלו לבחור במדע"),
        ("note", "תיקון ניסוח"),
    ];
    let mut wording = statements.to_vec();
    wording.push(("wording_only", "true"));
    let saved = app
        .post(Who::Backbone, &format!("/initiatives/{i}/agenda"), &wording)
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let agenda = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/agenda"))
            .await,
    )
    .await;
    assert!(
        texts(&agenda, "p.lead")
            .iter()
            .any(|t| t.replace(['\u{2068}', '\u{2069}'], "").contains("גרסה 2.1")),
        "{:?}",
        texts(&agenda, "p.lead")
    );
    let board = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/endorsements"))
            .await,
    )
    .await;
    let rows = texts(&board, "#endorsements tbody tr");
    assert!(
        rows.iter().any(|r| r.contains("הנוכחית")),
        "the endorsement of version 2 stays current after a mend of wording: {rows:?}"
    );
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(!asks_to_endorse(&first));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = received.lock().unwrap().clone();
    assert!(sent.is_empty(), "nobody is told of a mend: {sent:?}");

    // A change of substance: version 3.
    let mut substance = statements.to_vec();
    substance[1] = ("vision", "כל ילד וילדה בעיר יבחרו במדע ובהנדסה");
    substance.push(("wording_only", "false"));
    let saved = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/agenda"),
            &substance,
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let told = wait_for(&received, 1).await.remove(0);
    assert!(told.raw.contains(&format!("To: {}", Who::Editor.email())));
    assert!(
        told.text
            .replace(['\u{2068}', '\u{2069}'], "")
            .contains("גרסה 3"),
        "{}",
        told.text
    );
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(asks_to_endorse(&first), "the first page asks again");
    let board = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/endorsements"))
            .await,
    )
    .await;
    let rows = texts(&board, "#endorsements tbody tr");
    assert!(
        !rows.iter().any(|r| r.contains("הנוכחית")),
        "no endorsement is current any more: {rows:?}"
    );
}

/// Those who stated a position on an open question hear of its changes: one message each,
/// never the one who made the change, and it is listed on their first page too.
#[tokio::test]
async fn a_change_in_a_question_is_told_once_to_each_who_took_a_position() {
    let (app, received) = app_with_mail().await;
    let i = app.fixture.initiative;
    let dispute = app.fixture.agenda.dispute;
    let path = format!("/initiatives/{i}/disputes/{dispute}");
    // The partner editor states two positions, the member one.
    for (who, words) in [
        (Who::Editor, "לספור את הניגשים"),
        (Who::Editor, "ובנפרד את העוברים"),
        (Who::Member, "לספור גם ניגשים חוזרים"),
    ] {
        let response = app
            .post(who, &format!("{path}/positions"), &[("position", words)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    // Only the member's position was news to anyone: the editor hears of it, once; nobody
    // hears of their own.
    let told = wait_for(&received, 1).await;
    assert!(
        told[0]
            .raw
            .contains(&format!("To: {}", Who::Editor.email()))
    );
    assert!(told[0].text.contains("נוספה עמדה חדשה"), "{}", told[0].text);

    // Resolved by the backbone: one message to each of the two, however many positions.
    let response = app
        .post(
            Who::Backbone,
            &format!("{path}/status"),
            &[("status", "resolved"), ("note", "הוכרע בוועדת ההיגוי")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let all = wait_for(&received, 3).await;
    let mut to: Vec<&str> = all[1..]
        .iter()
        .map(|m| {
            if m.raw.contains(&format!("To: {}", Who::Editor.email())) {
                "editor"
            } else if m.raw.contains(&format!("To: {}", Who::Member.email())) {
                "member"
            } else {
                "someone else"
            }
        })
        .collect();
    to.sort_unstable();
    assert_eq!(to, ["editor", "member"]);
    assert!(all[1..].iter().all(|m| m.text.contains("הוכרעה")));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        received.lock().unwrap().len(),
        3,
        "one event, one message each"
    );

    // The member's first page lists it under "Lately", linked to the question.
    let page = document(app.get(Who::Member, &format!("/initiatives/{i}")).await).await;
    let lately = texts(&page, "#told li a");
    assert_eq!(lately.len(), 1, "{lately:?}");
    assert!(lately[0].contains("הוכרעה"), "{lately:?}");
    assert_eq!(
        crate::helpers::attribute(&page, "#told li a", "href").as_deref(),
        Some(path.as_str())
    );
    // The backbone, who made the change and stated nothing, was told nothing.
    let page = document(app.get(Who::Backbone, &format!("/initiatives/{i}")).await).await;
    assert!(texts(&page, "#told li").is_empty());
}

/// A person moves their account to a new address with their password; the old address is
/// told, the new one signs in, and an address another account holds is refused.
#[tokio::test]
async fn a_person_changes_their_own_address_and_the_old_one_is_told() {
    let (app, received) = app_with_mail().await;
    let browser = client();
    app.sign_in(&browser, Who::Viewer.email(), PASSWORD).await;
    // The wrong password, and an address another account holds: each refused at its
    // field, the typed address kept, nothing sent.
    let wrong = post_form(
        &app,
        &browser,
        "/account/email",
        &[
            ("new_email", "new-viewer@example.org"),
            ("email_password", "no"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(wrong).await;
    assert_eq!(texts(&page, "#f-email_password-error").len(), 1);
    assert_eq!(
        crate::helpers::attribute(&page, "#f-new_email", "value").as_deref(),
        Some("new-viewer@example.org")
    );
    let taken = post_form(
        &app,
        &browser,
        "/account/email",
        &[
            ("new_email", Who::Member.email()),
            ("email_password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&document(taken).await, "#f-new_email-error").len(), 1);

    let moved = post_form(
        &app,
        &browser,
        "/account/email",
        &[
            ("new_email", "New-Viewer@Example.org"),
            ("email_password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let notice = wait_for(&received, 1).await.remove(0);
    assert!(notice.raw.contains(&format!("To: {}", Who::Viewer.email())));
    assert!(
        notice.text.contains("new-viewer@example.org"),
        "{}",
        notice.text
    );
    // The new address signs in; the old one no longer does.
    app.sign_in(&client(), "new-viewer@example.org", PASSWORD)
        .await;
    let old = app
        .try_sign_in(&client(), Who::Viewer.email(), PASSWORD)
        .await;
    assert_ne!(old.status(), StatusCode::SEE_OTHER);
}

/// Records what it is asked to send.
struct Counting(Mutex<usize>);

#[async_trait::async_trait]
impl kesher_core::people::mail::MailTransport for Counting {
    async fn send(&self, _mail: &kesher_store::Mail) -> Result<(), String> {
        *self.0.lock().unwrap() += 1;
        Ok(())
    }
}

/// A burst larger than one batch (a meeting's invitations to a whole network) goes out in
/// one delivery, not one batch per tick of the worker.
#[tokio::test]
async fn a_burst_of_messages_is_delivered_at_once() {
    let app = TestApp::spawn().await;
    let now = chrono::Utc::now();
    for queued in app
        .store
        .due_mail(now + chrono::Duration::days(1), 1000)
        .await
        .unwrap()
    {
        app.store.mark_mail_sent(queued.id, now).await.unwrap();
    }
    for n in 0..120 {
        app.store
            .queue_mail(&kesher_store::NewMail {
                initiative_id: Some(app.fixture.initiative),
                kind: "test".into(),
                to_address: format!("person{n}@example.org"),
                subject: "s".into(),
                text_body: "t".into(),
                html_body: "h".into(),
                list_unsubscribe: None,
                calendar: None,
            })
            .await
            .unwrap();
    }
    let transport = Counting(Mutex::new(0));
    assert_eq!(app.kesher.deliver_mail(&transport).await.unwrap(), 120);
    assert_eq!(*transport.0.lock().unwrap(), 120);
    assert!(
        app.store
            .due_mail(chrono::Utc::now() + chrono::Duration::seconds(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_meeting_summary_reaches_everyone_invited_the_absent_included() {
    use reqwest::Method;
    use serde_json::{Value, json};
    let (app, received) = app_with_mail().await;
    let f = app.fixture;
    let planned: Value = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{}/meetings", f.group),
        )
        .json(&json!({
            "starts_at": "2026-11-01T17:00",
            "duration_minutes": 60,
            "agenda": [{"title": "נתוני ההקבצות", "minutes": 30}]
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let m = planned["id"].as_i64().unwrap();
    let summary = format!("/api/v1/meetings/{m}/summary");
    // Before anyone is recorded as present there is no summary to send.
    let early = app
        .api(Who::Backbone, Method::POST, &summary)
        .send()
        .await
        .unwrap();
    assert_eq!(early.status(), StatusCode::CONFLICT);
    // Dana (invited) did not come; Yossi came as a guest.
    app.api(
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/attendance"),
    )
    .json(&json!({"attended": [f.person_b.get()]}))
    .send()
    .await
    .unwrap();
    app.api(
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/minutes"),
    )
    .json(&json!({"items": [{"notes": "בשני תיכונים אין הקבצה", "covered": true}]}))
    .send()
    .await
    .unwrap();
    app.api(
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/meetings/{m}/action-items"),
    )
    .json(&json!({"title": "לבדוק את המערכת", "owner_person_id": f.person_b.get(), "due_on": "2026-11-20"}))
    .send()
    .await
    .unwrap();
    let sent = app
        .api(Who::Backbone, Method::POST, &summary)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    let sent: Value = sent.json().await.unwrap();
    assert!(sent["finalized_at"].is_string());
    let messages = wait_for(&received, 2).await;
    let mut to: Vec<&str> = messages
        .iter()
        .map(|m| {
            if m.raw.contains("To: dana@example.org") {
                "dana"
            } else if m.raw.contains("To: yossi@example.org") {
                "yossi"
            } else {
                "someone else"
            }
        })
        .collect();
    to.sort_unstable();
    assert_eq!(to, vec!["dana", "yossi"], "the absent one included");
    for message in &messages {
        assert!(message.text.contains("נתוני ההקבצות"), "{}", message.text);
        assert!(message.text.contains("בשני תיכונים אין הקבצה"));
        assert!(
            message
                .text
                .contains("לבדוק את המערכת — יוסי כהן, 20/11/2026")
        );
        assert!(
            message
                .text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("הגיעו 1; הוזמנו 1."),
            "{}",
            message.text
        );
        assert!(
            message
                .link()
                .ends_with(&format!("/initiatives/{}/meetings/{m}", f.initiative)),
            "{}",
            message.link()
        );
    }
}

/// The calendar object a message carries, decoded from its `text/calendar` part.
fn calendar_part(message: &Received, method: &str) -> String {
    let raw = &message.raw;
    let header = format!("Content-Type: text/calendar; charset=utf-8; method={method}");
    let start = raw
        .find(&header)
        .unwrap_or_else(|| panic!("no {method} calendar part in {raw}"));
    let body_start = raw[start..].find("\n\n").unwrap() + start + 2;
    let body_end = raw[body_start..].find("\n--").unwrap() + body_start;
    let encoded: String = raw[body_start..body_end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .expect("a base64 part"),
    )
    .unwrap()
}

/// The calendar read by Python's `icalendar` (a real parser other programs use): its
/// method and each event's fields, as JSON. `None` when no Python with `icalendar` is at
/// hand and `KESHER_PYTHON` does not name one (CI names one, so there it always runs).
pub(crate) fn parsed_by_python(ics: &str) -> Option<serde_json::Value> {
    const SCRIPT: &str = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
events = []
for e in cal.walk("VEVENT"):
    events.append({
        "uid": str(e.get("uid")),
        "sequence": int(e.get("sequence", 0)),
        "status": str(e.get("status")),
        "summary": str(e.get("summary")),
        "start": e.decoded("dtstart").isoformat(),
        "end": e.decoded("dtend").isoformat(),
        "attendee": str(e.get("attendee")),
        "rsvp": str(e.get("attendee").params.get("RSVP")) if e.get("attendee") else None,
        "organizer": str(e.get("organizer")),
    })
print(json.dumps({"method": str(cal.get("method")), "events": events}))
"#;
    let required = std::env::var("KESHER_PYTHON").ok();
    let python = required.clone().unwrap_or_else(|| "python3".into());
    let run = std::process::Command::new(&python)
        .args(["-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(ics.as_bytes())?;
            child.wait_with_output()
        });
    match run {
        Ok(out) if out.status.success() => Some(serde_json::from_slice(&out.stdout).unwrap()),
        Ok(out) if required.is_some() => panic!(
            "{python} could not read the calendar: {}\n{ics}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if required.is_some() => panic!("{python}: {e}"),
        _ => {
            eprintln!("no Python with icalendar here: the calendar is checked by its text only");
            None
        }
    }
}

#[tokio::test]
async fn an_invitation_carries_a_calendar_request_its_links_answer_and_changes_follow_it() {
    use reqwest::Method;
    use serde_json::{Value, json};
    let (app, received) = app_with_mail().await;
    let f = app.fixture;
    // Thursday 25 March 2027, 17:00 in Israel: still winter time, 15:00 UTC.
    let planned: Value = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{}/meetings", f.group),
        )
        .json(&json!({
            "starts_at": "2027-03-25T17:00",
            "duration_minutes": 90,
            "location": "מתנ\"ס השכונה, חדר 2",
            "agenda": [{"title": "תוכנית העבודה", "minutes": 60}]
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let m = planned["id"].as_i64().unwrap();
    // Two materials: one for the invitees, one the backbone keeps to itself.
    for (title, visibility) in [
        ("מצגת תוכנית העבודה", "initiative"),
        ("הערות פנימיות", "backbone"),
    ] {
        let input = kesher_domain::documents::DocumentForm {
            title: title.into(),
            visibility: visibility.into(),
            meeting_id: m.to_string(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        app.store
            .create_document(
                kesher_store::Actor::system(),
                f.initiative,
                &input,
                kesher_store::NewFile {
                    file_name: "deck.pdf",
                    media_type: "application/pdf",
                    sha256: "00",
                    bytes: b"%PDF-1.7",
                },
            )
            .await
            .unwrap();
    }
    let sent = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/meetings/{m}/invitations"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    let messages = wait_for(&received, 1).await;
    let invitation = &messages[0];
    assert!(invitation.raw.contains("To: dana@example.org"));
    assert!(
        invitation.text.contains("תוכנית העבודה"),
        "{}",
        invitation.text
    );
    assert!(
        invitation.text.contains("מצגת תוכנית העבודה"),
        "the materials go with the invitation: {}",
        invitation.text
    );
    assert!(
        !invitation.text.contains("הערות פנימיות"),
        "{}",
        invitation.text
    );
    let ics = calendar_part(invitation, "REQUEST");
    assert!(ics.contains("METHOD:REQUEST"), "{ics}");
    assert!(ics.contains("DTSTART:20270325T150000Z"), "{ics}");
    if let Some(parsed) = parsed_by_python(&ics) {
        assert_eq!(parsed["method"], "REQUEST");
        let event = &parsed["events"][0];
        assert_eq!(event["start"], "2027-03-25T15:00:00+00:00");
        assert_eq!(event["end"], "2027-03-25T16:30:00+00:00");
        assert_eq!(event["sequence"], 0);
        assert_eq!(event["status"], "CONFIRMED");
        assert_eq!(event["attendee"], "mailto:dana@example.org");
        assert_eq!(event["rsvp"], "TRUE");
        assert_eq!(event["organizer"], "mailto:backbone@example.org");
        assert!(
            event["uid"]
                .as_str()
                .unwrap()
                .starts_with(&format!("meeting-{m}@"))
        );
    }

    // Dana answers from the message: the link shows the answers; the button records one.
    let link = invitation
        .text
        .lines()
        .map(str::trim)
        .find(|l| l.contains("/meeting-answer?") && l.ends_with("answer=yes"))
        .expect("an answer link")
        .to_string();
    let key = link
        .split("key=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let browser = client();
    let page = browser.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let answered = post_form(
        &app,
        &browser,
        "/meeting-answer",
        &[("key", &key), ("answer", "yes")],
    )
    .await;
    assert_eq!(answered.status(), StatusCode::OK);
    let answered = document(answered).await;
    assert_eq!(texts(&answered, "#answered").len(), 1);
    let meeting: Value = app
        .api(Who::Viewer, Method::GET, &format!("/api/v1/meetings/{m}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(meeting["invitees"][0]["answer"], "yes");

    // Moved to Sunday 28 March, after the clocks went forward: 17:00 is 14:00 UTC. The
    // invitee gets an update that replaces the entry (same UID, next SEQUENCE).
    let moved = app
        .api(Who::Backbone, Method::PUT, &format!("/api/v1/meetings/{m}"))
        .json(&json!({"starts_at": "2027-03-28T17:00", "duration_minutes": 90, "location": "מתנ\"ס השכונה, חדר 2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::OK);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["sequence"], 1);
    let messages = wait_for(&received, 2).await;
    let update = calendar_part(&messages[1], "REQUEST");
    assert!(update.contains("DTSTART:20270328T140000Z"), "{update}");
    assert!(update.contains("SEQUENCE:1"), "{update}");
    if let Some(parsed) = parsed_by_python(&update) {
        let event = &parsed["events"][0];
        assert_eq!(event["start"], "2027-03-28T14:00:00+00:00");
        assert_eq!(event["sequence"], 1);
        // She had said yes; the update keeps it.
        assert_eq!(
            event["uid"],
            parsed_by_python(&ics).unwrap()["events"][0]["uid"]
        );
    }
    // The first message's links were replaced by the update's.
    let stale = post_form(
        &app,
        &browser,
        "/meeting-answer",
        &[("key", &key), ("answer", "no")],
    )
    .await;
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);

    // Called off: a cancellation their calendar applies.
    let cancelled = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/meetings/{m}/cancel"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    let messages = wait_for(&received, 3).await;
    let cancel = calendar_part(&messages[2], "CANCEL");
    assert!(cancel.contains("STATUS:CANCELLED"), "{cancel}");
    if let Some(parsed) = parsed_by_python(&cancel) {
        assert_eq!(parsed["method"], "CANCEL");
        assert_eq!(parsed["events"][0]["sequence"], 2);
    }
    // A cancelled meeting is not sent again.
    let again = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/meetings/{m}/invitations"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

/// An update is drafted from what happened (a decision taken today, a meeting ahead),
/// sent once to one body's members, arrives with its Markdown rendered and nothing
/// dangerous in it, joins the archive everyone reads, and its link stops the next one. The
/// contact plan counts the update as the partner's last contact.
#[tokio::test]
async fn an_update_reaches_its_audience_once_and_its_link_stops_the_next() {
    let (app, received) = app_with_mail().await;
    let i = app.fixture.initiative;
    let group = app.fixture.group;
    let decision = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/decisions"),
        )
        .json(&serde_json::json!({
            "decided_on": chrono::Utc::now().date_naive().to_string(),
            "kind": "consensus",
            "text": "הוחלט להרחיב את מועדוני הרובוטיקה לבנות",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(decision.status(), StatusCode::CREATED);
    let ahead = (chrono::Utc::now() + chrono::Duration::days(10))
        .format("%Y-%m-%dT17:00")
        .to_string();
    let meeting = app
        .api(Who::Backbone, reqwest::Method::POST, &format!("/api/v1/bodies/{group}/meetings"))
        .json(&serde_json::json!({"starts_at": ahead, "duration_minutes": 60, "location": "אולם המועצה"}))
        .send()
        .await
        .unwrap();
    assert_eq!(meeting.status(), StatusCode::CREATED);

    // The template gathers them.
    let form = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/updates/new"))
            .await,
    )
    .await;
    let drafted = texts(&form, "#f-text").join("\n");
    assert!(
        drafted.contains("הוחלט להרחיב את מועדוני הרובוטיקה לבנות"),
        "{drafted}"
    );
    assert!(drafted.contains("אולם המועצה"), "{drafted}");

    let text = "## מה חדש\n\n**הוחלט** להרחיב את המועדונים.\n\n<script>alert(1)</script>[קישור](javascript:alert(1))";
    let group_id = group.to_string();
    let saved = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/updates"),
            &[
                ("title", "עדכון דצמבר"),
                ("text", text),
                ("audience", "body"),
                ("body_id", &group_id),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page_path = saved.headers()["location"].to_str().unwrap().to_string();
    let draft = document(app.get(Who::Backbone, &page_path).await).await;
    assert_eq!(
        texts(&draft, "#recipients li"),
        vec!["דנה לוי — עמותת מדע בשכונה"],
        "the group's one member, by name and organization"
    );
    assert_eq!(
        app.get(Who::Viewer, &page_path).await.status(),
        StatusCode::FORBIDDEN,
        "a draft is the backbone's"
    );

    let sent = app
        .post(Who::Backbone, &format!("{page_path}/send"), &[])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let message = wait_for(&received, 1).await.remove(0);
    assert!(
        message.raw.contains("To: dana@example.org"),
        "{}",
        message.raw
    );
    assert!(message.html.contains("<h2>מה חדש</h2>"), "{}", message.html);
    assert!(
        message.html.contains("<strong>הוחלט</strong>"),
        "{}",
        message.html
    );
    assert!(!message.html.contains("<script"), "{}", message.html);
    assert!(
        !message.html.contains("href=\"javascript"),
        "{}",
        message.html
    );
    assert!(
        message.text.contains("**הוחלט**"),
        "the text part keeps what was written"
    );
    assert!(
        message
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{}",
        message.raw
    );
    assert_eq!(
        app.post(Who::Backbone, &format!("{page_path}/send"), &[])
            .await
            .status(),
        StatusCode::CONFLICT,
        "an update is sent once"
    );

    // The archive: every role in the initiative reads it.
    let archive = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/updates"))
            .await,
    )
    .await;
    assert!(
        texts(&archive, "#updates")
            .join(" ")
            .contains("עדכון דצמבר")
    );
    let read = document(app.get(Who::Viewer, &page_path).await).await;
    assert!(texts(&read, "#update-text strong").contains(&"הוחלט".to_string()));

    // The contact plan counts the update as organization A's last contact.
    let plan = app
        .api(
            Who::Backbone,
            reqwest::Method::PUT,
            &format!("/api/v1/organizations/{}/contact-plan", app.fixture.org_a),
        )
        .json(&serde_json::json!({"purpose": "לעדכן על תכניות הליבה", "channel": "updates", "every": 1, "unit": "months"}))
        .send()
        .await
        .unwrap();
    assert_eq!(plan.status(), StatusCode::OK);
    let rows: serde_json::Value = app
        .api(
            Who::Backbone,
            reqwest::Method::GET,
            &format!("/api/v1/initiatives/{i}/contact-plan"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let row_a = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["organization_id"] == app.fixture.org_a.get())
        .unwrap();
    assert_eq!(row_a["last_contact"]["via"]["kind"], "update", "{row_a}");
    assert_eq!(row_a["standing"], "on_time", "{row_a}");
    assert_eq!(row_a["plan"]["every"], 1, "{row_a}");

    // The stop link: its page changes nothing; its button stops updates to Dana.
    let stop = message
        .text
        .lines()
        .map(str::trim)
        .find(|l| l.contains("/unsubscribe?key="))
        .expect("a stop link")
        .split(": ")
        .last()
        .unwrap()
        .to_string();
    let key = stop.split("key=").nth(1).unwrap().to_string();
    let page = client().get(&stop).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let stopped = post_form(&app, &client(), "/unsubscribe", &[("key", &key)]).await;
    assert_eq!(texts(&document(stopped).await, "#unsubscribed").len(), 1);
    let next = app
        .api(Who::Backbone, reqwest::Method::POST, &format!("/api/v1/initiatives/{i}/updates"))
        .json(&serde_json::json!({"title": "עדכון ינואר", "text": "עוד", "audience": "body", "body_id": group.get()}))
        .send()
        .await
        .unwrap();
    assert_eq!(next.status(), StatusCode::CREATED);
    let next: serde_json::Value = next.json().await.unwrap();
    let recipients: serde_json::Value = app
        .api(
            Who::Backbone,
            reqwest::Method::GET,
            &format!("/api/v1/updates/{}/recipients", next["id"]),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(recipients, serde_json::json!([]), "Dana asked for no more");
    let refused = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/updates/{}/send", next["id"]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
}
