//! Programs and the alignment map, through the API and the pages.

use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::text::Name;
use kesher_store::Actor;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, Who, document, texts};

/// A city with two schools in the fixture's initiative: (city, school 1, school 2).
async fn city_with_two_schools(app: &TestApp) -> (i64, i64, i64) {
    let place = |parent: Option<kesher_domain::PlaceId>, kind, code: &str, name: &str| PlaceInput {
        parent_id: parent,
        kind,
        code: Some(code.into()),
        name: Name::parse(name).unwrap(),
        attributes: PlaceAttributes {
            grid_x: Some(210_000.0),
            grid_y: Some(740_000.0),
            ..PlaceAttributes::default()
        },
    };
    let initiative = app.fixture.initiative;
    let city = app
        .store
        .create_place(
            Actor::system(),
            initiative,
            &place(None, PlaceKind::Authority, "7700", "עיר החוף"),
        )
        .await
        .unwrap();
    let first = app
        .store
        .create_place(
            Actor::system(),
            initiative,
            &place(Some(city.id), PlaceKind::School, "110056", "יסודי הים"),
        )
        .await
        .unwrap();
    let second = app
        .store
        .create_place(
            Actor::system(),
            initiative,
            &place(Some(city.id), PlaceKind::School, "110064", "תיכון החוף"),
        )
        .await
        .unwrap();
    (city.id.get(), first.id.get(), second.id.get())
}

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn programs_line_up_against_goals_and_places_with_gaps_and_overlaps() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let (city, first, second) = city_with_two_schools(&app).await;
    let goal = f.agenda.goal.get();
    let other_goal = {
        let form = kesher_domain::agenda::ResultForm {
            parent_id: f.agenda.mission.to_string(),
            kind: "goal".into(),
            title: "יעד שאין לו עדיין תוכנית".into(),
            ..Default::default()
        };
        app.kesher
            .create_result(&app.caller(Who::Backbone).await, f.initiative, &form)
            .await
            .unwrap()
            .id
            .get()
    };
    let programs = format!("/api/v1/initiatives/{}/programs", f.initiative);

    // The partner editor adds one for their organization in the shape the issue gives.
    let (status, created) = json_of(
        app.api(Who::Editor, Method::POST, &programs)
            .json(&json!({
                "organization_id": f.org_a.get(), "name": "חוג רובוטיקה",
                "result_ids": [goal], "place_ids": [first],
                "populations": ["girls"], "core": true,
                "starts": "2026-09-01", "ends": "2030-06-30"
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["result_ids"], json!([goal]));
    assert_eq!(created["core"], json!(true));
    // The backbone adds a city-wide one for B, naming the city by its code with zeros.
    let (status, city_wide) = json_of(
        app.api(Who::Backbone, Method::POST, &programs)
            .json(&json!({
                "organization_id": f.org_b.get(), "name": "ערב מדע עירוני",
                "result_ids": [goal], "place_codes": " 0007700"
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{city_wide}");
    assert_eq!(city_wide["place_ids"], json!([city]));

    let (_, listed) = json_of(
        app.api(Who::Viewer, Method::GET, &programs)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed.as_array().unwrap().len(), 2);

    let (status, map) = json_of(
        app.api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{}/alignment", f.initiative),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let served = map["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["result_id"] == json!(goal))
        .unwrap();
    assert_eq!(served["programs"], json!([created["id"], city_wide["id"]]));
    assert_eq!(
        served["organizations"],
        json!([f.org_a.get(), f.org_b.get()])
    );
    // The city's program reaches both schools; the city itself is not a lowest place.
    assert_eq!(served["places"], json!([first, second]));
    assert_eq!(map["gaps"]["goals_without_programs"], json!([other_goal]));
    assert_eq!(map["gaps"]["places_without_programs"], json!([]));
    assert_eq!(
        map["overlaps"],
        json!([{"place_id": first, "result_id": goal, "program_ids": [created["id"], city_wide["id"]]}])
    );

    // Filtered to girls, only the first program counts: the second school becomes a gap.
    let (_, girls) = json_of(
        app.api(
            Who::Viewer,
            Method::GET,
            &format!(
                "/api/v1/initiatives/{}/alignment?population=girls",
                f.initiative
            ),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(girls["gaps"]["places_without_programs"], json!([second]));
    assert_eq!(girls["overlaps"], json!([]));
    assert_eq!(girls["programs_counted"], json!(1));

    // The page shows the overlap, the partners' matrix and the map.
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{}/alignment", f.initiative),
        )
        .await,
    )
    .await;
    let overlap = texts(&page, "#overlaps tbody tr");
    assert_eq!(overlap.len(), 1);
    assert!(overlap[0].contains("יסודי הים"), "{overlap:?}");
    assert!(overlap[0].contains("חוג רובוטיקה"), "{overlap:?}");
    assert!(overlap[0].contains("ערב מדע עירוני"), "{overlap:?}");
    assert_eq!(texts(&page, "#partners-by-goal tbody tr").len(), 2);
    assert_eq!(texts(&page, "figure.chart svg circle").len(), 2);
}

#[tokio::test]
async fn a_program_names_only_what_its_initiative_has_and_says_which_field_is_wrong() {
    let app = TestApp::spawn().await;
    // School 110056 is the initiative's; 999999 and 888888 are nobody's.
    city_with_two_schools(&app).await;
    let f = app.fixture;
    let programs = format!("/api/v1/initiatives/{}/programs", f.initiative);
    let foreign_goal = {
        let other = kesher_domain::agenda::ResultForm {
            kind: "goal".into(),
            title: "יעד של יוזמה אחרת".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        app.store
            .create_result(Actor::system(), f.other_initiative, &other)
            .await
            .unwrap()
            .id
            .get()
    };
    let (status, refused) = json_of(
        app.api(Who::Backbone, Method::POST, &programs)
            .json(&json!({
                "organization_id": f.org_a.get(), "name": "תוכנית",
                "result_ids": [foreign_goal, f.agenda.mission.get()],
                "place_codes": "999999", "ends": "2020-01-01", "starts": "2021-01-01"
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<&str> = refused["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["ends"]);
    let (status, refused) = json_of(
        app.api(Who::Backbone, Method::POST, &programs)
            .json(&json!({
                "organization_id": f.org_a.get(), "name": "תוכנית",
                "result_ids": [foreign_goal], "place_codes": "999999, 110056, 888888"
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<&str> = refused["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["result_ids", "place_codes"]);
    // The message names the codes nothing answers to, and only those.
    let message = refused["error"]["fields"][1]["message"].as_str().unwrap();
    assert!(
        message.contains("999999") && message.contains("888888") && !message.contains("110056"),
        "{message}"
    );
    // The mission is everyone's: a program names a goal, a lever or an action component.
    let (status, _) = json_of(
        app.api(Who::Backbone, Method::POST, &programs)
            .json(&json!({
                "organization_id": f.org_a.get(), "name": "תוכנית",
                "result_ids": [f.agenda.mission.get()]
            }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    // The form keeps what was typed and names the field.
    let page = app
        .post(
            Who::Editor,
            &format!("/initiatives/{}/programs", f.initiative),
            &[
                ("organization_id", &f.org_a.to_string()),
                ("name", ""),
                ("description", "נשמר למרות השגיאה"),
            ],
        )
        .await;
    assert_eq!(page.status().as_u16(), 422);
    let page = document(page).await;
    assert_eq!(texts(&page, "#f-description"), vec!["נשמר למרות השגיאה"]);
    assert!(!texts(&page, "#f-name-error").is_empty());
    let (_, listed) = json_of(
        app.api(Who::Viewer, Method::GET, &programs)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed, json!([]), "nothing refused was written");
}

/// A decision of `body` recorded in the fixture's initiative.
async fn decision_of(app: &TestApp, body: kesher_domain::BodyId) -> i64 {
    let input = kesher_domain::agenda::DecisionForm {
        body_id: body.to_string(),
        decided_on: "2026-08-25".into(),
        kind: "approval".into(),
        text: "התוכנית מאושרת".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    app.store
        .create_decision(Actor::system(), app.fixture.initiative, &input)
        .await
        .unwrap()
        .id
        .get()
}

#[tokio::test]
async fn a_year_plan_adds_up_by_goal_is_approved_once_and_grows_into_next_year() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    // This school year's plan, so that "what needs me" (which looks at the year running
    // today) sees it.
    let today = chrono::Utc::now().date_naive();
    let Period::SchoolYear(year) = Period::containing(PeriodKind::SchoolYear, today) else {
        unreachable!()
    };
    let this = Period::SchoolYear(year).code();
    let next_code = Period::SchoolYear(year + 1).code();
    let last = Period::SchoolYear(year + 3).code();
    let goal = f.agenda.goal.get();
    let lever = app.throwaway_result().await.get();
    let call = |who: Who, method: Method, path: String, body: Value| {
        let request = app.api(who, method, &path);
        async move { json_of(request.json(&body).send().await.unwrap()).await }
    };
    // The multi-year plan holds a row the annual plan does not have yet.
    let (status, multi) = call(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{}/work-plans", f.initiative),
        json!({"kind": "multi_year", "title": "רב־שנתית", "first_year": this, "last_year": last}),
    )
    .await;
    assert_eq!(status, 201, "{multi}");
    call(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/work-plans/{}/items", multi["id"]),
        json!({"result_id": goal, "body_id": f.group.get(), "budget_planned": 40000}),
    )
    .await;

    let (_, plan) = call(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{}/work-plans", f.initiative),
        json!({"kind": "annual", "title": "השנה", "first_year": Period::SchoolYear(year).hebrew_year()}),
    )
    .await;
    assert_eq!(plan["first_year"], json!(this));
    let items = format!("/api/v1/work-plans/{}/items", plan["id"]);
    for (org, planned, actual, status) in [
        (f.org_a.get(), 120_000, Some(80_000), "in_progress"),
        (f.org_b.get(), 30_000, None, "done"),
    ] {
        let (code, body) = call(
            Who::Backbone,
            Method::POST,
            items.clone(),
            json!({"result_id": lever, "organization_id": org, "budget_planned": planned,
                   "budget_actual": actual, "status": status}),
        )
        .await;
        assert_eq!(code, 201, "{body}");
    }
    // A row carried by both an organization and a body is refused at the field.
    let (code, refused) = call(
        Who::Backbone,
        Method::POST,
        items.clone(),
        json!({"result_id": goal, "organization_id": f.org_a.get(), "body_id": f.group.get()}),
    )
    .await;
    assert_eq!(code, 422);
    assert_eq!(
        refused["error"]["fields"][0]["field"],
        json!("organization_id")
    );

    let (_, year) = call(
        Who::Viewer,
        Method::GET,
        format!("/api/v1/initiatives/{}/work-plan?year={this}", f.initiative),
        Value::Null,
    )
    .await;
    // Both rows sit under the goal through the lever: 150,000 planned, 80,000 spent of the
    // one row that reported.
    assert_eq!(year["goals"][0]["result_id"], json!(goal));
    assert_eq!(year["goals"][0]["planned"], json!(150_000));
    assert_eq!(year["goals"][0]["actual"], json!(80_000));
    assert_eq!(year["goals"][0]["rows_actual"], json!(1));
    assert_eq!(year["total"]["planned"], json!(150_000));
    assert_eq!(year["plan"]["items"][0]["goal_id"], json!(goal));
    assert_eq!(year["multi_year"]["id"], multi["id"]);

    // Only a decision of the leading team or the steering committee approves it.
    let approve = format!("/api/v1/work-plans/{}/approve", plan["id"]);
    let working_group = decision_of(&app, f.group).await;
    let (code, _) = call(
        Who::Backbone,
        Method::POST,
        approve.clone(),
        json!({"decision_id": working_group}),
    )
    .await;
    assert_eq!(code, 422);
    let steering = decision_of(&app, f.steering).await;
    let (code, approved) = call(
        Who::Backbone,
        Method::POST,
        approve.clone(),
        json!({"decision_id": steering}),
    )
    .await;
    assert_eq!(code, 200, "{approved}");
    assert_eq!(approved["decision_id"], json!(steering));
    let (code, _) = call(
        Who::Backbone,
        Method::POST,
        items.clone(),
        json!({"result_id": goal, "organization_id": f.org_a.get()}),
    )
    .await;
    assert_eq!(code, 409, "an approved plan keeps its rows");
    // The partner still reports on its row after approval.
    let row_a = approved["items"][0]["id"].clone();
    let (code, reported) = call(
        Who::Editor,
        Method::PUT,
        format!("/api/v1/work-plan-items/{row_a}/report"),
        json!({"status": "in_progress", "budget_actual": 95000}),
    )
    .await;
    assert_eq!(code, 200, "{reported}");
    assert_eq!(reported["items"][0]["budget_actual"], json!(95_000));

    // A milestone past its day makes the row late.
    let (code, _) = call(
        Who::Editor,
        Method::POST,
        format!("/api/v1/work-plan-items/{row_a}/milestones"),
        json!({"title": "רישום", "due_on": "2020-01-01"}),
    )
    .await;
    assert_eq!(code, 201);

    // Next year's draft: the open row carried (nothing spent yet), the done row left
    // behind, and the multi-year plan's row added.
    let (code, next) = call(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{}/work-plan/next-year", f.initiative),
        json!({"year": this, "title": "השנה הבאה"}),
    )
    .await;
    assert_eq!(code, 201, "{next}");
    assert_eq!(next["first_year"], json!(next_code));
    assert_eq!(next["decision_id"], Value::Null);
    let rows: Vec<(Value, Value, Value)> = next["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["executor"].clone(),
                r["budget_planned"].clone(),
                r["budget_actual"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                json!({"organization": f.org_a.get()}),
                json!(120_000),
                Value::Null
            ),
            (json!({"body": f.group.get()}), json!(40_000), Value::Null),
        ]
    );

    // The page marks the late row and adds up the year.
    let page = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{}/work-plan?year={this}", f.initiative),
        )
        .await,
    )
    .await;
    assert_eq!(texts(&page, "table.plan-rows tr.late").len(), 1);
    let total = texts(&page, "#plan-budget tfoot tr");
    assert!(total[0].contains("150,000"), "{total:?}");
    assert!(total[0].contains("95,000"), "{total:?}");

    // The partner's late row waits for them on the initiative's page; not for the viewer.
    let late = |who: Who| {
        let path = format!("/initiatives/{}", f.initiative);
        let app = &app;
        async move {
            texts(&document(app.get(who, &path).await).await, "#needs li")
                .into_iter()
                .any(|t| t.contains("תוכנית העבודה"))
        }
    };
    assert!(late(Who::Editor).await);
    assert!(late(Who::Backbone).await);
    assert!(!late(Who::Viewer).await);
}

#[tokio::test]
async fn a_partner_commits_others_filter_by_goal_and_kind_and_the_report_carries_evidence() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let lever = app
        .api(
            Who::Backbone,
            Method::POST,
            "/api/v1/initiatives/{i}/results"
                .replace("{i}", &f.initiative.to_string())
                .as_str(),
        )
        .json(&json!({"parent_id": f.agenda.goal.get(), "kind": "lever", "title": "מורים מלווים"}))
        .send()
        .await
        .unwrap();
    let (status, lever) = json_of(lever).await;
    assert_eq!(status, 201, "{lever}");
    let path = format!("/api/v1/initiatives/{}/commitments", f.initiative);
    let commit = |who: Who, body: Value| {
        let request = app.api(who, Method::POST, &path).json(&body);
        async move { json_of(request.send().await.unwrap()).await }
    };
    // The partner editor commits people to a lever under the goal; the backbone records
    // the city's money, already overdue.
    let (status, people) = commit(
        Who::Editor,
        json!({"organization_id": f.org_a.get(), "result_id": lever["id"], "kind": "people",
               "promise": "12 מתנדבות ילוו מועדוני מדע", "amount": 12, "due": "2099-06-30",
               "visibility": "public"}),
    )
    .await;
    assert_eq!(status, 201, "{people}");
    assert_eq!(people["standing"], "open");
    let (status, money) = commit(
        Who::Backbone,
        json!({"organization_id": f.org_b.get(), "result_id": f.agenda.goal.get(), "kind": "money",
               "promise": "מימון הסעות", "amount": 80000, "due": "2020-01-31"}),
    )
    .await;
    assert_eq!(status, 201, "{money}");
    assert_eq!(money["amount"], 80_000);
    assert_eq!(money["visibility"], "partners");
    assert_eq!(money["standing"], "overdue");
    // A partner editor does not commit for another partner; an activity names its unit.
    let (status, _) = commit(
        Who::Editor,
        json!({"organization_id": f.org_b.get(), "result_id": f.agenda.goal.get(), "kind": "money",
               "promise": "x", "amount": 1, "due": "2099-01-01"}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, refused) = commit(
        Who::Editor,
        json!({"organization_id": f.org_a.get(), "result_id": f.agenda.mission.get(), "kind": "activity",
               "promise": "סדנאות", "amount": 5, "due": "2099-01-01"}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = refused["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["unit"], "{refused}");

    // Filters: by the goal (what is under it counts), by kind, by standing, by partner.
    let listed = |query: &str| {
        let request = app.api(Who::Viewer, Method::GET, &format!("{path}?{query}"));
        async move {
            let (status, body) = json_of(request.send().await.unwrap()).await;
            assert_eq!(status, 200, "{body}");
            body.as_array()
                .unwrap()
                .iter()
                .map(|c| c["promise"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(listed("").await.len(), 2);
    assert_eq!(
        listed(&format!("result_id={}", f.agenda.goal)).await.len(),
        2
    );
    assert_eq!(
        listed(&format!("result_id={}", lever["id"])).await,
        vec!["12 מתנדבות ילוו מועדוני מדע"]
    );
    assert_eq!(listed("kind=money").await, vec!["מימון הסעות"]);
    assert_eq!(listed("status=overdue").await, vec!["מימון הסעות"]);
    assert_eq!(
        listed(&format!("organization_id={}&visibility=public", f.org_a)).await,
        vec!["12 מתנדבות ילוו מועדוני מדע"]
    );
    let (status, _) = json_of(
        app.api(Who::Viewer, Method::GET, &format!("{path}?status=someday"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);

    // Kept: not without evidence; with it, the page shows what was delivered and the proof.
    let report = format!("/api/v1/commitments/{}/fulfilment", people["id"]);
    let (status, _) = json_of(
        app.api(Who::Editor, Method::PUT, &report)
            .json(&json!({"status": "fulfilled", "delivered": 12}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    let (status, kept) = json_of(
        app.api(Who::Editor, Method::PUT, &report)
            .json(
                &json!({"status": "partly", "delivered": 9, "evidence": "רשימת השיבוץ",
                          "evidence_url": "example.org/list"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{kept}");
    assert_eq!(kept["standing"], "partly");
    assert_eq!(kept["evidence_url"], "https://example.org/list");
    assert!(kept["reported_on"].is_string());
    let (status, _) = json_of(
        app.api(
            Who::Editor,
            Method::PUT,
            &format!("/api/v1/commitments/{}/fulfilment", money["id"]),
        )
        .json(&json!({"status": "fulfilled", "evidence": "אישור"}))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        status, 403,
        "the city's commitment is not the editor's to report"
    );

    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{}/commitments/{}", f.initiative, people["id"]),
        )
        .await,
    )
    .await;
    let standing = texts(&page, "#standing").join(" ");
    assert!(standing.contains("קוימה בחלקה"), "{standing}");
    let details = texts(&page, "dl.details").join(" ");
    assert!(
        details.contains("9 אנשים") && details.contains("רשימת השיבוץ"),
        "{details}"
    );
    // The overdue commitment waits on the backbone's page, not on the editor's (whose
    // own is months ahead) nor the viewer's.
    let waiting = |who: Who| {
        let path = format!("/initiatives/{}", f.initiative);
        let app = &app;
        async move {
            texts(&document(app.get(who, &path).await).await, "#needs li")
                .into_iter()
                .any(|t| t.contains("עברה את מועדה"))
        }
    };
    assert!(waiting(Who::Backbone).await);
    assert!(!waiting(Who::Editor).await);
    assert!(!waiting(Who::Viewer).await);
    let list = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{}/commitments?status=overdue", f.initiative),
        )
        .await,
    )
    .await;
    let rows = texts(&list, "#commitments tbody tr");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("התאריך עבר ואין דיווח"), "{rows:?}");
}

#[tokio::test]
async fn funders_alone_see_each_others_answers_and_everyone_sees_what_is_covered() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let (fund, fund_token, fund_browser) = app
        .funder("קרן המדע", kesher_domain::access::Role::PartnerEditor)
        .await;
    let (other_fund, other_token, _) = app
        .funder("קרן החינוך", kesher_domain::access::Role::Member)
        .await;
    let as_funder = |token: &str, method: Method, path: &str| {
        crate::helpers::client()
            .request(method, app.url(path))
            .bearer_auth(token.to_string())
    };

    let (status, request) = json_of(
        app.api(
            Who::Editor,
            Method::POST,
            &format!("/api/v1/initiatives/{}/funding-requests", f.initiative),
        )
        .json(
            &json!({"organization_id": f.org_a.get(), "title": "מעבדות ניידות",
                      "description": "שתי מעבדות לבתי ספר בפריפריה", "amount": 200000,
                      "result_ids": [f.agenda.goal.get()], "needed_by": "2099-03-01"}),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{request}");
    assert!(request.get("pledges").is_none(), "{request}");
    let listed = texts(
        &document(
            app.get(
                Who::Backbone,
                &format!("/initiatives/{}/funding-requests", f.initiative),
            )
            .await,
        )
        .await,
        "#funding-requests tbody tr",
    );
    assert!(
        listed[0].contains("עדיין לא הובטח דבר מתוך \u{2068}₪200,000\u{2069}"),
        "a request nobody answered says so: {listed:?}"
    );
    let one = format!("/api/v1/funding-requests/{}", request["id"]);
    let pledge = format!("{one}/pledge");

    // A funder answers for its own organization only.
    let (status, _) = json_of(
        as_funder(&fund_token, Method::PUT, &pledge)
            .json(&json!({"organization_id": other_fund.get(), "interest": "declined"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    let (status, answered) = json_of(
        as_funder(&fund_token, Method::PUT, &pledge)
            .json(
                &json!({"organization_id": fund.get(), "interest": "interested", "amount": 60000,
                          "note": "בתנאי ששותף עסקי יצטרף"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["pledges"][0]["note"], "בתנאי ששותף עסקי יצטרף");
    // The other funder (a member speaking for a foundation) sees the first one's note.
    let (status, seen) = json_of(
        as_funder(&other_token, Method::PUT, &pledge)
            .json(&json!({"organization_id": other_fund.get(), "interest": "considering"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{seen}");
    let notes: Vec<&str> = seen["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["note"].as_str())
        .collect();
    assert_eq!(notes, vec!["בתנאי ששותף עסקי יצטרף"]);

    // Everyone else sees what is covered, and not who gave what.
    for who in [
        Who::Editor,
        Who::Backbone,
        Who::Admin,
        Who::Member,
        Who::Viewer,
    ] {
        let (status, body) = json_of(app.api(who, Method::GET, &one).send().await.unwrap()).await;
        assert_eq!(status, 200);
        assert!(
            body.get("pledges").is_none(),
            "{who:?} sees the answers: {body}"
        );
        assert_eq!(body["coverage"]["pledged"], 60000, "{who:?}");
        assert_eq!(body["coverage"]["percent"], 30, "{who:?}");
        assert_eq!(body["coverage"]["funders_pledged"], 1, "{who:?}");
        assert!(!body.to_string().contains("בתנאי"), "{who:?}");
    }
    let (status, _) = json_of(
        app.api(Who::Backbone, Method::PUT, &pledge)
            .json(&json!({"organization_id": fund.get(), "interest": "declined"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 403, "the backbone does not answer for a funder");

    // The pages say the same: the funder reads the note, the backbone the coverage only.
    let page_path = format!(
        "/initiatives/{}/funding-requests/{}",
        f.initiative, request["id"]
    );
    let backbone_page = app
        .get(Who::Backbone, &page_path)
        .await
        .text()
        .await
        .unwrap();
    assert!(!backbone_page.contains("בתנאי"));
    assert!(
        backbone_page.contains("₪60,000"),
        "the covered sum is shown"
    );
    let funder_page = fund_browser
        .get(app.url(&page_path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(funder_page.contains("בתנאי ששותף עסקי יצטרף"));

    // Closed, the request takes no more answers.
    let (status, _) = json_of(
        app.api(Who::Editor, Method::PUT, &one)
            .json(
                &json!({"organization_id": f.org_a.get(), "title": "מעבדות ניידות",
                          "description": "מומן", "amount": 200000, "status": "closed"}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = json_of(
        as_funder(&fund_token, Method::PUT, &pledge)
            .json(
                &json!({"organization_id": fund.get(), "interest": "interested", "amount": 70000}),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 409);
}

/// The HSDS tables schema, written from the standard (see the fixture's description).
fn hsds_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../fixtures/hsds-3-tables.schema.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the HSDS schema compiles")
}

#[tokio::test]
async fn the_programs_export_as_an_open_referral_directory_that_the_standard_accepts() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let (city, school, _) = city_with_two_schools(&app).await;
    for (name, places, funding) in [
        (
            "מעבדה ניידת",
            json!([school]),
            json!([{"source": "קרן אורן", "amount": 60000}]),
        ),
        ("מדע בעיר", json!([city]), json!([])),
    ] {
        let (status, body) = json_of(
            app.api(
                Who::Editor,
                Method::POST,
                &format!("/api/v1/initiatives/{}/programs", f.initiative),
            )
            .json(&json!({"organization_id": f.org_a.get(), "name": name,
                          "result_ids": [f.agenda.goal.get()], "place_ids": places,
                          "populations": ["girls"], "core": true, "funding": funding,
                          "starts": "2020-09-01", "ends": "2099-06-30"}))
            .send()
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let path = format!("/api/v1/initiatives/{}/hsds", f.initiative);
    let (status, directory) = json_of(
        app.api(Who::Viewer, Method::GET, &path)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{directory}");
    let validator = hsds_validator();
    let problems: Vec<String> = validator
        .iter_errors(&directory)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");

    // One organization (the partner that runs programs), two services, the school as a
    // location with its code and WGS84 point, the city as an area served.
    assert_eq!(directory["organizations"].as_array().unwrap().len(), 1);
    assert_eq!(directory["services"].as_array().unwrap().len(), 2);
    let locations = directory["locations"].as_array().unwrap();
    assert_eq!(locations.len(), 1);
    assert_eq!(locations[0]["external_identifier"], "110056");
    let (lat, lon) = kesher_domain::measurement::grid::wgs84(210_000.0, 740_000.0).unwrap();
    assert!((locations[0]["latitude"].as_f64().unwrap() - lat).abs() < 1e-9);
    assert!((locations[0]["longitude"].as_f64().unwrap() - lon).abs() < 1e-9);
    assert!(
        (32.7..32.8).contains(&lat) && (35.0..35.2).contains(&lon),
        "{lat} {lon}"
    );
    assert_eq!(directory["funding"][0]["source"], "קרן אורן: 60000 ILS");
    let areas = directory["service_areas"].as_array().unwrap();
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0]["name"], "עיר החוף");
    // Every link names a record of the directory.
    let ids = |table: &str| -> Vec<String> {
        directory[table]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (organizations, services) = (ids("organizations"), ids("services"));
    for service in directory["services"].as_array().unwrap() {
        assert!(organizations.contains(&service["organization_id"].as_str().unwrap().into()));
        assert_eq!(service["status"], "active");
    }
    for link in directory["service_at_locations"].as_array().unwrap() {
        assert!(services.contains(&link["service_id"].as_str().unwrap().into()));
        assert_eq!(link["location_id"], locations[0]["id"]);
    }
    // The ids stay the same from one export to the next.
    let (_, again) = json_of(
        app.api(Who::Member, Method::GET, &path)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(again, directory);
    // And the schema is a real check: a service without its status is refused.
    let mut broken = directory.clone();
    broken["services"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    assert!(!validator.is_valid(&broken));
    // The page offers the same file to download.
    let file = app
        .get(
            Who::Viewer,
            &format!("/initiatives/{}/programs/hsds.json", f.initiative),
        )
        .await;
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("programs-hsds.json")
    );
    let downloaded: Value = file.json().await.unwrap();
    assert_eq!(downloaded, directory);
}

#[tokio::test]
async fn a_goal_indicator_shows_the_programs_and_commitments_that_claim_to_move_it() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let (_, school, _) = city_with_two_schools(&app).await;
    let i = f.initiative;
    let send = |who: Who, method: Method, path: String, body: Value| {
        let request = app.api(who, method, &path).json(&body);
        async move { json_of(request.send().await.unwrap()).await }
    };
    let (_, lever) = send(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{i}/results"),
        json!({"parent_id": f.agenda.goal.get(), "kind": "lever", "title": "חוגים אחרי הצהריים"}),
    )
    .await;
    // A population indicator measures the goal; the program's own output measure is
    // counted separately, with its values.
    for (code, name, node) in [
        (
            "five_units",
            "שיעור הניגשים ל־5 יחידות",
            json!(f.agenda.goal.get()),
        ),
        ("club_members", "משתתפי החוגים", json!(null)),
    ] {
        let (status, body) = send(
            Who::Backbone,
            Method::POST,
            format!("/api/v1/initiatives/{i}/indicators"),
            json!({"code": code, "name_he": name, "unit": "count", "axis": "mapping",
                   "period_kind": "school_year", "result_node_id": node}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = send(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{i}/values"),
        json!({"source": "דוח התוכנית", "entries": [
            {"indicator": "club_members", "place_id": school, "period": "2025/26", "value": 320}]}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let indicators: Value = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/indicators"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id_of = |code: &str| {
        indicators
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == code)
            .map(|x| x["id"].clone())
            .unwrap()
    };
    let (status, program) = send(
        Who::Editor,
        Method::POST,
        format!("/api/v1/initiatives/{i}/programs"),
        json!({"organization_id": f.org_a.get(), "name": "חוגי מדע בשכונה",
               "result_ids": [lever["id"]], "place_ids": [school], "populations": [],
               "core": true, "starts": "2020-09-01", "ends": "2099-06-30",
               "indicator_ids": [id_of("club_members")]}),
    )
    .await;
    assert_eq!(status, 201, "{program}");
    let (status, _) = send(
        Who::Backbone,
        Method::POST,
        format!("/api/v1/initiatives/{i}/commitments"),
        json!({"organization_id": f.org_b.get(), "result_id": f.agenda.goal.get(),
               "kind": "money", "promise": "שעות תגבור", "amount": 90000, "due": "2099-01-01"}),
    )
    .await;
    assert_eq!(status, 201);

    let (status, map) = send(
        Who::Viewer,
        Method::GET,
        format!("/api/v1/initiatives/{i}/contribution"),
        Value::Null,
    )
    .await;
    assert_eq!(status, 200, "{map}");
    let items = map["indicators"].as_array().unwrap();
    // The output measure is the program's, not a population indicator of its own.
    assert_eq!(items.len(), 1, "{map}");
    let item = &items[0];
    assert_eq!(item["indicator"]["code"], "five_units");
    assert_eq!(item["result_id"], f.agenda.goal.get());
    assert!(item["indicator"]["latest"].is_null(), "no values yet");
    let programs = item["programs"].as_array().unwrap();
    assert_eq!(programs.len(), 1);
    assert_eq!(programs[0]["via"], json!([lever["id"]]));
    assert_eq!(programs[0]["place_ids"], json!([school]));
    assert_eq!(programs[0]["outputs"][0]["code"], "club_members");
    assert_eq!(programs[0]["outputs"][0]["latest"]["value"], 320.0);
    assert_eq!(
        programs[0]["outputs"][0]["latest"]["coverage"]["reported"],
        1
    );
    let commitments = item["commitments"].as_array().unwrap();
    assert_eq!(commitments.len(), 1);
    assert_eq!(commitments[0]["amount"], 90000);

    // The page draws the graph and writes the same figures in the table.
    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/contribution"))
            .await,
    )
    .await;
    let graph = texts(&page, "figure.chart-figure svg").join(" ");
    assert!(graph.contains("320"), "the output figure is on its edge");
    assert!(
        graph.contains("₪90,000"),
        "the commitment's amount is on its edge"
    );
    let rows = texts(&page, "section.contribution tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("חוגי מדע בשכונה") && r.contains("320")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("שעות תגבור")), "{rows:?}");
}

#[tokio::test]
async fn a_programs_funding_sources_are_typed_one_per_line_and_added_up() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let path = format!("/initiatives/{}/programs", f.initiative);
    let org = f.org_a.to_string();
    let refused = app
        .post(
            Who::Editor,
            &path,
            &[
                ("organization_id", org.as_str()),
                ("name", "מעבדה ניידת"),
                ("funding", "קרן אורן: 60,000\nהעירייה"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let page = document(refused).await;
    let error = texts(&page, "#f-funding-error").join(" ");
    assert!(!error.is_empty(), "the funding box says what is wrong");
    let kept = texts(&page, "#f-funding").join(" ");
    assert!(
        kept.contains("קרן אורן: 60,000") && kept.contains("העירייה"),
        "nothing typed is lost: {kept}"
    );
    let saved = app
        .post(
            Who::Editor,
            &path,
            &[
                ("organization_id", org.as_str()),
                ("name", "מעבדה ניידת"),
                ("funding", "קרן אורן: 60,000\nהעירייה: 15000"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let location = saved.headers()["location"].to_str().unwrap().to_string();
    let show = document(app.get(Who::Viewer, &location).await).await;
    let total = texts(&show, "#funding-total").join(" ");
    assert!(total.contains("75,000") && total.contains('2'), "{total}");
}

#[tokio::test]
async fn programs_import_from_a_spreadsheet_whole_or_not_at_all_with_problems_by_line() {
    let app = TestApp::spawn().await;
    let f = app.fixture;
    city_with_two_schools(&app).await;
    let goal_title = app
        .store
        .results(f.initiative)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == f.agenda.goal)
        .unwrap()
        .title;
    let partner = "עמותת מדע בשכונה";
    let upload = |who: Who, csv: String| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("programs.csv"),
        );
        let request = app
            .api(
                who,
                Method::POST,
                &format!("/api/v1/initiatives/{}/programs/import", f.initiative),
            )
            .multipart(form);
        async move { json_of(request.send().await.unwrap()).await }
    };
    let count = || async { app.store.programs(f.initiative).await.unwrap().len() };
    // Line 3 names a partner nobody knows, line 4 a school code nobody has: nothing is
    // written, and each problem says its line and column.
    let refused = format!(
        "שותף,שם התוכנית,יעדים,סמלי מקומות,ליבה,מימון\n\
         {partner},חוג רובוטיקה,{goal_title},110056,כן,קרן אורן: 60000\n\
         עמותה שאיננה,מדע בקיץ,,,,\n\
         {partner},מעבדה ניידת,,999999,,\n"
    );
    let (status, body) = upload(Who::Backbone, refused).await;
    assert_eq!(status, 422, "{body}");
    let at: Vec<(i64, String)> = body["error"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["line"].as_i64().unwrap(),
                i["column"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        at,
        vec![(3, "שותף".to_string()), (4, "סמלי מקומות".to_string())],
        "{body}"
    );
    assert_eq!(count().await, 0, "nothing was written");

    // A partner editor imports only their own organization's programs.
    let other = "שותף,שם התוכנית\nעיריית הדוגמה,הסעות\n".to_string();
    let (status, _) = upload(Who::Editor, other).await;
    assert_eq!(status, 422);
    assert_eq!(count().await, 0);

    let good = format!(
        "Partner,Name,Goals,Place codes,Core,Funding,Starts,Ends\n\
         {partner},חוג רובוטיקה,{goal_title},110056,כן,קרן אורן: 60000; העירייה: 5000,2026-09-01,2027-06-30\n\
         {partner},מעבדה ניידת,,110064,,,,\n"
    );
    let (status, created) = upload(Who::Editor, good).await;
    assert_eq!(status, 201, "{created}");
    let created = created.as_array().unwrap();
    assert_eq!(created.len(), 2);
    assert_eq!(created[0]["result_ids"], json!([f.agenda.goal.get()]));
    assert_eq!(created[0]["core"], true);
    assert_eq!(created[0]["funding"][1]["amount"], 5000);
    assert_eq!(count().await, 2);

    // The page takes the same file, and lists the problems of a refused one.
    let page = format!("/initiatives/{}/programs/import", f.initiative);
    let client = app.as_(Who::Backbone);
    let csrf = app.csrf_of(client, &page).await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "file",
        reqwest::multipart::Part::bytes(format!("שותף,שם התוכנית\n{partner},\n").into_bytes())
            .file_name("programs.csv"),
    );
    let response = client
        .post(app.url(&page))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let rows = texts(&document(response).await, "#import-problems tbody tr");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].contains('2') && rows[0].contains("שם התוכנית"),
        "{rows:?}"
    );
    assert_eq!(count().await, 2);
}
