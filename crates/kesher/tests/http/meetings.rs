//! Meetings of a body as the backbone plans them and records who came, through the pages
//! and the API.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, Who, document};

/// The texts of `selector`, without the direction isolates around names and numbers.
fn texts(page: &scraper::Html, selector: &str) -> Vec<String> {
    crate::helpers::texts(page, selector)
        .into_iter()
        .map(|t| t.replace(['\u{2068}', '\u{2069}'], ""))
        .collect()
}

#[tokio::test]
async fn a_meeting_is_planned_numbered_and_its_attendance_recorded() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let group = f.group;
    // Planned through the page: the body's current member is invited, the agenda adds up.
    let planned = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/meetings"),
            &[
                ("starts_at", "2027-01-10T17:00"),
                ("duration_minutes", "90"),
                ("location", "מתנ\"ס השכונה"),
                ("agenda_title", "פתיחה"),
                ("agenda_minutes", "10"),
                ("agenda_presenter_id", &f.person_a.to_string()),
                ("agenda_title", "תוכנית העבודה לשנה"),
                ("agenda_minutes", "100"),
                ("agenda_presenter_id", ""),
                ("agenda_title", ""),
                ("agenda_minutes", ""),
                ("agenda_presenter_id", ""),
            ],
        )
        .await;
    assert_eq!(planned.status(), StatusCode::SEE_OTHER);
    let page_path = planned
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let page = document(app.get(Who::Viewer, &page_path).await).await;
    assert_eq!(texts(&page, "h1"), vec!["קבוצת עבודה מתמטיקה 1"]);
    // 10 January 2027 is also written in the Hebrew calendar: 2 Shevat 5787.
    assert_eq!(texts(&page, ".hebrew-date"), vec!["(ב' בשבט תשפ\"ז)"]);
    assert_eq!(
        texts(&page, "#agenda-items tbody td.number:last-child"),
        vec!["10", "110"],
        "the running total"
    );
    // 110 minutes of agenda in a 90-minute meeting: the page says so, as a warning.
    assert_eq!(texts(&page, "#agenda-total.warnings").len(), 1);
    assert_eq!(texts(&page, "#invitees tbody th"), vec!["דנה לוי"]);
    // Dana sits on the group as its co-chair: that is the capacity she is invited in.
    assert_eq!(texts(&page, "#invitees td.capacity"), vec!["יו״ר משותף/ת"]);
    assert!(
        texts(&page, "#f-attended-1").is_empty(),
        "a viewer has no form"
    );

    // A wrong time is refused at its field, with what was typed kept.
    let refused = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/meetings"),
            &[
                ("starts_at", "2027-03-26T02:30"),
                ("duration_minutes", "90"),
                ("location", "ספרייה"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = document(refused).await;
    assert_eq!(texts(&refused, "#f-starts_at-error").len(), 1);
    assert_eq!(
        crate::helpers::attribute(&refused, "#f-location", "value").as_deref(),
        Some("ספרייה")
    );

    // The API plans the second, in the shape other tools use.
    let created = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{group}/meetings"),
        )
        .json(&json!({
            "starts_at": "2027-02-14T17:00",
            "duration_minutes": 60,
            "location": "https://meet.example.org/math",
            "objectives": "לסכם את המחצית",
            "agenda": [{"title": "נתוני המחצית", "minutes": 30, "presenter_id": f.person_a.get()}]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let second: Value = created.json().await.unwrap();
    assert_eq!(second["number"], 2);
    assert_eq!(second["starts_at"], "2027-02-14T17:00:00");
    assert_eq!(second["agenda_minutes"], 30);
    assert_eq!(second["invitees"][0]["person_id"], f.person_a.get());
    assert_eq!(second["invitees"][0]["attended"], Value::Null);

    // Attendance: the invited member did not come; a guest from organization B did.
    let id = second["id"].as_i64().unwrap();
    let recorded = app
        .api(
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
        )
        .json(&json!({"attended": [f.person_b.get()]}))
        .send()
        .await
        .unwrap();
    assert_eq!(recorded.status(), StatusCode::OK);
    let recorded: Value = recorded.json().await.unwrap();
    let seen: Vec<(i64, bool, Option<bool>)> = recorded["invitees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["person_id"].as_i64().unwrap(),
                i["invited"].as_bool().unwrap(),
                i["attended"].as_bool(),
            )
        })
        .collect();
    assert!(
        seen.contains(&(f.person_a.get(), true, Some(false))),
        "{seen:?}"
    );
    assert!(
        seen.contains(&(f.person_b.get(), false, Some(true))),
        "{seen:?}"
    );

    // The page form records it the same way: the member ticked, no guest.
    let first_id = page_path.rsplit('/').next().unwrap();
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/meetings/{first_id}/attendance"),
            &[("attended", &f.person_a.to_string()), ("attended", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Member, &page_path).await).await;
    let summary = texts(&page, "#attendance-summary").join(" ");
    assert!(summary.contains('1'), "{summary}");
    // The body's page lists both, newest first, with who came.
    let body_page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/bodies/{group}"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&body_page, "#meetings-table tbody th"),
        vec!["קבוצת עבודה מתמטיקה 2", "קבוצת עבודה מתמטיקה 1"]
    );
    assert_eq!(
        texts(&body_page, "#meetings-table tbody td.number"),
        vec!["0 / 1 +1", "1 / 1"],
        "of the invited, who came; and the guest apart"
    );

    // "Plan the next one" copies the last meeting a cadence later (the group meets monthly).
    let next = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{i}/bodies/{group}/meetings/new?from={id}"),
        )
        .await,
    )
    .await;
    assert_eq!(
        crate::helpers::attribute(&next, "#f-starts_at", "value").as_deref(),
        Some("2027-03-14T17:00")
    );
    assert_eq!(
        crate::helpers::attribute(&next, "#f-agenda-title-1", "value").as_deref(),
        Some("נתוני המחצית")
    );
    assert_eq!(
        crate::helpers::attribute(&body_page, "#plan-next", "href"),
        None,
        "a viewer is not offered it"
    );

    // A person of another initiative cannot be recorded as present.
    let foreign = app
        .api(
            Who::Admin,
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
        )
        .json(&json!({"attended": [999_999]}))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// The health figures equal a hand computation on two scripted meetings, and the page
/// shows them with the counts behind them.
#[tokio::test]
async fn the_health_of_the_collaboration_is_measured_from_the_meetings() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let plan = |at: &'static str| {
        app.api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{}/meetings", f.group),
        )
        .json(&json!({"starts_at": at, "duration_minutes": 60}))
        .send()
    };
    let attend = |id: i64, people: Vec<i64>| {
        app.api(
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
        )
        .json(&json!({ "attended": people }))
        .send()
    };
    // The group's member (A, third sector) is invited to both. Meeting 1: A came, and B
    // (public sector) as a guest. Meeting 2: only B came. A third meeting is planned and
    // not held: it counts for nothing.
    let mut ids = Vec::new();
    for at in ["2026-10-06T16:00", "2026-11-03T16:00", "2026-12-01T16:00"] {
        let created: Value = plan(at).await.unwrap().json().await.unwrap();
        ids.push(created["id"].as_i64().unwrap());
    }
    let (a, b) = (f.person_a.get(), f.person_b.get());
    assert_eq!(
        attend(ids[0], vec![a, b]).await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        attend(ids[1], vec![b]).await.unwrap().status(),
        StatusCode::OK
    );

    let health: Value = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/health"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bodies = health["bodies"].as_array().unwrap();
    let group = bodies
        .iter()
        .find(|b| b["body_id"] == f.group.get())
        .unwrap();
    assert_eq!(group["meetings_held"], 2);
    // Invited: A twice; A came once: 1 of 2.
    assert_eq!(group["attendance_rate"], 0.5);
    // Meeting 2's one attendee (B) had come to meeting 1: 1 of 1.
    assert_eq!(group["returning_rate"], 1.0);
    assert_eq!(group["sectors"], json!(["public", "third_sector"]));
    assert_eq!(group["action_items_done_rate"], Value::Null);
    // A body that never met measures nothing, rather than 0%.
    let quiet = bodies
        .iter()
        .find(|b| b["body_id"] != f.group.get())
        .unwrap();
    assert_eq!(quiet["meetings_held"], 0);
    assert_eq!(quiet["attendance_rate"], Value::Null);

    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/health"))
            .await,
    )
    .await;
    let row = texts(&page, "#health tbody tr")
        .into_iter()
        .find(|r| r.contains("קבוצת עבודה מתמטיקה"))
        .unwrap();
    assert!(row.contains("50% (1 מתוך 2)"), "{row}");
    assert!(row.contains("100% (1 מתוך 1)"), "{row}");
}

/// Sends `body` as `who` to an API address and returns the status and the JSON answer.
async fn call(
    app: &TestApp,
    who: Who,
    method: Method,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let response = app.api(who, method, path).json(&body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_meeting_keeps_its_record_and_its_action_items_are_closed_by_their_owner() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let group = f.group;
    let (status, held) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{group}/meetings"),
        json!({
            "starts_at": "2026-11-01T17:00",
            "duration_minutes": 90,
            "agenda": [{"title": "נתוני המחצית", "minutes": 30}, {"title": "שונות", "minutes": 10}]
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let m = held["id"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/attendance"),
        json!({"attended": [f.person_a.get()]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // The minutes: one entry per item, no more and no less; no script gets through.
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/minutes"),
        json!({"items": [{"notes": "רק אחד", "covered": true}]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let attack = "**חשוב** <script>alert(1)</script> [כאן](javascript:alert(1)) \
                  <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\" onclick=\"x()\">קישור</a>";
    let (status, minuted) = call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/minutes"),
        json!({"items": [{"notes": attack, "covered": true}, {"notes": "", "covered": false}]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(minuted["agenda"][0]["notes"], attack, "kept as written");
    assert_eq!(minuted["agenda"][1]["covered"], false);
    let raw = app
        .get(Who::Viewer, &format!("/initiatives/{i}/meetings/{m}"))
        .await
        .text()
        .await
        .unwrap();
    let page = scraper::Html::parse_document(&raw);
    let rendered: String = page
        .select(&scraper::Selector::parse(".markdown").unwrap())
        .map(|e| e.inner_html())
        .collect();
    assert!(rendered.contains("<strong>חשוב</strong>"), "{rendered}");
    let lower = rendered.to_lowercase();
    for forbidden in ["<script", "javascript:", "onerror", "onclick"] {
        assert!(!lower.contains(forbidden), "{forbidden} in {rendered}");
    }
    assert_eq!(
        texts(&page, "#covered-summary"),
        vec!["1 מתוך 2 סעיפי סדר היום נדונו כמתוכנן."]
    );

    // A decision taken at the meeting joins the log, with its way back.
    let (status, decision) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/meetings/{m}/decisions"),
        json!({"text": "מאשרים את תכנית המחצית"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(decision["meeting_id"], m);
    assert_eq!(decision["body_id"], group.get());
    assert_eq!(decision["decided_on"], "2026-11-01");
    assert_eq!(decision["kind"], "formal");
    let (status, _) = call(
        &app,
        Who::Editor,
        Method::POST,
        &format!("/api/v1/meetings/{m}/decisions"),
        json!({"text": "לא שלי להחליט"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let log = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/decisions"))
            .await,
    )
    .await;
    assert!(
        crate::helpers::attribute(&log, "#decisions a.meeting-link", "href")
            .is_some_and(|href| href == format!("/initiatives/{i}/meetings/{m}")),
        "the log links back to the meeting"
    );

    // A meeting still ahead has decided nothing yet.
    let (_, ahead) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{group}/meetings"),
        json!({"starts_at": "2099-01-10T17:00", "duration_minutes": 60}),
    )
    .await;
    let ahead = ahead["id"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/meetings/{ahead}/decisions"),
        json!({"text": "מוקדם מדי"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // An action item for the partner's organization, already late; an owner is one of two.
    let (status, refused) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/meetings/{m}/action-items"),
        json!({"title": "שניים", "owner_person_id": f.person_a.get(), "owner_organization_id": f.org_a.get()}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, item) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/meetings/{m}/action-items"),
        json!({"title": "לאסוף את נתוני ההקבצות", "owner_organization_id": f.org_a.get(), "due_on": "2026-11-15"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(item["overdue"], true);
    assert_eq!(item["meeting_number"], held["number"]);
    let a = item["id"].as_i64().unwrap();

    // The partner editor speaks for that organization: it is theirs, on their first page.
    let (_, mine) = call(
        &app,
        Who::Editor,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/action-items?mine=true"),
        Value::Null,
    )
    .await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(
        texts(&first, "#needs li")
            .iter()
            .any(|t| t.contains("משימה פתוחה") && t.contains("באיחור")),
        "{:?}",
        texts(&first, "#needs li")
    );
    let (_, viewer_mine) = call(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/action-items?mine=true"),
        Value::Null,
    )
    .await;
    assert_eq!(viewer_mine, json!([]));

    // The body's next meeting opens with it, still open.
    let (_, next) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{group}/meetings"),
        json!({"starts_at": "2099-02-10T17:00", "duration_minutes": 60}),
    )
    .await;
    let next = next["id"].as_i64().unwrap();
    let next_page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/meetings/{next}"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&next_page, "#carried tbody th"),
        vec!["לאסוף את נתוני ההקבצות"]
    );

    // A viewer may not close it; the partner editor does, with a note.
    let (status, _) = call(
        &app,
        Who::Viewer,
        Method::PUT,
        &format!("/api/v1/action-items/{a}/status"),
        json!({"done": true}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let closed = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/action-items/{a}/status"),
            &[
                ("done", "true"),
                ("note", "הנתונים נאספו"),
                ("back", "list"),
            ],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        closed.headers()["location"],
        format!("/initiatives/{i}/action-items").as_str()
    );
    let (_, all) = call(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/action-items?all=true"),
        Value::Null,
    )
    .await;
    assert_eq!(all[0]["done_note"], "הנתונים נאספו");
    assert_eq!(all[0]["overdue"], false);
    let next_page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/meetings/{next}"))
            .await,
    )
    .await;
    assert!(
        texts(&next_page, "#carried").is_empty(),
        "nothing left to carry"
    );

    // The health of the body: half its agenda covered; the item was done before the next
    // held meeting.
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{ahead}/attendance"),
        json!({"attended": [f.person_a.get()]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, health) = call(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/health"),
        Value::Null,
    )
    .await;
    let body = health["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["body_id"] == group.get())
        .unwrap()
        .clone();
    assert_eq!(body["agenda_covered_rate"], 0.5);
    assert_eq!(body["action_items_done_rate"], 1.0);
}

#[tokio::test]
async fn an_invitee_with_an_account_answers_from_the_page_and_sees_the_meeting_coming() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    // The partner editor is also one of the initiative's people, seated in a new body.
    let (status, person) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/people"),
        json!({"organization_id": f.org_a.get(), "name": "עורכת השותף", "email": "Editor@example.org"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{person}");
    let body = app.throwaway_body().await;
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{body}/memberships"),
        json!({"person_id": person["id"], "role": "member", "from": "2026-01-01"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let soon = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%dT17:00")
        .to_string();
    let (_, meeting) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{body}/meetings"),
        json!({"starts_at": soon, "duration_minutes": 60}),
    )
    .await;
    let m = meeting["id"].as_i64().unwrap();
    assert_eq!(meeting["invitees"][0]["person_id"], person["id"]);

    // What needs her: the meeting in three days.
    let first = document(app.get(Who::Editor, &format!("/initiatives/{i}")).await).await;
    assert!(
        crate::helpers::attribute(
            &first,
            &format!("#needs a[href='/initiatives/{i}/meetings/{m}']"),
            "href"
        )
        .is_some(),
        "{:?}",
        crate::helpers::texts(&first, "#needs li")
    );
    // She answers from the meeting's page; the backbone sees the count.
    let answered = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/meetings/{m}/answer"),
            &[("answer", "maybe")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/meetings/{m}"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&page, "#invitees tbody td:nth-of-type(3)"),
        vec!["אולי"]
    );
    let (status, _) = call(
        &app,
        Who::Editor,
        Method::PUT,
        &format!("/api/v1/meetings/{m}/answer"),
        json!({"answer": "sometimes"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_calendar_feed_serves_the_meetings_in_the_right_hours_until_it_is_revoked() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let group = f.group;
    // One meeting before Israel's clocks go forward (UTC+2), one after (UTC+3).
    for at in ["2027-03-25T17:00", "2027-04-01T17:00"] {
        let (status, _) = call(
            &app,
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{group}/meetings"),
            json!({"starts_at": at, "duration_minutes": 60}),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, feed) = call(
        &app,
        Who::Viewer,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/calendar-feeds"),
        json!({"scope": "body", "body_id": group.get()}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{feed}");
    assert_eq!(feed["scope"], "body");
    assert_eq!(feed["body_id"], group.get());
    let url = feed["url"].as_str().unwrap().to_string();
    let path = &url[url.find("/calendar/").expect("a feed address")..];
    // A calendar program reads it with no session and no token.
    let anonymous = crate::helpers::client();
    let read = anonymous.get(app.url(path)).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert!(
        read.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = read.text().await.unwrap();
    assert!(ics.contains("METHOD:PUBLISH"), "{ics}");
    assert!(ics.contains("DTSTART:20270325T150000Z"), "{ics}");
    assert!(ics.contains("DTSTART:20270401T140000Z"), "{ics}");
    if let Some(parsed) = crate::people::parsed_by_python(&ics) {
        assert_eq!(parsed["method"], "PUBLISH");
        let starts: Vec<&str> = parsed["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["start"].as_str().unwrap())
            .collect();
        assert!(starts.contains(&"2027-03-25T15:00:00+00:00"), "{starts:?}");
        assert!(starts.contains(&"2027-04-01T14:00:00+00:00"), "{starts:?}");
    }
    // The same body through the API, with a token.
    let through_api = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/bodies/{group}/meetings.ics"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(through_api.status(), StatusCode::OK);
    assert!(
        through_api
            .text()
            .await
            .unwrap()
            .contains("DTSTART:20270401T140000Z")
    );
    // Listed for its owner, without its address; another person cannot stop it.
    let (_, listed) = call(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/calendar-feeds"),
        Value::Null,
    )
    .await;
    assert_eq!(listed[0]["url"], Value::Null);
    let id = feed["id"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        Who::Backbone,
        Method::DELETE,
        &format!("/api/v1/calendar-feeds/{id}"),
        Value::Null,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &app,
        Who::Viewer,
        Method::DELETE,
        &format!("/api/v1/calendar-feeds/{id}"),
        Value::Null,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let gone = anonymous.get(app.url(path)).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let wrong = anonymous
        .get(app.url("/calendar/cal_nothing.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);

    // The calendar page lists what is coming and makes a feed, showing its address once.
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/calendar"))
            .await,
    )
    .await;
    assert_eq!(texts(&page, "#upcoming-meetings tbody tr").len(), 2);
    let made = document(
        app.post(
            Who::Viewer,
            &format!("/initiatives/{i}/calendar/feeds"),
            &[("scope", "mine")],
        )
        .await,
    )
    .await;
    let address = crate::helpers::attribute(&made, "#new-feed-url", "value").unwrap();
    assert!(
        address.contains("/calendar/cal_") && address.ends_with(".ics"),
        "{address}"
    );
}

#[tokio::test]
async fn an_indicator_follows_a_bodys_attendance_and_its_values_come_from_the_meetings() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let group = f.group;
    let (_, place) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/places"),
        json!({"kind": "authority", "name": "העיר"}),
    )
    .await;
    let (status, indicator) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/indicators"),
        json!({"code": "group_attendance", "name_he": "נוכחות בקבוצת העבודה", "unit": "percent",
               "axis": "infrastructure", "period_kind": "quarter"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{indicator}");
    let link = json!({"indicator_id": indicator["id"], "measure": "attendance",
                      "body_id": group.get(), "place_id": place["id"]});
    let (status, _) = call(
        &app,
        Who::Editor,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/health-indicators"),
        link.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, linked) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/health-indicators"),
        link,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{linked}");
    // Two meetings in the last quarter of 2026, one in the first of 2027.
    let mut meetings = Vec::new();
    for at in ["2026-10-05T17:00", "2026-11-09T17:00", "2027-01-11T17:00"] {
        let (_, m) = call(
            &app,
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/bodies/{group}/meetings"),
            json!({"starts_at": at, "duration_minutes": 60}),
        )
        .await;
        meetings.push(m["id"].as_i64().unwrap());
    }
    // The body's one member came to the first and third; a guest came to the second only.
    for (m, came) in [
        (meetings[0], vec![f.person_a.get()]),
        (meetings[1], vec![f.person_b.get()]),
        (meetings[2], vec![f.person_a.get()]),
    ] {
        let (status, _) = call(
            &app,
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/meetings/{m}/attendance"),
            json!({"attended": came}),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let path = format!(
        "/api/v1/initiatives/{i}/values?indicator_id={}",
        indicator["id"]
    );
    // Q4: 1 of 2 invitations kept (the guest is not counted against one); Q1: 1 of 1.
    assert_eq!(
        values_at(&app, &path).await,
        vec![
            ("2026-Q4".to_string(), 50.0),
            ("2027-Q1".to_string(), 100.0)
        ]
    );
    // Attendance corrected: the figure follows.
    call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{}/attendance", meetings[1]),
        json!({"attended": [f.person_a.get()]}),
    )
    .await;
    assert_eq!(
        values_at(&app, &path).await,
        vec![
            ("2026-Q4".to_string(), 100.0),
            ("2027-Q1".to_string(), 100.0)
        ]
    );
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/health"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&page, "#health-indicators tbody th"),
        vec!["נוכחות בקבוצת העבודה"]
    );
    let unlink = format!("/api/v1/health-indicators/{}", indicator["id"]);
    let (status, _) = call(&app, Who::Editor, Method::DELETE, &unlink, Value::Null).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, Who::Backbone, Method::DELETE, &unlink, Value::Null).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(values_at(&app, &path).await.len(), 2, "its values stay");
}

/// An indicator's values as (period, value), from the API.
async fn values_at(app: &TestApp, path: &str) -> Vec<(String, f64)> {
    let (_, all) = call(app, Who::Viewer, Method::GET, path, Value::Null).await;
    all.as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["period"].as_str().unwrap().to_string(),
                v["value"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_agenda_item_links_to_the_goal_and_the_open_question_it_concerns() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let (status, planned) = call(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/bodies/{}/meetings", f.group),
        json!({"starts_at": "2027-01-10T17:00", "duration_minutes": 60, "agenda": [
            {"title": "ההתקדמות ביעד", "minutes": 20, "result_id": f.agenda.goal.get()},
            {"title": "השאלה הפתוחה", "minutes": 20, "dispute_id": f.agenda.dispute.get()},
            {"title": "מעקב אחרי ההחלטה", "minutes": 10, "decision_id": f.agenda.decision.get()}
        ]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    assert_eq!(planned["agenda"][0]["result_id"], f.agenda.goal.get());
    let m = planned["id"].as_i64().unwrap();
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/meetings/{m}"))
            .await,
    )
    .await;
    assert!(
        crate::helpers::attribute(
            &page,
            &format!(
                "a.concerns[href='/initiatives/{i}/results/{}']",
                f.agenda.goal
            ),
            "href"
        )
        .is_some()
    );
    assert!(
        crate::helpers::attribute(
            &page,
            &format!(
                "a.concerns[href='/initiatives/{i}/disputes/{}']",
                f.agenda.dispute
            ),
            "href"
        )
        .is_some()
    );
    assert!(
        crate::helpers::attribute(
            &page,
            &format!(
                "a.concerns[href='/initiatives/{i}/decisions/{}']",
                f.agenda.decision
            ),
            "href"
        )
        .is_some(),
        "an item can follow up a decision of the log"
    );
    // Through the planning form: one choice per item, kept when the meeting is edited.
    let edit = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{i}/meetings/{m}/edit"),
        )
        .await,
    )
    .await;
    assert_eq!(
        crate::helpers::attribute(&edit, "#f-agenda-concerns-1 option[selected]", "value"),
        Some(format!("result:{}", f.agenda.goal))
    );
    assert_eq!(
        crate::helpers::attribute(&edit, "#f-agenda-concerns-3 option[selected]", "value"),
        Some(format!("decision:{}", f.agenda.decision))
    );
    // A node of another initiative is refused at the agenda.
    let (_, elsewhere) = call(
        &app,
        Who::Admin,
        Method::POST,
        &format!("/api/v1/initiatives/{}/results", f.other_initiative),
        json!({"kind": "mission", "title": "משימה אחרת"}),
    )
    .await;
    let (status, refused) = call(
        &app,
        Who::Backbone,
        Method::PUT,
        &format!("/api/v1/meetings/{m}"),
        json!({"starts_at": "2027-01-10T17:00", "duration_minutes": 60,
               "agenda": [{"title": "זר", "result_id": elsewhere["id"]}]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
}
