//! Programs and the alignment map, through the API and the pages.

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
