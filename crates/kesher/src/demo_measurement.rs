//! The demo's shared measurement. The national network measures the real schools: its
//! places and four school years of maths data come from the Ministry's public files in
//! `../shared/data/` (when they are beside the project), through the same planning the
//! import pages use. The municipal ecosystem tracks the health of its own infrastructure,
//! reported quarter by quarter through the backbone's forms.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use kesher_core::measurement::import::{
    Layout, PlaceMapping, ValueMapping, WideColumn, keep_places_here, plan_places, plan_values,
};
use kesher_core::spreadsheet::read_sheet;
use kesher_domain::health::HealthMeasure;
use kesher_domain::measurement::indicator::{IndicatorForm, Unit};
use kesher_domain::measurement::period::PeriodKind;
use kesher_domain::measurement::place::{PlaceAttributes, PlaceKind};
use kesher_domain::measurement::values::{SourceKind, TargetForm, ValueState};
use kesher_domain::{BodyId, InitiativeId, PlaceId, ResultNodeId};
use kesher_store::{Actor, HealthIndicator, Indicator, NewSource, NewValue, PlaceRow, Store};
use tracing::warn;

use crate::demo::{Keys, refused};

/// Where the public data files are: `KESHER_DATA_DIR`, else `../shared/data` from the working
/// directory, else beside the source tree this binary was built from.
pub fn data_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("KESHER_DATA_DIR").map(PathBuf::from),
        Some(PathBuf::from("../shared/data")),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("il_moe_budget_clean.csv").is_file())
}

struct DemoIndicator<'a> {
    code: &'a str,
    name_he: &'a str,
    name_en: &'a str,
    definition_he: &'a str,
    unit: &'a str,
    axis: &'a str,
    period_kind: &'a str,
    aggregation: &'a str,
    weight: &'a str,
    formula: &'a str,
    source: &'a str,
    result: Option<&'a str>,
    owner: Option<&'a str>,
    population: &'a str,
}

const NETWORK_INDICATORS: &[DemoIndicator<'static>] = &[
    DemoIndicator {
        code: "students",
        name_he: "תלמידים בחינוך הרגיל",
        name_en: "Students in regular education",
        definition_he: "מספר התלמידים בכיתות הרגילות של בית הספר, לפי דוח התקציב של משרד החינוך.",
        unit: "count",
        axis: "mapping",
        period_kind: "school_year",
        aggregation: "sum",
        weight: "",
        formula: "",
        source: "students_regular",
        result: None,
        owner: None,
        population: "students",
    },
    DemoIndicator {
        code: "math_takers",
        name_he: "ניגשים לבגרות במתמטיקה",
        name_en: "Mathematics matriculation examinees",
        definition_he: "מספר התלמידים שניגשו לבחינת הבגרות במתמטיקה בכל רמה.",
        unit: "count",
        axis: "mapping",
        period_kind: "school_year",
        aggregation: "sum",
        weight: "",
        formula: "",
        source: "math_takers_total",
        result: Some("goal-double-learners"),
        owner: Some("moe"),
        population: "math_takers",
    },
    DemoIndicator {
        code: "math5_rate",
        name_he: "שיעור הניגשים ל-5 יחידות מתמטיקה",
        name_en: "Share of examinees at 5-unit mathematics",
        definition_he: "מתוך הניגשים לבגרות במתמטיקה, האחוז שניגשו ברמה של 5 יחידות לימוד. מסוכם בין בתי ספר לפי מספר הניגשים, כך שבית ספר גדול שוקל יותר.",
        unit: "percent",
        axis: "mapping",
        period_kind: "school_year",
        aggregation: "weighted_mean",
        weight: "math_takers",
        formula: "",
        source: "math_5unit_participation",
        result: Some("goal-double-learners"),
        owner: Some("moe"),
        population: "math_takers",
    },
    DemoIndicator {
        code: "math5_takers",
        name_he: "ניגשים ל-5 יחידות מתמטיקה",
        name_en: "Examinees at 5-unit mathematics",
        definition_he: "כמה תלמידים ניגשו ברמת 5 יחידות: השיעור כפול מספר הניגשים. מחושב מחדש בכל רמה מהסיכומים, לא ממוצע של אחוזים.",
        unit: "count",
        axis: "mapping",
        period_kind: "school_year",
        aggregation: "sum",
        weight: "",
        formula: "math5_rate * math_takers / 100",
        source: "",
        result: Some("goal-double-learners"),
        owner: None,
        population: "math5_takers",
    },
    DemoIndicator {
        code: "math_grade",
        name_he: "ציון ממוצע בבגרות במתמטיקה",
        name_en: "Average mathematics matriculation grade",
        definition_he: "הציון הממוצע של הניגשים, משוקלל לפי מספר הניגשים בכל בית ספר.",
        unit: "score",
        axis: "mapping",
        period_kind: "school_year",
        aggregation: "weighted_mean",
        weight: "math_takers",
        formula: "",
        source: "math_avg_grade",
        result: Some("goal-learning-skills"),
        owner: None,
        population: "math_takers",
    },
];

const MUNICIPAL_INDICATORS: &[DemoIndicator<'static>] = &[
    DemoIndicator {
        code: "steering_attendance",
        name_he: "נוכחות בוועדות ההיגוי",
        name_en: "Steering committee attendance",
        definition_he: "אחוז המוזמנים שהגיעו לישיבות ועדת ההיגוי ברבעון.",
        unit: "percent",
        axis: "infrastructure",
        period_kind: "quarter",
        aggregation: "none",
        weight: "",
        formula: "",
        source: "",
        result: None,
        owner: None,
        population: "",
    },
    DemoIndicator {
        code: "tasks_done",
        name_he: "משימות שבוצעו בין ועדות",
        name_en: "Tasks done between committees",
        definition_he: "אחוז המשימות שנקבעו בוועדת ההיגוי ובוצעו עד הוועדה הבאה.",
        unit: "percent",
        axis: "infrastructure",
        period_kind: "quarter",
        aggregation: "none",
        weight: "",
        formula: "",
        source: "",
        result: None,
        owner: None,
        population: "",
    },
];

async fn create_indicators(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
    initiative_key: &str,
    initiative: InitiativeId,
    list: &[DemoIndicator<'_>],
) -> anyhow::Result<Vec<Indicator>> {
    let mut created = Vec::new();
    for demo in list {
        let form = IndicatorForm {
            code: demo.code.into(),
            name_he: demo.name_he.into(),
            name_en: demo.name_en.into(),
            definition_he: demo.definition_he.into(),
            unit: demo.unit.into(),
            axis: demo.axis.into(),
            period_kind: demo.period_kind.into(),
            aggregation: demo.aggregation.into(),
            weight_code: demo.weight.into(),
            formula: demo.formula.into(),
            data_source: demo.source.into(),
            population_code: demo.population.into(),
            decimals: if demo.unit == "count" { "0" } else { "1" }.into(),
            result_node_id: demo
                .result
                .and_then(|r| results.get(&(initiative_key.to_string(), r.to_string())))
                .map(|id| id.to_string())
                .unwrap_or_default(),
            owner_organization_id: demo
                .owner
                .and_then(|o| {
                    keys.organizations
                        .get(&(initiative_key.to_string(), o.to_string()))
                })
                .map(|id| id.to_string())
                .unwrap_or_default(),
            ..IndicatorForm::default()
        };
        let input = form.parse().map_err(|e| refused(demo.code, e))?;
        created.push(
            store
                .create_indicator(Actor::system(), initiative, &input)
                .await?,
        );
    }
    Ok(created)
}

fn by_code<'a>(indicators: &'a [Indicator], code: &str) -> anyhow::Result<&'a Indicator> {
    indicators
        .iter()
        .find(|i| i.code == code)
        .ok_or_else(|| anyhow!("demo indicator {code}"))
}

/// The Ministry's schools and four years of their maths results, for the national network.
async fn load_network(
    store: &dyn Store,
    initiative: InitiativeId,
    indicators: &[Indicator],
) -> anyhow::Result<()> {
    let system = Actor::system();
    let Some(dir) = data_dir() else {
        warn!(
            "the public data files are not beside the project (../shared/data); the demo's national indicators start without data"
        );
        return Ok(());
    };
    let budget = read_sheet(&std::fs::read(dir.join("il_moe_budget_clean.csv"))?)
        .map_err(|e| anyhow!("reading the budget file: {e:?}"))?;
    let rows = plan_places(&budget.table, &PlaceMapping::guess(&budget.table.headers))
        .map_err(|issues| anyhow!("the budget file: {issues:?}"))?;
    store.import_places(system, initiative, &rows).await?;
    // The CBS socio-economic table gives the authorities their index, cluster and
    // population; it lists every locality, so only the authorities already here take it.
    let ses = read_sheet(&std::fs::read(dir.join("il_cbs_ses_clean.csv"))?)
        .map_err(|e| anyhow!("reading the CBS table: {e:?}"))?;
    let mapping = PlaceMapping::guess(&ses.table.headers);
    let rows =
        plan_places(&ses.table, &mapping).map_err(|issues| anyhow!("the CBS table: {issues:?}"))?;
    let (rows, _) = keep_places_here(rows, &store.places(initiative).await?);
    store.import_places(system, initiative, &rows).await?;

    let schools = read_sheet(&std::fs::read(
        dir.join("il_school_level_features_targets.csv"),
    )?)
    .map_err(|e| anyhow!("reading the school file: {e:?}"))?;
    let column = |header: &str, indicator: &str, scale: Option<f64>| WideColumn {
        header: header.into(),
        indicator: indicator.into(),
        scale,
    };
    let mapping = ValueMapping {
        layout: Layout::Wide,
        place_code: Some("semel".into()),
        place_name: Some("school".into()),
        period: Some("year".into()),
        parent_name: Some("city".into()),
        add_missing_places: true,
        columns: vec![
            column("students_regular", "students", None),
            column("math_takers_total", "math_takers", None),
            column("math_5unit_participation", "math5_rate", Some(100.0)),
            column("math_avg_grade", "math_grade", None),
        ],
        ..ValueMapping::default()
    };
    let places = store.places(initiative).await?;
    let plan = plan_values(&schools.table, &mapping, indicators, &places, &[])
        .map_err(|issues| anyhow!("the school file: {:?}", &issues[..issues.len().min(5)]))?;
    store
        .write_values(
            system,
            initiative,
            &NewSource {
                kind: SourceKind::Demo,
                name: "il_school_level_features_targets.csv".into(),
            },
            &plan.new_places,
            &plan.values,
            ValueState::Approved,
        )
        .await?;

    // The first reports of the next school year: four schools so far, so the year is
    // provisional — shown beside the headline, never as it, and not on the report card.
    if let Some(latest) = plan.values.iter().map(|v| v.period).max() {
        let mut first_schools: Vec<PlaceId> = Vec::new();
        for v in plan.values.iter().filter(|v| v.period == latest) {
            if !first_schools.contains(&v.place_id) && first_schools.len() < 4 {
                first_schools.push(v.place_id);
            }
        }
        let early: Vec<NewValue> = plan
            .values
            .iter()
            .filter(|v| v.period == latest && first_schools.contains(&v.place_id))
            .map(|v| {
                let count = indicators
                    .iter()
                    .any(|i| i.id == v.indicator_id && i.unit == Unit::Count);
                NewValue {
                    period: latest.next(),
                    // A little better than the year before, as a first report might be.
                    value: v.value.map(|x| {
                        if count {
                            (x * 1.05).round()
                        } else {
                            (x + 1.0).min(100.0)
                        }
                    }),
                    ..v.clone()
                }
            })
            .collect();
        let places_now = store.places(initiative).await?;
        let known: std::collections::HashSet<PlaceId> = places_now.iter().map(|p| p.id).collect();
        let early: Vec<NewValue> = early
            .into_iter()
            .filter(|v| known.contains(&v.place_id))
            .collect();
        if !early.is_empty() {
            store
                .write_values(
                    system,
                    initiative,
                    &NewSource {
                        kind: SourceKind::Demo,
                        name: "first reports of the new school year".into(),
                    },
                    &[],
                    &early,
                    ValueState::Approved,
                )
                .await?;
        }
    }

    // The network's target: a quarter of the examinees at 5 units by 2025/26, and the
    // count of 5-unit examinees doubled from the first year's.
    let target = |period: &str, value: &str| TargetForm {
        period: period.into(),
        value: value.into(),
        note: String::new(),
        ..TargetForm::default()
    };
    for (code, form) in [
        ("math5_rate", target("2025/26", "25")),
        ("math_grade", target("2025/26", "85")),
    ] {
        let indicator = by_code(indicators, code)?;
        let input = form
            .parse(PeriodKind::SchoolYear)
            .map_err(|e| refused(code, e))?;
        store.set_target(system, indicator.id, &input).await?;
    }
    Ok(())
}

/// The municipal ecosystem's infrastructure, reported each quarter of its first year.
async fn load_municipal(
    store: &dyn Store,
    initiative: InitiativeId,
    steering: BodyId,
    indicators: &[Indicator],
) -> anyhow::Result<()> {
    let system = Actor::system();
    let city = PlaceRow {
        kind: PlaceKind::Authority,
        code: None,
        name: "מגדל הדרים".into(),
        parent: None,
        attributes: PlaceAttributes {
            periphery: Some(true),
            ..PlaceAttributes::default()
        },
    };
    store.import_places(system, initiative, &[city]).await?;
    let place = store
        .places(initiative)
        .await?
        .into_iter()
        .next()
        .context("the demo city")?;
    // Both indicators follow the steering committee's own record: Kesher computes their
    // values from its meetings (after the demo is loaded, `refresh_health_indicators`).
    for (code, measure) in [
        ("steering_attendance", HealthMeasure::Attendance),
        ("tasks_done", HealthMeasure::ActionsDone),
    ] {
        store
            .link_health_indicator(
                system,
                initiative,
                &HealthIndicator {
                    indicator_id: by_code(indicators, code)?.id,
                    measure,
                    body_id: steering,
                    place_id: place.id,
                },
            )
            .await?;
    }
    for (code, period, value) in [
        ("steering_attendance", "2026-Q4", "85"),
        ("tasks_done", "2026-Q4", "80"),
    ] {
        let indicator = by_code(indicators, code)?;
        let input = TargetForm {
            period: period.into(),
            value: value.into(),
            ..TargetForm::default()
        }
        .parse(PeriodKind::Quarter)
        .map_err(|e| refused(code, e))?;
        store.set_target(system, indicator.id, &input).await?;
    }
    Ok(())
}

/// Writes the demo's measurement.
pub(crate) async fn load(
    store: &dyn Store,
    keys: &Keys<'_>,
    results: &HashMap<(String, String), ResultNodeId>,
) -> anyhow::Result<()> {
    let initiative = |key: &str| {
        keys.initiatives
            .get(key)
            .copied()
            .ok_or_else(|| anyhow!("demo initiative {key}"))
    };
    let network = initiative("network")?;
    let indicators =
        create_indicators(store, keys, results, "network", network, NETWORK_INDICATORS).await?;
    load_network(store, network, &indicators)
        .await
        .context("the network's measurement")?;
    // A published report card; its address is random, as every card's is.
    let slug = crate::demo::readable_random(40);
    store
        .save_report_card(
            Actor::system(),
            network,
            &slug,
            &kesher_store::ReportCardInput {
                title: "כרטיס הדיווח של רשת 'כפליים'".into(),
                indicators: vec![
                    "math5_rate".into(),
                    "math5_takers".into(),
                    "math_grade".into(),
                ],
                threshold: kesher_domain::measurement::quality::DEFAULT_SMALL_CELL,
                published: true,
            },
        )
        .await?;
    let municipal = initiative("municipal")?;
    let indicators = create_indicators(
        store,
        keys,
        results,
        "municipal",
        municipal,
        MUNICIPAL_INDICATORS,
    )
    .await?;
    let steering = *keys
        .bodies
        .get(&("municipal".to_string(), "steering".to_string()))
        .context("the demo steering committee")?;
    load_municipal(store, municipal, steering, &indicators)
        .await
        .context("the municipal measurement")?;
    Ok(())
}
