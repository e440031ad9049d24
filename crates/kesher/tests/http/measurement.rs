//! Shared measurement through the pages: the Ministry's real files imported through the
//! column mapping, indicators defined by the backbone, the picture they add up to, and who
//! may see and do what.

use kesher_core::measurement::import::{DataFile, DataPurpose};
use kesher_domain::measurement::values::SourceKind;
use kesher_store::ValueFilter;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use scraper::{Html, Selector};

use crate::helpers::{TestApp, Who, attribute, document, texts};

pub(crate) fn shared(name: &str) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    std::fs::read(&path).expect("the real data file beside the project")
}

/// The Ministry's 4,718 schools in their authorities and districts, as `kesher import` loads
/// them.
async fn import_budget_places(app: &TestApp) {
    let caller = app.caller(Who::Backbone).await;
    app.kesher
        .import_data_file(
            &caller,
            app.fixture.initiative,
            DataFile {
                purpose: DataPurpose::Places,
                name: "budget.csv",
                bytes: &shared("il_moe_budget_clean.csv"),
                mapping: None,
                kind: SourceKind::CommandLine,
                encoding: Default::default(),
            },
            &kesher_core::measurement::import::ImportProgress::default(),
        )
        .await
        .unwrap();
}

/// Uploads a file as the backbone; gives the address of its mapping page.
pub(crate) async fn upload(app: &TestApp, purpose: &str, bytes: Vec<u8>, name: &str) -> String {
    let client = app.as_(Who::Backbone);
    let csrf = app.csrf_of(client, "/").await;
    let form = Form::new()
        .text("csrf", csrf)
        .text("purpose", purpose.to_string())
        .part("file", Part::bytes(bytes).file_name(name.to_string()));
    let response = client
        .post(app.url(&format!(
            "/initiatives/{}/measurement/import",
            app.fixture.initiative
        )))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()["location"].to_str().unwrap().to_string()
}

/// The fields of a form as the page filled them: selected options, checked boxes, inputs.
pub(crate) fn filled(page: &Html, form: &str) -> Vec<(String, String)> {
    let form_selector = Selector::parse(form).unwrap();
    let form = page.select(&form_selector).next().expect("the form");
    let mut fields = Vec::new();
    for select in form.select(&Selector::parse("select").unwrap()) {
        let name = select.value().attr("name").unwrap().to_string();
        if let Some(option) = select
            .select(&Selector::parse("option[selected]").unwrap())
            .next()
        {
            fields.push((name, option.value().attr("value").unwrap_or("").to_string()));
        }
    }
    for input in form.select(&Selector::parse("input").unwrap()) {
        let kind = input.value().attr("type").unwrap_or("text");
        let Some(name) = input.value().attr("name") else {
            continue;
        };
        let checked = input.value().attr("checked").is_some();
        if name == "csrf" || (matches!(kind, "checkbox" | "radio") && !checked) {
            continue;
        }
        fields.push((
            name.to_string(),
            input.value().attr("value").unwrap_or("").to_string(),
        ));
    }
    fields
}

pub(crate) async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(Who::Backbone, path, &fields).await
}

/// Confirms an import and waits for it: a long one goes on in the background behind a
/// progress page, which hands over to the imported data once the import has ended.
/// Gives where the user lands.
pub(crate) async fn confirm_import(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
) -> String {
    let response = post_pairs(app, path, pairs).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut location = response.headers()["location"].to_str().unwrap().to_string();
    for _ in 0..600 {
        if !location.contains("/import/jobs/") {
            return location;
        }
        let response = app.get(Who::Backbone, &location).await;
        match response.status() {
            StatusCode::SEE_OTHER => {
                location = response.headers()["location"].to_str().unwrap().to_string();
            }
            StatusCode::OK => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
            other => panic!("the import's page answered {other}"),
        }
    }
    panic!("the import did not end within two minutes");
}

pub(crate) async fn create_indicator(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    app.post(
        Who::Backbone,
        &format!(
            "/initiatives/{}/measurement/indicators",
            app.fixture.initiative
        ),
        fields,
    )
    .await
}

async fn school_indicators(app: &TestApp) {
    for fields in [
        vec![
            ("code", "students"),
            ("name_he", "תלמידים"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("data_source", "students_regular"),
        ],
        vec![
            ("code", "math_takers"),
            ("name_he", "ניגשים במתמטיקה"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("data_source", "math_takers_total"),
        ],
        vec![
            ("code", "math5_rate"),
            ("name_he", "שיעור 5 יחידות"),
            ("unit", "percent"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("aggregation", "weighted_mean"),
            ("weight_code", "math_takers"),
            ("data_source", "math_5unit_participation"),
        ],
        vec![
            ("code", "math5_takers"),
            ("name_he", "ניגשים ל-5 יחידות"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("formula", "math5_rate * math_takers / 100"),
            ("decimals", "0"),
        ],
    ] {
        let response = create_indicator(app, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{fields:?}");
    }
}

#[tokio::test]
async fn the_ministry_files_import_through_the_mapping_pages_and_add_up() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;

    // Places: the budget file maps itself.
    let mapping = upload(
        &app,
        "places",
        shared("il_moe_budget_clean.csv"),
        "budget.csv",
    )
    .await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    assert_eq!(
        attribute(&page, "#f-place\\.school_code option[selected]", "value").as_deref(),
        Some("semel")
    );
    let fields = filled(&page, "form[action$=preview]");
    let preview_path = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(&app, &preview_path, &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let summary = texts(&page, ".preview-ok li").join(" ");
    assert!(summary.contains("4718"), "{summary}");
    assert!(summary.contains("255"), "{summary}");
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();
    confirm_import(&app, &confirm, &filled(&page, "form[action$=confirm]")).await;
    let places = document(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{id}/measurement/places"),
        )
        .await,
    )
    .await;
    assert_eq!(texts(&places, "tbody tr").len(), 6, "six districts on top");

    // Values: the school file, once the indicators exist.
    school_indicators(&app).await;
    let mapping = upload(
        &app,
        "values",
        shared("il_school_level_features_targets.csv"),
        "schools.csv",
    )
    .await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    let preview_path = attribute(&page, "form[action$=preview]", "action").unwrap();
    let mut fields = filled(&page, "form[action$=preview]");
    // The participation column holds shares of 0–1: the user sets its factor to 100.
    let index = page
        .select(&Selector::parse("table.mapping tbody tr").unwrap())
        .position(|row| row.text().any(|t| t == "math_5unit_participation"))
        .unwrap();
    fields.retain(|(k, _)| k != &format!("scale.{index}"));
    fields.push((format!("scale.{index}"), "100".into()));

    // Fifteen schools are not in the budget file: refused, line by line, nothing written.
    let response = post_pairs(&app, &preview_path, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    let issues = texts(&page, "table.issues tbody tr");
    assert_eq!(issues.len(), 18);
    assert!(issues[0].contains("141598"), "{}", issues[0]);
    assert!(
        app.store
            .values(&ValueFilter::default())
            .await
            .unwrap()
            .is_empty()
    );

    // Ticking "add places the file names" lets the whole file in.
    fields.push(("add_missing_places".into(), "on".into()));
    let response = post_pairs(&app, &preview_path, &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let summary = texts(&page, ".preview-ok li").join(" ");
    assert!(
        summary.contains("2012/13") && summary.contains("2015/16"),
        "{summary}"
    );
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();
    let mut confirm_fields = filled(&page, "form[action$=confirm]");
    confirm_fields.retain(|(k, _)| k != "save_as");
    confirm_fields.push(("save_as".into(), "קובץ בתי הספר".into()));
    confirm_import(&app, &confirm, &confirm_fields).await;
    let stored = app.store.values(&ValueFilter::default()).await.unwrap();
    // Three entered indicators per row; the computed one is never stored.
    assert_eq!(stored.len(), 3731 * 3);

    // The picture: the dashboard, and the indicator's trend with its table.
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let rate = indicators.iter().find(|i| i.code == "math5_rate").unwrap();
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{id}/measurement/indicators/{}", rate.id),
        )
        .await,
    )
    .await;
    let trend = texts(&page, "#trend tbody tr");
    assert_eq!(trend.len(), 4, "{trend:?}");
    assert!(trend[3].contains("2015/16"));
    let latest = texts(&page, "#trend tbody tr:last-child td.number")[0].clone();
    let titles = texts(&page, "#trend svg title");
    assert_eq!(titles.len(), 4);
    assert!(
        titles[3].ends_with(&latest),
        "the chart's last point ({}) shows the table's last value ({latest})",
        titles[3]
    );
    assert_eq!(
        attribute(&page, "#trend svg", "aria-labelledby").as_deref(),
        Some("trend-caption")
    );
    assert_eq!(
        texts(&page, "#compare tbody tr").len(),
        6,
        "one row per district"
    );

    // A computed indicator is recomputed from totals: 5-unit takers equal the weighted
    // share times all takers, at every level.
    let takers = indicators
        .iter()
        .find(|i| i.code == "math5_takers")
        .unwrap();
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{id}/measurement/indicators/{}", takers.id),
        )
        .await,
    )
    .await;
    assert_eq!(texts(&page, "#trend tbody tr").len(), 4);

    // The gap view: nurture quintile 5 (most support) against quintile 1, per year; each
    // gap is the difference of the two figures beside it.
    let page = document(
        app.get(
            Who::Member,
            &format!(
                "/initiatives/{id}/measurement/indicators/{}/gap?group=quintile:5&reference=quintile:1",
                rate.id
            ),
        )
        .await,
    )
    .await;
    let rows = page
        .select(&Selector::parse("#gap tbody tr").unwrap())
        .map(|row| {
            row.select(&Selector::parse("td.number").unwrap())
                .map(|td| {
                    td.text()
                        .collect::<String>()
                        .trim_end_matches('%')
                        .parse::<f64>()
                        .unwrap()
                })
                .collect::<Vec<f64>>()
        })
        .collect::<Vec<_>>();
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert!((row[0] - row[1] - row[2]).abs() < 0.11, "{row:?}");
        assert!(row[0] != row[1], "the two groups differ: {row:?}");
    }
    assert_eq!(texts(&page, "#gap svg title").len(), 8, "both lines titled");
    // Opened with no choice, the gap view compares the same two quintiles.
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{id}/measurement/indicators/{}/gap", rate.id),
        )
        .await,
    )
    .await;
    assert_eq!(
        attribute(&page, "#f-group option[selected]", "value").as_deref(),
        Some("quintile:5")
    );
    assert_eq!(
        attribute(&page, "#f-reference option[selected]", "value").as_deref(),
        Some("quintile:1")
    );

    // The saved mapping is offered for the next file.
    let mapping = upload(
        &app,
        "values",
        shared("il_school_level_features_targets.csv"),
        "again.csv",
    )
    .await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    assert!(texts(&page, "#f-mapping option").contains(&"קובץ בתי הספר".to_string()));
}

#[tokio::test]
async fn a_broken_values_file_is_refused_whole_with_each_line_named() {
    let app = TestApp::spawn().await;
    import_budget_places(&app).await;
    school_indicators(&app).await;
    // Long form: indicator, school, year, value — with a word, a percentage over 100, an
    // unknown indicator and a repeated value among good rows.
    let csv = "indicator,semel,year,value\n\
               students,110023,2016,1024\n\
               students,110056,2016,many\n\
               math5_rate,110023,2016,130\n\
               reading,110023,2016,4\n\
               students,110023,2016,1000\n\
               math_takers,110023,2016,80\n";
    let mapping = upload(&app, "values", csv.as_bytes().to_vec(), "broken.csv").await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    assert_eq!(
        attribute(&page, "#f-layout-long", "checked").as_deref(),
        Some("")
    );
    let preview_path = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(&app, &preview_path, &filled(&page, "form[action$=preview]")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    let lines: Vec<String> = texts(&page, "table.issues tbody tr td:first-child");
    assert_eq!(lines, vec!["3", "4", "5", "6"]);
    let problems = texts(&page, "table.issues tbody tr td:last-child");
    assert!(problems[1].contains("130"), "{}", problems[1]);
    assert!(problems[2].contains("reading"), "{}", problems[2]);
    assert!(
        problems[3].contains('2'),
        "names the first line: {}",
        problems[3]
    );
    assert!(
        app.store
            .values(&ValueFilter::default())
            .await
            .unwrap()
            .is_empty(),
        "nothing is written"
    );
    // No confirm button on a refused file.
    assert!(attribute(&page, "form[action$=confirm]", "action").is_none());
}

#[tokio::test]
async fn an_indicator_form_refuses_a_formula_over_unknown_codes_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let response = create_indicator(
        &app,
        &[
            ("code", "girls_share"),
            ("name_he", "שיעור הבנות"),
            ("unit", "percent"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
            ("formula", "girls / pupils * 100"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        attribute(&page, "#f-formula", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attribute(&page, "#f-name_he", "value").as_deref(),
        Some("שיעור הבנות")
    );
    assert_eq!(texts(&page, ".error-summary li").len(), 1);
}

#[tokio::test]
async fn measurement_pages_open_to_readers_and_managing_to_the_backbone() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let response = create_indicator(
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
    let indicator = response.headers()["location"].to_str().unwrap().to_string();
    let read = [
        format!("/initiatives/{id}/measurement"),
        format!("/initiatives/{id}/measurement/places"),
        indicator.clone(),
    ];
    let manage = [
        format!("/initiatives/{id}/measurement/import"),
        format!("/initiatives/{id}/measurement/indicators/new"),
        format!("{indicator}/edit"),
        format!("{indicator}/delete"),
    ];
    for who in Who::ALL {
        let (reads, manages) = match who {
            Who::Anonymous => (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER),
            Who::Outsider => (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            Who::Admin | Who::Backbone => (StatusCode::OK, StatusCode::OK),
            Who::Editor | Who::Member | Who::Viewer => (StatusCode::OK, StatusCode::FORBIDDEN),
        };
        for path in &read {
            assert_eq!(
                app.get(who, path).await.status(),
                reads,
                "{who:?} GET {path}"
            );
        }
        for path in &manage {
            assert_eq!(
                app.get(who, path).await.status(),
                manages,
                "{who:?} GET {path}"
            );
        }
    }
    // Writes are refused the same way.
    for who in [Who::Editor, Who::Member, Who::Viewer, Who::Outsider] {
        let response = app
            .post(
                who,
                &format!("/initiatives/{id}/measurement/indicators"),
                &[("code", "x"), ("name_he", "x"), ("unit", "count")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who:?}");
    }
}

#[tokio::test]
async fn values_sent_over_the_api_add_up_and_a_partner_waits_for_approval() {
    use reqwest::Method;
    use serde_json::{Value, json};
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let place = |name: &str, kind: &str, parent: Option<i64>| json!({"name": name, "kind": kind, "parent_id": parent});
    let post =
        |who: Who, path: String, body: Value| app.api(who, Method::POST, &path).json(&body).send();
    let town: Value = post(
        Who::Backbone,
        format!("/api/v1/initiatives/{id}/places"),
        place("מגדל הדרים", "authority", None),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let town_id = town["id"].as_i64().unwrap();
    let mut schools = Vec::new();
    for name in ["אופק", "רעים"] {
        let response = post(
            Who::Backbone,
            format!("/api/v1/initiatives/{id}/places"),
            place(name, "school", Some(town_id)),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        schools.push(created["id"].as_i64().unwrap());
    }
    for (code, unit, formula, owner) in [
        ("takers", "count", "", Some(app.fixture.org_a.get())),
        ("pupils", "count", "", None),
        ("share", "percent", "takers / pupils * 100", None),
    ] {
        let response = post(
            Who::Backbone,
            format!("/api/v1/initiatives/{id}/indicators"),
            json!({"code": code, "name_he": code, "unit": unit, "axis": "mapping",
                   "period_kind": "school_year", "formula": formula,
                   "owner_organization_id": owner}),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "{code}");
    }
    let entry = |indicator: &str, place: i64, value: f64| json!({"indicator": indicator, "place_id": place, "period": "תשפ\"ו", "value": value});
    // The backbone's values are approved at once.
    let response = post(
        Who::Backbone,
        format!("/api/v1/initiatives/{id}/values"),
        json!({"source": "דוח שנתי", "entries": [
            entry("pupils", schools[0], 300.0), entry("pupils", schools[1], 20.0),
            entry("takers", schools[0], 60.0)]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    // A partner editor reports the indicator their organization owns; it waits.
    let response = post(
        Who::Editor,
        format!("/api/v1/initiatives/{id}/values"),
        json!({"source": "דיווח התוכנית", "entries": [entry("takers", schools[1], 10.0)]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    // …and may not report another's.
    let response = post(
        Who::Editor,
        format!("/api/v1/initiatives/{id}/values"),
        json!({"source": "x", "entries": [entry("pupils", schools[1], 25.0)]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let submitted: Vec<Value> = app
        .api(
            Who::Backbone,
            Method::GET,
            &format!("/api/v1/initiatives/{id}/values?state=submitted"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(submitted.len(), 1);
    assert_eq!(submitted[0]["period"], "2025/26");

    // Figures add up approved values only, and a ratio only over the schools that report
    // both its inputs: 60 of 300 at the town until the partner's value is approved — not
    // 60 of 320, as if the second school had no examinees.
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let share = indicators.iter().find(|i| i.code == "share").unwrap();
    let figures = |_: ()| {
        app.api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/indicators/{}/figures?place={town_id}", share.id),
        )
        .send()
    };
    let before: Value = figures(()).await.unwrap().json().await.unwrap();
    assert_eq!(before["series"][0]["value"], 20.0);
    let takers = indicators.iter().find(|i| i.code == "takers").unwrap();
    let moved = app
        .store
        .change_value_state(
            kesher_store::Actor::system(),
            id,
            &[kesher_store::ValueKey {
                indicator_id: takers.id,
                place_id: kesher_domain::PlaceId::new(schools[1]),
                period: kesher_domain::measurement::period::Period::SchoolYear(2025),
                cell: kesher_domain::measurement::indicator::Cell::total(),
            }],
            &[kesher_domain::measurement::values::ValueState::Submitted],
            kesher_domain::measurement::values::ValueState::Approved,
            None,
        )
        .await
        .unwrap();
    assert_eq!(moved, 1);
    let after: Value = figures(()).await.unwrap().json().await.unwrap();
    // 70 of 320, not the 35% an average of 20% and 50% would give.
    assert_eq!(after["series"][0]["value"], 21.875);
    assert_eq!(after["series"][0]["period"], "2025/26");

    // A batch with a bad entry writes nothing and names the entry.
    let response = post(
        Who::Backbone,
        format!("/api/v1/initiatives/{id}/values"),
        json!({"source": "x", "entries": [entry("pupils", schools[0], 301.0),
                                          entry("share", schools[0], 50.0)]}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["issues"][0]["line"], 2);
    assert_eq!(body["error"]["issues"][0]["code"], "computed_indicator");
    let periods: Vec<Value> = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{id}/periods"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(periods[0]["hebrew"], "תשפ\"ו");

    // Data out: every approved value as CSV, the figures as shown, and DHIS2's shape.
    let pupils = indicators.iter().find(|i| i.code == "pupils").unwrap();
    let csv = app
        .get(
            Who::Viewer,
            &format!(
                "/initiatives/{id}/measurement/indicators/{}/download?what=values&format=csv",
                pupils.id
            ),
        )
        .await;
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("pupils.csv")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1].contains("אופק")
            && lines[1].contains("2025/26")
            && lines[1].ends_with(",300,,,דוח שנתי"),
        "{}",
        lines[1]
    );
    let shown = app
        .get(
            Who::Viewer,
            &format!(
                "/initiatives/{id}/measurement/indicators/{}/download?what=shown&format=xlsx&place={town_id}",
                share.id
            ),
        )
        .await;
    assert_eq!(shown.status(), StatusCode::OK);
    assert!(shown.bytes().await.unwrap().starts_with(b"PK"));
    let dhis2: Value = app
        .get(
            Who::Viewer,
            &format!("/initiatives/{id}/measurement/dhis2.json"),
        )
        .await
        .json()
        .await
        .unwrap();
    let data_values = dhis2["dataValues"].as_array().unwrap();
    assert_eq!(data_values.len(), 4, "the four approved entered values");
    assert!(data_values.iter().all(|v| v["period"] == "2025Sep"));
    assert!(
        data_values
            .iter()
            .any(|v| v["dataElement"] == "takers" && v["value"] == "10")
    );
    assert_eq!(
        app.get(
            Who::Viewer,
            &format!("/initiatives/{id}/measurement/setup.json")
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    let setup: Value = app
        .get(
            Who::Backbone,
            &format!("/initiatives/{id}/measurement/setup.json"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(setup["indicators"].as_array().unwrap().len(), 3);
    assert_eq!(setup["places"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_partner_reports_the_backbone_returns_then_approves_and_only_then_it_counts() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let backbone = app.caller(Who::Backbone).await;
    let town = app
        .kesher
        .create_place(
            &backbone,
            id,
            &kesher_domain::measurement::place::PlaceForm {
                kind: "authority".into(),
                code: "9000".into(),
                name: "מגדל הדרים".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
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
    let report = format!("/initiatives/{id}/measurement/report");
    // Members and viewers do not report; the partner editor does.
    assert_eq!(
        app.get(Who::Member, &report).await.status(),
        StatusCode::FORBIDDEN
    );
    let approvals = format!("/initiatives/{id}/measurement/approvals");
    assert_eq!(
        app.get(Who::Editor, &approvals).await.status(),
        StatusCode::FORBIDDEN
    );
    // A row naming an unknown place refuses the form and keeps what was typed.
    let response = app
        .post(
            Who::Editor,
            &report,
            &[
                ("indicator", "club_members"),
                ("period", "2025/26"),
                ("place.0", "9000"),
                ("value.0", "48"),
                ("place.1", "עיר אחרת"),
                ("value.1", "3"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert!(texts(&page, ".error-summary li")[0].contains("עיר אחרת"));
    assert_eq!(
        attribute(&page, "#f-value-0", "value").as_deref(),
        Some("48")
    );
    let response = app
        .post(
            Who::Editor,
            &report,
            &[
                ("indicator", "club_members"),
                ("period", "2025/26"),
                ("place.0", "9000"),
                ("value.0", "48"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The draft is the partner's alone until sent.
    let queue = document(app.get(Who::Backbone, &approvals).await).await;
    assert!(texts(&queue, "table.approvals tbody tr").is_empty());
    let page = document(app.get(Who::Editor, &report).await).await;
    let key = attribute(&page, "input[name=key]", "value").unwrap();
    let response = app
        .post(
            Who::Editor,
            &format!("{report}/submit"),
            &[("key", key.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Returning needs a comment.
    let queue = document(app.get(Who::Backbone, &approvals).await).await;
    assert_eq!(texts(&queue, "table.approvals tbody tr").len(), 1);
    let response = app
        .post(
            Who::Backbone,
            &approvals,
            &[("key", key.as_str()), ("action", "return")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post(
            Who::Backbone,
            &approvals,
            &[
                ("key", key.as_str()),
                ("action", "return"),
                ("comment", "נא לספור רק משתתפים קבועים"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Editor, &report).await).await;
    assert!(
        texts(&page, "tbody tr")
            .iter()
            .any(|row| row.contains("נא לספור רק משתתפים קבועים"))
    );
    let place_page = format!("/initiatives/{id}/measurement/places/{}", town.id);
    let figures = texts(
        &document(app.get(Who::Viewer, &place_page).await).await,
        "tbody td.number",
    );
    assert!(figures.is_empty(), "not counted yet");

    // Fixed and sent again, then approved: now it counts.
    let response = app
        .post(
            Who::Editor,
            &report,
            &[
                ("indicator", "club_members"),
                ("period", "2025/26"),
                ("place.0", "9000"),
                ("value.0", "41"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            Who::Backbone,
            &approvals,
            &[("key", key.as_str()), ("action", "approve")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let figures = texts(
        &document(app.get(Who::Viewer, &place_page).await).await,
        "tbody td.number",
    );
    assert_eq!(figures, vec!["41"]);
    let history = app.store.value_history(&key_of_text(&key)).await.unwrap();
    let states: Vec<String> = history.iter().map(|v| v.state.code().to_string()).collect();
    assert_eq!(
        states,
        ["approved", "submitted", "returned", "submitted", "draft"]
    );
}

fn key_of_text(text: &str) -> kesher_store::ValueKey {
    let parts: Vec<&str> = text.splitn(4, '~').collect();
    kesher_store::ValueKey {
        indicator_id: kesher_domain::IndicatorId::new(parts[0].parse().unwrap()),
        place_id: kesher_domain::PlaceId::new(parts[1].parse().unwrap()),
        period: kesher_domain::measurement::period::Period::from_key(parts[2].parse().unwrap())
            .unwrap(),
        cell: kesher_domain::measurement::indicator::Cell::from_key(parts[3]),
    }
}

#[tokio::test]
async fn the_public_report_card_hides_small_groups_and_what_would_reveal_them() {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let mut towns = Vec::new();
    for name in ["אלון", "ברוש", "גפן"] {
        let town: serde_json::Value = app
            .api(
                Who::Backbone,
                Method::POST,
                &format!("/api/v1/initiatives/{id}/places"),
            )
            .json(&json!({"name": name, "kind": "authority"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        towns.push(town["id"].as_i64().unwrap());
    }
    let response = create_indicator(
        &app,
        &[
            ("code", "girls_in_physics"),
            ("name_he", "בנות במגמת פיזיקה"),
            ("unit", "count"),
            ("axis", "mapping"),
            ("period_kind", "school_year"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Two towns now: 300 and 6 girls. Hiding the 6 alone would let anyone subtract.
    let entry = |town: i64, value: f64, period: &str| json!({"indicator": "girls_in_physics", "place_id": town, "period": period, "value": value});
    let response = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/initiatives/{id}/values"),
        )
        .json(&json!({"source": "מיפוי", "entries": [
            entry(towns[0], 300.0, "2024/25"), entry(towns[1], 6.0, "2024/25"),
            entry(towns[0], 280.0, "2023/24"), entry(towns[1], 7.0, "2023/24"),
            entry(towns[2], 50.0, "2023/24")]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let settings = format!("/initiatives/{id}/measurement/report-card");
    assert_eq!(
        app.get(Who::Viewer, &settings).await.status(),
        StatusCode::FORBIDDEN
    );
    let response = app
        .post(
            Who::Backbone,
            &settings,
            &[
                ("title", "כרטיס הדיווח של היוזמה"),
                ("threshold", "10"),
                ("indicators", "girls_in_physics"),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Backbone, &settings).await).await;
    let address = attribute(&page, ".preview-ok a", "href").unwrap();
    assert!(address.starts_with("/report/") && address.len() > 40);

    // No account is needed to read it. Two of the three towns have reported 2024/25:
    // below the 90% coverage threshold, so the year is not published, only named.
    let public = document(app.get(Who::Anonymous, &address).await).await;
    assert_eq!(texts(&public, "figure tbody td"), vec!["337"]);
    let collecting = texts(&public, ".collecting");
    assert_eq!(collecting.len(), 1);
    assert!(collecting[0].contains("2024/25"), "{collecting:?}");
    // The backbone accepts two of three towns as complete (a 60% threshold).
    let (indicators, _) = app
        .kesher
        .indicators(&app.caller(Who::Backbone).await, id)
        .await
        .unwrap();
    let girls = indicators
        .iter()
        .find(|i| i.code == "girls_in_physics")
        .unwrap();
    let response = app
        .api(
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/indicators/{}", girls.id),
        )
        .json(
            &json!({"code": "girls_in_physics", "name_he": "בנות במגמת פיזיקה",
                      "unit": "count", "axis": "mapping", "period_kind": "school_year",
                      "coverage_threshold": 60}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let public = document(app.get(Who::Anonymous, &address).await).await;
    assert_eq!(
        texts(&public, "figure tbody td"),
        vec!["337", "306"],
        "the totals are large enough to show"
    );
    assert!(texts(&public, ".collecting").is_empty());
    assert_eq!(
        texts(&public, ".card-places td"),
        vec!["מוסתר", "מוסתר"],
        "6 is small, and 300 next to a total of 306 would reveal it"
    );
    assert_eq!(texts(&public, ".card-places th[scope=row]").len(), 2);

    // Unpublished, the address answers as if it never existed.
    app.post(
        Who::Backbone,
        &settings,
        &[
            ("title", "כרטיס הדיווח של היוזמה"),
            ("indicators", "girls_in_physics"),
        ],
    )
    .await;
    assert_eq!(
        app.get(Who::Anonymous, &address).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn groups_and_rules_set_up_by_the_backbone_shape_the_gaps_and_refuse_data() {
    use reqwest::Method;
    use serde_json::{Value, json};
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let place = |body: Value| {
        app.api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/initiatives/{id}/places"),
        )
        .json(&body)
        .send()
    };
    let district: Value = place(json!({"name": "צפון", "kind": "district"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let district_id = district["id"].as_i64().unwrap();
    for (name, code, periphery) in [("קצרין", "4100", true), ("עפולה", "7700", false)] {
        let response = place(json!({"name": name, "code": code, "kind": "authority",
                                    "parent_id": district_id, "periphery": periphery}))
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let setup = format!("/initiatives/{id}/measurement/setup");
    assert_eq!(
        app.get(Who::Editor, &setup).await.status(),
        StatusCode::FORBIDDEN
    );
    // By attributes: the periphery authorities under the district.
    let response = app
        .post(
            Who::Backbone,
            &format!("{setup}/groups"),
            &[
                ("name", "רשויות הפריפריה"),
                ("kind", "authority"),
                ("periphery", "כן"),
                ("under", "צפון"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // By codes that match nothing: refused, with the name kept.
    let response = app
        .post(
            Who::Backbone,
            &format!("{setup}/groups"),
            &[("name", "ריקה"), ("codes", "1234\n5678")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        attribute(&page, "#f-name", "value").as_deref(),
        Some("ריקה")
    );
    let page = document(app.get(Who::Backbone, &setup).await).await;
    assert_eq!(
        texts(&page, "table.groups tbody tr td.number"),
        vec!["1"],
        "one periphery authority"
    );

    for (code, name) in [("takers", "ניגשים"), ("pupils", "תלמידים")] {
        create_indicator(
            &app,
            &[
                ("code", code),
                ("name_he", name),
                ("unit", "count"),
                ("axis", "mapping"),
                ("period_kind", "school_year"),
            ],
        )
        .await;
    }
    let response = app
        .post(
            Who::Backbone,
            &format!("{setup}/rules"),
            &[
                ("left", "takers"),
                ("comparison", "at_most"),
                ("right", "takers"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post(
            Who::Backbone,
            &format!("{setup}/rules"),
            &[
                ("left", "takers"),
                ("comparison", "at_most"),
                ("right", "pupils"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Backbone, &setup).await).await;
    assert_eq!(
        texts(&page, "ul.rules li span"),
        vec!["ניגשים לכל היותר תלמידים"]
    );

    // The rule holds on entry: against the batch, and against what is stored.
    let entry = |indicator: &str, value: f64| json!({"indicator": indicator, "place_id": district["id"], "period": "2025/26", "value": value});
    let send = |entries: Vec<Value>| {
        app.api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/initiatives/{id}/values"),
        )
        .json(&json!({"source": "בדיקה", "entries": entries}))
        .send()
    };
    let response = send(vec![entry("pupils", 20.0), entry("takers", 50.0)])
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["issues"][0]["code"], "rule");
    assert_eq!(
        send(vec![entry("pupils", 20.0)]).await.unwrap().status(),
        StatusCode::CREATED
    );
    assert_eq!(
        send(vec![entry("takers", 21.0)]).await.unwrap().status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "checked against the stored 20 students"
    );
    assert_eq!(
        send(vec![entry("takers", 12.0)]).await.unwrap().status(),
        StatusCode::CREATED
    );

    // The same setup over the API: rules and groups read and made, a place renamed, and a
    // place with places under it kept.
    let rules: Vec<Value> = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{id}/rules"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0]["comparison"], "at_most");
    let response = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/initiatives/{id}/place-groups"),
        )
        .json(&json!({"name": "המחוז", "place_ids": [district["id"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = app
        .api(
            Who::Member,
            Method::POST,
            &format!("/api/v1/initiatives/{id}/rules"),
        )
        .json(&json!({"left": "pupils", "comparison": "at_least", "right": "takers"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let district_path = format!("/api/v1/places/{}", district["id"]);
    let renamed: Value = app
        .api(Who::Backbone, Method::PUT, &district_path)
        .json(&json!({"name": "מחוז הצפון", "kind": "district"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(renamed["name"], "מחוז הצפון");
    assert_eq!(
        app.api(Who::Backbone, Method::DELETE, &district_path)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::CONFLICT
    );
}

/// A national file is read a few thousand rows at a time: values given only by gender add
/// up to each school's total (none where a cell is missing), the totals add up the
/// hierarchy, and a row repeated in a later chunk still refuses the whole file.
#[tokio::test]
async fn a_large_file_broken_down_by_gender_adds_up_and_a_row_repeated_far_below_is_refused() {
    use kesher_core::measurement::import::{DataOutcome, DataProblem};
    use kesher_core::measurement::picture::{ALL_PLACES, Measurement};
    use kesher_domain::measurement::indicator::Cell;
    use kesher_domain::measurement::place::PlaceKind;

    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let caller = app.caller(Who::Backbone).await;
    import_budget_places(&app).await;
    let common = [
        ("unit", "count"),
        ("axis", "mapping"),
        ("period_kind", "school_year"),
        ("breakdowns", "gender"),
    ];
    for fields in [
        vec![("code", "enrolled"), ("name_he", "נרשמים")],
        vec![("code", "passed"), ("name_he", "עוברים")],
        vec![
            ("code", "pass_share"),
            ("name_he", "שיעור עוברים"),
            ("formula", "passed / enrolled * 100"),
            ("decimals", "1"),
        ],
    ] {
        let mut fields = fields;
        fields.extend(common);
        if fields.iter().any(|(k, _)| *k == "formula") {
            fields.retain(|(k, v)| *k != "unit" || *v != "count");
            fields.push(("unit", "percent"));
        }
        let response = create_indicator(&app, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{fields:?}");
    }

    // Two rows (girls, boys) for each of the 4,718 schools: more than one chunk.
    let (places, _) = app.kesher.places(&caller, id).await.unwrap();
    let schools: Vec<&str> = places
        .iter()
        .filter(|p| p.kind == PlaceKind::School)
        .filter_map(|p| p.code.as_deref())
        .collect();
    assert_eq!(schools.len(), 4_718);
    let mut csv = String::from("semel,year,gender,enrolled,passed\n");
    let (mut enrolled_all, mut enrolled_complete, mut passed_complete) = (0.0, 0.0, 0.0);
    for (i, school) in schools.iter().enumerate() {
        for (g, gender) in ["female", "male"].into_iter().enumerate() {
            let enrolled = (10 + (i + g) % 7) as f64;
            let passed = ((i + 3 * g) % 5) as f64;
            enrolled_all += enrolled;
            // The first school's boys passing is not known: the school has no total.
            let passed_cell = if i == 0 && gender == "male" {
                String::new()
            } else {
                passed.to_string()
            };
            if i != 0 {
                enrolled_complete += enrolled;
                passed_complete += passed;
            }
            csv.push_str(&format!(
                "{school},2024/25,{gender},{enrolled},{passed_cell}\n"
            ));
        }
    }
    let mapping = serde_json::json!({
        "layout": "wide",
        "place_kind": "school",
        "place_code": "semel",
        "period": "year",
        "columns": [
            {"header": "enrolled", "indicator": "enrolled", "scale": null},
            {"header": "passed", "indicator": "passed", "scale": null}
        ],
        "breakdowns": [{"dimension": "gender", "header": "gender"}],
        "add_missing_places": false
    });
    let import = |bytes: Vec<u8>| {
        let app = &app;
        let caller = &caller;
        let mapping = mapping.clone();
        async move {
            app.kesher
                .import_data_file(
                    caller,
                    id,
                    DataFile {
                        purpose: DataPurpose::Values,
                        name: "national.csv",
                        bytes: &bytes,
                        mapping: Some(mapping),
                        kind: SourceKind::CommandLine,
                        encoding: Default::default(),
                    },
                    &kesher_core::measurement::import::ImportProgress::default(),
                )
                .await
        }
    };
    let Ok(DataOutcome::Values { written, .. }) = import(csv.clone().into_bytes()).await else {
        panic!("the file imports");
    };
    assert_eq!(written.added, 4 * 4_718);

    let (measurement, _) = app.kesher.measurement(&caller, id).await.unwrap();
    let national = |code: &str| {
        let indicator = measurement.indicator_by_code(code).unwrap();
        let figures = measurement.figures(indicator, &Cell::total());
        Measurement::series(&figures, ALL_PLACES)
            .last()
            .map(|p| p.value)
            .unwrap()
    };
    assert_eq!(national("enrolled"), enrolled_all);
    assert_eq!(national("passed"), passed_complete);
    let share = national("pass_share");
    let expected = passed_complete / enrolled_complete * 100.0;
    assert!((share - expected).abs() < 1e-9, "{share} ≠ {expected}");

    // The first school's girls again at the very end, far into the second chunk.
    let sources = app.store.data_sources(id).await.unwrap().len();
    let mut repeated = csv;
    repeated.push_str(&format!("{},2024/25,female,99,9\n", schools[0]));
    let Err(kesher_core::CoreError::DataImport(issues)) = import(repeated.into_bytes()).await
    else {
        panic!("a repeated row refuses the file");
    };
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].line, Some(2 * 4_718 + 2));
    assert!(matches!(
        issues[0].problem,
        DataProblem::Duplicate { first_line: 2 }
    ));
    assert_eq!(
        app.store.data_sources(id).await.unwrap().len(),
        sources,
        "nothing of the refused file is kept"
    );
}

#[tokio::test]
async fn the_cbs_tables_add_their_figures_to_the_ministry_authorities_and_add_no_villages() {
    use kesher_domain::measurement::place::PlaceKind;

    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let caller = app.caller(Who::Backbone).await;
    import_budget_places(&app).await;
    let (before, _) = app.kesher.places(&caller, id).await.unwrap();
    let authority = |places: &[kesher_store::Place], code: &str| {
        places
            .iter()
            .find(|p| p.kind == PlaceKind::Authority && p.code.as_deref() == Some(code))
            .cloned()
            .expect("the Ministry's authority")
    };
    assert_eq!(authority(&before, "30007").attributes.ses_cluster, None);

    // The socio-economic table maps itself: CBS locality codes, facts for places already here.
    let mapping = upload(&app, "places", shared("il_cbs_ses_clean.csv"), "ses.csv").await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    assert!(attribute(&page, "#f-code-cbs", "checked").is_some());
    assert!(attribute(&page, "#f-update-only", "checked").is_some());
    let preview_path = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(&app, &preview_path, &filled(&page, "form[action$=preview]")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let summary = texts(&page, ".preview-ok li").join(" ");
    // 196 of the 255 authorities are localities; regional councils are not in the table.
    assert!(summary.contains("196"), "{summary}");
    assert!(
        summary.contains("1012"),
        "the villages are skipped: {summary}"
    );
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();
    confirm_import(&app, &confirm, &filled(&page, "form[action$=confirm]")).await;

    let (after, _) = app.kesher.places(&caller, id).await.unwrap();
    assert_eq!(after.len(), before.len(), "no place was added");
    let jerusalem = authority(&after, "30007");
    assert_eq!(jerusalem.name, "ירושלים");
    assert_eq!(jerusalem.attributes.ses_cluster, Some(2));
    assert_eq!(jerusalem.attributes.ses_index, Some(-0.919));
    assert_eq!(jerusalem.attributes.population, Some(863_795));
    assert_eq!(
        jerusalem.parent_id,
        authority(&before, "30007").parent_id,
        "the hierarchy stays"
    );
    // The CBS still lists נוף הגליל by its old name; the Ministry's newer name is kept.
    let nof_hagalil = authority(&after, "10611");
    assert_eq!(nof_hagalil.name, "נוף הגליל");
    assert_eq!(nof_hagalil.attributes.ses_cluster, Some(5));

    // The locality list, in Windows-1255, mapped by hand: its code column is named SEMEL.
    let mapping = upload(
        &app,
        "places",
        shared("il_cbs_cities_2014_cp1255.csv"),
        "cities.csv",
    )
    .await;
    let preview_path = format!("{}/preview", mapping.split('?').next().unwrap());
    let fields: Vec<(String, String)> = [
        ("purpose", "places"),
        ("place.authority_code", "SEMEL"),
        ("place.authority_name", "NAME"),
        ("place.population", "POPULATION"),
        ("place.authority_code_form", "cbs_locality"),
        ("place.update_only", "on"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let response = post_pairs(&app, &preview_path, &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let summary = texts(&page, ".preview-ok li").join(" ");
    assert!(summary.contains("196"), "{summary}");
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();
    confirm_import(&app, &confirm, &filled(&page, "form[action$=confirm]")).await;
    let (after, _) = app.kesher.places(&caller, id).await.unwrap();
    assert_eq!(after.len(), before.len());
    let jerusalem = authority(&after, "30007");
    assert_eq!(
        jerusalem.attributes.population,
        Some(788_052),
        "the 2014 list"
    );
    assert_eq!(
        jerusalem.attributes.ses_cluster,
        Some(2),
        "kept from the table before"
    );

    // Without "update only", a code that is not a number is named by line.
    let mapping = upload(
        &app,
        "places",
        "locality_code,locality_name\n3000,ירושלים\nabc,x\n"
            .as_bytes()
            .to_vec(),
        "bad.csv",
    )
    .await;
    let preview_path = format!("{}/preview", mapping.split('?').next().unwrap());
    let fields: Vec<(String, String)> = [
        ("purpose", "places"),
        ("place.authority_code", "locality_code"),
        ("place.authority_name", "locality_name"),
        ("place.authority_code_form", "cbs_locality"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let response = post_pairs(&app, &preview_path, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    let issues = texts(&page, "table.issues tbody tr");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(issues[0].starts_with('3'), "line 3: {issues:?}");
}

#[tokio::test]
async fn a_long_import_shows_its_progress_to_its_owner_then_lands_on_the_data() {
    use sqlx::Connection;

    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let budget = shared("il_moe_budget_clean.csv");
    import_budget_places(&app).await;
    let response = create_indicator(
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
    let mut file = String::from("semel,year,students\n");
    let mut reader = csv::Reader::from_reader(&budget[3..]);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (semel, students) = (column("semel"), column("students_regular"));
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        file.push_str(&format!("{},2015,{}\n", &record[semel], &record[students]));
        rows += 1;
    }
    assert_eq!(rows, 4718);

    let mapping = upload(&app, "values", file.into_bytes(), "students.csv").await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    let preview_path = attribute(&page, "form[action$=preview]", "action").unwrap();
    let response = post_pairs(&app, &preview_path, &filled(&page, "form[action$=preview]")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    let confirm = attribute(&page, "form[action$=confirm]", "action").unwrap();

    // Another write holds the database, so the import waits at its first chunk, as a
    // long import would be seen part-way.
    let mut other_writer =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", app.db_path.display()))
            .await
            .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other_writer)
        .await
        .unwrap();
    let response = post_pairs(&app, &confirm, &filled(&page, "form[action$=confirm]")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let job = response.headers()["location"].to_str().unwrap().to_string();
    assert!(job.contains("/measurement/import/jobs/"), "{job}");
    let page = document(app.get(Who::Backbone, &job).await).await;
    assert_eq!(
        attribute(&page, "progress#import-bar", "max").as_deref(),
        Some("4718")
    );
    assert_eq!(
        attribute(&page, "progress#import-bar", "value").as_deref(),
        Some("0")
    );
    let status = texts(&page, "[role=status]#import-status").join(" ");
    assert!(status.contains("4718"), "{status}");
    assert!(
        attribute(&page, "#import-progress", "data-status-url").is_some(),
        "the script's address"
    );
    // Nobody else sees the job, not even the administrator.
    assert_eq!(
        app.get(Who::Admin, &job).await.status(),
        StatusCode::NOT_FOUND
    );
    let status_url = format!("{job}/status");
    let polled: serde_json::Value = app
        .get(Who::Backbone, &status_url)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(polled["finished"], false);
    assert_eq!(polled["total"], 4718);
    assert!(
        app.store
            .values(&ValueFilter::default())
            .await
            .unwrap()
            .is_empty(),
        "nothing is written while the import waits"
    );

    sqlx::query("ROLLBACK")
        .execute(&mut other_writer)
        .await
        .unwrap();
    let mut finished = false;
    for _ in 0..600 {
        let polled: serde_json::Value = app
            .get(Who::Backbone, &status_url)
            .await
            .json()
            .await
            .unwrap();
        if polled["finished"] == true {
            assert_eq!(polled["done"], 4718, "{polled}");
            finished = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(finished, "the import ends once the database is free");
    let response = app.get(Who::Backbone, &job).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"],
        format!("/initiatives/{id}/measurement").as_str()
    );
    let stored = app.store.values(&ValueFilter::default()).await.unwrap();
    assert_eq!(stored.len(), 4718);
    // The outcome is shown once; the job is then forgotten.
    assert_eq!(
        app.get(Who::Backbone, &job).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_backbone_adds_edits_and_deletes_places_and_an_edit_keeps_every_attribute() {
    let app = TestApp::spawn().await;
    let id = app.fixture.initiative;
    let places = format!("/initiatives/{id}/measurement/places");

    // A reader may not add places.
    assert_eq!(
        app.get(Who::Viewer, &format!("{places}/new"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(
            Who::Viewer,
            &places,
            &[("kind", "authority"), ("name", "x")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );

    let response = app
        .post(
            Who::Backbone,
            &places,
            &[
                ("kind", "authority"),
                ("name", "מגדל הדרים"),
                ("code", "99990"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authority_page = response.headers()["location"].to_str().unwrap().to_string();
    let authority_id = authority_page.rsplit('/').next().unwrap().to_string();

    // A wrong number is named beside its field, and what was typed stays.
    let school = [
        ("kind", "school"),
        ("parent_id", authority_id.as_str()),
        ("name", "תיכון הדרים"),
        ("code", "999901"),
        ("students", "שלוש מאות"),
        ("grid_x", "201250.5"),
        ("stage", "עליון"),
        ("ses_cluster", "4"),
    ];
    let response = app.post(Who::Backbone, &places, &school).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert!(attribute(&page, "#f-students", "aria-invalid").is_some());
    assert_eq!(
        attribute(&page, "#f-name", "value").as_deref(),
        Some("תיכון הדרים")
    );
    let mut school = school.to_vec();
    school.retain(|(k, _)| *k != "students");
    school.push(("students", "300"));
    let response = app.post(Who::Backbone, &places, &school).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let school_page = response.headers()["location"].to_str().unwrap().to_string();

    // The edit form comes filled with every attribute; renaming keeps the rest.
    let form = document(app.get(Who::Backbone, &format!("{school_page}/edit")).await).await;
    assert_eq!(
        attribute(&form, "#f-students", "value").as_deref(),
        Some("300")
    );
    assert_eq!(
        attribute(&form, "#f-ses_cluster", "value").as_deref(),
        Some("4")
    );
    let mut fields = filled(&form, "main form[method=post]");
    fields.retain(|(k, _)| k != "name");
    fields.push(("name".into(), "תיכון הדרים למדעים".into()));
    let response = post_pairs(&app, &school_page, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let caller = app.caller(Who::Backbone).await;
    let (all, _) = app.kesher.places(&caller, id).await.unwrap();
    let edited = all
        .iter()
        .find(|p| p.code.as_deref() == Some("999901"))
        .unwrap();
    assert_eq!(edited.name, "תיכון הדרים למדעים");
    assert_eq!(edited.attributes.students, Some(300));
    assert_eq!(edited.attributes.grid_x, Some(201_250.5));
    assert_eq!(edited.attributes.stage.as_deref(), Some("עליון"));
    assert_eq!(edited.attributes.ses_cluster, Some(4));

    // An authority with a school under it cannot go; the school can.
    let confirm = document(
        app.get(Who::Backbone, &format!("{authority_page}/delete"))
            .await,
    )
    .await;
    assert!(texts(&confirm, "form button.danger").is_empty());
    let response = app
        .post(Who::Backbone, &format!("{school_page}/delete"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(Who::Backbone, &school_page).await.status(),
        StatusCode::NOT_FOUND
    );
    let (all, _) = app.kesher.places(&caller, id).await.unwrap();
    assert_eq!(all.len(), 1, "the authority stays");
}
