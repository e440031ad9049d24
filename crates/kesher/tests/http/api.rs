//! The JSON API: its answers (as snapshots, ids and times redacted), its one error shape,
//! its tokens, and the OpenAPI document generated from the code.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{TestApp, Who};

fn redacted() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    for path in [
        ".**.id",
        ".**.initiative_id",
        ".**.organization_id",
        ".**.person_id",
        ".**.body_id",
        ".**.user_id",
        ".**.parent_id",
    ] {
        settings.add_redaction(path, "[id]");
    }
    for path in [".**.created_at", ".**.updated_at", ".**.at"] {
        settings.add_redaction(path, "[time]");
    }
    settings
}

async fn json(
    app: &TestApp,
    who: Who,
    method: Method,
    path: &str,
    body: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = app.api(who, method, path);
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_organization_and_its_people_as_json() {
    let app = TestApp::spawn().await;
    let (status, organization) = json(
        &app,
        Who::Member,
        Method::GET,
        &format!("/api/v1/organizations/{}", app.fixture.org_a),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    redacted().bind(|| insta::assert_json_snapshot!("organization", organization));
    let (_, people) = json(
        &app,
        Who::Member,
        Method::GET,
        &format!(
            "/api/v1/initiatives/{}/people?organization_id={}",
            app.fixture.initiative, app.fixture.org_b
        ),
        None,
    )
    .await;
    redacted().bind(|| insta::assert_json_snapshot!("people_of_organization_b", people));
}

#[tokio::test]
async fn a_body_with_its_seats_and_warnings_as_json() {
    let app = TestApp::spawn().await;
    let (status, body) = json(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/bodies/{}", app.fixture.group),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    redacted().bind(|| insta::assert_json_snapshot!("working_group", body));
}

#[tokio::test]
async fn the_network_at_a_glance_as_json() {
    let app = TestApp::spawn().await;
    let (status, network) = json(
        &app,
        Who::Viewer,
        Method::GET,
        &format!("/api/v1/initiatives/{}/network", app.fixture.initiative),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(network["organizations"], 2);
    assert_eq!(network["people"], 3);
    let sectors: Vec<&str> = network["by_sector"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        sectors,
        [
            "public",
            "business",
            "third_sector",
            "philanthropy",
            "academia"
        ]
    );
}

#[tokio::test]
async fn errors_share_one_shape_in_the_callers_language() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let body = r#"{"name":"","sector":"nonsense","organization_type":"school","website":"x y"}"#;
    let (status, hebrew) = json(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/organizations"),
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    insta::assert_json_snapshot!("invalid_organization_he", hebrew);
    let (_, english) = json(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/organizations?lang=en"),
        Some(body),
    )
    .await;
    insta::assert_json_snapshot!("invalid_organization_en", english);

    let (status, forbidden) = json(
        &app,
        Who::Viewer,
        Method::DELETE,
        &format!("/api/v1/people/{}", app.fixture.person_a),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(forbidden["error"]["code"], "forbidden");
    let (status, unauthenticated) = json(
        &app,
        Who::Anonymous,
        Method::GET,
        "/api/v1/initiatives",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(unauthenticated["error"]["code"], "unauthenticated");
    let (status, conflict) = json(
        &app,
        Who::Backbone,
        Method::DELETE,
        &format!("/api/v1/organizations/{}", app.fixture.org_a),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["error"]["code"], "conflict");
    let (status, missing) = json(
        &app,
        Who::Backbone,
        Method::GET,
        "/api/v1/bodies/987654",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(missing["error"]["code"], "not_found");
    let (status, malformed) = json(
        &app,
        Who::Backbone,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/bodies"),
        Some("{not json"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed["error"]["code"], "bad_json");
}

#[tokio::test]
async fn an_unknown_token_is_refused_and_a_token_acts_as_its_owner() {
    let app = TestApp::spawn().await;
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth("kt_not-a-real-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let (_, me) = json(&app, Who::Editor, Method::GET, "/api/v1/me", None).await;
    assert_eq!(me["user"]["email"], "editor@example.org");
    assert_eq!(me["roles"][0]["role"], "partner_editor");
    // A write through a token is audited under its owner.
    let i = app.fixture.initiative;
    let (status, _) = json(
        &app,
        Who::Editor,
        Method::POST,
        &format!("/api/v1/initiatives/{i}/people"),
        Some(&format!(
            r#"{{"organization_id":{},"name":"נציגה חדשה"}}"#,
            app.fixture.org_a
        )),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, log) = json(
        &app,
        Who::Backbone,
        Method::GET,
        &format!("/api/v1/initiatives/{i}/audit?limit=1"),
        None,
    )
    .await;
    assert_eq!(log[0]["actor_name"], "Editor");
    assert_eq!(log[0]["after"]["name"], "נציגה חדשה");
    assert_eq!(log[0]["before"], Value::Null);
}

#[tokio::test]
async fn the_openapi_document_describes_every_entity_and_every_route() {
    let app = TestApp::spawn().await;
    let response = app.get(Who::Anonymous, "/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    for path in [
        "/api/v1/initiatives",
        "/api/v1/initiatives/{id}",
        "/api/v1/initiatives/{id}/organizations",
        "/api/v1/organizations/{id}",
        "/api/v1/initiatives/{id}/people",
        "/api/v1/people/{id}",
        "/api/v1/initiatives/{id}/bodies",
        "/api/v1/bodies/{id}",
        "/api/v1/bodies/{id}/memberships",
        "/api/v1/memberships/{id}",
        "/api/v1/initiatives/{id}/imports/partners",
        "/api/v1/initiatives/{id}/agenda",
        "/api/v1/initiatives/{id}/agenda/compare",
        "/api/v1/agenda-versions/{id}",
        "/api/v1/initiatives/{id}/results",
        "/api/v1/results/{id}",
        "/api/v1/results/{id}/move",
        "/api/v1/initiatives/{id}/glossary",
        "/api/v1/glossary/{id}",
        "/api/v1/glossary/{id}/definitions",
        "/api/v1/definitions/{id}/adopt",
        "/api/v1/initiatives/{id}/decisions",
        "/api/v1/decisions/{id}",
        "/api/v1/initiatives/{id}/disputes",
        "/api/v1/disputes/{id}",
        "/api/v1/disputes/{id}/positions",
        "/api/v1/disputes/{id}/status",
        "/api/v1/initiatives/{id}/endorsements",
        "/api/v1/endorsements/{id}",
        "/api/v1/initiatives/{id}/field-changes",
        "/api/v1/field-changes/{id}",
        "/api/v1/initiatives/{id}/places",
        "/api/v1/places/{id}",
        "/api/v1/initiatives/{id}/periods",
        "/api/v1/initiatives/{id}/indicators",
        "/api/v1/indicators/{id}",
        "/api/v1/indicators/{id}/targets",
        "/api/v1/indicators/{id}/figures",
        "/api/v1/initiatives/{id}/values",
        "/api/v1/initiatives/{id}/place-groups",
        "/api/v1/initiatives/{id}/rules",
        "/api/v1/me/tokens",
        "/api/v1/me/tokens/{id}",
        "/api/v1/users/{id}/disable",
        "/api/v1/indicators/{id}/values-file",
        "/api/v1/initiatives/{id}/measurement-setup",
        "/api/v1/initiatives/{id}/dhis2",
    ] {
        assert!(paths.contains_key(path), "the document lacks {path}");
    }
    let schemas = document["components"]["schemas"].as_object().unwrap();
    // Choices are documented as the API spells them, required fields are marked, and
    // every error an operation can answer is listed with ErrorBody.
    assert!(
        schemas["Sector"]["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::from("business")),
        "{}",
        schemas["Sector"]
    );
    let required = schemas["OrganizationForm"]["required"].as_array().unwrap();
    assert!(required.contains(&Value::from("name")), "{required:?}");
    let create = &paths["/api/v1/initiatives/{id}/organizations"]["post"]["responses"];
    for status in ["201", "400", "401", "403", "413", "415", "422", "503"] {
        assert!(
            create[status]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .is_some_and(|r| r.ends_with("ErrorBody"))
                || status == "201",
            "POST organizations lacks {status}: {create}"
        );
    }
    for schema in [
        "Initiative",
        "Organization",
        "Person",
        "Body",
        "Membership",
        "ErrorBody",
        "OrganizationForm",
        "Sector",
        "BodyKind",
        "MembershipRole",
        "AgendaVersion",
        "AgendaComparison",
        "ResultNode",
        "TreeRow",
        "MoveForm",
        "GlossaryTerm",
        "Decision",
        "Dispute",
        "EndorsementBoard",
        "FieldChange",
        "ResultKind",
        "DisputeStatus",
        "Place",
        "Indicator",
        "IndicatorForm",
        "DataValue",
        "ValueBatchForm",
        "Figures",
        "Unit",
        "Aggregation",
    ] {
        assert!(
            schemas.contains_key(schema),
            "the document lacks the schema {schema}"
        );
    }
    // Every reference resolves: a client generator (or schemathesis) stops at the first
    // `$ref` that names no component.
    let mut unresolved = Vec::new();
    collect_unresolved_refs(&document, &document, &mut unresolved);
    assert!(
        unresolved.is_empty(),
        "unresolved references: {unresolved:?}"
    );
    // A path parameter is one the path names: a query parameter documented as `in: path`
    // (and so required) sends every client to an address that does not exist.
    let mut misplaced = Vec::new();
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let name = parameter["name"].as_str().unwrap();
                if parameter["in"] == "path" && !path.contains(&format!("{{{name}}}")) {
                    misplaced.push(format!("{method} {path}: {name}"));
                }
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "documented in the path but not in it: {misplaced:?}"
    );
    // The document and the router are built from the same handlers: every documented
    // operation answers (not 404/405) when called.
    let mut unrouted = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let concrete = path
                .replace("{id}", "1")
                .replace("{user_id}", "1")
                .replace("{invitation_id}", "1");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let status = app
                .api(Who::Viewer, method.clone(), &concrete)
                .send()
                .await
                .unwrap()
                .status();
            if status == StatusCode::METHOD_NOT_ALLOWED
                || (status == StatusCode::NOT_FOUND && !path.contains("{id}"))
            {
                unrouted.push(format!("{method} {path}: {status}"));
            }
        }
    }
    assert!(unrouted.is_empty(), "{unrouted:?}");
}

/// Every `$ref` below `node` that names no component of `document`.
fn collect_unresolved_refs(document: &Value, node: &Value, unresolved: &mut Vec<String>) {
    match node {
        Value::Object(fields) => {
            if let Some(reference) = fields.get("$ref").and_then(Value::as_str) {
                let pointer = reference.trim_start_matches('#');
                if document.pointer(pointer).is_none() {
                    unresolved.push(reference.to_owned());
                }
            }
            for child in fields.values() {
                collect_unresolved_refs(document, child, unresolved);
            }
        }
        Value::Array(items) => {
            for child in items {
                collect_unresolved_refs(document, child, unresolved);
            }
        }
        _ => {}
    }
}
