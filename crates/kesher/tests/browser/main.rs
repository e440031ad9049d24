//! The browser tier: a real headless Chromium, driven through Debian's chromedriver, uses
//! the demo as a person would. Run with `cargo test -p kesher --features browser-tests
//! --test browser` (it needs `chromium` and `chromium-driver`; `.ci/run` installs them).
//! Screenshots are written to `target/browser/`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::wd::{PrintConfiguration, PrintOrientation, PrintSize, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const PASSWORD: &str = "browser test password";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The chromedriver process, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn start_browser(profile: &std::path::Path) -> (Driver, Client) {
    for program in [CHROMIUM, CHROMEDRIVER] {
        assert!(
            std::path::Path::new(program).exists(),
            "{program} is missing: install Debian's chromium and chromium-driver (see .ci/run)"
        );
    }
    let port = free_port();
    let driver = Driver(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                format!("--user-data-dir={}", profile.display()), "--window-size=1280,1000",
            ]
        }
    });
    let capabilities = match capabilities {
        serde_json::Value::Object(map) => map,
        _ => unreachable!(),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let attempt = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return (driver, client),
            Err(error) if Instant::now() < deadline => {
                let _ = error;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(error) => panic!("chromedriver did not accept a session: {error}"),
        }
    }
}

async fn html_attribute(client: &Client, name: &str) -> String {
    client
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn type_into(client: &Client, css: &str, text: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The elements `css` finds once the page that has them has loaded (a click's answer may
/// still be on its way when the next step looks).
async fn wait_for_all(client: &Client, css: &str) -> Vec<fantoccini::elements::Element> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = client.find_all(Locator::Css(css)).await.unwrap();
        if !found.is_empty() || Instant::now() > deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of `css` once it satisfies `done` (a form's answer may come back to the same
/// address, so the address cannot tell that it has arrived).
async fn wait_for_text(client: &Client, css: &str, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
            && done(&text)
        {
            return text;
        }
        assert!(Instant::now() < deadline, "{css} never said it");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_path(client: &Client, predicate: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let url = client.current_url().await.unwrap();
        if predicate(url.path()) {
            return url.path().to_string();
        }
        assert!(Instant::now() < deadline, "stuck on {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backbone_coordinator_signs_in_switches_language_and_adds_an_organization() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;

    // Signing in, with the keyboard: type, then Enter in the password field.
    client.goto(&format!("{base}/")).await.unwrap();
    wait_for_path(&client, |p| p == "/login").await;
    assert_eq!(html_attribute(&client, "dir").await, "rtl");
    assert_eq!(html_attribute(&client, "lang").await, "he");
    type_into(&client, "#f-email", "backbone@example.org").await;
    let password = client.find(Locator::Id("f-password")).await.unwrap();
    password.send_keys(PASSWORD).await.unwrap();
    password.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_for_path(&client, |p| p == "/").await;

    // The first focusable element is the skip link, and it leads into the main content.
    type_into(&client, "body", &Key::Tab.to_string()).await;
    let focused = client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("class").await.unwrap().as_deref(),
        Some("skip-link")
    );

    // Into the municipal initiative, then to English and back.
    click(&client, ".cards h2 a").await;
    let overview = wait_for_path(&client, |p| p.starts_with("/initiatives/")).await;
    click(&client, "#switch-language").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(html_attribute(&client, "dir").await, "ltr");
    assert_eq!(html_attribute(&client, "lang").await, "en");
    assert_eq!(
        text_of(&client, "nav.initiative-nav a[aria-current=page]").await,
        "Overview"
    );
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("overview-en.png"), png))
        .unwrap()
        .unwrap();
    // The choice holds on the next page.
    client
        .goto(&format!("{base}{overview}/bodies"))
        .await
        .unwrap();
    assert_eq!(html_attribute(&client, "dir").await, "ltr");
    click(&client, "#switch-language").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(html_attribute(&client, "dir").await, "rtl");

    // Adding an organization through the form, in Hebrew.
    client
        .goto(&format!("{base}{overview}/organizations/new"))
        .await
        .unwrap();
    // A first try without a name is refused, and the error summary takes the focus.
    click(&client, "form[novalidate] button[type=submit]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(text_of(&client, "#f-name-error").await, "שדה חובה.");
    let focused = client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("class").await.unwrap().as_deref(),
        Some("error-summary")
    );
    type_into(&client, "#f-name", "מעבדת החלל של הדרים").await;
    click(&client, "#f-sector option[value=third_sector]").await;
    click(&client, "#f-organization_type option[value=ngo]").await;
    type_into(&client, "#f-tags", "חלל, נוער").await;
    type_into(
        &client,
        "#f-description",
        "חוגי אסטרונומיה ובניית לוויינים זעירים לתלמידי חטיבות הביניים.",
    )
    .await;
    click(&client, "form[novalidate] button[type=submit]").await;
    wait_for_path(&client, |p| {
        p.contains("/organizations/") && !p.ends_with("/organizations") && !p.ends_with("/new")
    })
    .await;
    assert_eq!(text_of(&client, "h1").await, "מעבדת החלל של הדרים");
    assert_eq!(text_of(&client, ".flash").await, "הארגון נוסף.");
    assert_eq!(html_attribute(&client, "dir").await, "rtl");
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join("organization-he.png"), png).unwrap();

    // The new organization is in the list, found by a Hebrew search.
    client
        .goto(&format!("{base}{overview}/organizations"))
        .await
        .unwrap();
    let search = client.find(Locator::Id("f-q")).await.unwrap();
    search.send_keys("החלל").await.unwrap();
    search.send_keys(&Key::Enter.to_string()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        text_of(&client, "#organizations tbody th").await,
        "מעבדת החלל של הדרים"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join("organizations-search-he.png"), png).unwrap();

    client.close().await.unwrap();
}

/// A Chrome DevTools command through chromedriver, for what WebDriver has no word for (here:
/// showing a page as the printer sees it).
#[derive(Debug)]
struct DevTools(&'static str, serde_json::Value);

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The page counts a PDF's page tree declares ("/Count"): one entry for a flat document.
fn pages_of(pdf: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(pdf)
        .split("/Count ")
        .skip(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .collect()
}

/// Whether the focused element matches `css`.
async fn focus_is_on(client: &Client, css: &str) -> bool {
    client
        .execute(
            "return document.activeElement !== null && document.activeElement.matches(arguments[0]);",
            vec![json!(css)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Presses Tab until the focus reaches `css`, as a keyboard user would; fails if it never does.
async fn tab_to(client: &Client, css: &str) {
    for _ in 0..200 {
        if focus_is_on(client, css).await {
            return;
        }
        let focused = client.active_element().await.unwrap();
        focused.send_keys(&Key::Tab.to_string()).await.unwrap();
    }
    panic!("Tab never reached {css}");
}

/// Types into whatever has the focus.
async fn keys(client: &Client, text: &str) {
    let focused = client.active_element().await.unwrap();
    focused.send_keys(text).await.unwrap();
}

async fn enter(client: &Client) {
    keys(client, &Key::Enter.to_string()).await;
}

/// The ids of the results tree's nodes, in the order the page shows them, with their depths.
async fn tree_rows(client: &Client) -> Vec<(String, String)> {
    let rows = client
        .execute(
            "return [...document.querySelectorAll('#results-tree li[data-id]')]
                .map(li => [li.querySelector('.result-line a').textContent.trim(), li.dataset.depth]);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(rows).unwrap()
}

/// Adds a node from the tree page with the keyboard only: Tab to the link that adds it (at
/// the top, or under `parent`), Enter, type the title, Enter to save.
async fn add_node_by_keyboard(client: &Client, link: &str, title: &str) {
    tab_to(client, link).await;
    enter(client).await;
    wait_for_path(client, |p| p.ends_with("/results/new")).await;
    tab_to(client, "#f-title").await;
    keys(client, title).await;
    enter(client).await;
    wait_for_path(client, |p| p.ends_with("/results")).await;
    let rows = tree_rows(client).await;
    assert!(
        rows.iter().any(|(t, _)| t == title),
        "{title} is not in the tree: {rows:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_builds_a_three_level_tree_by_keyboard_and_prints_it_right_to_left() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;

    client.goto(&format!("{base}/login")).await.unwrap();
    tab_to(&client, "#f-email").await;
    keys(&client, "admin@example.org").await;
    tab_to(&client, "#f-password").await;
    keys(&client, PASSWORD).await;
    enter(&client).await;
    wait_for_path(&client, |p| p == "/").await;

    // A new initiative, so the tree starts empty.
    client
        .goto(&format!("{base}/initiatives/new"))
        .await
        .unwrap();
    tab_to(&client, "#f-name").await;
    keys(&client, "קהילת מדע בגליל").await;
    enter(&client).await;
    let initiative = wait_for_path(&client, |p| {
        p.starts_with("/initiatives/") && !p.ends_with("/new")
    })
    .await;
    client
        .goto(&format!("{base}{initiative}/results"))
        .await
        .unwrap();

    // Mission, two goals under it, a lever under the first goal: three levels.
    add_node_by_keyboard(
        &client,
        "a.button[href$='/results/new']",
        "כל ילד בגליל ייגע במדע",
    )
    .await;
    let mission = tree_rows(&client).await;
    assert_eq!(
        mission,
        vec![("כל ילד בגליל ייגע במדע".to_string(), "0".to_string())]
    );
    let under = |title: &str| format!("a[aria-label='הוספת צומת תחת {title}']");
    add_node_by_keyboard(
        &client,
        &under("כל ילד בגליל ייגע במדע"),
        "מועדוני מדע בכל יישוב",
    )
    .await;
    add_node_by_keyboard(
        &client,
        &under("כל ילד בגליל ייגע במדע"),
        "מורים מובילים למדע",
    )
    .await;
    add_node_by_keyboard(&client, &under("מועדוני מדע בכל יישוב"), "הסעות למועדונים").await;
    let rows = tree_rows(&client).await;
    let expected = [
        ("כל ילד בגליל ייגע במדע", "0"),
        ("מועדוני מדע בכל יישוב", "1"),
        ("הסעות למועדונים", "2"),
        ("מורים מובילים למדע", "1"),
    ];
    assert_eq!(
        rows,
        expected
            .iter()
            .map(|(t, d)| (t.to_string(), d.to_string()))
            .collect::<Vec<_>>()
    );

    // The second goal moves up with its button, by keyboard; its lever-less subtree follows.
    tab_to(
        &client,
        "button[aria-label='הזזת מורים מובילים למדע למעלה']",
    )
    .await;
    enter(&client).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    wait_for_path(&client, |p| p.ends_with("/results")).await;
    let titles: Vec<String> = tree_rows(&client)
        .await
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        titles,
        [
            "כל ילד בגליל ייגע במדע",
            "מורים מובילים למדע",
            "מועדוני מדע בכל יישוב",
            "הסעות למועדונים"
        ]
    );
    // After the move the focus is back on the moved node, ready for the next key.
    assert!(focus_is_on(&client, "li[data-id]").await);
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join("results-tree-he.png"), png).unwrap();

    // The theory of change, as the printer sees it: right to left, the mission above, the
    // first goal at the right and the second to its left, the lever under its goal.
    client
        .goto(&format!("{base}{initiative}/results/theory-of-change"))
        .await
        .unwrap();
    client
        .issue_cmd(DevTools(
            "Emulation.setEmulatedMedia",
            json!({ "media": "print" }),
        ))
        .await
        .unwrap();
    assert_eq!(html_attribute(&client, "dir").await, "rtl");
    let layout = client
        .execute(
            "const box = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent.trim()}; };
             return {
               mission: box(document.querySelector('.theory-mission')),
               goals: [...document.querySelectorAll('.theory-goal > .theory-box')].map(box),
               levers: [...document.querySelectorAll('.theory-lever')].map(box),
               header: getComputedStyle(document.querySelector('.theory-header')).display,
             };",
            vec![],
        )
        .await
        .unwrap();
    let number = |v: &serde_json::Value| v.as_f64().unwrap();
    let goals = layout["goals"].as_array().unwrap();
    assert_eq!(goals.len(), 2);
    assert!(
        goals[0]["text"]
            .as_str()
            .unwrap()
            .contains("מורים מובילים למדע")
    );
    assert!(
        number(&goals[0]["left"]) > number(&goals[1]["right"]) - 1.0,
        "the first goal stands to the right of the second: {layout}"
    );
    assert_eq!(
        number(&goals[0]["top"]),
        number(&goals[1]["top"]),
        "one row of goals"
    );
    assert!(number(&layout["mission"]["bottom"]) <= number(&goals[0]["top"]));
    let lever = &layout["levers"][0];
    assert!(lever["text"].as_str().unwrap().contains("הסעות למועדונים"));
    assert!(number(&lever["top"]) >= number(&goals[1]["bottom"]));
    assert!(
        number(&lever["left"]) < number(&goals[0]["left"]),
        "under the second goal"
    );
    assert_eq!(layout["header"], "none", "links are not printed");

    // And it prints on a single A4 sheet.
    let pdf = client
        .print(
            PrintConfiguration::builder()
                .orientation(PrintOrientation::Landscape)
                .size(PrintSize::A4)
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    std::fs::write(screenshots().join("theory-of-change-he.pdf"), &pdf).unwrap();
    assert_eq!(pages_of(&pdf), ["1"], "the theory of change fits one page");

    // The demo's municipal tree (four goals, 32 nodes) fits one sheet too, in both languages.
    for lang in ["he", "en"] {
        client
            .goto(&format!(
                "{base}/initiatives/1/results/theory-of-change?lang={lang}"
            ))
            .await
            .unwrap();
        let pdf = client
            .print(
                PrintConfiguration::builder()
                    .orientation(PrintOrientation::Landscape)
                    .size(PrintSize::A4)
                    .build()
                    .unwrap(),
            )
            .await
            .unwrap();
        let name = format!("theory-of-change-demo-{lang}.pdf");
        std::fs::write(screenshots().join(name), &pdf).unwrap();
        assert_eq!(pages_of(&pdf), ["1"], "the demo's tree in {lang}");
    }

    client.close().await.unwrap();
}

/// Chooses an option of a select by its value.
async fn choose(client: &Client, css: &str, value: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_imports_a_file_fixes_the_mapping_and_finds_the_value_on_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;
    client.goto(&format!("{base}/login")).await.unwrap();
    type_into(&client, "#f-email", "admin@example.org").await;
    type_into(&client, "#f-password", PASSWORD).await;
    click(&client, "form button[type=submit]").await;
    wait_for_path(&client, |p| p == "/").await;

    // The national network (the demo's second initiative) has the Ministry's schools. A
    // file with Hebrew headers: school code, year, number of maths examinees in 2016/17.
    let file = dir.path().join("examinees-2017.csv");
    std::fs::write(
        &file,
        "סמל מוסד,שנה,ניגשים\n110023,2017,140\n110056,2017,12\n",
    )
    .unwrap();
    client
        .goto(&format!("{base}/initiatives/2/measurement/import"))
        .await
        .unwrap();
    client
        .find(Locator::Css("#f-file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    click(&client, "form[enctype] button[type=submit]").await;
    wait_for_path(&client, |p| p.contains("/measurement/import/")).await;
    // The school code and the year are recognised from their Hebrew headers.
    let code = client
        .find(Locator::Css("#f-place_code option[selected]"))
        .await
        .unwrap()
        .attr("value")
        .await
        .unwrap();
    assert_eq!(code.as_deref(), Some("סמל מוסד"));

    // First the column is mapped to the wrong indicator: a percentage cannot be 140, and
    // the 12 beside it, a weighted rate, would come without its weight (examinees).
    choose(&client, "#f-col-2", "math5_rate").await;
    click(&client, "form[action$=preview] button[type=submit]").await;
    let issues = wait_for_all(&client, "table.issues tbody tr").await;
    assert_eq!(issues.len(), 2);
    assert!(
        issues[0].text().await.unwrap().contains("140"),
        "the report names the value"
    );
    assert!(
        issues[1].text().await.unwrap().contains("math_takers"),
        "the report names the missing weight"
    );
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("import-issues-he.png"), png))
        .unwrap()
        .unwrap();

    // Fixed: the column holds examinees.
    choose(&client, "#f-col-2", "math_takers").await;
    click(&client, "form[action$=preview] button[type=submit]").await;
    assert!(text_of(&client, ".preview-ok").await.contains("2016/17"));
    click(&client, "form[action$=confirm] button[type=submit]").await;
    wait_for_path(&client, |p| p == "/initiatives/2/measurement").await;

    // The school's page leads to the indicator, where the new value closes the trend.
    client
        .goto(&format!("{base}/initiatives/2/measurement/places?q=110023"))
        .await
        .unwrap();
    click(&client, "tbody tr th a").await;
    wait_for_path(&client, |p| p.contains("/measurement/places/")).await;
    let link = client
        .find(Locator::XPath("//a[contains(., 'ניגשים לבגרות במתמטיקה')]"))
        .await
        .unwrap();
    link.click().await.unwrap();
    wait_for_path(&client, |p| p.contains("/measurement/indicators/")).await;
    let last_row = text_of(&client, "#trend tbody tr:last-child").await;
    assert!(
        last_row.contains("2016/17") && last_row.contains("140"),
        "{last_row}"
    );
    let titles = client
        .find_all(Locator::Css("#trend svg title"))
        .await
        .unwrap();
    let last_title = titles.last().unwrap().prop("textContent").await.unwrap();
    assert!(
        last_title.as_deref().is_some_and(|t| t.ends_with("140")),
        "the chart's last point says 140: {last_title:?}"
    );
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("indicator-he.png"), png))
        .unwrap()
        .unwrap();
}

/// Where the browser laid out two characters of `needle` (at `first` and `second`) inside
/// an element's text: the left edge of each, as the page's own layout placed them.
async fn char_lefts(
    client: &Client,
    css: &str,
    needle: &str,
    first: usize,
    second: usize,
) -> (f64, f64) {
    let answer = client
        .execute(
            "const node = document.querySelector(arguments[0]).firstChild;
             const start = node.data.indexOf(arguments[1]);
             if (start < 0) { return null; }
             const at = (i) => { const r = document.createRange(); r.setStart(node, start + i);
                                 r.setEnd(node, start + i + 1); return r.getBoundingClientRect().left; };
             return [at(arguments[2]), at(arguments[3])];",
            vec![json!(css), json!(needle), json!(first), json!(second)],
        )
        .await
        .unwrap();
    let pair = answer
        .as_array()
        .unwrap_or_else(|| panic!("{needle} is not in {css}"));
    (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn numbers_and_period_codes_read_left_to_right_on_hebrew_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;
    client.goto(&format!("{base}/login")).await.unwrap();
    type_into(&client, "#f-email", "admin@example.org").await;
    type_into(&client, "#f-password", PASSWORD).await;
    click(&client, "form button[type=submit]").await;
    wait_for_path(&client, |p| p == "/").await;

    // The national network's gap view opens on nurture quintile 5 against 1: the neediest
    // schools have fewer examinees, so every gap is negative.
    client
        .goto(&format!("{base}/initiatives/2/measurement"))
        .await
        .unwrap();
    let link = client
        .find(Locator::XPath("//a[contains(., 'ניגשים לבגרות במתמטיקה')]"))
        .await
        .unwrap();
    link.click().await.unwrap();
    wait_for_path(&client, |p| p.contains("/measurement/indicators/")).await;
    let indicator = client.current_url().await.unwrap();
    client
        .goto(&format!("{}/gap", indicator.as_str().trim_end_matches('/')))
        .await
        .unwrap();
    assert_eq!(html_attribute(&client, "dir").await, "rtl");
    // The table may scroll sideways inside its box, so its text is read from the page.
    let gap = client
        .find(Locator::Css("#gap tbody tr:first-child .gap-value"))
        .await
        .unwrap()
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(gap.starts_with('-'), "a negative gap: {gap}");
    // Laid out by the page: the minus sign stands to the left of the first digit.
    let (minus, digit) =
        char_lefts(&client, "#gap tbody tr:first-child .gap-value", "-", 0, 1).await;
    assert!(
        minus < digit,
        "the gap reads {gap}, not with its minus at the end"
    );
    let style = client
        .execute(
            "const s = getComputedStyle(document.querySelector('#gap tbody tr:first-child .gap-value'));
             return [s.direction, s.unicodeBidi];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(style, json!(["ltr", "isolate"]));
    // The sentence under the chart says how the gap moved.
    let summary = text_of(&client, ".gap-summary").await;
    assert!(summary.contains("הפער"), "{summary}");

    // The period hint of the reporting form: "2026-Q1" keeps its year on the left.
    client
        .goto(&format!("{base}/initiatives/2/measurement/report"))
        .await
        .unwrap();
    let hint = text_of(&client, "#f-period-hint").await;
    let (year, quarter) = char_lefts(&client, "#f-period-hint", "2026-Q1", 0, 5).await;
    assert!(year < quarter, "the hint reads 2026-Q1: {hint}");

    // The indicator's chart in both languages, for review.
    for lang in ["he", "en"] {
        client
            .goto(&format!("{}?lang={lang}", indicator.as_str()))
            .await
            .unwrap();
        let figure = client.find(Locator::Css("#trend")).await.unwrap();
        let png = figure.screenshot().await.unwrap();
        std::fs::write(
            screenshots().join(format!("indicator-chart-{lang}.png")),
            png,
        )
        .unwrap();
        // The provisional year is marked, in the chart and in words.
        assert_eq!(
            client
                .find_all(Locator::Css("#trend svg circle.provisional"))
                .await
                .unwrap()
                .len(),
            1
        );
        assert!(!text_of(&client, ".badge.provisional").await.is_empty());
    }
}

/// The national network's backbone invites the Ministry's data person without the
/// instance admin; with no mail server, the link is followed from the outbox; the invitee
/// chooses a name and password, lands on a first page that says a report is due, and
/// sends it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backbone_invites_a_partner_who_accepts_from_the_outbox_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher.clone(), "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    kesher.set_public_url(&base);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;

    client.goto(&format!("{base}/login")).await.unwrap();
    type_into(&client, "#f-email", "network-backbone@example.org").await;
    type_into(&client, "#f-password", PASSWORD).await;
    type_into(&client, "#f-password", &Key::Enter.to_string()).await;
    wait_for_path(&client, |p| p == "/").await;
    click(&client, ".cards h2 a").await;
    let network = wait_for_path(&client, |p| p.starts_with("/initiatives/")).await;

    // The invitation: an address, the partner editor's role, the Ministry, Hebrew.
    client
        .goto(&format!("{base}{network}/invitations"))
        .await
        .unwrap();
    type_into(&client, "#f-email", "data@moe.example.org").await;
    choose(&client, "#f-role", "partner_editor").await;
    let ministry = client
        .find(Locator::XPath(
            "//select[@name='organization_id']/option[contains(., 'משרד החינוך')]",
        ))
        .await
        .unwrap()
        .attr("value")
        .await
        .unwrap()
        .unwrap();
    choose(&client, "#f-organization_id", &ministry).await;
    click(&client, "form[action$='/invitations'] button[type=submit]").await;
    wait_for_path(&client, |p| p.ends_with("/invitations")).await;
    assert_eq!(
        client
            .find(Locator::Css("#invitations tbody tr"))
            .await
            .unwrap()
            .attr("data-status")
            .await
            .unwrap()
            .as_deref(),
        Some("pending")
    );

    // No mail server: the outbox holds the message and its link.
    client
        .goto(&format!("{base}{network}/outbox"))
        .await
        .unwrap();
    let link = client
        .find(Locator::Css("#outbox tbody tr .outbox-link"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("outbox.png"), png))
        .unwrap()
        .unwrap();

    // The invitee, in a browser with no session.
    client.delete_all_cookies().await.unwrap();
    client.goto(&link).await.unwrap();
    assert_eq!(html_attribute(&client, "dir").await, "rtl");
    assert_eq!(
        text_of(&client, "#invited-email").await,
        "data@moe.example.org"
    );
    type_into(&client, "#f-name", "רונית, מדווחת המשרד").await;
    type_into(&client, "#f-password", "a long new password").await;
    click(&client, "form[action='/invitation'] button[type=submit]").await;
    wait_for_path(&client, |p| p == network).await;

    // The first page says what is due, and leads there.
    let needs = text_of(&client, "#needs").await;
    assert!(needs.contains("ניגשים לבגרות במתמטיקה"), "{needs}");
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("what-needs-me.png"), png))
        .unwrap()
        .unwrap();
    click(&client, "#needs a[href$='/measurement/report']").await;
    wait_for_path(&client, |p| p.ends_with("/measurement/report")).await;
    choose(&client, "#f-indicator", "math_takers").await;
    let period = client.find(Locator::Id("f-period")).await.unwrap();
    period.clear().await.unwrap();
    period.send_keys("2025/26").await.unwrap();
    type_into(&client, "#f-place-0", "110023").await;
    type_into(&client, "#f-value-0", "57").await;
    click(&client, "button[name=action][value=submit]").await;
    wait_for_path(&client, |p| p.ends_with("/measurement/report")).await;
    let pending = text_of(&client, "main").await;
    assert!(
        pending.contains("57"),
        "the value sent is listed: {pending}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_records_a_meeting_and_sees_the_health_and_the_decision_log_change() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;
    client.goto(&format!("{base}/login")).await.unwrap();
    type_into(&client, "#f-email", "backbone@example.org").await;
    let password = client.find(Locator::Id("f-password")).await.unwrap();
    password.send_keys(PASSWORD).await.unwrap();
    password.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_for_path(&client, |p| p == "/").await;
    click(&client, ".cards h2 a").await;
    let overview = wait_for_path(&client, |p| p.starts_with("/initiatives/")).await;

    // The steering committee's health before: four meetings held.
    client
        .goto(&format!("{base}{overview}/health"))
        .await
        .unwrap();
    let steering_row = "#health tbody tr:first-child";
    assert!(
        text_of(&client, &format!("{steering_row} th"))
            .await
            .contains("ועדת ההיגוי")
    );
    let held_cell = format!("{steering_row} td:nth-of-type(1)");
    let attendance_cell = format!("{steering_row} td:nth-of-type(2)");
    assert_eq!(text_of(&client, &held_cell).await, "4");
    let attendance_before = text_of(&client, &attendance_cell).await;

    // To the body, and its latest meeting: the fifth, planned and not yet recorded.
    click(&client, &format!("{steering_row} th a")).await;
    wait_for_path(&client, |p| p.contains("/bodies/")).await;
    click(&client, "#meetings-table tbody tr:first-child th a").await;
    let meeting = wait_for_path(&client, |p| p.contains("/meetings/")).await;
    let heading = text_of(&client, "h1")
        .await
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(heading.ends_with(" 5"), "{heading}");

    // Two of the invitees came.
    let boxes = client
        .find_all(Locator::Css("#invitees input[type=checkbox]"))
        .await
        .unwrap();
    assert!(boxes.len() > 2, "the committee's members are invited");
    for tick in boxes.iter().take(2) {
        tick.click().await.unwrap();
    }
    click(&client, "form[action$='/attendance'] button[type=submit]").await;
    // The answer comes back to the same address: wait for what it says.
    let summary = wait_for_text(&client, "#attendance-summary", |t| t.contains("הגיעו")).await;
    assert!(summary.contains('2'), "{summary}");

    // A decision, recorded at the meeting.
    let decision = "ועדת ההיגוי מאשרת את התכנית לשנת הלימודים הבאה";
    type_into(&client, "#decision-form #f-text", decision).await;
    click(&client, "#decision-form button[type=submit]").await;
    wait_for_text(&client, "#meeting-decisions", |t| t.contains(decision)).await;
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("meeting-record.png"), png))
        .unwrap()
        .unwrap();

    // The health page counts the fifth meeting, and its attendance moved the rate.
    client
        .goto(&format!("{base}{overview}/health"))
        .await
        .unwrap();
    assert_eq!(text_of(&client, &held_cell).await, "5");
    assert_ne!(text_of(&client, &attendance_cell).await, attendance_before);

    // The decision log holds the decision, with its way back to the meeting.
    client
        .goto(&format!("{base}{overview}/decisions"))
        .await
        .unwrap();
    assert!(text_of(&client, "#decisions").await.contains(decision));
    // Its own row (the log holds other decisions of the year, newer ones among them).
    client
        .find(Locator::XPath(&format!(
            "//table[@id='decisions']//tr[contains(., '{decision}')]//a[contains(@class,'meeting-link')]"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&client, |p| p == meeting).await;
}

/// Ticks the checkbox whose label holds `words`.
async fn tick_label(client: &Client, words: &str) {
    client
        .find(Locator::XPath(&format!(
            "//div[contains(@class,'check')]/label[contains(., \"{words}\")]"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn a_partner_adds_a_program_in_a_school_nobody_served_and_the_alignment_map_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (kesher, _) =
        kesher::demo::prepare_with_password(&dir.path().join("demo.db"), PASSWORD.into())
            .await
            .unwrap();
    let running = kesher::server::start(kesher, "127.0.0.1:0", Default::default())
        .await
        .unwrap();
    let base = format!("http://{}", running.address);
    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;
    client.goto(&format!("{base}/login")).await.unwrap();
    type_into(&client, "#f-email", "partner@example.org").await;
    let password = client.find(Locator::Id("f-password")).await.unwrap();
    password.send_keys(PASSWORD).await.unwrap();
    password.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_for_path(&client, |p| p == "/").await;
    click(&client, ".cards h2 a").await;
    let overview = wait_for_path(&client, |p| p.starts_with("/initiatives/")).await;

    // Before: the school 'הגפן' is one no program reaches.
    client
        .goto(&format!("{base}{overview}/alignment"))
        .await
        .unwrap();
    assert!(text_of(&client, "#places-without").await.contains("הגפן"));
    let gaps_before = client
        .find_all(Locator::Css("figure.chart circle.gap"))
        .await
        .unwrap()
        .len();

    // The partner adds a program there for the informal-learning goal.
    click(&client, ".initiative-nav a[href$='/programs']").await;
    wait_for_path(&client, |p| p.ends_with("/programs")).await;
    click(&client, "a.button[href$='/programs/new']").await;
    wait_for_path(&client, |p| p.ends_with("/programs/new")).await;
    let name = "מועדון מדע בהגפן";
    type_into(&client, "#f-name", name).await;
    tick_label(&client, "פי שניים ילדים").await;
    tick_label(&client, "הגפן").await;
    type_into(&client, "#f-populations", "השכונות המזרחיות").await;
    click(&client, "main form button[type=submit]").await;
    wait_for_path(&client, |p| {
        p.contains("/programs/") && !p.ends_with("/new")
    })
    .await;
    assert!(text_of(&client, "h1").await.contains(name));

    // After: the school is served, the partner's row counts two programs for the goal, and
    // the map has one hollow point fewer.
    client
        .goto(&format!("{base}{overview}/alignment"))
        .await
        .unwrap();
    assert!(!text_of(&client, "#places-without").await.contains("הגפן"));
    let row = client
        .find(Locator::XPath(
            "//table[@id='partners-by-goal']//tr[th[contains(., 'מדע בשכונה')]]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(row.contains('2'), "{row}");
    let gaps_after = client
        .find_all(Locator::Css("figure.chart circle.gap"))
        .await
        .unwrap()
        .len();
    assert_eq!(gaps_after, gaps_before - 1);
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("alignment-map.png"), png))
        .unwrap()
        .unwrap();

    // The year's work plan lists it among the programs serving the goal, beside the rows
    // of the plan; the partner may report on its organization's row and on no other.
    click(&client, ".initiative-nav a[href$='/work-plan']").await;
    wait_for_path(&client, |p| p.ends_with("/work-plan")).await;
    let section = client
        .find(Locator::XPath(
            "//section[contains(@class,'plan-goal')][.//h2[contains(., 'פי שניים ילדים')]]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(section.contains(name), "{section}");
    assert!(section.contains("מועדוני מדע שכונתיים"), "{section}");
    let reports = client
        .find_all(Locator::Css("form[action$='/report']"))
        .await
        .unwrap();
    assert_eq!(reports.len(), 1, "only the partner's own row");
    client
        .screenshot()
        .await
        .map(|png| std::fs::write(screenshots().join("work-plan.png"), png))
        .unwrap()
        .unwrap();
}
