//! The `kesher` binary as an operator uses it: migrate, add an account, create a token that
//! the API accepts, back up while serving, and the demo that prints how to sign in.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KESHER: &str = env!("CARGO_BIN_EXE_kesher");

fn kesher(args: &[&str]) -> std::process::Output {
    Command::new(KESHER)
        .args(args)
        .env("KESHER_LOG", "warn")
        .output()
        .expect("run kesher")
}

#[test]
fn migrate_user_add_and_token_create_give_a_working_api_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ops.db");
    let db = db.to_str().unwrap();
    let migrated = kesher(&["migrate", "--db", db]);
    assert!(
        migrated.status.success(),
        "{}",
        String::from_utf8_lossy(&migrated.stderr)
    );

    let mut add = Command::new(KESHER)
        .args([
            "user",
            "add",
            "--db",
            db,
            "--email",
            "ops@example.org",
            "--name",
            "מפעילה",
            "--password-stdin",
            "--admin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a long operator password\n")
        .unwrap();
    let added = add.wait_with_output().unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("instance admin"));

    // A short password is refused with the reason, and nothing is created.
    let mut short = Command::new(KESHER)
        .args([
            "user",
            "add",
            "--db",
            db,
            "--email",
            "short@example.org",
            "--name",
            "x",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    short.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let refused = short.wait_with_output().unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--password: The password is too short")
    );

    let token = kesher(&["token", "create", "--db", db, "--email", "ops@example.org"]);
    assert!(token.status.success());
    let token = String::from_utf8(token.stdout).unwrap().trim().to_string();
    assert!(token.starts_with("kt_"));
    // The token is stored only as a digest.
    let bytes = [
        std::fs::read(db).unwrap(),
        std::fs::read(format!("{db}-wal")).unwrap_or_default(),
    ]
    .concat();
    assert!(!String::from_utf8_lossy(&bytes).contains(&token));

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (_, app) = kesher::server::open(std::path::Path::new(db))
            .await
            .unwrap();
        let running = kesher::server::start(app, "127.0.0.1:0", Default::default())
            .await
            .unwrap();
        let me: serde_json::Value = reqwest::Client::new()
            .get(format!("http://{}/api/v1/me", running.address))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["user"]["email"], "ops@example.org");
        assert_eq!(me["user"]["is_admin"], true);
    });

    let unknown = kesher(&[
        "token",
        "create",
        "--db",
        db,
        "--email",
        "nobody@example.org",
    ]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no account"));
}

/// Starts `kesher demo` and reads what it prints until it names its address.
fn start_demo(db: &str, password: Option<&str>) -> (std::process::Child, String, Vec<String>) {
    let mut command = Command::new(KESHER);
    command
        .args(["demo", "--db", db, "--addr", "127.0.0.1:0"])
        .env("KESHER_LOG", "warn")
        .env_remove("KESHER_ADMIN_PASSWORD")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(password) = password {
        command.env("KESHER_ADMIN_PASSWORD", password);
    }
    let mut child = command.spawn().unwrap();
    let mut lines = Vec::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut address = None;
    while address.is_none() || !lines.iter().any(|l: &String| l.contains("password")) {
        assert!(
            Instant::now() < deadline,
            "the demo did not start: {lines:?}"
        );
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("the demo exited: {lines:?}");
        }
        if let Some(rest) = line.split("http://").nth(1) {
            address = Some(rest.trim().to_string());
        }
        lines.push(line.trim().to_string());
    }
    // Whatever the demo says afterwards is read and let go, so that it never writes to a
    // closed pipe.
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    (child, address.unwrap(), lines)
}

#[test]
fn the_demo_starts_prints_its_login_and_is_reused_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let (mut child, address, lines) = start_demo(db, None);
    let password_line = lines
        .iter()
        .find(|l| l.contains("admin@example.org"))
        .expect("the admin login is printed");
    let password = password_line.rsplit(' ').next().unwrap().to_string();
    assert!(password.len() >= 10, "{password_line}");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let count_organizations = |address: String, password: String| {
        runtime.block_on(async move {
            let client = crate::helpers::client();
            let base = format!("http://{address}");
            assert_eq!(
                client
                    .get(format!("{base}/healthz"))
                    .send()
                    .await
                    .unwrap()
                    .status(),
                200
            );
            let login = client
                .get(format!("{base}/login"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let page = scraper::Html::parse_document(&login);
            let csrf = crate::helpers::attribute(&page, "input[name=csrf]", "value").unwrap();
            let response = client
                .post(format!("{base}/login"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("email", "admin@example.org"),
                    ("password", password.as_str()),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 303, "the printed password signs in");
            let home = client
                .get(format!("{base}/"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let home = scraper::Html::parse_document(&home);
            let initiatives = crate::helpers::texts(&home, ".cards h2");
            assert_eq!(initiatives.len(), 4, "{initiatives:?}");
            let network: serde_json::Value = client
                .get(format!("{base}/api/v1/initiatives/1/network"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            // The municipal programs leave real gaps and meet in some schools; the national
            // network's business coalition reaches real schools.
            let alignment = |initiative: u32| {
                let client = client.clone();
                let base = base.clone();
                async move {
                    client
                        .get(format!("{base}/api/v1/initiatives/{initiative}/alignment"))
                        .send()
                        .await
                        .unwrap()
                        .json::<serde_json::Value>()
                        .await
                        .unwrap()
                }
            };
            let municipal = alignment(1).await;
            for gap in ["goals_without_programs", "places_without_programs"] {
                assert!(
                    !municipal["gaps"][gap].as_array().unwrap().is_empty(),
                    "{gap}: {municipal}"
                );
            }
            assert!(!municipal["overlaps"].as_array().unwrap().is_empty());
            let national = alignment(2).await;
            let reached: usize = national["goals"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["places"].as_array().unwrap().len())
                .sum();
            assert!(reached >= 10, "{reached}");
            // Partners' commitments: one past its date with no report, two reported with
            // their evidence; a request half covered, whose answers the admin does not see.
            let get = |path: String| {
                let client = client.clone();
                let base = base.clone();
                async move {
                    client
                        .get(format!("{base}{path}"))
                        .send()
                        .await
                        .unwrap()
                        .json::<serde_json::Value>()
                        .await
                        .unwrap()
                }
            };
            let commitments = get("/api/v1/initiatives/1/commitments".into()).await;
            let standings: Vec<&str> = commitments
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|c| c["standing"].as_str())
                .collect();
            assert!(standings.contains(&"overdue"), "{standings:?}");
            assert!(standings.contains(&"fulfilled") && standings.contains(&"partly"));
            let requests = get("/api/v1/initiatives/1/funding-requests".into()).await;
            let covered: Vec<i64> = requests
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    assert!(r.get("pledges").is_none(), "{r}");
                    r["coverage"]["pledged"].as_i64().unwrap()
                })
                .collect();
            assert!(covered.contains(&100_000), "{covered:?}");
            (
                network["organizations"].as_u64().unwrap(),
                network["people"].as_u64().unwrap(),
            )
        })
    };
    let (organizations, people) = count_organizations(address, password);
    assert!((20..=30).contains(&organizations), "{organizations}");
    assert!((55..=65).contains(&people), "{people}");
    child.kill().unwrap();
    child.wait().unwrap();

    // The second start reuses the database and takes the chosen password.
    let (mut child, address, _) = start_demo(db, Some("chosen demo password"));
    let again = count_organizations(address, "chosen demo password".into());
    assert_eq!(again, (organizations, people));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn backup_writes_a_consistent_copy_while_the_server_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let copy = dir.path().join("copy.db");
    let (mut child, _, _) = start_demo(db.to_str().unwrap(), Some("backup demo password"));
    let done = kesher(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        "--to",
        copy.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (store, _) = kesher::server::open(&copy).await.unwrap();
        use kesher_store::{InitiativeStore, NetworkStore};
        let initiatives = store.list_initiatives().await.unwrap();
        assert_eq!(initiatives.len(), 4);
        let organizations = store
            .list_organizations(initiatives[0].id, &Default::default())
            .await
            .unwrap();
        assert!(organizations.len() >= 20);
    });
    // A second backup to the same file is refused rather than overwriting it.
    let twice = kesher(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        "--to",
        copy.to_str().unwrap(),
    ]);
    assert!(!twice.status.success());
}

#[tokio::test]
async fn import_reads_the_ministry_file_and_refuses_a_broken_one_whole() {
    let app = crate::helpers::TestApp::spawn().await;
    let db = app.db_path.to_str().unwrap().to_string();
    let initiative = app.fixture.initiative.to_string();
    let budget = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/il_moe_budget_clean.csv");
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kesher(&args)
    };
    let base = |purpose: &str, file: &str| {
        vec![
            "import".to_string(),
            "--db".into(),
            db.clone(),
            "--initiative".into(),
            initiative.clone(),
            "--as".into(),
            "backbone@example.org".into(),
            "--purpose".into(),
            purpose.into(),
            file.into(),
        ]
    };
    let places = run(base("places", budget.to_str().unwrap()));
    assert!(
        places.status.success(),
        "{}",
        String::from_utf8_lossy(&places.stderr)
    );
    // 6 districts, 255 authorities and 4,718 schools.
    assert_eq!(
        String::from_utf8_lossy(&places.stdout).trim(),
        "Places: 4979 added, 0 updated, 0 unchanged."
    );
    let (stored, _) = app
        .kesher
        .places(
            &app.caller(crate::helpers::Who::Viewer).await,
            app.fixture.initiative,
        )
        .await
        .unwrap();
    assert_eq!(stored.len(), 4979);

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.csv");
    std::fs::write(
        &broken,
        "indicator,semel,year,value\nnothing,110023,2016,3\n",
    )
    .unwrap();
    let refused = run(base("values", broken.to_str().unwrap()));
    assert!(!refused.status.success());
    let errors = String::from_utf8_lossy(&refused.stderr);
    assert!(errors.contains("line 2, column indicator"), "{errors}");
    // A member cannot import at all.
    let mut as_member = base("places", budget.to_str().unwrap());
    as_member[6] = "member@example.org".into();
    let forbidden = run(as_member);
    assert!(!forbidden.status.success());
}
