//! The common agenda as its users meet it: a results tree that moves without breaking what
//! points at it, statements whose every version is kept and compared, a glossary with
//! versions, disputes that reopen with their history, endorsements per version, and
//! changes in the field per goal.

use std::collections::{BTreeMap, BTreeSet};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, Who, attribute, document, texts};

/// The tree as the API lists it: id → (parent, position, depth), in display order.
async fn tree(app: &TestApp) -> Vec<(i64, Option<i64>, u64, u64)> {
    let i = app.fixture.initiative;
    let rows: Value = app
        .api(
            Who::Member,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/results"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let node = &row["node"];
            (
                node["id"].as_i64().unwrap(),
                node["parent_id"].as_i64(),
                node["position"].as_u64().unwrap(),
                row["depth"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Creates a node through the page's form and returns its id.
async fn add_node(app: &TestApp, parent: i64, kind: &str, title: &str) -> i64 {
    let i = app.fixture.initiative;
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/results"),
            &[
                ("parent_id", &parent.to_string()),
                ("kind", kind),
                ("title", title),
                ("status", "agreed"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{title}");
    let rows: Value = app
        .api(
            Who::Member,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/results"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .find(|row| row["node"]["title"] == title)
        .and_then(|row| row["node"]["id"].as_i64())
        .expect("the new node in the tree")
}

async fn nudge(app: &TestApp, node: i64, which: &str) -> reqwest::Response {
    let i = app.fixture.initiative;
    app.post(
        Who::Backbone,
        &format!("/initiatives/{i}/results/{node}/move"),
        &[("nudge", which)],
    )
    .await
}

/// Each node's parent, by id.
fn parents(rows: &[(i64, Option<i64>, u64, u64)]) -> BTreeMap<i64, Option<i64>> {
    rows.iter().map(|(id, parent, ..)| (*id, *parent)).collect()
}

/// The order the results page shows, as ids.
async fn shown_order(app: &TestApp) -> Vec<String> {
    let i = app.fixture.initiative;
    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/results"))
            .await,
    )
    .await;
    let selector = scraper::Selector::parse("#results-tree li[data-id]").unwrap();
    page.select(&selector)
        .map(|li| li.value().attr("data-id").unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn moving_a_result_keeps_its_id_never_makes_a_cycle_and_orphans_nothing() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let goal = app.fixture.agenda.goal.get();
    let mission = app.fixture.agenda.mission.get();
    let first = add_node(&app, goal, "lever", "ליווי אישי בכיתה י׳").await;
    let second = add_node(&app, goal, "lever", "חיבור לתעשייה").await;
    let action = add_node(&app, first, "action_component", "חונכות סטודנטים").await;

    // A decision points at the action component; it must still point at it after moves.
    let decision: Value = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/initiatives/{i}/decisions"),
        )
        .json(&json!({"decided_on": "2026-02-10", "kind": "consensus",
                      "text": "מתחילים בחונכות", "result_ids": [action]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let decision = decision["id"].as_i64().unwrap();
    let ids_before: BTreeSet<i64> = tree(&app).await.iter().map(|r| r.0).collect();

    // Up: the second lever goes before the first, and the page shows it so.
    assert_eq!(
        nudge(&app, second, "up").await.status(),
        StatusCode::SEE_OTHER
    );
    let order = shown_order(&app).await;
    let at = |id: i64| order.iter().position(|o| *o == id.to_string()).unwrap();
    assert!(at(second) < at(first), "{order:?}");
    // Up again: it is first already; the tree stays, and the page says why.
    let response = nudge(&app, second, "up").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let flash = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/results"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&flash, ".flash"),
        vec!["הצומת כבר בקצה, ואין לאן להזיז אותו לכיוון הזה."]
    );
    assert!(at(second) < at(first));
    // Down, then indent: the second lever becomes the last child of the first, after the action.
    nudge(&app, second, "down").await;
    nudge(&app, second, "indent").await;
    let rows = tree(&app).await;
    let p = parents(&rows);
    assert_eq!(p[&second], Some(first));
    assert_eq!(p[&action], Some(first));
    let order = shown_order(&app).await;
    let at = |id: i64| order.iter().position(|o| *o == id.to_string()).unwrap();
    assert!(
        at(first) < at(action) && at(action) < at(second),
        "{order:?}"
    );
    let depth = |id: i64| rows.iter().find(|r| r.0 == id).unwrap().3;
    assert_eq!(depth(second), depth(action));
    // Outdent: back beside the first lever, right after it.
    nudge(&app, second, "outdent").await;
    let rows = tree(&app).await;
    assert_eq!(parents(&rows)[&second], Some(goal));
    let position = |id: i64| rows.iter().find(|r| r.0 == id).unwrap().2;
    assert_eq!(position(second), position(first) + 1);

    // Under its own descendant: refused with the reason, and nothing moves.
    let before = tree(&app).await;
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/results/{goal}/move"),
            &[("parent_id", &action.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = document(response).await;
    assert!(
        texts(&page, "main").join(" ").contains("מתחת לעצמו"),
        "{:?}",
        texts(&page, "main")
    );
    let response = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/results/{mission}/move"),
        )
        .json(&json!({"parent_id": mission}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(tree(&app).await, before);

    // By drag (a new parent and a place): the action goes first under the goal.
    let response = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/results/{action}/move"),
        )
        .json(&json!({"parent_id": goal, "index": 0}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let rows = tree(&app).await;
    assert_eq!(parents(&rows)[&action], Some(goal));
    assert_eq!(rows.iter().find(|r| r.0 == action).unwrap().2, 0);

    // The same nodes with the same ids; every parent is still in the tree, and siblings
    // are numbered 0, 1, 2… without gaps.
    let ids_after: BTreeSet<i64> = rows.iter().map(|r| r.0).collect();
    assert_eq!(ids_before, ids_after);
    let p = parents(&rows);
    for (id, parent) in &p {
        if let Some(parent) = parent {
            assert!(p.contains_key(parent), "{id} lost its parent {parent}");
        }
    }
    let mut siblings: BTreeMap<Option<i64>, Vec<u64>> = BTreeMap::new();
    for (_, parent, position, _) in &rows {
        siblings.entry(*parent).or_default().push(*position);
    }
    for (parent, mut positions) in siblings {
        positions.sort();
        assert_eq!(
            positions,
            (0..positions.len() as u64).collect::<Vec<_>>(),
            "{parent:?}"
        );
    }

    // The decision still links to the moved action, by the same address.
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/decisions/{decision}"),
        )
        .await,
    )
    .await;
    assert_eq!(
        texts(
            &page,
            &format!("a[href='/initiatives/{i}/results/{action}']")
        ),
        vec!["חונכות סטודנטים"]
    );
    // A node with nodes under it is not deleted out from under them.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/results/{goal}/delete"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(tree(&app).await, rows);
}

#[tokio::test]
async fn the_tree_reads_as_an_indented_outline_and_a_one_page_theory_of_change() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let goal = app.fixture.agenda.goal.get();
    let lever = add_node(&app, goal, "lever", "קהילות מורים").await;
    add_node(&app, lever, "action_component", "מפגש חודשי").await;
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/results"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&page, "#results-tree li.depth-0 .result-line a"),
        vec!["יותר תלמידים במדע"]
    );
    assert_eq!(
        texts(&page, "#results-tree li.depth-2 .result-line a"),
        vec!["קהילות מורים"]
    );
    // A viewer reads it but gets no move buttons.
    assert!(texts(&page, ".result-actions").is_empty());

    for (lang, dir) in [("he", "rtl"), ("en", "ltr")] {
        let page = document(
            app.get(
                Who::Viewer,
                &format!("/initiatives/{i}/results/theory-of-change?lang={lang}"),
            )
            .await,
        )
        .await;
        assert_eq!(attribute(&page, "html", "dir").as_deref(), Some(dir));
        assert_eq!(
            texts(&page, ".theory-mission span[dir=auto]"),
            vec!["יותר תלמידים במדע"]
        );
        assert_eq!(texts(&page, ".theory-goal > .theory-box").len(), 1);
        assert_eq!(
            texts(&page, ".theory-lever span[dir=auto]"),
            vec!["קהילות מורים"]
        );
        assert_eq!(texts(&page, ".theory-action"), vec!["מפגש חודשי"]);
    }
}

#[tokio::test]
async fn each_revision_of_the_agenda_is_kept_and_versions_compare_word_by_word_in_hebrew() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/agenda"),
            &[
                ("problem", "מעט תלמידים בעיר לומדים מתמטיקה ברמה גבוהה"),
                ("vision", "כל ילד וילדה בעיר יוכלו לבחור במדע"),
                ("vision_year", "2030"),
                (
                    "mission",
                    "להגדיל את מספר התלמידות והתלמידים הלומדים מדע ברמה מוגברת",
                ),
                ("boundary_dimension", "subject"),
                ("boundary_item", "מתמטיקה"),
                ("boundary_scope", "in"),
                ("boundary_reason", ""),
                ("boundary_dimension", "subject"),
                ("boundary_item", "כימיה"),
                ("boundary_scope", "out"),
                ("boundary_reason", "ענף קטן בעיר"),
                ("note", "אחרי ועדת ההיגוי השלישית"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // The current page shows version 3; every version is listed and still readable.
    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/agenda"))
            .await,
    )
    .await;
    assert!(
        texts(&page, "p.lead")[0].contains("3"),
        "{:?}",
        texts(&page, "p.lead")
    );
    assert_eq!(texts(&page, "ol.versions li").len(), 3);
    assert_eq!(
        texts(&page, "#boundaries tbody th"),
        vec!["מתמטיקה", "כימיה"]
    );
    let first = document(
        app.get(Who::Member, &format!("/initiatives/{i}/agenda/versions/1"))
            .await,
    )
    .await;
    assert!(
        texts(&first, "dl.statements dd")
            .contains(&"להגדיל את מספר התלמידים הלומדים מדע ברמה מוגברת".to_string()),
        "{:?}",
        texts(&first, "dl.statements dd")
    );
    assert_eq!(
        texts(&first, "p.warnings[role=status]").len(),
        1,
        "marked as older"
    );

    // Version 2 against 3: the problem lost "מוגברת" and gained "גבוהה"; the vision did
    // not change and says so; a boundary was added.
    let compare = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/agenda/compare?from=2&to=3"),
        )
        .await,
    )
    .await;
    assert_eq!(
        texts(&compare, "section.compare:first-of-type del"),
        vec!["מוגברת"]
    );
    assert_eq!(
        texts(&compare, "section.compare:first-of-type ins"),
        vec!["גבוהה"]
    );
    assert!(
        texts(&compare, "section.compare h2")
            .iter()
            .any(|h| h.contains("חזון") && h.contains("ללא שינוי")),
        "{:?}",
        texts(&compare, "section.compare h2")
    );
    assert!(
        texts(&compare, "ul.boundary-changes ins")
            .join(" ")
            .contains("כימיה")
    );
    // Version 1 against 2: the mission gained the girls, word by word.
    let compare = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/agenda/compare?from=1&to=2"),
        )
        .await,
    )
    .await;
    let added = texts(&compare, "section.compare ins").join(" ");
    assert!(added.contains("התלמידות"), "{added}");
    assert!(
        !added.contains("להגדיל"),
        "unchanged words are not marked: {added}"
    );

    // The same comparison through the API, and a version that does not exist is a 404.
    let response = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/agenda/compare?from=1&to=9"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // Saving the same statements again adds no version (endorsements of it stay current).
    let same = [
        ("problem", "מעט תלמידים בעיר לומדים מתמטיקה ברמה גבוהה"),
        ("vision", "כל ילד וילדה בעיר יוכלו לבחור במדע"),
        ("vision_year", "2030"),
        (
            "mission",
            "להגדיל את מספר התלמידות והתלמידים הלומדים מדע ברמה מוגברת",
        ),
        ("boundary_dimension", "subject"),
        ("boundary_item", "מתמטיקה"),
        ("boundary_scope", "in"),
        ("boundary_reason", ""),
        ("boundary_dimension", "subject"),
        ("boundary_item", "כימיה"),
        ("boundary_scope", "out"),
        ("boundary_reason", "ענף קטן בעיר"),
        ("note", "רק הערה"),
    ];
    let response = app
        .post(Who::Backbone, &format!("/initiatives/{i}/agenda"), &same)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/agenda"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&page, ".flash"),
        vec!["לא היה שינוי, ולכן לא נשמרה גרסה חדשה."]
    );
    assert_eq!(texts(&page, "ol.versions li").len(), 3);

    // A boundary whose scope and reason change is one changed boundary, not a removal and
    // an addition.
    let mut moved = same.to_vec();
    moved[10] = ("boundary_scope", "in");
    moved[11] = ("boundary_reason", "מפעל כימיה חדש באזור התעשייה");
    app.post(Who::Backbone, &format!("/initiatives/{i}/agenda"), &moved)
        .await;
    let compare = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/agenda/compare?from=3&to=4"),
        )
        .await,
    )
    .await;
    assert!(texts(&compare, "ul.boundary-changes > li > ins:only-child").is_empty());
    let changed = texts(&compare, "li.boundary-changed");
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        texts(&compare, "li.boundary-changed del"),
        vec!["מחוץ ליוזמה", "ענף קטן בעיר"]
    );
    assert_eq!(
        texts(&compare, "li.boundary-changed ins"),
        vec!["בתוך היוזמה", "מפעל כימיה חדש באזור התעשייה"]
    );

    // Every version is in the audit log.
    let audit: Value = app
        .api(
            Who::Backbone,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/audit"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let saved = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entity"] == "agenda_version")
        .count();
    assert_eq!(saved, 4);
}

#[tokio::test]
async fn a_partner_proposes_a_definition_the_backbone_adopts_it_and_older_ones_are_kept() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let term = app.fixture.agenda.term;
    let response = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/glossary/{term}/definitions"),
            &[(
                "definition",
                "תלמיד שניגש לבחינת בגרות ברמת 5 יחידות ועבר אותה",
            )],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let api: Value = app
        .api(
            Who::Member,
            Method::GET,
            &format!("/api/v1/glossary/{term}"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let definitions = api["definitions"].as_array().unwrap();
    assert_eq!(definitions.len(), 2);
    let proposal = definitions.iter().find(|d| d["number"] == 2).unwrap();
    // In the name of the editor's own organization, though the form did not say so.
    assert_eq!(
        proposal["proposed_by_organization_id"].as_i64(),
        Some(app.fixture.org_a.get())
    );
    assert!(proposal["adopted_on"].is_null());

    // The partner editor cannot adopt it; the backbone can, with the body that did.
    let adopt = format!("/initiatives/{i}/definitions/{}/adopt", proposal["id"]);
    let fields = [
        ("adopted_on", "2026-03-05"),
        ("body_id", &app.fixture.steering.to_string()),
    ];
    assert_eq!(
        app.post(Who::Editor, &adopt, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(Who::Backbone, &adopt, &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/glossary/{term}?lang=en"),
        )
        .await,
    )
    .await;
    assert_eq!(texts(&page, "p.lead"), vec!["In force: definition 2"]);
    // Both versions are listed, and the new one shows what it added to the old.
    assert_eq!(texts(&page, "ol.definitions > li").len(), 2);
    assert_eq!(
        texts(&page, "ol.definitions > li:first-child ins"),
        vec!["ועבר אותה"]
    );
    let adopted = texts(&page, "ol.definitions > li:first-child p.hint").join(" ");
    assert!(
        adopted.contains("ועדת ההיגוי") && adopted.contains("5 Mar 2026"),
        "{adopted}"
    );

    // A term is not added twice.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/glossary"),
            &[("term", "לומד ברמה מוגברת"), ("definition", "שוב")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(texts(&page, "#f-term-error").len(), 1);
}

#[tokio::test]
async fn a_resolved_dispute_can_be_reopened_and_keeps_its_whole_history() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let dispute = app.fixture.agenda.dispute;
    let status = format!("/initiatives/{i}/disputes/{dispute}/status");
    let path = format!("/initiatives/{i}/disputes/{dispute}");

    // Two positions: the editor's in the name of A, the backbone's for B.
    app.post(
        Who::Editor,
        &format!("{path}/positions"),
        &[("position", "לספור את הניגשים")],
    )
    .await;
    app.post(
        Who::Backbone,
        &format!("{path}/positions"),
        &[
            ("organization_id", &app.fixture.org_b.to_string()),
            ("position", "לספור רק את העוברים"),
        ],
    )
    .await;
    // A refused position comes back with its words kept and the problem named.
    let response = app
        .post(
            Who::Backbone,
            &format!("{path}/positions"),
            &[("organization_id", "999999"), ("position", "עמדה שלא תאבד")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(texts(&page, "#f-position"), vec!["עמדה שלא תאבד"]);
    assert_eq!(texts(&page, "#f-organization_id-error").len(), 1);
    // The editor cannot speak for B.
    let response = app
        .post(
            Who::Editor,
            &format!("{path}/positions"),
            &[
                ("organization_id", &app.fixture.org_b.to_string()),
                ("position", "לא שלי"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let resolve = app
        .post(
            Who::Backbone,
            &status,
            &[
                ("status", "resolved"),
                ("note", "הוכרע בוועדת ההיגוי הרביעית"),
            ],
        )
        .await;
    assert_eq!(resolve.status(), StatusCode::SEE_OTHER);
    // Resolving twice (a double click) changes nothing, and the page says so.
    let again = app
        .post(Who::Backbone, &status, &[("status", "resolved")])
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Backbone, &path).await).await;
    assert_eq!(
        texts(&page, ".flash"),
        vec!["לשאלה כבר היה המצב הזה; לא השתנה דבר."]
    );
    assert_eq!(texts(&page, "#dispute-history li").len(), 2);
    let reopen = app
        .post(
            Who::Backbone,
            &status,
            &[
                ("status", "reopened"),
                ("note", "נתוני הבגרות החדשים מחייבים דיון"),
            ],
        )
        .await;
    assert_eq!(reopen.status(), StatusCode::SEE_OTHER);

    let page = document(app.get(Who::Viewer, &format!("{path}?lang=en")).await).await;
    assert_eq!(texts(&page, "#dispute-status"), vec!["Reopened"]);
    let history = texts(&page, "#dispute-history li");
    assert_eq!(history.len(), 3, "{history:?}");
    assert!(history[0].starts_with("Open"));
    assert!(
        history[1].starts_with("Resolved") && history[1].contains("הוכרע בוועדת ההיגוי הרביעית")
    );
    assert!(history[2].starts_with("Reopened") && history[2].contains("נתוני הבגרות"));
    let positions = texts(&page, "#positions li");
    assert_eq!(positions.len(), 2);
    assert!(
        positions
            .iter()
            .any(|p| p.contains("עמותת מדע בשכונה") && p.contains("הניגשים"))
    );
    assert!(
        positions
            .iter()
            .any(|p| p.contains("עיריית הדוגמה") && p.contains("העוברים"))
    );
    // The backbone corrects the wording; positions and history stay.
    let response = app
        .post(
            Who::Backbone,
            &path,
            &[
                (
                    "question",
                    "האם היעד סופר את הניגשים לבחינה או את מי שעברו אותה?",
                ),
                ("raised_by_organization_id", &app.fixture.org_a.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(app.get(Who::Viewer, &format!("{path}?lang=en")).await).await;
    assert_eq!(
        texts(&page, "h1"),
        vec!["האם היעד סופר את הניגשים לבחינה או את מי שעברו אותה?"]
    );
    assert_eq!(texts(&page, "#dispute-history li").len(), 3);
    assert_eq!(texts(&page, "#positions li").len(), 2);
    // Viewers read it all but change nothing.
    assert!(texts(&page, "form[action$='/status']").is_empty());
}

#[tokio::test]
async fn the_endorsement_board_tells_the_current_version_from_an_older_one() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let endorse = |org: String, version: &'static str| {
        let app = &app;
        async move {
            app.post(
                Who::Backbone,
                &format!("/initiatives/{i}/endorsements"),
                &[
                    ("organization_id", &org),
                    ("version", version),
                    ("signed_on", "2026-02-01"),
                    ("signed_by", "מנכ״לית העמותה"),
                ],
            )
            .await
            .status()
        }
    };
    assert_eq!(
        endorse(app.fixture.org_a.to_string(), "1").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        endorse(app.fixture.org_b.to_string(), "2").await,
        StatusCode::SEE_OTHER
    );
    // The same signature twice is refused, and says so beside the field.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_b.to_string()),
                ("version", "2"),
                ("signed_on", "2026-02-03"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let row = |page: &scraper::Html, name: &str| -> String {
        texts(page, "#endorsements tbody tr")
            .into_iter()
            .find(|r| r.contains(name))
            .unwrap_or_default()
    };
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/endorsements?lang=en"),
        )
        .await,
    )
    .await;
    assert!(
        row(&page, "עיריית הדוגמה").contains("(current)"),
        "{}",
        row(&page, "עיריית הדוגמה")
    );
    assert!(row(&page, "עמותת מדע בשכונה").contains("(earlier)"));
    assert!(
        texts(&page, "p.lead")[0].starts_with("1 of 2 partners"),
        "{:?}",
        texts(&page, "p.lead")
    );

    // A new version of the agenda leaves B on an earlier one until it signs again.
    app.post(
        Who::Backbone,
        &format!("/initiatives/{i}/agenda"),
        &[("mission", "משימה מעודכנת")],
    )
    .await;
    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/endorsements"))
            .await,
    )
    .await;
    let api: Value = app
        .api(
            Who::Member,
            Method::GET,
            &format!("/api/v1/initiatives/{i}/endorsements"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["current_version"], 3);
    assert_eq!(texts(&page, "#endorsements .badge.warn").len(), 2);
}

#[tokio::test]
async fn changes_in_the_field_are_shown_per_goal_and_each_partner_records_only_its_own() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let goal = app.fixture.agenda.goal;
    let response = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/field-changes"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("result_id", &goal.to_string()),
                ("before", "סדנה אחת בשנה"),
                ("now", "מועדון רובוטיקה לבנות פעמיים בשבוע"),
                ("noted_on", "2026-05-01"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/field-changes"),
            &[
                ("organization_id", &app.fixture.org_b.to_string()),
                ("before", "לפני"),
                ("now", "אחרי"),
                ("noted_on", "2026-05-01"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A change needs what was done before and what is done now.
    let response = app
        .post(
            Who::Editor,
            &format!("/initiatives/{i}/field-changes"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("noted_on", "2026-05-01"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/field-changes"))
            .await,
    )
    .await;
    let groups = texts(&page, "section.change-group h2");
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(groups[0].contains("ממוצע ארצי בבגרות 5 יחידות") && groups[0].contains("(3)"));
    let rows = texts(&page, "section.change-group tbody tr");
    assert!(
        rows.iter().any(|r| r.contains("מועדון רובוטיקה לבנות")),
        "{rows:?}"
    );
    // And on the goal's own page.
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/results/{goal}"))
            .await,
    )
    .await;
    assert!(
        texts(&page, "main")
            .join(" ")
            .contains("מועדון רובוטיקה לבנות")
    );
}

#[tokio::test]
async fn every_agenda_change_is_in_the_initiatives_history_in_words() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/history?lang=en"))
            .await,
    )
    .await;
    let lines = texts(&page, "main li").join("\n");
    for expected in [
        "Saved version 2 of the agenda",
        "Added to the tree: ממוצע ארצי בבגרות 5 יחידות",
        "Added the term: לומד ברמה מוגברת",
        "Recorded a decision: ועדת ההיגוי אישרה את הנוסח השני",
        "Opened a question: האם סופרים את הניגשים או את העוברים?",
        "Recorded a change in the field by עמותת מדע בשכונה",
    ] {
        assert!(lines.contains(expected), "missing {expected:?} in\n{lines}");
    }
}

#[tokio::test]
async fn results_run_downward_and_arrows_that_cannot_work_are_not_offered() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let goal = app.fixture.agenda.goal.get();
    let mission = app.fixture.agenda.mission.get();
    // A mission under a goal is refused, on the level field.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/results"),
            &[
                ("parent_id", &goal.to_string()),
                ("kind", "mission"),
                ("title", "משימה בתוך יעד"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(texts(&page, "#f-kind-error").len(), 1);
    assert_eq!(
        attribute(&page, "#f-title", "value").as_deref(),
        Some("משימה בתוך יעד")
    );
    // A goal does not go under a lever, by the API either.
    let lever = add_node(&app, goal, "lever", "מנוף").await;
    let sibling = add_node(&app, mission, "goal", "יעד שני").await;
    let response = app
        .api(
            Who::Backbone,
            Method::POST,
            &format!("/api/v1/results/{sibling}/move"),
        )
        .json(&json!({"parent_id": lever}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nor can the node page offer it: the lever is not among the goal's possible parents.
    let page = document(
        app.get(
            Who::Backbone,
            &format!("/initiatives/{i}/results/{sibling}"),
        )
        .await,
    )
    .await;
    let offered: Vec<String> = {
        let selector = scraper::Selector::parse("#f-parent_id option").unwrap();
        page.select(&selector)
            .filter_map(|o| o.value().attr("value").map(str::to_string))
            .collect()
    };
    assert!(
        offered.contains(&goal.to_string()),
        "a sub-goal may go under a goal"
    );
    assert!(!offered.contains(&lever.to_string()), "{offered:?}");
    assert!(!offered.contains(&sibling.to_string()), "not under itself");

    // The tree page: the mission, alone at the top, has no arrows; the first goal has no
    // "up" and no "in"; the second goal has both.
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/results"))
            .await,
    )
    .await;
    let values = |id: i64| -> Vec<String> {
        let selector =
            scraper::Selector::parse(&format!("#node-{id} .result-actions input[name=nudge]"))
                .unwrap();
        page.select(&selector)
            .map(|e| e.value().attr("value").unwrap().to_string())
            .collect()
    };
    assert!(values(mission).is_empty());
    assert_eq!(values(goal), vec!["down", "outdent"]);
    assert_eq!(values(sibling), vec!["up", "outdent", "indent"]);
}

#[tokio::test]
async fn a_refused_adoption_stays_on_the_terms_page_with_the_reason_beside_the_date() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let term = app.fixture.agenda.term;
    let definition = app.throwaway_definition().await;
    let steering = app.fixture.steering.to_string();
    // A date in the future records nothing that happened.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/definitions/{definition}/adopt"),
            &[("adopted_on", "2031-01-01"), ("body_id", &steering)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(texts(&page, "h1"), vec!["לומד ברמה מוגברת"]);
    assert_eq!(
        texts(&page, &format!("#adopted-on-{definition}-error")),
        vec!["התאריך עוד לא הגיע; כאן רושמים מה שכבר קרה."]
    );
    assert_eq!(
        attribute(&page, &format!("#adopted-on-{definition}"), "value").as_deref(),
        Some("2031-01-01")
    );
    assert_eq!(
        attribute(
            &page,
            &format!("#adopted-by-{definition} option[selected]"),
            "value"
        ),
        Some(steering)
    );
    // Nothing was adopted; and the form's address, opened by itself, leads back.
    let api: Value = app
        .api(
            Who::Member,
            Method::GET,
            &format!("/api/v1/glossary/{term}"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        api["definitions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["adopted_on"].is_null())
    );
    let response = app
        .get(
            Who::Backbone,
            &format!("/initiatives/{i}/definitions/{definition}/adopt"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Renaming the term keeps its definitions.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/glossary/{term}"),
            &[("term", "לומדת או לומד ברמה מוגברת")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(
        app.get(Who::Member, &format!("/initiatives/{i}/glossary/{term}"))
            .await,
    )
    .await;
    assert_eq!(texts(&page, "h1"), vec!["לומדת או לומד ברמה מוגברת"]);
    assert_eq!(texts(&page, "ol.definitions > li").len(), 2);
}

#[tokio::test]
async fn references_and_dates_are_checked_field_by_field() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    // A decision that points at a node of another tree names the nodes field, not the body.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/decisions"),
            &[
                ("decided_on", "2026-02-01"),
                ("kind", "formal"),
                ("text", "החלטה"),
                ("result_ids", "999999"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    let summary = texts(&page, ".error-summary li").join(" ");
    assert!(summary.contains("צמתים"), "{summary}");
    assert!(!summary.contains("גוף"), "{summary}");
    assert_eq!(texts(&page, "#f-body_id-error").len(), 0);
    // An endorsement dated next year is refused.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/endorsements"),
            &[
                ("organization_id", &app.fixture.org_a.to_string()),
                ("version", "2"),
                ("signed_on", "2030-05-01"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&document(response).await, "#f-signed_on-error").len(),
        1
    );
    // A refused question keeps the decisions that were ticked.
    let decision = app.fixture.agenda.decision.to_string();
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/disputes"),
            &[("question", ""), ("decision_ids", &decision)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert_eq!(
        attribute(&page, &format!("#f-decision-{decision}"), "checked").as_deref(),
        Some("")
    );
    // A boundary row half filled is named by its number.
    let response = app
        .post(
            Who::Backbone,
            &format!("/initiatives/{i}/agenda"),
            &[
                ("mission", "משימה"),
                ("boundary_dimension", ""),
                ("boundary_item", "פיזיקה"),
                ("boundary_scope", ""),
                ("boundary_reason", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = document(response).await;
    assert!(
        texts(&page, ".error-summary")
            .join(" ")
            .contains("שורת הגבול ה־1"),
        "{:?}",
        texts(&page, ".error-summary")
    );
}

#[tokio::test]
async fn a_change_tied_to_a_lever_counts_for_its_goal_and_partners_see_whose_name_they_write_in() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let goal = app.fixture.agenda.goal.get();
    let lever = add_node(&app, goal, "lever", "מנוף של היעד").await;
    let response = app
        .api(
            Who::Editor,
            Method::POST,
            &format!("/api/v1/initiatives/{i}/field-changes"),
        )
        .json(
            &json!({"organization_id": app.fixture.org_a, "result_id": lever,
                      "before": "לפני", "now": "חוג חדש ליד המנוף", "noted_on": "2026-04-01"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/field-changes"))
            .await,
    )
    .await;
    let groups = texts(&page, "section.change-group h2");
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(groups[0].contains("ממוצע ארצי בבגרות 5 יחידות") && groups[0].contains("(3)"));
    // The form offers goals only.
    let page = document(
        app.get(Who::Editor, &format!("/initiatives/{i}/field-changes"))
            .await,
    )
    .await;
    let selector = scraper::Selector::parse("#f-result_id option[value]").unwrap();
    let offered: Vec<&str> = page
        .select(&selector)
        .filter_map(|o| o.value().attr("value"))
        .filter(|v| !v.is_empty())
        .collect();
    assert_eq!(offered, vec![goal.to_string().as_str()]);

    // A partner editor is told in whose name a question is raised.
    let page = document(
        app.get(Who::Editor, &format!("/initiatives/{i}/disputes"))
            .await,
    )
    .await;
    assert_eq!(
        texts(&page, "form p.hint"),
        vec!["יירשם בשם \u{2068}עמותת מדע בשכונה\u{2069}."]
    );
    let page = document(
        app.get(Who::Backbone, &format!("/initiatives/{i}/disputes"))
            .await,
    )
    .await;
    assert!(texts(&page, "form p.hint").is_empty());
}

#[tokio::test]
async fn comparing_without_choosing_shows_the_last_change_and_form_addresses_lead_back() {
    let app = TestApp::spawn().await;
    let i = app.fixture.initiative;
    let page = document(
        app.get(
            Who::Member,
            &format!("/initiatives/{i}/agenda/compare?lang=en"),
        )
        .await,
    )
    .await;
    assert_eq!(
        texts(&page, "h1"),
        vec!["Version 1 compared with version 2"]
    );
    // An address that only takes forms, asked for a page, says so in the user's language.
    let response = app
        .get(
            Who::Member,
            &format!("/initiatives/{i}/results/theory-of-change/x"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = app
        .get(Who::Backbone, &format!("/initiatives/{i}/import/1/confirm"))
        .await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let page = document(response).await;
    assert!(texts(&page, "main").join(" ").contains("מקבלת רק טפסים"));
}

#[tokio::test]
async fn a_member_takes_part_in_their_own_name_and_for_their_organization() {
    use kesher_domain::access::{Grant, Role};
    let app = TestApp::spawn().await;
    let f = app.fixture;
    let i = f.initiative;
    let member = app.caller(Who::Member).await.user;
    let path = format!("/initiatives/{i}/disputes/{}", f.agenda.dispute);

    // Without an organization, a member speaks in their own name only.
    let response = app
        .post(
            Who::Member,
            &format!("{path}/positions"),
            &[("position", "לספור גם את מי שניגש פעמיים")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            Who::Member,
            &format!("{path}/positions"),
            &[
                ("organization_id", &f.org_a.to_string()),
                ("position", "בשם ארגון שאינו שלי"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // The backbone names the member's organization: from then on they speak for it too,
    // without any right to edit it.
    app.kesher
        .grant_role_as_system(
            i,
            member.id,
            Grant {
                role: Role::Member,
                organization_id: Some(f.org_a),
            },
        )
        .await
        .unwrap();
    app.post(
        Who::Member,
        &format!("{path}/positions"),
        &[("position", "לספור את הניגשים")],
    )
    .await;
    let page = document(app.get(Who::Member, &path).await).await;
    let positions = texts(&page, "#positions li strong");
    assert_eq!(positions.len(), 2, "{positions:?}");
    assert!(positions[0].contains(&member.name), "{positions:?}");
    assert!(!positions[0].contains("מדע בשכונה"), "{positions:?}");
    assert!(
        positions[1].contains(&member.name) && positions[1].contains("מדע בשכונה"),
        "{positions:?}"
    );
    let response = app
        .post(
            Who::Member,
            &format!("/initiatives/{i}/organizations/{}", f.org_a),
            &[("name", "שינוי שאסור")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // A comment on the current version: under the member's name and organization, for all.
    let response = app
        .post(
            Who::Member,
            &format!("/initiatives/{i}/agenda/versions/2/comments"),
            &[("comment", "כדאי לכתוב את היעד במספרים")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = document(
        app.get(Who::Viewer, &format!("/initiatives/{i}/agenda"))
            .await,
    )
    .await;
    let comments = texts(&page, "#comments + ul li");
    assert_eq!(comments.len(), 1, "{comments:?}");
    assert!(
        comments[0].contains(&member.name)
            && comments[0].contains("מדע בשכונה")
            && comments[0].contains("כדאי לכתוב את היעד במספרים"),
        "{comments:?}"
    );
    // An empty comment is refused at its field (the role matrix checks who may comment).
    let response = app
        .post(
            Who::Member,
            &format!("/initiatives/{i}/agenda/versions/2/comments"),
            &[("comment", "  ")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&document(response).await, "#f-comment-error").len(),
        1
    );
    // An older version is history: a comment there is refused, and the form is not offered.
    let response = app
        .post(
            Who::Member,
            &format!("/initiatives/{i}/agenda/versions/1/comments"),
            &[("comment", "מאוחר מדי")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let old = document(
        app.get(Who::Member, &format!("/initiatives/{i}/agenda/versions/1"))
            .await,
    )
    .await;
    assert!(texts(&old, "#f-comment").is_empty());
    // The API lists the same comment with its author.
    let listed: Value = app
        .api(
            Who::Viewer,
            Method::GET,
            &format!("/api/v1/agenda-versions/{}/comments", f.agenda.version),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["author_id"], json!(member.id.get()));
    assert_eq!(listed[0]["organization_id"], json!(f.org_a.get()));
}
