//! The browser tier: a real headless Chromium, driven through Debian's chromedriver, uses
//! the demo as a person would. Run with `cargo test -p kesher --features browser-tests
//! --test browser` (it needs `chromium` and `chromium-driver`; `.ci/run` installs them).
//! Screenshots are written to `target/browser/`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
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
