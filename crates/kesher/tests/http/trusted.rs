//! Figures people can trust, through the pages and the API: a thin new year stays
//! provisional everywhere (dashboard, indicator page, progress API, report card), a
//! weighted mean without its weight is refused the same way by form, API and file, an
//! implausible count is refused, and a value that stands out against a short history or
//! its parent is flagged.

use chrono::Utc;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceKind};
use kesher_domain::measurement::values::{SourceKind, ValueState};
use kesher_domain::{InitiativeId, PlaceId};
use kesher_store::{Actor, NewSource, NewValue, PlaceKey, PlaceRow};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, Who, attribute, document, texts};
use crate::measurement::{create_indicator, filled, post_pairs, upload};

/// The school year today falls in, and the ones before it.
pub(crate) fn school_year(back: i32) -> Period {
    match Period::containing(PeriodKind::SchoolYear, Utc::now().date_naive()) {
        Period::SchoolYear(y) => Period::SchoolYear(y - back),
        other => other,
    }
}

/// Sends a batch of values through the API, messages in English.
pub(crate) async fn send_values(app: &TestApp, who: Who, batch: &Value) -> reqwest::Response {
    app.api(
        who,
        Method::POST,
        &format!(
            "/api/v1/initiatives/{}/values?lang=en",
            app.fixture.initiative
        ),
    )
    .json(batch)
    .send()
    .await
    .unwrap()
}

/// Adds a place through core, as the backbone.
pub(crate) async fn add_place(
    app: &TestApp,
    kind: &str,
    code: &str,
    name: &str,
    parent: Option<PlaceId>,
) -> kesher_store::Place {
    app.kesher
        .create_place(
            &app.caller(Who::Backbone).await,
            app.fixture.initiative,
            &kesher_domain::measurement::place::PlaceForm {
                kind: kind.into(),
                code: code.into(),
                name: name.into(),
                parent_id: parent.map(|p| p.to_string()).unwrap_or_default(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
}

/// Ten authorities of 95 schools each: 950 schools, written straight to the store.
async fn national_places(app: &TestApp, id: InitiativeId) -> Vec<PlaceId> {
    let mut rows = Vec::new();
    for a in 0..10 {
        rows.push(PlaceRow {
            kind: PlaceKind::Authority,
            code: Some(format!("{}", 1000 + a)),
            name: format!("רשות {a}"),
            parent: None,
            attributes: PlaceAttributes::default(),
        });
        for s in 0..95 {
            rows.push(PlaceRow {
                kind: PlaceKind::School,
                code: Some(format!("{}", 100_000 + a * 100 + s)),
                name: format!("בית ספר {a}-{s}"),
                parent: Some(PlaceKey {
                    kind: PlaceKind::Authority,
                    key: format!("{}", 1000 + a),
                }),
                attributes: PlaceAttributes::default(),
            });
        }
    }
    app.store
        .import_places(Actor::system(), id, &rows)
        .await
        .unwrap();
    let mut schools: Vec<PlaceId> = app
        .store
        .places(id)
        .await
        .unwrap()
        .into_iter()
        .filter(|p| p.kind == PlaceKind::School)
        .map(|p| p.id)
        .collect();
    schools.sort();
    schools
}

#[tokio::test]
async fn four_schools_of_950_in_a_new_year_stay_provisional_everywhere() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let schools = national_places(&app, id).await;
    assert_eq!(schools.len(), 950);
    let response = create_indicator(
        &app,
        &[
            ("code", "math_takers"),
            ("name_he", "ניגשים לבגרות במתמטיקה"),
            ("name_en", "Mathematics examinees"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let takers = indicators[0].clone();
    // Two years ago every school reported 80; last year four schools reported 5 each.
    let (complete, thin) = (school_year(2), school_year(1));
    let value = |place: PlaceId, period: Period, v: f64| NewValue {
        indicator_id: takers.id,
        place_id: place,
        period,
        cell: Cell::total(),
        value: Some(v),
        missing: None,
        note: None,
    };
    let mut values: Vec<NewValue> = schools.iter().map(|s| value(*s, complete, 80.0)).collect();
    values.extend(schools.iter().take(4).map(|s| value(*s, thin, 5.0)));
    app.store
        .write_values(
            Actor::system(),
            id,
            &NewSource {
                kind: SourceKind::Api,
                name: "national".into(),
            },
            &[],
            &values,
            ValueState::Approved,
        )
        .await
        .unwrap();

    // The dashboard leads with the complete year and names the thin one as provisional.
    let dashboard = app
        .get(
            Who::Member,
            &format!("/initiatives/{id}/measurement?lang=en"),
        )
        .await;
    assert_eq!(dashboard.status(), StatusCode::OK);
    let page = document(dashboard).await;
    let latest = texts(&page, "table.dashboard tbody td:nth-child(3)");
    assert_eq!(latest.len(), 1);
    assert!(latest[0].contains("76,000"), "950 × 80: {}", latest[0]);
    assert!(latest[0].contains(&complete.code()), "{}", latest[0]);
    assert!(
        latest[0].contains("950 of 950 places (100.0%)"),
        "{}",
        latest[0]
    );
    assert!(
        latest[0].contains(&format!("{}: 4 of 950 places (0.4%) so far", thin.code())),
        "{}",
        latest[0]
    );
    assert_eq!(texts(&page, ".badge.provisional").len(), 1);

    // The indicator page: the thin year is in the table with its coverage, hollow on the
    // chart, and the status is judged on the complete year.
    let page = document(
        app.get(
            Who::Member,
            &format!(
                "/initiatives/{id}/measurement/indicators/{}?lang=en",
                takers.id
            ),
        )
        .await,
    )
    .await;
    let rows = texts(&page, "#trend tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[1].contains("4 of 950 places (0.4%) · Provisional"),
        "{rows:?}"
    );
    assert_eq!(texts(&page, "#trend svg circle.provisional").len(), 1);
    assert_eq!(texts(&page, "#trend svg circle.complete").len(), 1);

    // The progress API says the same, number for number.
    let progress: Value = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{id}/progress"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = &progress["indicators"][0];
    assert_eq!(entry["code"], "math_takers");
    assert_eq!(entry["latest"]["period"], complete.code());
    assert_eq!(entry["latest"]["value"], 76_000.0);
    assert_eq!(
        entry["latest"]["coverage"],
        json!({"reported": 950, "expected": 950})
    );
    assert_eq!(entry["provisional"]["period"], thin.code());
    assert_eq!(entry["provisional"]["value"], 20.0);
    assert_eq!(
        entry["provisional"]["coverage"],
        json!({"reported": 4, "expected": 950})
    );
    // One period only: nothing to compare, so neither improving nor not.
    assert_eq!(entry["improving"], Value::Null);
    assert_eq!(entry["status"], "unknown");
    assert_eq!(progress["proof_point"]["share_improving"], Value::Null);
    assert_eq!(progress["proof_point"]["met"], false);
    assert_eq!(progress["counts"]["unknown"], 1);

    // The report card never publishes the thin year; it says it is being collected.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/report-card"),
            &[
                ("title", "כרטיס"),
                ("threshold", "10"),
                ("indicators", "math_takers"),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let settings = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/report-card"),
        )
        .await,
    )
    .await;
    let address = attribute(&settings, ".preview-ok a", "href").unwrap();
    let card = document(app.get(Who::Anonymous, &format!("{address}?lang=en")).await).await;
    assert_eq!(texts(&card, "figure tbody th"), vec![complete.code()]);
    assert_eq!(texts(&card, "figure tbody td"), vec!["76,000"]);
    let collecting = texts(&card, ".collecting");
    assert_eq!(collecting.len(), 1);
    assert!(collecting[0].contains(&thin.code()), "{collecting:?}");
}

/// A weighted-mean rate and its weight, and one school to report for.
async fn weighted_rate(app: &TestApp) -> PlaceId {
    for fields in [
        vec![
            ("code", "students"),
            ("name_he", "תלמידים"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
        vec![
            ("code", "pass_rate"),
            ("name_he", "שיעור הזכאים"),
            ("unit", "percent"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("aggregation", "weighted_mean"),
            ("weight_code", "students"),
        ],
    ] {
        assert_eq!(
            create_indicator(app, &fields).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    add_place(app, "school", "440017", "אורט מעלות", None)
        .await
        .id
}

#[tokio::test]
async fn a_weighted_rate_without_its_weight_is_refused_alike_by_form_api_and_file() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let school = weighted_rate(&app).await;
    let period = school_year(1).code();

    // The API.
    let response = send_values(&app, Who::Backbone, &json!({"source": "api", "entries": [
            {"indicator": "pass_rate", "place_id": school.get(), "period": period, "value": 72.5}]})).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    let issue = &body["error"]["issues"][0];
    assert_eq!(issue["code"], "missing_weight");
    let api_message = issue["message"].as_str().unwrap().to_string();
    assert!(api_message.contains("students"), "{api_message}");

    // The form, with the weight column left empty.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/report?lang=en"),
            &[
                ("indicator", "pass_rate"),
                ("period", &period),
                ("place.0", "440017"),
                ("value.0", "72.5"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert!(
        texts(&page, "main")
            .iter()
            .any(|t| t.contains(&api_message)),
        "the form says what the API says: {api_message}"
    );

    // A file.
    let csv = format!("semel,year,pass_rate\n440017,{period},72.5\n");
    let mapping = upload(&app, "values", csv.into_bytes(), "rates.csv").await;
    let page = document(app.get(Who::Backbone, &format!("{mapping}&lang=en")).await).await;
    let preview = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(
        &app,
        &format!("{preview}?lang=en"),
        &filled(&page, "form[action$=preview]"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    let problems = texts(&page, "table.issues tbody tr td:last-child");
    assert_eq!(problems, vec![api_message.clone()]);
    assert!(
        app.store
            .values(&Default::default())
            .await
            .unwrap()
            .is_empty()
    );

    // With its weight, by the form's weight column, the rate counts at once and says so.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/report?lang=en"),
            &[
                ("indicator", "pass_rate"),
                ("period", &period),
                ("place.0", "440017"),
                ("value.0", "72.5"),
                ("weight.0", "120"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/report?lang=en"),
        )
        .await,
    )
    .await;
    assert_eq!(
        texts(&page, ".flash"),
        vec!["The values were saved and count at once."]
    );
    // And a file with the rate alone is now accepted: its weight is stored.
    let csv = format!("semel,year,pass_rate\n440017,{period},73\n");
    let mapping = upload(&app, "values", csv.into_bytes(), "again.csv").await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    let preview = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(&app, &preview, &filled(&page, "form[action$=preview]")).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_implausible_count_is_refused_and_never_reaches_a_figure() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let school = weighted_rate(&app).await;
    let period = school_year(1).code();
    for value in [1e308, 2e9, f64::MAX] {
        let response = send_values(&app, Who::Backbone, &json!({"source": "api", "entries": [
                {"indicator": "students", "place_id": school.get(), "period": period, "value": value}]})).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{value}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["issues"][0]["code"], "out_of_range");
    }
    // A billion is the plausible top of a count at one place.
    let response = send_values(
        &app,
        Who::Backbone,
        &json!({"source": "api", "entries": [
            {"indicator": "students", "place_id": school.get(), "period": period, "value": 1e9}]}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // Values past any limit that reached the store another way (an older version, a
    // hand-edited database) overflow when added up: the page answers and says so.
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let students = indicators.iter().find(|i| i.code == "students").unwrap();
    let other = add_place(&app, "school", "440018", "שני", None).await.id;
    let huge = |place: PlaceId| NewValue {
        indicator_id: students.id,
        place_id: place,
        period: school_year(2),
        cell: Cell::total(),
        value: Some(1e308),
        missing: None,
        note: None,
    };
    app.store
        .write_values(
            Actor::system(),
            id,
            &NewSource {
                kind: SourceKind::Api,
                name: "old".into(),
            },
            &[],
            &[huge(school), huge(other)],
            ValueState::Approved,
        )
        .await
        .unwrap();
    let response = app
        .get(
            Who::Member,
            &format!(
                "/initiatives/{id}/measurement/indicators/{}?lang=en",
                students.id
            ),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let alert = texts(&page, ".error-summary[role=alert]");
    assert_eq!(alert.len(), 1);
    assert!(alert[0].contains("too large to add up"), "{alert:?}");
    assert!(
        !texts(&page, "#trend tbody").concat().contains("inf"),
        "no infinite figure is shown"
    );

    // A limit past 10^15 is refused on the indicator form.
    let response = create_indicator(
        &app,
        &[
            ("code", "budget"),
            ("name_he", "תקציב"),
            ("unit", "currency"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("valid_max", "1e308"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        attribute(&page, "#f-valid_max", "aria-invalid").as_deref(),
        Some("true")
    );
}

#[tokio::test]
async fn a_club_of_1400_against_one_earlier_year_or_its_city_is_flagged() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let backbone = app.caller(Who::Backbone).await;
    let city = add_place(&app, "authority", "9000", "מגדל הדרים", None).await;
    let club = add_place(&app, "school", "9001", "מועדון המדע", Some(city.id)).await;
    let owner = app.fixture.org_a.to_string();
    let response = create_indicator(
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
    // One earlier year: 120 in the club; the city's own count that year, 120 as well.
    let earlier = school_year(2).code();
    let response = send_values(&app, Who::Backbone, &json!({"source": "baseline", "entries": [
            {"indicator": "club_members", "place_id": club.id.get(), "period": earlier, "value": 120},
            {"indicator": "club_members", "place_id": city.id.get(), "period": earlier, "value": 120}]})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // The partner sends 1,400 for the club.
    let response = send_values(&app, Who::Editor, &json!({"source": "report", "entries": [
            {"indicator": "club_members", "place_id": club.id.get(), "period": school_year(1).code(), "value": 1400}]})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let items = app
        .kesher
        .review_items(&backbone, id, &[ValueState::Submitted])
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].history, vec![120.0]);
    assert!(items[0].outlier, "1,400 against one earlier year of 120");
    assert!(items[0].exceeds_parent, "1,400 against the city's 120");
    let page = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/approvals?lang=en"),
        )
        .await,
    )
    .await;
    assert_eq!(texts(&page, "tr.outlier").len(), 1);
    assert_eq!(texts(&page, ".exceeds-parent").len(), 1);
}

#[tokio::test]
async fn a_breakdown_column_with_a_total_and_overlapping_groups_adds_up_by_hand() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let backbone = app.caller(Who::Backbone).await;
    let city = add_place(&app, "authority", "7000", "עיר", None).await;
    for code in ["501", "502", "503", "504"] {
        add_place(
            &app,
            "school",
            code,
            &format!("בית ספר {code}"),
            Some(city.id),
        )
        .await;
    }
    let response = create_indicator(
        &app,
        &[
            ("code", "cohort"),
            ("name_he", "מחזור"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let year = school_year(1).code();
    // One column holds the total and two overlapping dimensions, as real school files do.
    // 501: a total of 55, kept (adding every row would make it 165).
    // 502: no total; its boys and girls are complete (42), one ethnic cell is suppressed.
    // 503: no total; a gender cell is suppressed, its ethnic groups are complete (13).
    // 504: a total of 40 whose boys and girls add up to 45: a warning, the total kept.
    let csv = format!(
        "semel,year,group,cohort\n\
         501,{year},Total Cohort,55\n501,{year},Male,30\n501,{year},Female,25\n\
         501,{year},Asian,10\n501,{year},Black,45\n\
         502,{year},Male,20\n502,{year},Female,22\n502,{year},Asian,12\n502,{year},Black,s\n\
         503,{year},Male,10\n503,{year},Female,s\n503,{year},Asian,4\n503,{year},Black,9\n\
         504,{year},Total Cohort,40\n504,{year},Male,20\n504,{year},Female,25\n"
    );
    let mapping = upload(&app, "values", csv.into_bytes(), "cohorts.csv").await;
    let page = document(app.get(Who::Backbone, &format!("{mapping}&lang=en")).await).await;
    let preview = attribute(&page, "form[action$=preview]", "action").unwrap();
    let mut pairs: Vec<(String, String)> = filled(&page, "form[action$=preview]")
        .into_iter()
        .filter(|(k, _)| !k.ends_with(".2") && k != "layout")
        .collect();
    pairs.push(("layout".into(), "wide".into()));
    pairs.push(("col.3".into(), "cohort".into()));
    pairs.push(("dim.2".into(), "gender".into()));
    pairs.push((
        "cat.2".into(),
        "Total Cohort = total; Asian, Black = ethnicity".into(),
    ));
    let response = post_pairs(&app, &format!("{preview}?lang=en"), &pairs).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let warnings = texts(&page, ".disagreements li");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("504") && warnings[0].contains("45") && warnings[0].contains("40"),
        "{warnings:?}"
    );
    // The sample shows one school as it will be stored: the total and each dimension.
    let sample = texts(&page, ".breakdown-sample tbody tr");
    assert!(
        sample[0].contains("Total") && sample[0].contains("55"),
        "{sample:?}"
    );
    assert!(
        sample.iter().any(|r| r.contains("ethnicity: Asian")),
        "{sample:?}"
    );
    assert!(
        sample.iter().any(|r| r.contains("gender: Male")),
        "{sample:?}"
    );
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();
    let landed =
        crate::measurement::confirm_import(&app, &confirm, &filled(&page, "form[action$=confirm]"))
            .await;
    assert!(landed.ends_with("/measurement"), "{landed}");

    // The city's total, by hand: 55 + 42 + 13 + 40 = 150, from all four schools.
    let (measurement, _) = app.kesher.measurement(&backbone, id).await.unwrap();
    let cohort = measurement.indicator_by_code("cohort").unwrap();
    let figures = measurement.figures(cohort, &Cell::total());
    let at = &figures[&school_year(1)];
    let school = |code: &str| {
        measurement
            .places
            .iter()
            .find(|p| p.code.as_deref() == Some(code))
            .unwrap()
            .id
    };
    assert_eq!(at[&school("501")].value, 55.0);
    assert_eq!(at[&school("502")].value, 42.0);
    assert_eq!(at[&school("503")].value, 13.0);
    assert_eq!(at[&school("504")].value, 40.0);
    assert_eq!(at[&city.id].value, 150.0);
    let series = measurement.series_with_coverage(cohort, &figures, city.id);
    assert_eq!(
        (series[0].coverage.reported, series[0].coverage.expected),
        (4, 4)
    );
}
