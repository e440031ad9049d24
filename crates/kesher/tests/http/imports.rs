//! Importing the partner list over HTTP: CSV in UTF-8, UTF-8 with BOM and Windows-1255, and
//! XLSX; the preview, the confirmation, re-importing without changes, and files that must
//! be refused whole, with nothing written.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::helpers::{TestApp, Who, document, texts};

const PARTNERS: &str = "\
שם ארגון,מגזר,סוג,תיאור,תגיות,איש קשר,תפקיד,דוא\"ל,טלפון
מרכז המדע הצפוני,מגזר שלישי,מוזיאון,\"חוגי מדע, תערוכות\",\"מדע, קהילה\",מיכל אברהם,מנהלת חינוך,michal@example.org,050-7654321
מרכז המדע הצפוני,,,,,עומר חדד,רכז תכניות,omer@example.org,
Tech Ventures Ltd,business,company,Volunteer engineers,,Noa Levi,CSR lead,noa@example.com,+972 3 555 1234
מכללת הגליל,אקדמיה,מכללה,,הכשרת מורים,,,,
";

fn upload(bytes: Vec<u8>, name: &str) -> Form {
    Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()))
}

async fn preview(app: &TestApp, bytes: Vec<u8>, name: &str) -> reqwest::Response {
    preview_as(app, bytes, name, "detect").await
}

/// Previews a file read in the encoding the user chose on the upload form.
async fn preview_as(
    app: &TestApp,
    bytes: Vec<u8>,
    name: &str,
    encoding: &str,
) -> reqwest::Response {
    let client = app.as_(Who::Backbone);
    let csrf = app.csrf_of(client, "/").await;
    let form = upload(bytes, name)
        .text("csrf", csrf)
        .text("encoding", encoding.to_string());
    client
        .post(app.url(&format!("/initiatives/{}/import", app.fixture.initiative)))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Previews and confirms a file through the pages; returns the summary rows of the result.
async fn import_through_pages(app: &TestApp, bytes: Vec<u8>, name: &str) -> Vec<String> {
    let response = preview(app, bytes, name).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = document(response).await;
    assert!(
        texts(&page, "#issues").is_empty(),
        "unexpected issues: {:?}",
        texts(&page, "#issues tbody tr")
    );
    let action = crate::helpers::attribute(&page, "form[action$=confirm]", "action")
        .expect("a confirm button");
    let response = app.post(Who::Backbone, &action, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    texts(&document(response).await, "#outcome tbody tr")
}

async fn organization_names(app: &TestApp) -> Vec<String> {
    let mut names: Vec<String> = app
        .store
        .list_organizations(app.fixture.initiative, &Default::default())
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    names.sort();
    names
}

async fn check_partners_imported(app: &TestApp) {
    let names = organization_names(app).await;
    for name in ["מרכז המדע הצפוני", "Tech Ventures Ltd", "מכללת הגליל"] {
        assert!(
            names.contains(&name.to_string()),
            "{name} missing from {names:?}"
        );
    }
    let people = app
        .store
        .list_people(app.fixture.initiative, &Default::default())
        .await
        .unwrap();
    let michal = people
        .iter()
        .find(|p| p.name == "מיכל אברהם")
        .expect("Michal");
    assert_eq!(michal.organization_name, "מרכז המדע הצפוני");
    assert_eq!(michal.email.as_deref(), Some("michal@example.org"));
    let organizations = app
        .store
        .list_organizations(app.fixture.initiative, &Default::default())
        .await
        .unwrap();
    let center: Vec<_> = organizations
        .into_iter()
        .filter(|o| o.name == "מרכז המדע הצפוני")
        .collect();
    assert_eq!(center[0].tags, vec!["מדע", "קהילה"]);
    assert_eq!(center[0].description.as_deref(), Some("חוגי מדע, תערוכות"));
}

#[tokio::test]
async fn a_utf8_partner_list_is_previewed_confirmed_and_a_second_import_changes_nothing() {
    let app = TestApp::spawn().await;
    let before = app.counts().await;
    // The preview writes nothing.
    let response = preview(&app, PARTNERS.as_bytes().to_vec(), "partners.csv").await;
    let page = document(response).await;
    assert_eq!(
        texts(&page, "#plan-summary tbody tr"),
        vec!["ארגונים 3 0 0", "אנשי קשר 3 0 0"]
    );
    assert_eq!(app.counts().await, before);

    let outcome = import_through_pages(&app, PARTNERS.as_bytes().to_vec(), "partners.csv").await;
    assert_eq!(outcome, vec!["ארגונים 3 0 0", "אנשי קשר 3 0 0"]);
    check_partners_imported(&app).await;
    let after = app.counts().await;
    assert_eq!((after.0, after.1), (before.0 + 3, before.1 + 3));
    assert_eq!(after.2, before.2 + 6, "each new record has its audit entry");

    // The same file again: nothing to confirm, nothing written.
    let again = document(preview(&app, PARTNERS.as_bytes().to_vec(), "partners.csv").await).await;
    assert_eq!(
        texts(&again, "#plan-summary tbody tr"),
        vec!["ארגונים 0 0 3", "אנשי קשר 0 0 3"]
    );
    assert!(texts(&again, "form[action$=confirm]").is_empty());
    assert_eq!(app.counts().await, after);
}

#[tokio::test]
async fn a_changed_cell_updates_only_that_record() {
    let app = TestApp::spawn().await;
    import_through_pages(&app, PARTNERS.as_bytes().to_vec(), "partners.csv").await;
    let before = app.counts().await;
    let changed = PARTNERS.replace("CSR lead", "Head of CSR");
    let page = document(preview(&app, changed.into_bytes(), "partners.csv").await).await;
    assert_eq!(
        texts(&page, "#plan-summary tbody tr"),
        vec!["ארגונים 0 0 3", "אנשי קשר 0 1 2"]
    );
    assert_eq!(
        texts(&page, "#plan-rows tbody tr"),
        vec!["4 Noa Levi — Tech Ventures Ltd עדכון"]
    );
    let action = crate::helpers::attribute(&page, "form[action$=confirm]", "action").unwrap();
    app.post(Who::Backbone, &action, &[]).await;
    let after = app.counts().await;
    assert_eq!(
        (after.0, after.1, after.2),
        (before.0, before.1, before.2 + 1)
    );
}

#[tokio::test]
async fn a_partner_list_with_a_byte_order_mark_imports_the_same() {
    let app = TestApp::spawn().await;
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(PARTNERS.as_bytes());
    let page = document(preview(&app, bytes.clone(), "partners.csv").await).await;
    assert!(texts(&page, "dd").iter().any(|d| d.contains("UTF-8")));
    import_through_pages(&app, bytes, "partners.csv").await;
    check_partners_imported(&app).await;
}

#[tokio::test]
async fn a_windows_1255_partner_list_is_detected_without_asking() {
    let app = TestApp::spawn().await;
    // Older Hebrew Excel writes Windows-1255, and semicolons.
    let text = PARTNERS.replace("+972 3 555 1234", "03-5551234");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1255.encode(&text);
    assert!(!unmappable);
    let page = document(preview(&app, bytes.to_vec(), "שותפים.csv").await).await;
    assert!(
        texts(&page, "dd")
            .iter()
            .any(|d| d.contains("Windows-1255")),
        "{:?}",
        texts(&page, "dd")
    );
    import_through_pages(&app, bytes.to_vec(), "שותפים.csv").await;
    check_partners_imported(&app).await;
}

/// An Arabic-sector file in Windows-1256 is read as Arabic, not as garbled Hebrew, and the
/// preview says which encoding was found.
#[tokio::test]
async fn a_windows_1256_arabic_partner_list_is_not_taken_for_hebrew() {
    let app = TestApp::spawn().await;
    let arabic = "organization,sector,type\nجمعية النور للتعليم,third_sector,museum\nمدرسة الأمل الثانوية,business,company\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(arabic);
    assert!(!unmappable);
    let page = document(preview(&app, bytes.to_vec(), "arabic.csv").await).await;
    assert!(
        texts(&page, "dd")
            .iter()
            .any(|d| d.contains("Windows-1256")),
        "{:?}",
        texts(&page, "dd")
    );
    assert!(
        page.html().contains("جمعية النور للتعليم"),
        "the names read as Arabic: {:?} {:?}",
        texts(&page, "#issues tbody tr"),
        texts(&page, "table")
    );
}

/// When detection gets a file wrong, the user names the encoding: the upload form offers
/// the choice, the preview obeys it and says so, a choice that cannot read the bytes is
/// refused in words, and the API takes the same choice.
#[tokio::test]
async fn the_user_can_choose_the_encoding_the_detection_did_not() {
    let app = TestApp::spawn().await;
    let start = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{}/import", app.fixture.initiative),
        )
        .await,
    )
    .await;
    let offered: Vec<String> = start
        .select(&scraper::Selector::parse("select[name=encoding] option").unwrap())
        .filter_map(|o| o.value().attr("value").map(str::to_string))
        .collect();
    assert!(
        offered.contains(&"detect".to_string()) && offered.contains(&"windows-1256".to_string()),
        "{offered:?}"
    );
    let arabic = "organization,sector,type\nجمعية النور للتعليم,third_sector,museum\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    // Read as Western European because the user said so: the preview names the choice,
    // and the names come out as Latin letters, not Arabic.
    let page = document(preview_as(&app, bytes.to_vec(), "a.csv", "windows-1252").await).await;
    let format = texts(&page, "#file-format");
    assert!(
        format.iter().any(|d| d.contains("Windows-1252")),
        "{format:?}"
    );
    assert!(!page.html().contains("جمعية"));
    // Chosen right, it reads as Arabic.
    let page = document(preview_as(&app, bytes.to_vec(), "a.csv", "windows-1256").await).await;
    assert!(page.html().contains("جمعية النور للتعليم"));
    // UTF-8 cannot read these bytes: refused with the reason, nothing guessed.
    let response = preview_as(&app, bytes.to_vec(), "a.csv", "utf-8").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert!(
        texts(&page, "#issues tbody tr")
            .iter()
            .any(|r| r.contains("cannot be read") || r.contains("לא ניתן לקרוא")),
        "{:?}",
        texts(&page, "#issues tbody tr")
    );
    // A word the form never offers is a bad request.
    let response = preview_as(&app, bytes.to_vec(), "a.csv", "ebcdic").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // The API takes the same choice.
    let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("a.csv");
    let response = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!(
                "/api/v1/initiatives/{}/imports/partners?dry_run=true&encoding=windows-1252",
                app.fixture.initiative
            ),
        )
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    let report: serde_json::Value = response.json().await.unwrap();
    assert_eq!(report["format"], "csv_windows1252", "{report}");
    // The measurement import names the encoding on its mapping page, after the upload.
    let cities = crate::measurement::shared("il_cbs_cities_2014_cp1255.csv");
    let mapping = crate::measurement::upload(&app, "places", cities, "cities.csv").await;
    let page = document(app.get(Who::Backbone, &mapping).await).await;
    let format = texts(&page, "#file-format");
    assert!(
        format.iter().any(|d| d.contains("Windows-1255")),
        "{format:?}"
    );
}

fn partners_workbook() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(PARTNERS.as_bytes());
    for (row, record) in reader.records().enumerate() {
        for (column, value) in record.unwrap().iter().enumerate() {
            if !value.is_empty() {
                sheet
                    .write_string(row as u32, column as u16, value)
                    .unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[tokio::test]
async fn an_xlsx_partner_list_imports_the_same() {
    let app = TestApp::spawn().await;
    let bytes = partners_workbook();
    let page = document(preview(&app, bytes.clone(), "partners.xlsx").await).await;
    assert!(texts(&page, "dd").iter().any(|d| d.contains("XLSX")));
    import_through_pages(&app, bytes, "partners.xlsx").await;
    check_partners_imported(&app).await;
}

/// Schools cut from the Ministry's real budget file, as a backbone might list them.
fn schools_from_the_ministry_file(count: usize) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/il_moe_budget_clean.csv");
    let text = std::fs::read_to_string(&path).expect("the real school file beside the project");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (semel, name, authority) = (
        column("semel"),
        column("school_name_budget"),
        column("authority_name"),
    );
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "external_id",
        "organization",
        "sector",
        "organization_type",
        "tags",
    ])
    .unwrap();
    let mut seen = std::collections::HashSet::new();
    for record in reader.records().map(Result::unwrap) {
        let full_name = format!("{} ({})", &record[name], &record[authority]);
        if seen.insert(kesher_domain::search::fold(&full_name)) {
            out.write_record([
                &record[semel],
                full_name.as_str(),
                "ציבורי",
                "בית ספר",
                &record[authority],
            ])
            .unwrap();
        }
        if seen.len() == count {
            break;
        }
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

#[tokio::test]
async fn schools_from_the_real_ministry_file_import_by_their_institution_code() {
    let app = TestApp::spawn().await;
    let csv = schools_from_the_ministry_file(60);
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode(&csv);
    let outcome = import_through_pages(&app, bytes.to_vec(), "schools.csv").await;
    assert_eq!(outcome[0], "ארגונים 60 0 0");
    let schools = app
        .store
        .list_organizations(
            app.fixture.initiative,
            &kesher_store::OrganizationFilter {
                organization_type: Some(kesher_domain::network::OrganizationType::School),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(schools.len(), 60);
    assert!(schools.iter().all(|s| {
        s.external_id
            .as_deref()
            .is_some_and(|x| x.chars().all(|c| c.is_ascii_digit()))
    }));
    // A school renamed in the spreadsheet is matched by its code, not added twice.
    let renamed = csv.replacen("(", "(עודכן) (", 1);
    let page = document(preview(&app, renamed.into_bytes(), "schools.csv").await).await;
    assert_eq!(texts(&page, "#plan-summary tbody tr")[0], "ארגונים 0 1 59");
}

async fn refused(app: &TestApp, bytes: Vec<u8>, name: &str) -> Vec<String> {
    let before = app.counts().await;
    let response = preview(app, bytes, name).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{name} should be refused"
    );
    let page = document(response).await;
    assert!(
        texts(&page, "form[action$=confirm]").is_empty(),
        "a refused file offers no confirmation"
    );
    assert_eq!(
        app.counts().await,
        before,
        "nothing is written when {name} is refused"
    );
    texts(&page, "#issues tbody tr")
}

#[tokio::test]
async fn the_real_localities_file_is_not_a_partner_list_and_is_refused_whole() {
    let app = TestApp::spawn().await;
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/il_cbs_cities_2014_cp1255.csv");
    let issues = refused(
        &app,
        std::fs::read(path).unwrap(),
        "il_cbs_cities_2014_cp1255.csv",
    )
    .await;
    assert_eq!(issues, vec!["1 ארגון חסרה עמודה זו בשורת הכותרות."]);
}

#[tokio::test]
async fn wrong_columns_bad_encoding_empty_files_and_binary_are_refused() {
    let app = TestApp::spawn().await;
    assert_eq!(
        refused(
            &app,
            "name,phone\nדנה,050-1234567\n".as_bytes().to_vec(),
            "people.csv"
        )
        .await,
        vec!["1 ארגון חסרה עמודה זו בשורת הכותרות."]
    );
    assert_eq!(
        refused(
            &app,
            // Hebrew in UTF-8 cut short, with bytes no Hebrew code page has (0xFF).
            b"organization,sector\n\xd7\x90\xd7\x91\xff\xfe\xd7,public\n".to_vec(),
            "broken.csv"
        )
        .await,
        vec!["לא ניתן לקרוא את הטקסט בקובץ. יש לשמור אותו מחדש כ-CSV \u{200f}(UTF-8)."]
    );
    assert_eq!(
        refused(&app, Vec::new(), "empty.csv").await,
        vec!["הקובץ ריק."]
    );
    assert_eq!(
        refused(&app, "ארגון,מגזר,סוג\n".as_bytes().to_vec(), "headers.csv").await,
        vec!["בקובץ יש כותרות אבל אין שורות נתונים."]
    );
    assert_eq!(
        refused(&app, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "logo.png").await,
        vec!["זה אינו קובץ CSV או XLSX."]
    );
}

#[tokio::test]
async fn columns_the_import_does_not_know_are_named_even_when_the_file_is_refused() {
    let app = TestApp::spawn().await;
    let response = preview(
        &app,
        "ארגון,מגזר,סוג,עיר,הערות\nמרכז,ציבורי,עמותה רשומה,חיפה,\n"
            .as_bytes()
            .to_vec(),
        "x.csv",
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        texts(&page, "#ignored-columns"),
        vec!["העמודות הבאות אינן מוכרות לייבוא ולכן לא נקראו: עיר, הערות"]
    );
    let issue = &texts(&page, "#issues tbody tr")[0];
    assert!(
        issue.contains("„עמותה רשומה”") && issue.contains("עמותה, קרן"),
        "{issue}"
    );
}

#[tokio::test]
async fn a_huge_line_is_refused_with_its_line_number_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let huge = "א".repeat(1_000_000);
    let file = format!("ארגון,מגזר,סוג\nמרכז תקין,ציבורי,בית ספר\n{huge},ציבורי,בית ספר\n");
    let issues = refused(&app, file.into_bytes(), "huge.csv").await;
    assert_eq!(issues, vec!["3 ארגון ארוך מדי: עד 200 תווים."]);
}

#[tokio::test]
async fn every_bad_row_is_reported_at_once_and_the_good_rows_wait() {
    let app = TestApp::spawn().await;
    let file = "ארגון,מגזר,סוג,איש קשר,דוא\"ל\n\
                מרכז א,ציבורי,בית ספר,דנה,a@example.org\n\
                מרכז ב,ממשלתי,בית ספר,,\n\
                מרכז א,עסקי,בית ספר,,\n\
                מרכז ג,ציבורי,בית ספר,יוסי,not-an-address\n\
                מרכז ד,ציבורי,,,\n";
    let issues = refused(&app, file.as_bytes().to_vec(), "rows.csv").await;
    assert_eq!(
        issues,
        vec![
            "3 מגזר הערך „ממשלתי” אינו מוכר. אפשר לכתוב: ציבורי, עסקי, מגזר שלישי, פילנתרופיה, אקדמיה.",
            "4 מגזר הארגון מופיע כבר בשורה 2 עם ערך אחר כאן.",
            "5 דוא״ל זו אינה כתובת דוא״ל תקינה, למשל name@example.org.",
            "6 סוג ארגון שדה חובה.",
        ]
    );
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let big = vec![b'a'; 12 * 1024 * 1024];
    let response = preview(&app, big, "big.csv").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = document(response).await;
    assert!(
        texts(&page, "h1")[0].contains("10"),
        "{:?}",
        texts(&page, "h1")
    );
}

#[tokio::test]
async fn the_api_checks_on_a_dry_run_and_imports_otherwise() {
    let app = TestApp::spawn().await;
    let path = format!(
        "/api/v1/initiatives/{}/imports/partners",
        app.fixture.initiative
    );
    let before = app.counts().await;
    let dry: serde_json::Value = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("{path}?dry_run=true"),
        )
        .multipart(upload(PARTNERS.as_bytes().to_vec(), "p.csv"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (dry["accepted"].clone(), dry["dry_run"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(dry["organizations"]["created"], 3);
    assert_eq!(app.counts().await, before);
    let done: serde_json::Value = app
        .api(Who::Backbone, reqwest::Method::POST, &path)
        .multipart(upload(PARTNERS.as_bytes().to_vec(), "p.csv"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(done["dry_run"], false);
    assert_eq!(done["people"]["created"], 3);
    check_partners_imported(&app).await;
    let again: serde_json::Value = app
        .api(Who::Backbone, reqwest::Method::POST, &path)
        .multipart(upload(PARTNERS.as_bytes().to_vec(), "p.csv"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["organizations"]["unchanged"], 3);
    assert_eq!(again["organizations"]["created"], 0);
    let refused = app
        .api(
            Who::Backbone,
            reqwest::Method::POST,
            &format!("{path}?lang=en"),
        )
        .multipart(upload(b"name\nx\n".to_vec(), "bad.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let report: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(report["issues"][0]["column"], "organization");
    assert_eq!(
        report["issues"][0]["message"],
        "Line 1, column “Organization”: This column is missing from the heading row."
    );
}
