//! The document library through the pages and the API: files judged by their bytes, each
//! version kept, who sees a document, downloads that cannot run in the page, and a
//! meeting's materials.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, Who, document, texts};

/// A real spreadsheet, as a partner's office program writes it.
fn workbook(cell: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, cell).unwrap();
    book.save_to_buffer().unwrap()
}

async fn upload(
    app: &TestApp,
    path: &str,
    fields: &[(&str, String)],
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let client = app.as_(Who::Backbone);
    let csrf = app.csrf_of(client, "/").await;
    let mut form = reqwest::multipart::Form::new().text("csrf", csrf);
    for (key, value) in fields {
        form = form.text(key.to_string(), value.clone());
    }
    form = form.part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    client
        .post(app.url(path))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_document_is_kept_by_its_content_with_every_version_for_those_who_may_see_it() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let steering = app.fixture.steering.to_string();
    let meeting = app.throwaway_meeting().await;
    let library = format!("/initiatives/{i}/documents");
    let fields = |title: &str| {
        vec![
            ("title", title.to_string()),
            ("visibility", "body".to_string()),
            ("body_id", steering.clone()),
            ("meeting_id", meeting.to_string()),
        ]
    };

    // A page with a script, named as a PDF, is refused at its field, with the kinds named.
    let refused = upload(
        &app,
        &library,
        &fields("סיכום"),
        "summary.pdf",
        b"<html><script>alert(1)</script></html>".to_vec(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(refused).await;
    let problem = texts(&page, "#f-file-error").join(" ");
    assert!(problem.contains("PDF"), "{problem}");
    assert_eq!(
        crate::helpers::attribute(&page, "#f-title", "value").as_deref(),
        Some("סיכום"),
        "what was typed stays"
    );
    // One byte over 20 MB is refused with the limit in words.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(20 * 1024 * 1024 + 1, b' ');
    let too_big = upload(&app, &library, &fields("גדול"), "big.pdf", big).await;
    assert_eq!(too_big.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = texts(&document(too_big).await, "#f-file-error").join(" ");
    assert!(problem.contains("20"), "{problem}");
    // Far beyond the limit, the upload is cut off and answered the same way, not with a crash.
    let huge = upload(
        &app,
        &library,
        &fields("ענק"),
        "huge.pdf",
        vec![b'%'; 30 * 1024 * 1024],
    )
    .await;
    assert_eq!(huge.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A real XLSX is kept, as what it is.
    let first = workbook("גרסה ראשונה");
    let added = upload(
        &app,
        &library,
        &fields("תקציב הוועדה"),
        "תקציב.xlsx",
        first.clone(),
    )
    .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page_path = added.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = page_path.rsplit('/').next().unwrap().parse().unwrap();
    let found: Value = app
        .api(
            Who::Backbone,
            Method::GET,
            &format!("/api/v1/documents/{id}"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        found["versions"][0]["media_type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(found["versions"][0]["file_name"], "תקציב.xlsx");
    assert_eq!(found["versions"][0]["size_bytes"], first.len());

    // A second version; the first stays as it was.
    let second = workbook("גרסה שנייה");
    let replaced = upload(
        &app,
        &format!("{page_path}/versions"),
        &[],
        "תקציב מעודכן.xlsx",
        second.clone(),
    )
    .await;
    assert_eq!(replaced.status(), StatusCode::SEE_OTHER);
    let shown = document(app.get(Who::Backbone, &page_path).await).await;
    assert_eq!(texts(&shown, "#document-versions tbody tr").len(), 2);
    let found: Value = app
        .api(
            Who::Backbone,
            Method::GET,
            &format!("/api/v1/documents/{id}"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let old = found["versions"][0]["id"].as_i64().unwrap();
    let new = found["versions"][1]["id"].as_i64().unwrap();
    let download = app
        .get(Who::Backbone, &format!("{page_path}/versions/{old}"))
        .await;
    assert_eq!(download.status(), StatusCode::OK);
    let headers = download.headers().clone();
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;"),
        "a file is never shown inside Kesher's page"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["content-security-policy"], "sandbox");
    assert_eq!(download.bytes().await.unwrap().to_vec(), first);
    let latest = app
        .api(
            Who::Backbone,
            Method::GET,
            &format!("/api/v1/document-versions/{new}/file"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(latest.bytes().await.unwrap().to_vec(), second);

    // Seen by the steering committee's members and the backbone: not by a viewer, nor by
    // a member who does not sit on it.
    for who in [Who::Viewer, Who::Member] {
        assert_eq!(
            app.get(who, &page_path).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get(who, &format!("{page_path}/versions/{old}"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let listed = document(app.get(who, &library).await).await;
        assert!(!texts(&listed, "main").join(" ").contains("תקציב הוועדה"));
    }
    // The meeting's page lists it among its materials, for those who may see it.
    let meeting_page = format!("/initiatives/{i}/meetings/{meeting}");
    let materials = texts(
        &document(app.get(Who::Backbone, &meeting_page).await).await,
        "#meeting-materials li",
    );
    assert!(
        materials.join(" ").contains("תקציב הוועדה"),
        "{materials:?}"
    );
    assert!(
        texts(
            &document(app.get(Who::Viewer, &meeting_page).await).await,
            "#meeting-materials li"
        )
        .is_empty()
    );

    // Opened to the whole initiative, the viewer reads it.
    let opened = app
        .api(Who::Backbone, Method::PUT, &format!("/api/v1/documents/{id}"))
        .json(&json!({"title": "תקציב הוועדה", "visibility": "initiative", "body_id": app.fixture.steering.get(), "meeting_id": meeting.get()}))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(
        app.get(Who::Viewer, &page_path).await.status(),
        StatusCode::OK
    );

    // Linked to a decision and a goal, it is listed on their pages.
    let linked = app
        .api(
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/documents/{id}"),
        )
        .json(&json!({
            "title": "תקציב הוועדה",
            "visibility": "initiative",
            "decision_id": app.fixture.agenda.decision.get(),
            "result_id": app.fixture.agenda.goal.get(),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(linked.status(), StatusCode::OK);
    for path in [
        format!("/initiatives/{i}/decisions/{}", app.fixture.agenda.decision),
        format!("/initiatives/{i}/results/{}", app.fixture.agenda.goal),
    ] {
        let listed = texts(
            &document(app.get(Who::Viewer, &path).await).await,
            "#linked-documents li",
        );
        assert!(
            listed.join(" ").contains("תקציב הוועדה"),
            "{path}: {listed:?}"
        );
    }

    // Another initiative's meeting cannot be linked: refused at its field.
    let foreign = app
        .api(
            Who::Backbone,
            Method::PUT,
            &format!("/api/v1/documents/{id}"),
        )
        .json(&json!({"title": "x", "visibility": "initiative", "body_id": 999999}))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = foreign.json().await.unwrap();
    assert!(body.to_string().contains("body_id"), "{body}");
}
