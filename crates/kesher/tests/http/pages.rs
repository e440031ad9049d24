//! What people see on the pages: language and direction, forms that explain, search in
//! Hebrew, the advice on bodies, privacy for viewers, and the protections around sign-in.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, Who, attribute, client, document, texts};

#[tokio::test]
async fn hebrew_is_the_default_and_english_is_one_click_away_and_remembered() {
    let app = TestApp::spawn().await;
    let path = format!("/initiatives/{}", app.fixture.initiative);
    let page = document(app.get(Who::Member, &path).await).await;
    assert_eq!(attribute(&page, "html", "lang").as_deref(), Some("he"));
    assert_eq!(attribute(&page, "html", "dir").as_deref(), Some("rtl"));
    assert_eq!(
        texts(&page, "nav.initiative-nav a[aria-current=page]"),
        vec!["תמונת מצב"]
    );
    // The switch is on the page and leads to the same page in English.
    let switch = attribute(&page, "#switch-language", "href").expect("a language switch");
    assert_eq!(switch, format!("{path}?lang=en"));
    let english = document(app.get(Who::Member, &switch).await).await;
    assert_eq!(attribute(&english, "html", "dir").as_deref(), Some("ltr"));
    assert_eq!(
        texts(&english, "nav.initiative-nav a[aria-current=page]"),
        vec!["Overview"]
    );
    // The choice is remembered on the next page, without ?lang.
    let next = document(app.get(Who::Member, &format!("{path}/bodies")).await).await;
    assert_eq!(attribute(&next, "html", "lang").as_deref(), Some("en"));
    assert_eq!(texts(&next, "h1"), vec!["Bodies"]);
    // And the switch back returns to Hebrew.
    let back = attribute(&next, "#switch-language", "href").unwrap();
    let hebrew = document(app.get(Who::Member, &back).await).await;
    assert_eq!(attribute(&hebrew, "html", "dir").as_deref(), Some("rtl"));
}

#[tokio::test]
async fn every_page_has_landmarks_a_skip_link_and_labelled_inputs() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    for path in [
        format!("/initiatives/{i}/organizations/new"),
        format!("/initiatives/{i}/people/new"),
        format!("/initiatives/{i}/bodies/new"),
        format!("/initiatives/{i}/bodies/{}", app.fixture.group),
        format!("/initiatives/{i}/access"),
        format!("/initiatives/{i}/organizations"),
        format!("/initiatives/{i}/agenda"),
        format!("/initiatives/{i}/agenda/edit"),
        format!("/initiatives/{i}/results"),
        format!("/initiatives/{i}/results/new"),
        format!("/initiatives/{i}/results/{}", app.fixture.agenda.goal),
        format!("/initiatives/{i}/glossary"),
        format!("/initiatives/{i}/glossary/{}", app.fixture.agenda.term),
        format!("/initiatives/{i}/decisions/new"),
        format!("/initiatives/{i}/disputes"),
        format!("/initiatives/{i}/disputes/{}", app.fixture.agenda.dispute),
        format!(
            "/initiatives/{i}/disputes/{}/edit",
            app.fixture.agenda.dispute
        ),
        format!("/initiatives/{i}/endorsements"),
        format!("/initiatives/{i}/field-changes"),
        format!("/initiatives/{i}/measurement"),
        format!("/initiatives/{i}/measurement/progress"),
        format!("/initiatives/{i}/measurement/setup"),
        format!("/initiatives/{i}/measurement/report"),
        format!("/initiatives/{i}/measurement/approvals"),
        format!("/initiatives/{i}/measurement/import"),
        format!("/initiatives/{i}/measurement/report-card"),
        format!("/initiatives/{i}/measurement/indicators/new"),
        format!("/initiatives/{i}/measurement/places"),
        format!("/initiatives/{i}/measurement/places/new"),
        "/account".to_string(),
        "/admin/users".to_string(),
    ] {
        let response = app.get(Who::Admin, &path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let page = document(response).await;
        assert_eq!(
            texts(&page, "main#main").len(),
            1,
            "{path}: one main landmark"
        );
        assert_eq!(
            attribute(&page, "a.skip-link", "href").as_deref(),
            Some("#main"),
            "{path}"
        );
        assert!(
            !texts(&page, "header").is_empty() && !texts(&page, "footer").is_empty(),
            "{path}"
        );
        let selector =
            scraper::Selector::parse("input:not([type=hidden]), select, textarea").unwrap();
        for input in page.select(&selector) {
            let id = input
                .value()
                .attr("id")
                .unwrap_or_else(|| panic!("{path}: an input without id"));
            let label = scraper::Selector::parse(&format!("label[for='{id}']")).unwrap();
            assert!(
                page.select(&label).next().is_some(),
                "{path}: #{id} has no label"
            );
        }
    }
}

#[tokio::test]
async fn a_refused_form_explains_each_field_in_the_users_language_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let path = format!("/initiatives/{i}/organizations");
    let fields = [
        ("name", "  "),
        ("sector", "business"),
        ("organization_type", "company"),
        ("website", "לא אתר"),
        ("description", "תיאור שנשמר בטופס"),
    ];
    let response = app.post(Who::Backbone, &path, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(texts(&page, "#f-name-error"), vec!["שדה חובה."]);
    assert!(texts(&page, "#f-website-error")[0].contains("כתובת אתר"));
    assert_eq!(
        attribute(&page, "#f-name", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attribute(&page, "#f-website", "aria-describedby").as_deref(),
        Some("f-website-hint f-website-error")
    );
    assert_eq!(texts(&page, "#f-description"), vec!["תיאור שנשמר בטופס"]);
    assert_eq!(
        attribute(&page, "#f-sector option[selected]", "value").as_deref(),
        Some("business")
    );
    assert_eq!(texts(&page, ".error-summary li a").len(), 2);
    // In English, the same mistake reads in English.
    app.get(Who::Backbone, "/?lang=en").await;
    let page = document(app.post(Who::Backbone, &path, &fields).await).await;
    assert_eq!(texts(&page, "#f-name-error"), vec!["Required."]);
}

#[tokio::test]
async fn a_saved_organization_appears_with_a_message_and_in_the_audit_log() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let fields = [
        ("name", "מוזיאון המדע  העירוני"),
        ("sector", "third_sector"),
        ("organization_type", "museum"),
        ("tags", "מדע, קהילה"),
        ("website", "www.museum.example.org"),
    ];
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/organizations"),
            &fields,
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let page = document(app.get(Who::Backbone, &location).await).await;
    assert_eq!(texts(&page, "h1"), vec!["מוזיאון המדע העירוני"]);
    assert_eq!(texts(&page, ".flash"), vec!["הארגון נוסף."]);
    assert_eq!(texts(&page, ".tags li"), vec!["מדע", "קהילה"]);
    assert_eq!(
        attribute(&page, "dd a[rel~=noopener]", "href").as_deref(),
        Some("https://www.museum.example.org/")
    );
    // The message is shown once.
    let again = document(app.get(Who::Backbone, &location).await).await;
    assert!(texts(&again, ".flash").is_empty());
    // The history names who made the change.
    let history = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/history"))
            .await,
    )
    .await;
    let first = &texts(&history, "ol.history > li")[0];
    assert!(
        first.contains("Backbone") && first.contains("מוזיאון המדע העירוני"),
        "{first}"
    );
    // The same name, spelled differently, is refused at the field.
    let twice = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/organizations"),
            &[
                ("name", "מוזיאון המדע העירוני "),
                ("sector", "public"),
                ("organization_type", "museum"),
            ],
        )
        .await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&document(twice).await, "#f-name-error"),
        vec!["כבר קיים ביוזמה."]
    );
}

#[tokio::test]
async fn search_and_filters_work_with_hebrew_text() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let names = |page: &scraper::Html| texts(page, "#organizations tbody th");
    // Part of a word, with a final letter written as an ordinary one.
    let page = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{i}/organizations?q=%D7%A9%D7%9B%D7%95%D7%A0%D7%94"),
        )
        .await,
    )
    .await;
    assert_eq!(names(&page), vec!["עמותת מדע בשכונה"]);
    let page = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{i}/organizations?sector=public"),
        )
        .await,
    )
    .await;
    assert_eq!(names(&page), vec!["עיריית הדוגמה"]);
    let page = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{i}/organizations?tag=%D7%91%D7%A0%D7%95%D7%AA"),
        )
        .await,
    )
    .await;
    assert_eq!(names(&page), vec!["עמותת מדע בשכונה"]);
    assert_eq!(texts(&page, "[role=status]"), vec!["נמצא ארגון אחד"]);
    // People are found by their organization's name too.
    let page = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{i}/people?q=%D7%A2%D7%99%D7%A8%D7%99%D7%99%D7%AA"),
        )
        .await,
    )
    .await;
    assert_eq!(
        texts(&page, "#people tbody th"),
        vec!["יוסי כהן", "רונית בר"]
    );
}

#[tokio::test]
async fn search_reads_hebrew_as_people_write_it() {
    let app = &TestApp::spawn().await;
    let i = app.fixture.initiative;
    let found = |query: &str| {
        let path = format!(
            "/initiatives/{i}/organizations?q={}",
            query.replace(' ', "+")
        );
        async move {
            texts(
                &document(app.get(Who::Viewer, &path).await).await,
                "#organizations tbody th",
            )
        }
    };
    // The plain noun finds its construct form, and the type's label is searched too.
    assert_eq!(found("עמותה").await, vec!["עמותת מדע בשכונה"]);
    assert_eq!(found("רשות מקומית").await, vec!["עיריית הדוגמה"]);
    assert_eq!(found("local authority").await, vec!["עיריית הדוגמה"]);
    // Words are found wherever they stand.
    assert_eq!(found("בשכונה מדע").await, vec!["עמותת מדע בשכונה"]);
    assert!(found("מדע חולים").await.is_empty());
}

#[tokio::test]
async fn a_viewer_cannot_find_people_by_the_contact_details_they_cannot_see() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    for query in ["dana%40example.org", "1234567", "050"] {
        let path = format!("/initiatives/{i}/people?q={query}");
        let as_member = texts(
            &document(app.get(Who::Member, &path).await).await,
            "#people tbody th",
        );
        assert!(!as_member.is_empty(), "a member finds {query}");
        let as_viewer = texts(
            &document(app.get(Who::Viewer, &path).await).await,
            "#people tbody th",
        );
        assert!(
            as_viewer.is_empty(),
            "a viewer found {query}: {as_viewer:?}"
        );
    }
}

#[tokio::test]
async fn viewers_read_the_network_without_contact_details() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let as_member = app
        .get(Who::Member, &format!("/initiatives/{i}/people"))
        .await
        .text()
        .await
        .unwrap();
    assert!(as_member.contains("dana@example.org") && as_member.contains("050-1234567"));
    let as_viewer = app
        .get(Who::Viewer, &format!("/initiatives/{i}/people"))
        .await
        .text()
        .await
        .unwrap();
    assert!(as_viewer.contains("דנה לוי"));
    assert!(!as_viewer.contains("dana@example.org") && !as_viewer.contains("050-1234567"));
    let api = app
        .api(
            Who::Viewer,
            reqwest::Method::GET,
            &format!("/api/v1/people/{}", app.fixture.person_a),
        )
        .send()
        .await
        .unwrap();
    let person: serde_json::Value = api.json().await.unwrap();
    assert_eq!(
        (person["email"].clone(), person["phone"].clone()),
        (serde_json::Value::Null, serde_json::Value::Null)
    );
}

#[tokio::test]
async fn a_working_group_shows_where_it_departs_from_the_advice_without_refusing_anything() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let group = app.fixture.group;
    let path = format!("/initiatives/{i}/bodies/{group}");
    // One co-chair who is not on the steering committee, and one member in all.
    let page = document(app.get(Who::Member, &path).await).await;
    let warnings = texts(&page, ".warnings li");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("ועדת ההיגוי"));
    assert!(warnings[1].contains('1') && warnings[1].contains("10") && warnings[1].contains("20"));
    // Seating the co-chair on the steering committee answers the first note.
    let steering = app.fixture.steering;
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{steering}/memberships"),
            &[
                ("person_id", &app.fixture.person_a.to_string()),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Three more chairs: a warning, and the seats are still saved.
    for _ in 0..2 {
        let person = app.throwaway_person().await;
        let response = app
            .post(
                Who::Backbone,
                &format!("{path}/memberships"),
                &[("person_id", &person.to_string()), ("role", "chair")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let page = document(app.get(Who::Member, &path).await).await;
    let warnings = texts(&page, ".warnings li");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains('3'), "{warnings:?}");
    assert_eq!(texts(&page, "#members tbody tr").len(), 3);
    // The list of bodies carries the same notes.
    let list = document(
        app.get(Who::Member, &format!("/initiatives/{i}/bodies"))
            .await,
    )
    .await;
    assert_eq!(texts(&list, "#bodies .badge.warn").len(), 2);
}

#[tokio::test]
async fn one_person_holds_one_seat_in_a_body_at_a_time() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let group = app.fixture.group;
    let person = app.fixture.person_a.to_string();
    // Dana already co-chairs the group since 2025-09-01, with no end date.
    let again = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/memberships"),
            &[("person_id", &person), ("role", "member")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(again).await;
    assert_eq!(
        texts(&page, "#f-person_id-error"),
        vec!["לאדם הזה כבר יש חברות בגוף הזה בתאריכים האלה."]
    );
    assert_eq!(
        texts(&page, ".error-summary li"),
        vec!["איש/אשת קשר: לאדם הזה כבר יש חברות בגוף הזה בתאריכים האלה."]
    );
    // Reloading the address the refused form was shown at leads back to the body.
    let reload = app
        .get(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/memberships"),
        )
        .await;
    assert_eq!(reload.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        reload.headers()["location"],
        format!("/initiatives/{i}/bodies/{group}").as_str()
    );
    // A seat in a later, separate period is fine.
    let m = app.fixture.membership;
    app.post(
        Who::Backbone,
        &format!("/initiatives/{i}/memberships/{m}"),
        &[
            ("person_id", &person),
            ("role", "co_chair"),
            ("from", "2025-09-01"),
            ("to", "2025-12-31"),
        ],
    )
    .await;
    let later = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/memberships"),
            &[
                ("person_id", &person),
                ("role", "member"),
                ("from", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(later.status(), StatusCode::SEE_OTHER);
    // The history names the body the seat is in.
    let history = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/history"))
            .await,
    )
    .await;
    assert!(texts(&history, "ol.history > li")[0].contains("קבוצת עבודה מתמטיקה"));
}

#[tokio::test]
async fn the_backbone_cannot_revoke_or_change_its_own_access() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/access"))
            .await,
    )
    .await;
    let rows = texts(&page, "#roles tbody tr");
    let own = rows
        .iter()
        .find(|r| r.contains("backbone@example.org"))
        .unwrap();
    assert!(own.contains("(זה את/ה)"), "{own}");
    let backbone = app
        .store
        .user_credentials(&kesher_domain::text::Email::parse("backbone@example.org").unwrap())
        .await
        .unwrap()
        .unwrap()
        .user
        .id;
    let revoke = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/access/{backbone}/revoke"),
            &[],
        )
        .await;
    assert_eq!(revoke.status(), StatusCode::CONFLICT);
    let demote = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/access"),
            &[("email", "backbone@example.org"), ("role", "viewer")],
        )
        .await;
    assert_eq!(demote.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.get(Who::Backbone, &format!("/initiatives/{i}/access"))
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_membership_with_dates_out_of_order_is_refused_at_the_field() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let m = app.fixture.membership;
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/memberships/{m}"),
            &[
                ("person_id", &app.fixture.person_a.to_string()),
                ("role", "co_chair"),
                ("from", "2026-05-01"),
                ("to", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        texts(&page, "#f-to-error"),
        vec!["תאריך הסיום מוקדם מתאריך ההתחלה."]
    );
}

#[tokio::test]
async fn the_overview_counts_by_sector_and_type_and_the_matrix_shows_who_sits_where() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/network"))
            .await,
    )
    .await;
    let rows = texts(&page, "#by-sector tbody tr");
    assert_eq!(rows.len(), 5, "every sector, zeros included");
    assert!(rows.contains(&"ציבורי 1 2".to_string()), "{rows:?}");
    assert!(rows.contains(&"מגזר שלישי 1 1".to_string()), "{rows:?}");
    assert!(rows.contains(&"אקדמיה 0 0".to_string()), "{rows:?}");
    let matrix = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/seating"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&matrix, ".matrix thead th[scope=col] a"),
        vec!["ועדת ההיגוי", "קבוצת עבודה מתמטיקה"]
    );
    let rows = texts(&matrix, ".matrix tbody tr");
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("דנה לוי") && r.contains("יו״ר משותף/ת")),
        "{rows:?}"
    );
    assert_eq!(
        texts(&matrix, "#unseated"),
        vec!["איש קשר אחד אינו חבר היום באף גוף."]
    );
    assert_eq!(
        texts(&matrix, "#unseated + ul li"),
        vec!["רונית בר — עיריית הדוגמה"]
    );
}

#[tokio::test]
async fn an_organization_with_people_cannot_be_deleted_and_says_why() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    // The confirmation page says so before any button.
    let confirm = document(
        app.get(
            Who::Backbone,
            &format!(
                "/initiatives/{i}/organizations/{}/delete",
                app.fixture.org_a
            ),
        )
        .await,
    )
    .await;
    assert!(texts(&confirm, ".warnings")[0].contains("איש קשר אחד"));
    assert!(texts(&confirm, "form button.danger").is_empty());
    let response = app
        .post(
            Who::Backbone,
            &format!(
                "/initiatives/{i}/organizations/{}/delete",
                app.fixture.org_a
            ),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = document(response).await;
    assert!(texts(&page, "h1")[0].contains("אנשי קשר"));
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let before = app.counts().await;
    let response = app
        .post_without_csrf(
            Who::Backbone,
            &format!("/initiatives/{i}/organizations"),
            &[
                ("name", "ארגון"),
                ("sector", "public"),
                ("organization_type", "school"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let page = document(response).await;
    assert_eq!(texts(&page, "h1"), vec!["הטופס פג תוקף."]);
    let forged = app
        .as_(Who::Backbone)
        .post(app.url(&format!("/initiatives/{i}/organizations")))
        .form(&[
            ("csrf", "0".repeat(64).as_str()),
            ("name", "ארגון"),
            ("sector", "public"),
            ("organization_type", "school"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.counts().await, before);
    // API writes signed in by cookie must send the token in a header.
    let client = app.as_(Who::Backbone);
    let url = app.url(&format!("/api/v1/initiatives/{i}/organizations"));
    let body = r#"{"name":"דרך ה-API","sector":"public","organization_type":"school"}"#;
    let bare = client
        .post(&url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), StatusCode::FORBIDDEN);
    let csrf = app.csrf_of(client, "/").await;
    let with_header = client
        .post(&url)
        .header("content-type", "application/json")
        .header("x-csrf-token", csrf)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(with_header.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn sign_in_sets_a_protected_cookie_and_sign_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let browser = client();
    let response = app
        .try_sign_in(&browser, Who::Member.email(), PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("kesher_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // Behind HTTPS the cookie is Secure.
    let other = client();
    let csrf = app.csrf_of(&other, "/login").await;
    let secure = other
        .post(app.url("/login"))
        .header("x-forwarded-proto", "https")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", Who::Member.email()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = secure
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("kesher_session="))
        .unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    // The stored session is a digest, never the cookie's value.
    let value = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("kesher_session=")
        .to_string();
    for file in ["kesher.db", "kesher.db-wal"] {
        let bytes = std::fs::read(app.db_path.with_file_name(file)).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&value),
            "the session secret is stored in {file}"
        );
    }

    assert_eq!(app_get(&app, &browser, "/").await, StatusCode::OK);
    let csrf = app.csrf_of(&browser, "/").await;
    let out = browser
        .post(app.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(app_get(&app, &browser, "/").await, StatusCode::SEE_OTHER);
}

async fn app_get(app: &TestApp, client: &reqwest::Client, path: &str) -> StatusCode {
    client.get(app.url(path)).send().await.unwrap().status()
}

#[tokio::test]
async fn repeated_wrong_passwords_are_slowed_down() {
    let app = TestApp::spawn().await;
    let browser = client();
    for attempt in 0..5 {
        let response = app
            .try_sign_in(&browser, Who::Viewer.email(), "wrong password")
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
        let page = document(response).await;
        assert_eq!(
            texts(&page, ".error-summary p"),
            vec!["כתובת הדוא״ל או הסיסמה שגויות."]
        );
    }
    // The sixth attempt is refused even with the right password, and says for how long.
    let response = app
        .try_sign_in(&browser, Who::Viewer.email(), PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
    assert!(
        texts(&document(response).await, ".error-summary p")[0].contains("שניות"),
        "the wait is said in seconds"
    );
    // Another account is not locked.
    app.sign_in(&client(), Who::Member.email(), PASSWORD).await;
}

#[tokio::test]
async fn a_visitor_is_sent_to_sign_in_and_brought_back() {
    let app = TestApp::spawn().await;
    let browser = client();
    let path = format!("/initiatives/{}/bodies", app.fixture.initiative);
    let response = browser.get(app.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        location,
        format!("/login?next={}", path.replace('/', "%2F"))
    );
    let login = document(browser.get(app.url(&location)).send().await.unwrap()).await;
    assert_eq!(
        attribute(&login, "input[name=next]", "value").as_deref(),
        Some(path.as_str())
    );
    let csrf = attribute(&login, "input[name=csrf]", "value").unwrap();
    let response = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", Who::Member.email()),
            ("password", PASSWORD),
            ("next", path.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"].to_str().unwrap(), path);
}

#[tokio::test]
async fn wrong_addresses_get_clear_localized_errors_not_crashes() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let missing = app
        .get(
            Who::Admin,
            &format!("/initiatives/{i}/organizations/999999"),
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(texts(&document(missing).await, "h1"), vec!["הדף לא נמצא."]);
    let malformed = app
        .get(
            Who::Admin,
            &format!("/initiatives/{i}/organizations/not-a-number"),
        )
        .await;
    // An id that is not a number names no record.
    assert_eq!(malformed.status(), StatusCode::NOT_FOUND);
    let nowhere = app.get(Who::Admin, "/no/such/page?lang=en").await;
    assert_eq!(nowhere.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        texts(&document(nowhere).await, "h1"),
        vec!["Page not found."]
    );
    let api = app
        .api(
            Who::Admin,
            reqwest::Method::GET,
            "/api/v1/organizations/abc",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn responses_carry_the_security_headers_and_assets_are_local() {
    let app = TestApp::spawn().await;
    let response = app.get(Who::Anonymous, "/login").await;
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    let page = document(response).await;
    let stylesheet = attribute(&page, "link[rel=stylesheet]", "href").unwrap();
    assert!(stylesheet.starts_with("/static/"), "no CDN: {stylesheet}");
    let css = app.get(Who::Anonymous, &stylesheet).await;
    assert_eq!(css.status(), StatusCode::OK);
    let css = css.text().await.unwrap();
    // One stylesheet for both directions: logical properties, never left/right margins.
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
    ] {
        assert!(!css.contains(physical), "the stylesheet uses {physical}");
    }
    assert!(
        !css.contains("http://") && !css.contains("https://"),
        "no outside fonts or images"
    );
    assert_eq!(
        app.get(Who::Anonymous, "/healthz").await.status(),
        StatusCode::OK
    );
}
