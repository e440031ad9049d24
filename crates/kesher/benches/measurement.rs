//! The national-scale shared-measurement benchmark.
//!
//! `cargo bench -p kesher --bench measurement` generates 5,000 schools in 255 authorities in
//! 7 districts, 30 indicators over 10 school years broken down by gender × sector (8 cells),
//! about 12 million values, and writes them as CSV files. It then imports them through the
//! same path as `kesher import` (column mapping, planning, rules, one transaction), serves
//! the pages over HTTP and measures:
//!
//! - import speed (values per second) and the time to the first dashboard after it;
//! - p50/p95 latency of the dashboard, the place pages of a district and an authority, and
//!   an indicator page, once the figures are built;
//! - the dashboard's first answer after one value changes (the figures are rebuilt);
//! - peak memory (the process's high-water mark of resident memory).
//!
//! When Python has the `duckdb` package it loads the same CSV and computes the same roll-ups
//! through `scripts/bench_duckdb.py`, and the ratio is reported.
//!
//! Settings (environment): `KESHER_BENCH_SCHOOLS` (5000), `KESHER_BENCH_YEARS` (10),
//! `KESHER_BENCH_REQUESTS` (200 per page), `KESHER_BENCH_DIR` (a temporary directory; kept
//! when given), `KESHER_BENCH_PYTHON` (`python3`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kesher_core::Caller;
use kesher_core::accounts::UserForm;
use kesher_core::measurement::ValueBatchForm;
use kesher_core::measurement::ValueEntry;
use kesher_core::measurement::import::{
    BreakdownColumn, DataFile, DataOutcome, DataPurpose, Layout, ValueMapping, WideColumn,
};
use kesher_core::measurement::picture::ALL_PLACES;
use kesher_domain::measurement::indicator::{Cell, IndicatorForm};
use kesher_domain::measurement::values::{SourceKind, TargetForm};
use kesher_domain::network::InitiativeForm;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DISTRICTS: [&str; 7] = [
    "ירושלים",
    "הצפון",
    "חיפה",
    "המרכז",
    "תל אביב",
    "הדרום",
    "מנח\"י",
];
const AUTHORITIES: usize = 255;
const SUBJECTS: usize = 10;
const GENDERS: [&str; 2] = ["female", "male"];
const SECTORS: [&str; 4] = ["jewish_state", "state_religious", "arab", "haredi"];
const FIRST_YEAR: i32 = 2016;
const PASSWORD: &str = "bench-password-long-enough";

struct Settings {
    schools: usize,
    years: usize,
    requests: usize,
    dir: PathBuf,
    python: String,
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The resident-memory high-water mark of this process, in MiB.
fn peak_memory_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Starts the high-water mark again from the current resident memory (Linux), so the
/// generator's memory is not counted against the import.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn school_year(offset: usize) -> String {
    let start = FIRST_YEAR + offset as i32;
    format!("{start}/{:02}", (start + 1) % 100)
}

/// Writes the places file and the values file; returns the number of values.
fn generate(settings: &Settings) -> anyhow::Result<(PathBuf, PathBuf, usize)> {
    let mut rng = StdRng::seed_from_u64(2026);
    let places_path = settings.dir.join("places.csv");
    let values_path = settings.dir.join("values.csv");

    let mut places = csv::Writer::from_path(&places_path)?;
    places.write_record([
        "semel",
        "school_name",
        "district",
        "authority_name",
        "authority_code",
        "sector",
        "nurture_quintile",
    ])?;
    // Each school's level: a good school has more students passing and higher scores.
    let mut strength = Vec::with_capacity(settings.schools);
    for school in 0..settings.schools {
        let authority = school % AUTHORITIES;
        let district = DISTRICTS[authority % DISTRICTS.len()];
        let quintile = 1 + (school * 7 + authority) % 5;
        strength.push(0.35 + 0.1 * quintile as f64 + rng.random_range(-0.1..0.1));
        places.write_record([
            format!("{}", 100_000 + school),
            format!("בית ספר {school}"),
            district.to_string(),
            format!("רשות {authority:03}"),
            format!("{}", 10_000 + authority),
            SECTORS[school % SECTORS.len()].to_string(),
            quintile.to_string(),
        ])?;
    }
    places.flush()?;

    let mut values = csv::Writer::from_writer(std::io::BufWriter::with_capacity(
        1 << 20,
        std::fs::File::create(&values_path)?,
    ));
    let mut header = vec![
        "semel".to_string(),
        "year".into(),
        "gender".into(),
        "sector".into(),
    ];
    for subject in 1..=SUBJECTS {
        header.push(format!("enrolled_{subject:02}"));
        header.push(format!("passed_{subject:02}"));
        header.push(format!("score_{subject:02}"));
    }
    values.write_record(&header)?;
    let mut count = 0;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    for (school, strength) in strength.iter().enumerate() {
        for year in 0..settings.years {
            let trend = 1.0 + 0.02 * year as f64;
            for gender in GENDERS {
                for sector in SECTORS {
                    record.clear();
                    record.push(format!("{}", 100_000 + school));
                    record.push(school_year(year));
                    record.push(gender.into());
                    record.push(sector.into());
                    for _ in 0..SUBJECTS {
                        let enrolled: u32 = rng.random_range(5..60);
                        let share =
                            (strength * trend + rng.random_range(-0.15..0.15)).clamp(0.0, 1.0);
                        let passed = (enrolled as f64 * share).round() as u32;
                        let score =
                            (55.0 + 35.0 * share + rng.random_range(-5.0..5.0)).clamp(0.0, 100.0);
                        record.push(enrolled.to_string());
                        // One value in five hundred is missing, as in the Ministry's files.
                        if rng.random_range(0..500) == 0 {
                            record.push(String::new());
                        } else {
                            record.push(passed.to_string());
                        }
                        record.push(format!("{score:.1}"));
                    }
                    count += 3 * SUBJECTS;
                    values.write_record(&record)?;
                }
            }
        }
    }
    values.flush()?;
    Ok((places_path, values_path, count))
}

fn indicator_form(code: &str, name: &str, unit: &str) -> IndicatorForm {
    IndicatorForm {
        code: code.into(),
        name_he: name.into(),
        name_en: name.into(),
        unit: unit.into(),
        axis: "mapping".into(),
        period_kind: "school_year".into(),
        breakdowns: "gender, sector".into(),
        decimals: if unit == "count" { "0" } else { "1" }.into(),
        ..IndicatorForm::default()
    }
}

/// Names the refused field, which `CoreError`'s message alone does not.
fn refused(error: kesher_core::CoreError) -> anyhow::Error {
    anyhow::anyhow!("{error:?}")
}

struct Timings {
    samples: Vec<Duration>,
}

impl Timings {
    fn quantile(&self, q: f64) -> f64 {
        let mut sorted = self.samples.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted
            .get(index)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(f64::NAN)
    }
}

async fn fetch(client: &reqwest::Client, url: &str) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let response = client.get(url).send().await?;
    let status = response.status();
    let body = response.bytes().await?;
    anyhow::ensure!(status.is_success(), "{url} answered {status}");
    anyhow::ensure!(!body.is_empty(), "{url} answered nothing");
    Ok(started.elapsed())
}

async fn sign_in(client: &reqwest::Client, base: &str, email: &str) -> anyhow::Result<()> {
    let login = client
        .get(format!("{base}/login"))
        .send()
        .await?
        .text()
        .await?;
    let document = scraper::Html::parse_document(&login);
    let selector = scraper::Selector::parse("input[name=csrf]").expect("selector");
    let csrf = document
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .ok_or_else(|| anyhow::anyhow!("no CSRF field on the sign-in page"))?
        .to_string();
    let response = client
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await?;
    anyhow::ensure!(
        response.status() == reqwest::StatusCode::SEE_OTHER,
        "signing in answered {}",
        response.status()
    );
    Ok(())
}

/// The DuckDB side: load the same CSV and compute the same roll-ups. `None` when Python
/// or its `duckdb` package is not there.
fn duckdb(settings: &Settings, places: &Path, values: &Path) -> Option<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/bench_duckdb.py");
    let output = std::process::Command::new(&settings.python)
        .arg(script)
        .arg(places)
        .arg(values)
        .output()
        .ok()?;
    if !output.status.success() {
        eprintln!(
            "DuckDB comparison skipped: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let kept = std::env::var_os("KESHER_BENCH_DIR").map(PathBuf::from);
    let temporary = tempfile::tempdir()?;
    let dir = kept
        .clone()
        .unwrap_or_else(|| temporary.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let settings = Settings {
        schools: setting("KESHER_BENCH_SCHOOLS", 5_000),
        years: setting("KESHER_BENCH_YEARS", 10),
        requests: setting("KESHER_BENCH_REQUESTS", 200),
        dir,
        python: std::env::var("KESHER_BENCH_PYTHON").unwrap_or_else(|_| "python3".into()),
    };
    let say = |line: String| {
        println!("{line}");
        let _ = std::io::stdout().flush();
    };

    let started = Instant::now();
    let (places_path, values_path, value_count) = generate(&settings)?;
    let values_size = std::fs::metadata(&values_path)?.len();
    say(format!(
        "generated {} schools, {value_count} values ({:.0} MB of CSV) in {:.1} s",
        settings.schools,
        values_size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    ));

    let db = settings.dir.join("bench.db");
    for stale in ["bench.db", "bench.db-wal", "bench.db-shm"] {
        let _ = std::fs::remove_file(settings.dir.join(stale));
    }
    reset_peak_memory();
    let (store, kesher) = kesher::server::open(&db).await?;
    let admin = kesher
        .create_user(
            None,
            &UserForm {
                email: "bench@example.org".into(),
                name: "Bench".into(),
                password: PASSWORD.into(),
                is_admin: "true".into(),
            },
        )
        .await
        .map_err(refused)?;
    let caller = Caller { user: admin };
    let initiative = kesher
        .create_initiative(
            Some(&caller),
            &InitiativeForm {
                name: "רשת ארצית".into(),
                description: String::new(),
                parent_id: String::new(),
            },
        )
        .await
        .map_err(refused)?
        .id;
    let mut shares = Vec::new();
    for subject in 1..=SUBJECTS {
        let enrolled = format!("enrolled_{subject:02}");
        let passed = format!("passed_{subject:02}");
        let score = format!("score_{subject:02}");
        kesher
            .create_indicator(
                &caller,
                initiative,
                &indicator_form(&enrolled, &format!("נרשמים {subject}"), "count"),
            )
            .await
            .map_err(refused)?;
        kesher
            .create_indicator(
                &caller,
                initiative,
                &IndicatorForm {
                    population_code: enrolled.clone(),
                    ..indicator_form(&passed, &format!("עוברים {subject}"), "count")
                },
            )
            .await
            .map_err(refused)?;
        kesher
            .create_indicator(
                &caller,
                initiative,
                &IndicatorForm {
                    aggregation: "weighted_mean".into(),
                    weight_code: enrolled.clone(),
                    population_code: enrolled.clone(),
                    ..indicator_form(&score, &format!("ציון {subject}"), "score")
                },
            )
            .await
            .map_err(refused)?;
        let share = kesher
            .create_indicator(
                &caller,
                initiative,
                &IndicatorForm {
                    formula: format!("{passed} / {enrolled} * 100"),
                    population_code: enrolled.clone(),
                    ..indicator_form(
                        &format!("share_{subject:02}"),
                        &format!("שיעור עוברים {subject}"),
                        "percent",
                    )
                },
            )
            .await
            .map_err(refused)?;
        kesher
            .set_target(
                &caller,
                share.id,
                &TargetForm {
                    period: school_year(settings.years + 2),
                    value: "90".into(),
                    benchmark_place_id: String::new(),
                    note: String::new(),
                },
            )
            .await
            .map_err(refused)?;
        kesher
            .create_validation_rule(&caller, initiative, &passed, "at_most", &enrolled)
            .await
            .map_err(refused)?;
        shares.push(share);
    }

    let started = Instant::now();
    let outcome = kesher
        .import_data_file(
            &caller,
            initiative,
            DataFile {
                purpose: DataPurpose::Places,
                name: "places.csv",
                bytes: &std::fs::read(&places_path)?,
                mapping: None,
                kind: SourceKind::CommandLine,
                encoding: Default::default(),
            },
            &kesher_core::measurement::import::ImportProgress::default(),
        )
        .await
        .map_err(refused)?;
    let DataOutcome::Places(places_written) = outcome else {
        anyhow::bail!("the places file imported as values");
    };
    say(format!(
        "places: {} added in {:.2} s",
        places_written.added,
        started.elapsed().as_secs_f64()
    ));

    let mapping = ValueMapping {
        layout: Layout::Wide,
        place_code: Some("semel".into()),
        period: Some("year".into()),
        columns: (1..=SUBJECTS)
            .flat_map(|s| ["enrolled", "passed", "score"].map(|k| format!("{k}_{s:02}")))
            .map(|code| WideColumn {
                header: code.clone(),
                indicator: code,
                scale: None,
            })
            .collect(),
        breakdowns: ["gender", "sector"]
            .map(|d| BreakdownColumn {
                dimension: d.into(),
                header: d.into(),
                categories: Default::default(),
            })
            .to_vec(),
        ..ValueMapping::default()
    };
    let before_import = peak_memory_mib();
    let started = Instant::now();
    let bytes = std::fs::read(&values_path)?;
    let outcome = kesher
        .import_data_file(
            &caller,
            initiative,
            DataFile {
                purpose: DataPurpose::Values,
                name: "values.csv",
                bytes: &bytes,
                mapping: Some(serde_json::to_value(&mapping)?),
                kind: SourceKind::CommandLine,
                encoding: Default::default(),
            },
            &kesher_core::measurement::import::ImportProgress::default(),
        )
        .await;
    drop(bytes);
    let import_time = started.elapsed();
    let written = match outcome {
        Ok(DataOutcome::Values { written, .. }) => written,
        Ok(_) => anyhow::bail!("the values file imported as places"),
        Err(kesher_core::CoreError::DataImport(issues)) => {
            anyhow::bail!(
                "the values file was refused: {:?}",
                &issues[..issues.len().min(5)]
            )
        }
        Err(other) => return Err(other.into()),
    };
    let import_rate = value_count as f64 / import_time.as_secs_f64();
    let import_peak = peak_memory_mib();
    say(format!(
        "values: {} added in {:.1} s = {:.0} values/s; peak memory {:.0} MiB (before: {:.0} MiB)",
        written.added,
        import_time.as_secs_f64(),
        import_rate,
        import_peak,
        before_import
    ));

    let running = kesher::server::start(
        kesher.clone(),
        "127.0.0.1:0",
        kesher_web::WebConfig::default(),
    )
    .await?;
    let base = format!("http://{}", running.address);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    sign_in(&client, &base, "bench@example.org").await?;
    let (places, _) = kesher.places(&caller, initiative).await.map_err(refused)?;
    let district = places
        .iter()
        .find(|p| p.parent_id.is_none())
        .ok_or_else(|| anyhow::anyhow!("no district"))?;
    let authority = places
        .iter()
        .find(|p| p.parent_id == Some(district.id))
        .ok_or_else(|| anyhow::anyhow!("no authority"))?;
    let dashboard = format!("{base}/initiatives/{initiative}/measurement");
    let pages = [
        ("dashboard (all places)", dashboard.clone()),
        (
            "place page: a district",
            format!("{dashboard}/places/{}", district.id),
        ),
        (
            "place page: an authority",
            format!("{dashboard}/places/{}", authority.id),
        ),
        (
            "indicator page (a computed share)",
            format!("{dashboard}/indicators/{}", shares[0].id),
        ),
    ];
    let first_dashboard = fetch(&client, &dashboard).await?;
    say(format!(
        "first dashboard after the import: {:.2} s",
        first_dashboard.as_secs_f64()
    ));
    let mut results = Vec::new();
    for (name, url) in &pages {
        let first = fetch(&client, url).await?;
        let mut timings = Timings {
            samples: Vec::with_capacity(settings.requests),
        };
        for _ in 0..settings.requests {
            timings.samples.push(fetch(&client, url).await?);
        }
        say(format!(
            "{name}: first {:.1} ms, then p50 {:.1} ms, p95 {:.1} ms over {} requests",
            first.as_secs_f64() * 1000.0,
            timings.quantile(0.5),
            timings.quantile(0.95),
            settings.requests
        ));
        results.push((name, first, timings));
    }

    // One value changes: the next dashboard must show it, so its figures are built again.
    let school = places
        .iter()
        .find(|p| p.parent_id == Some(authority.id))
        .ok_or_else(|| anyhow::anyhow!("no school"))?;
    let started = Instant::now();
    kesher
        .enter_values(
            &caller,
            initiative,
            &ValueBatchForm {
                source: "bench correction".into(),
                entries: vec![ValueEntry {
                    indicator: "passed_01".into(),
                    place_id: school.id.get(),
                    period: school_year(settings.years - 1),
                    cell: [("gender", "female"), ("sector", "arab")]
                        .into_iter()
                        .map(|(d, v)| (d.to_string(), v.to_string()))
                        .collect(),
                    value: Some(1.0),
                    missing: None,
                    note: None,
                }],
            },
            SourceKind::Form,
            false,
        )
        .await
        .map_err(refused)?;
    let entered = started.elapsed();
    let after_change = fetch(&client, &dashboard).await?;
    say(format!(
        "one value changed in {:.1} ms; the next dashboard took {:.2} s",
        entered.as_secs_f64() * 1000.0,
        after_change.as_secs_f64()
    ));
    // Kesher's own national figures of the first share, to hold against DuckDB's.
    let (measurement, _) = kesher
        .measurement(&caller, initiative)
        .await
        .map_err(refused)?;
    let figures = measurement.figures(&shares[0], &Cell::total());
    let kesher_share: Vec<(String, f64)> =
        kesher_core::measurement::picture::Measurement::series(&figures, ALL_PLACES)
            .into_iter()
            .map(|p| (p.period.code(), p.value))
            .collect();
    let overall_peak = peak_memory_mib();
    say(format!("peak memory overall: {overall_peak:.0} MiB"));
    store.close().await;
    let db_size = std::fs::metadata(&db)?.len();

    let duck = duckdb(&settings, &places_path, &values_path);
    println!();
    println!("| measure | Kesher | DuckDB |");
    println!("|---|---|---|");
    let duck_number = |key: &str| {
        duck.as_ref()
            .and_then(|d| d.get(key))
            .and_then(serde_json::Value::as_f64)
    };
    let duck_load = duck_number("load_seconds");
    let duck_rollup = duck_number("rollup_seconds");
    let show = |x: Option<f64>, unit: &str| {
        x.map(|x| format!("{x:.2} {unit}"))
            .unwrap_or_else(|| "—".into())
    };
    println!(
        "| import {value_count} values | {:.1} s ({:.0} values/s) | {} |",
        import_time.as_secs_f64(),
        import_rate,
        show(duck_load, "s")
    );
    println!(
        "| first dashboard after import (every indicator, every level, every year) | {:.2} s | {} |",
        first_dashboard.as_secs_f64(),
        show(duck_rollup, "s")
    );
    for (name, first, timings) in &results {
        println!(
            "| {name}: first / p50 / p95 | {:.1} / {:.1} / {:.1} ms | — |",
            first.as_secs_f64() * 1000.0,
            timings.quantile(0.5),
            timings.quantile(0.95)
        );
    }
    println!(
        "| dashboard after one value changes | {:.2} s | — |",
        after_change.as_secs_f64()
    );
    println!("| peak memory (import / overall) | {import_peak:.0} / {overall_peak:.0} MiB | — |");
    println!("| database size | {:.0} MB | — |", db_size as f64 / 1e6);
    if let (Some(load), Some(rollup)) = (duck_load, duck_rollup) {
        println!();
        println!(
            "DuckDB / Kesher: import {:.1}× faster in DuckDB, roll-ups {:.1}×",
            import_time.as_secs_f64() / load,
            first_dashboard.as_secs_f64() / rollup
        );
        // The one value changed above moved Kesher's latest year; the years before it must
        // agree to the rounding DuckDB's side applies.
        let duck_share = duck.as_ref().and_then(|d| d.get("national_share_01"));
        let mut compared = 0;
        for (year, ours) in &kesher_share[..kesher_share.len().saturating_sub(1)] {
            let theirs = duck_share
                .and_then(|d| d.get(year))
                .and_then(serde_json::Value::as_f64)
                .ok_or_else(|| anyhow::anyhow!("DuckDB has no share_01 for {year}"))?;
            anyhow::ensure!(
                (ours - theirs).abs() < 0.01,
                "share_01 in {year}: Kesher {ours:.3}, DuckDB {theirs:.3}"
            );
            compared += 1;
        }
        println!("national share_01 agrees with DuckDB in {compared} school years");
    }
    if kept.is_none() {
        drop(temporary);
    }
    Ok(())
}
