//! The hardening findings, one test each: what a probe of the running server found, shown
//! to be closed.

use kesher_web::WebConfig;
use reqwest::StatusCode;

use crate::helpers::*;

/// Forty wrong passwords sent at once: at most five reach the hash, the rest wait, and the
/// right password sent after them waits too. The owner at another address still signs in.
#[tokio::test]
async fn sign_ins_sent_at_once_cannot_race_the_throttle() {
    let app = TestApp::spawn_with(WebConfig {
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        ..WebConfig::default()
    })
    .await;
    let attacker = client();
    let csrf = app.csrf_of(&attacker, "/login").await;
    let tries = (0..40).map(|i| {
        attacker
            .post(app.url("/login"))
            .header("x-forwarded-for", "203.0.113.9")
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", Who::Viewer.email()),
                ("password", &format!("wrong password {i}")),
                ("next", "/"),
            ])
            .send()
    });
    let answers = futures_join_all(tries).await;
    let checked = answers
        .iter()
        .filter(|r| r.status() == StatusCode::UNAUTHORIZED)
        .count();
    let waiting: Vec<_> = answers
        .iter()
        .filter(|r| r.status() == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    assert!(checked <= 5, "{checked} passwords were checked");
    assert_eq!(checked + waiting.len(), 40);
    assert!(
        waiting
            .iter()
            .all(|r| r.headers().contains_key("retry-after"))
    );

    let right = attacker
        .post(app.url("/login"))
        .header("x-forwarded-for", "203.0.113.9")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", Who::Viewer.email()),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);

    // The owner, elsewhere, is not locked out by the guesser.
    let owner = client();
    let csrf = app.csrf_of(&owner, "/login").await;
    let response = owner
        .post(app.url("/login"))
        .header("x-forwarded-for", "198.51.100.7")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", Who::Viewer.email()),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// Without a trusted proxy, `X-Forwarded-For` is not believed: a guesser cannot escape the
/// throttle by naming a new address in each try.
#[tokio::test]
async fn a_forwarded_address_from_an_untrusted_peer_is_ignored() {
    let app = TestApp::spawn().await;
    let guesser = client();
    let csrf = app.csrf_of(&guesser, "/login").await;
    let mut statuses = Vec::new();
    for i in 0..7 {
        let response = guesser
            .post(app.url("/login"))
            .header("x-forwarded-for", format!("203.0.113.{i}"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", Who::Member.email()),
                ("password", "not the password"),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
    }
    assert_eq!(statuses[4], StatusCode::UNAUTHORIZED);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
}

/// After sign-in only a path of this site is followed; every way of naming another site,
/// and a line break, lands on the home page.
#[tokio::test]
async fn sign_in_never_redirects_to_another_site() {
    let app = TestApp::spawn().await;
    for next in [
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "https://evil.example",
        "/x\r\nSet-Cookie: a=b",
        "/%09/evil.example",
    ] {
        let browser = client();
        let csrf = app.csrf_of(&browser, "/login").await;
        let response = browser
            .post(app.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", Who::Member.email()),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(response.headers()["location"], "/", "{next:?}");
        // The sign-in page itself, asked with such a `next`, answers and keeps it home.
        let page = client()
            .get(app.url("/login"))
            .query(&[("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{next:?}");
        let page = document(page).await;
        assert_eq!(
            attribute(&page, "input[name=next]", "value").as_deref(),
            Some("/"),
            "{next:?}"
        );
    }
    // A path of this site is kept.
    let browser = client();
    let csrf = app.csrf_of(&browser, "/login").await;
    let path = format!("/initiatives/{}/bodies", app.fixture.initiative);
    let response = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", Who::Member.email()),
            ("password", PASSWORD),
            ("next", &path),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], path.as_str());
}

async fn futures_join_all<F, T>(futures: impl Iterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = reqwest::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut answers = Vec::new();
    for handle in handles {
        answers.push(handle.await.unwrap().unwrap());
    }
    answers
}

/// A text a spreadsheet would run (`=HYPERLINK(…)`, `@SUM(…)`) is written so that it opens
/// as text; a code with leading zeros stays a code in XLSX; the value stays a number.
#[tokio::test]
async fn downloads_open_safely_in_a_spreadsheet() {
    use calamine::{Data, Reader};
    use kesher_domain::measurement::indicator::Cell;
    use kesher_domain::measurement::values::{SourceKind, ValueState};
    use kesher_store::{Actor, NewSource, NewValue};

    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let response = crate::measurement::create_indicator(
        &app,
        &[
            ("code", "students"),
            ("name_he", "תלמידים"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let place = crate::trusted::add_place(
        &app,
        "school",
        "00472",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        None,
    )
    .await;
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let students = &indicators[0];
    app.store
        .write_values(
            Actor::system(),
            id,
            &NewSource {
                kind: SourceKind::Api,
                name: "+cmd|' /C calc'!A0".into(),
            },
            &[],
            &[NewValue {
                indicator_id: students.id,
                place_id: place.id,
                period: crate::trusted::school_year(1),
                cell: Cell::total(),
                value: Some(-3.0),
                missing: None,
                note: Some("@SUM(A1)".into()),
            }],
            ValueState::Approved,
        )
        .await
        .unwrap();
    let download = |format: &'static str| {
        let path = format!(
            "/initiatives/{id}/measurement/indicators/{}/download?what=values&format={format}",
            students.id
        );
        let app = &app;
        async move { app.get(Who::Viewer, &path).await }
    };
    let text = download("csv").await.text().await.unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.contains("\"'=HYPERLINK(")
            && row.contains(",-3,")
            && row.contains(",'@SUM(A1),")
            && row.ends_with(",'+cmd|' /C calc'!A0"),
        "{row}"
    );
    let bytes = download("xlsx").await.bytes().await.unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.get((1, 1)), Some(&Data::String("00472".into())));
    assert_eq!(sheet.get((1, 7)), Some(&Data::Float(-3.0)));

    // A tool signed in with a token gets the same files through the API, and the DHIS2
    // document names the school by its code.
    let api_file = |format: &str| {
        app.api(
            Who::Viewer,
            reqwest::Method::GET,
            &format!(
                "/api/v1/indicators/{}/values-file?format={format}",
                students.id
            ),
        )
        .send()
    };
    let csv = api_file("csv").await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(csv.text().await.unwrap(), text);
    let xlsx = api_file("xlsx").await.unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.get((1, 1)), Some(&Data::String("00472".into())));
    assert_eq!(
        api_file("pdf").await.unwrap().status(),
        StatusCode::BAD_REQUEST,
        "a format the API does not make is refused, not answered with CSV"
    );
    let dhis2 = app
        .api(
            Who::Viewer,
            reqwest::Method::GET,
            &format!("/api/v1/initiatives/{id}/dhis2?indicator={}", students.code),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(dhis2.status(), StatusCode::OK);
    let document: serde_json::Value = dhis2.json().await.unwrap();
    assert_eq!(document["dataValues"][0]["orgUnit"], "00472", "{document}");
    assert_eq!(document["dataValues"][0]["value"], "-3", "{document}");
    let unknown = app
        .api(
            Who::Viewer,
            reqwest::Method::GET,
            &format!("/api/v1/initiatives/{id}/dhis2?indicator=nothing"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// Control characters and direction overrides are refused at the field; a zero-width space
/// does not make a second organization of the same name.
#[tokio::test]
async fn invisible_and_control_characters_are_refused() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let create = |name: &str| {
        app.api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/organizations?lang=en"),
        )
        .json(&serde_json::json!({
            "name": name, "sector": "business", "organization_type": "school"
        }))
        .send()
    };
    for name in [
        "evil\u{202E}gnp.exe",
        "a\u{0}b",
        "a\u{1b}[2Jb",
        "x\u{2067}y",
    ] {
        let response = create(name).await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name:?}"
        );
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["fields"][0]["field"], "name", "{body}");
        assert!(
            body["error"]["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("invisible"),
            "{body}"
        );
    }
    assert_eq!(
        create("מרכז מדע").await.unwrap().status(),
        StatusCode::CREATED
    );
    let twin = create("מרכז\u{200B} מדע").await.unwrap();
    assert_eq!(twin.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = twin.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["code"], "taken", "{body}");
}

/// A deleted record's id is never given to the next one: an old link or audit entry cannot
/// come to point at a stranger's record.
#[tokio::test]
async fn an_id_is_not_given_again_after_a_delete() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let create = |name: &'static str| {
        app.api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/organizations"),
        )
        .json(&serde_json::json!({"name": name, "sector": "business", "organization_type": "company"}))
        .send()
    };
    let first: serde_json::Value = create("ארגון ראשון").await.unwrap().json().await.unwrap();
    let first = first["id"].as_i64().unwrap();
    let deleted = app
        .api(
            Who::Backbone,
            reqwest::Method::DELETE,
            &format!("/api/v1/organizations/{first}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let second: serde_json::Value = create("ארגון שני").await.unwrap().json().await.unwrap();
    assert!(second["id"].as_i64().unwrap() > first, "{second}");
    let old_link = app
        .api(
            Who::Backbone,
            reqwest::Method::GET,
            &format!("/api/v1/organizations/{first}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(old_link.status(), StatusCode::NOT_FOUND);
}

/// An organization's history shows its own people only: a person of another organization,
/// deleted and followed by a new person here, leaves no trace of their address on this
/// organization's page, and a viewer sees no history at all.
#[tokio::test]
async fn an_organizations_history_shows_only_its_own_people() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let person = |organization: i64, name: &str, email: &str| {
        app.api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/people"),
        )
        .json(&serde_json::json!({
            "organization_id": organization, "name": name, "email": email, "phone": "050-7654321"
        }))
        .send()
    };
    let stranger: serde_json::Value =
        person(app.fixture.org_b.get(), "זרה", "stranger@example.org")
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    let deleted = app
        .api(
            Who::Backbone,
            reqwest::Method::DELETE,
            &format!("/api/v1/people/{}", stranger["id"]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let response = person(app.fixture.org_a.get(), "חדשה", "newcomer@example.org")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);

    let page = app
        .get(
            Who::Editor,
            &format!("/initiatives/{i}/organizations/{}", app.fixture.org_a),
        )
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("newcomer@example.org"));
    assert!(
        !html.contains("stranger@example.org"),
        "another organization's person leaked"
    );
    let viewer = app
        .get(
            Who::Viewer,
            &format!("/initiatives/{i}/organizations/{}", app.fixture.org_a),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !viewer.contains("newcomer@example.org"),
        "a viewer sees no contact details"
    );
}

/// JSON is read strictly, and every refusal says what is wrong: the field and the type it
/// takes, a body that is not JSON (415), one over the limit (413, naming it), bytes that are
/// not UTF-8.
#[tokio::test]
async fn json_is_strict_and_its_errors_say_what_is_wrong() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let path = format!("/api/v1/initiatives/{i}/organizations?lang=en");
    let send = |body: Vec<u8>, content_type: &'static str| {
        app.api(Who::Backbone, reqwest::Method::POST, &path)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let json = "application/json";

    let response = send(
        br#"{"name": 42, "sector": "business", "organization_type": "company"}"#.to_vec(),
        json,
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_json");
    assert_eq!(body["error"]["fields"][0]["field"], "name");
    assert_eq!(body["error"]["fields"][0]["code"], "type");
    assert_eq!(
        body["error"]["fields"][0]["message"],
        "Write text here (in quotes)."
    );

    let values = format!("/api/v1/initiatives/{i}/values?lang=en");
    let response = app
        .api(Who::Backbone, reqwest::Method::POST, &values)
        .json(&serde_json::json!({"source": "x", "entries": [
            {"indicator": "a", "place_id": 1, "period": "2024", "value": 1},
            {"indicator": "a", "place_id": 1, "period": "2024", "value": true}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body["error"]["fields"][0]["field"], "entries[1].value",
        "{body}"
    );
    assert_eq!(
        body["error"]["fields"][0]["message"],
        "Write a number here."
    );

    // A yes-or-no field takes JSON's true and false (schemathesis sent one to the agenda).
    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/agenda"),
        )
        .json(&serde_json::json!({"problem": "בעיה מנוסחת מחדש", "wording_only": true}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let version: serde_json::Value = response.json().await.unwrap();
    assert_eq!(version["wording_only"], true, "{version}");

    // A number field takes a JSON number: "" is not "left out" and "5" is not 5 (the
    // document says integer; schemathesis once moved a node to the top with "").
    for parent in [r#""""#, r#""5""#] {
        let node = app.throwaway_result().await;
        let response = app
            .api(
                Who::Backbone,
                reqwest::Method::POST,
                &format!("/api/v1/results/{node}/move?lang=en"),
            )
            .header("content-type", "application/json")
            .body(format!(r#"{{"parent_id": {parent}}}"#))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{parent}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["fields"][0]["field"], "parent_id", "{body}");
    }

    let response = send(b"name=x".to_vec(), "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unsupported_media_type");

    let huge = format!(r#"{{"name": "{}"}}"#, "א".repeat(200_000)).into_bytes();
    let response = send(huge, json).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("256 KB"),
        "{body}"
    );

    let response = send(b"{\"name\": \"\xff\xfe\"}".to_vec(), json)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"].as_str().unwrap().contains("UTF-8"),
        "{body}"
    );
}

/// A write that meets a long import waits for it, and when the import holds on longer
/// than the wait, answers 503 with Retry-After, never 500; nothing is half-written.
#[tokio::test]
async fn a_write_during_a_long_import_waits_or_answers_busy() {
    use sqlx::Connection;
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    // Another connection holds the write lock, as a long import's transaction does.
    let mut import = sqlx::SqliteConnection::connect(&format!("sqlite:{}", app.db_path.display()))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut import)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/organizations?lang=en"),
        )
        .json(&serde_json::json!({"name": "בזמן ייבוא", "sector": "business", "organization_type": "company"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert!(response.headers().contains_key("retry-after"));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "busy");

    // Once the import ends, the same write lands.
    sqlx::query("COMMIT").execute(&mut import).await.unwrap();
    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{i}/organizations"),
        )
        .json(&serde_json::json!({"name": "בזמן ייבוא", "sector": "business", "organization_type": "company"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

/// A handler that panics (a bug) gives the error page in the user's language with 500, and
/// the server goes on answering.
#[tokio::test]
async fn a_panicking_handler_gives_the_error_page() {
    let app = TestApp::spawn().await;
    let response = app.get(Who::Member, "/test-hooks/panic").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let page = document(response).await;
    assert_eq!(texts(&page, "h1"), vec!["אירעה תקלה."]);
    assert!(
        !page.html().contains("on purpose"),
        "the cause stays in the log"
    );
    assert_eq!(app.get(Who::Member, "/").await.status(), StatusCode::OK);
}

/// Answers to a signed-in user are never cached; over HTTPS the browser is told to keep to
/// it.
#[tokio::test]
async fn personal_answers_are_not_cached_and_https_is_kept() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let page = app
        .get(Who::Member, &format!("/initiatives/{i}/people"))
        .await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    let api = app
        .api(
            Who::Member,
            reqwest::Method::GET,
            &format!("/api/v1/initiatives/{i}/people"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(api.headers()["cache-control"], "no-store");
    assert!(!page.headers().contains_key("strict-transport-security"));
    let over_https = app
        .as_(Who::Member)
        .get(app.url("/"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(
        over_https.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
}

/// When the store cannot say whose session a cookie is, the request fails and is logged;
/// the user is not signed out by it.
#[tokio::test]
async fn a_session_that_cannot_be_read_fails_without_signing_out() {
    use sqlx::Connection;
    let app = TestApp::spawn().await;
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite:{}", app.db_path.display()))
        .await
        .unwrap();
    sqlx::query("ALTER TABLE sessions RENAME TO sessions_away")
        .execute(&mut db)
        .await
        .unwrap();
    let response = app.get(Who::Member, "/").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("kesher_session=")),
        "the session cookie is kept"
    );
    sqlx::query("ALTER TABLE sessions_away RENAME TO sessions")
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(app.get(Who::Member, "/").await.status(), StatusCode::OK);
}

/// Deleting an indicator says how many values go with it, and the audit log keeps the
/// indicator and every value, so they can be recovered.
#[tokio::test]
async fn an_indicator_deleted_with_its_values_can_be_recovered_from_the_audit_log() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let response = crate::measurement::create_indicator(
        &app,
        &[
            ("code", "students"),
            ("name_he", "תלמידים"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let place = crate::trusted::add_place(&app, "school", "440017", "אורט", None).await;
    let period = crate::trusted::school_year(1).code();
    let response = crate::trusted::send_values(
        &app,
        Who::Backbone,
        &serde_json::json!({"source": "api", "entries": [
            {"indicator": "students", "place_id": place.id.get(), "period": period, "value": 412},
            {"indicator": "students", "place_id": place.id.get(), "period": crate::trusted::school_year(2).code(), "value": 398}]}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, i)
        .await
        .unwrap();
    let students = indicators[0].id;
    let confirm = app
        .get(
            Who::Backbone,
            &format!("/initiatives/{i}/measurement/indicators/{students}/delete?lang=en"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(confirm.contains("its 2 values are deleted"), "{confirm}");
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/measurement/indicators/{students}/delete"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let log: serde_json::Value = app
        .api(
            Who::Backbone,
            reqwest::Method::GET,
            &format!("/api/v1/initiatives/{i}/audit"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["entity"] == "indicator" && e["action"] == "delete")
        .expect("the deletion is in the log");
    let before = &entry["before"];
    assert_eq!(before["indicator"]["code"], "students");
    assert_eq!(before["value_columns"][3], "value");
    let mut numbers: Vec<f64> = before["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[3].as_f64().unwrap())
        .collect();
    numbers.sort_by(f64::total_cmp);
    assert_eq!(numbers, vec![398.0, 412.0]);
    assert!(before["values"][0][1] == place.id.get());
}

/// A user makes a named token, sees it listed with its expiry and last use, revokes it,
/// and it is refused from then on. An admin disables an account: its sessions and tokens
/// end and it cannot sign in.
#[tokio::test]
async fn a_token_is_listed_revoked_and_refused_and_a_disabled_user_is_shut_out() {
    let app = TestApp::spawn().await;
    let response = app
        .api(Who::Member, reqwest::Method::POST, "/api/v1/me/tokens")
        .json(&serde_json::json!({"name": "לוח עירוני", "expires_in_days": 30}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let made: serde_json::Value = response.json().await.unwrap();
    let secret = made["secret"].as_str().unwrap().to_string();
    let with_token = |path: &str| client().get(app.url(path)).bearer_auth(&secret).send();
    assert_eq!(
        with_token("/api/v1/me").await.unwrap().status(),
        StatusCode::OK
    );
    let listed: serde_json::Value = app
        .api(Who::Member, reqwest::Method::GET, "/api/v1/me/tokens")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mine = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == made["id"])
        .expect("the new token is listed");
    assert_eq!(mine["name"], "לוח עירוני");
    assert!(
        mine["expires_at"].is_string() && mine["last_used_at"].is_string(),
        "{mine}"
    );
    assert!(
        !listed.to_string().contains(&secret),
        "the secret is never listed"
    );
    // The account page lists it too.
    let page = app.get(Who::Member, "/account").await.text().await.unwrap();
    assert!(page.contains("לוח עירוני"));

    // Another user cannot revoke it; its owner can.
    let foreign = app
        .api(
            Who::Viewer,
            reqwest::Method::DELETE,
            &format!("/api/v1/me/tokens/{}", made["id"]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let revoked = app
        .api(
            Who::Member,
            reqwest::Method::DELETE,
            &format!("/api/v1/me/tokens/{}", made["id"]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        with_token("/api/v1/me").await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );

    // Disabling the viewer ends their session and token, and they cannot sign in again.
    let viewer: serde_json::Value = app
        .api(Who::Viewer, reqwest::Method::GET, "/api/v1/me")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = &viewer["user"]["id"];
    let refused = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/users/{id}/disable"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "only an admin disables"
    );
    let disabled = app
        .api(
            Who::Admin,
            reqwest::Method::POST,
            &format!("/api/v1/users/{id}/disable"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(disabled.status(), StatusCode::OK);
    assert_eq!(
        app.api(Who::Viewer, reqwest::Method::GET, "/api/v1/me")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let page = app
        .get(
            Who::Viewer,
            &format!("/initiatives/{}", app.fixture.initiative),
        )
        .await;
    assert_eq!(page.status(), StatusCode::SEE_OTHER, "the session ended");
    let again = app
        .try_sign_in(&client(), Who::Viewer.email(), PASSWORD)
        .await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
}

/// A value waiting for review is the reviewers' business: through the API a viewer or a
/// member sees only approved values, even when asking for submitted ones; the backbone sees
/// them.
#[tokio::test]
async fn values_awaiting_review_are_not_shown_to_readers() {
    use kesher_domain::measurement::indicator::Cell;
    use kesher_domain::measurement::values::{SourceKind, ValueState};
    use kesher_store::{Actor, NewSource, NewValue};

    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let response = crate::measurement::create_indicator(
        &app,
        &[
            ("code", "students"),
            ("name_he", "תלמידים"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let place = crate::trusted::add_place(&app, "school", "440017", "אורט", None).await;
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, i)
        .await
        .unwrap();
    for (period, state) in [
        (crate::trusted::school_year(1), ValueState::Approved),
        (crate::trusted::school_year(0), ValueState::Submitted),
    ] {
        app.store
            .write_values(
                Actor::system(),
                i,
                &NewSource {
                    kind: SourceKind::Api,
                    name: "x".into(),
                },
                &[],
                &[NewValue {
                    indicator_id: indicators[0].id,
                    place_id: place.id,
                    period,
                    cell: Cell::total(),
                    value: Some(400.0),
                    missing: None,
                    note: None,
                }],
                state,
            )
            .await
            .unwrap();
    }
    let states = |who: Who, state: &'static str| {
        let app = &app;
        async move {
            let values: serde_json::Value = app
                .api(
                    who,
                    reqwest::Method::GET,
                    &format!("/api/v1/initiatives/{i}/values?state={state}"),
                )
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let mut states: Vec<String> = values
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v["state"].as_str().unwrap().to_string())
                .collect();
            states.sort();
            states
        }
    };
    assert_eq!(states(Who::Viewer, "approved").await, vec!["approved"]);
    assert!(states(Who::Viewer, "submitted").await.is_empty());
    assert!(states(Who::Member, "submitted").await.is_empty());
    assert_eq!(states(Who::Backbone, "submitted").await, vec!["submitted"]);
}

/// schemathesis found two corners of the API's contract: an id written `43.0` (an integer,
/// to JSON Schema) and a boundary whose dimension is the empty string (no word of its list).
#[tokio::test]
async fn an_id_written_with_a_point_is_sent_on_and_an_empty_choice_is_refused() {
    let app = TestApp::spawn().await;
    let person = app.fixture.person_a;
    let response = app
        .api(
            Who::Admin,
            reqwest::Method::GET,
            &format!("/api/v1/people/{person}.0?lang=en"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        response.headers()["location"],
        format!("/api/v1/people/{person}?lang=en").as_str()
    );
    // Anything else that is not an id names no record.
    let response = app
        .api(
            Who::Admin,
            reqwest::Method::GET,
            &format!("/api/v1/people/{person}.5"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("/api/v1/initiatives/{}/agenda", app.fixture.initiative),
        )
        .json(&serde_json::json!({"boundaries": [{"dimension": "", "item": ""}], "vision": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body.to_string().contains("dimension"), "{body}");
    // A form's blank spare rows are still read as not chosen.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{}/agenda", app.fixture.initiative),
            &[
                ("mission", "משימה אחרת"),
                ("boundary_dimension", ""),
                ("boundary_scope", ""),
                ("boundary_item", ""),
                ("boundary_reason", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}
