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
                "result_ids": [foreign_goal], "place_codes": "999999"
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
