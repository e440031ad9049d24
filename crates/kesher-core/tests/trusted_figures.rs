//! The figures' truth, checked against hand computations on measurements built in memory:
//! the status and its reason, the progress counts and the proof point, a place with a
//! missing cell counted as not reported, and no figure ever infinite or NaN.

mod common;

use chrono::{NaiveDate, Utc};
use kesher_core::measurement::picture::{ALL_PLACES, Measurement};
use kesher_core::measurement::progress::progress_of;
use kesher_domain::agenda::{ResultKind, ResultStatus};
use kesher_domain::measurement::indicator::{Aggregation, Cell, Direction, Unit};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::place::{PlaceAttributes, PlaceKind};
use kesher_domain::measurement::status::{Reason, Status};
use kesher_domain::*;
use kesher_store::{Indicator, MeasurementSettings, Place, ResultNode, Target};
use proptest::prelude::*;

const CITY: i64 = 1;

fn place(id: i64, parent: Option<i64>, kind: PlaceKind) -> Place {
    Place {
        id: PlaceId::new(id),
        initiative_id: InitiativeId::new(1),
        parent_id: parent.map(PlaceId::new),
        kind,
        code: Some(id.to_string()),
        name: format!("place {id}"),
        attributes: PlaceAttributes::default(),
    }
}

/// A city with `schools` schools, ids 100, 101…
fn city_with(schools: i64) -> Vec<Place> {
    std::iter::once(place(CITY, None, PlaceKind::Authority))
        .chain((0..schools).map(|s| place(100 + s, Some(CITY), PlaceKind::School)))
        .collect()
}

fn target(indicator: &Indicator, year: i32, value: f64) -> Target {
    Target {
        id: TargetId::new(indicator.id.get() * 10),
        indicator_id: indicator.id,
        period: Period::SchoolYear(year),
        value: Some(value),
        benchmark_place_id: None,
        note: None,
    }
}

type Approved = (IndicatorId, Period, PlaceId, Cell, Option<f64>);

fn at(indicator: &Indicator, year: i32, place: i64, value: f64) -> Approved {
    (
        indicator.id,
        Period::SchoolYear(year),
        PlaceId::new(place),
        Cell::total(),
        Some(value),
    )
}

/// A day in the school year that starts in `year`.
fn during(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 11, 1).unwrap()
}

fn standing_of(measurement: &Measurement, code: &str, today: NaiveDate) -> (Status, Reason) {
    let indicator = measurement.indicator_by_code(code).unwrap();
    let figures = measurement.figures(indicator, &Cell::total());
    let s = measurement.standing(indicator, &figures, ALL_PLACES, today);
    (s.status, s.reason)
}

#[test]
fn a_passed_target_year_stale_data_and_a_provisional_year_each_say_why() {
    let mut passed = indicator(1, "passed", Direction::Higher);
    passed.targets = vec![target(&passed, 2023, 25.0)];
    let mut stale = indicator(2, "stale", Direction::Higher);
    stale.targets = vec![target(&stale, 2030, 40.0)];
    let mut thin = indicator(3, "thin", Direction::Higher);
    thin.targets = vec![target(&thin, 2030, 200.0)];
    let mut values = vec![
        at(&passed, 2020, CITY, 20.0),
        at(&passed, 2023, CITY, 24.0),
        at(&stale, 2018, CITY, 30.0),
    ];
    // Ten schools report 10 each in 2020 and 2022; one school reports 900 in 2023.
    for school in 100..110 {
        values.push(at(&thin, 2020, school, 10.0));
        values.push(at(&thin, 2022, school, 10.0));
    }
    values.push(at(&thin, 2023, 100, 900.0));
    let measurement =
        Measurement::from_values(city_with(10), Vec::new(), vec![passed, stale, thin], values);
    let today = during(2024);

    // 2023/24 is over: 24 fell short of 25.
    let (status, reason) = standing_of(&measurement, "passed", today);
    assert_eq!(status, Status::NotReached);
    assert!(
        matches!(reason, Reason::TargetPassed { figure, reached: false, .. }
            if figure.value == 24.0 && figure.period == Period::SchoolYear(2023)),
        "{reason:?}"
    );
    // Nothing since 2018/19, and today is in 2024/25: no recent data, never on track.
    let (status, reason) = standing_of(&measurement, "stale", today);
    assert_eq!(status, Status::NoRecentData);
    assert!(
        matches!(reason, Reason::Stale { latest, .. } if latest.period == Period::SchoolYear(2018))
    );
    // The one school's 900 in 2023/24 is provisional (1 of 10): the trajectory rests on
    // 2022/23's 100 — from 100 in 2020 to 200 in 2030, 120 was due by 2022: 0 of 20 made.
    let (status, reason) = standing_of(&measurement, "thin", today);
    assert_eq!(status, Status::OffTrack);
    match reason {
        Reason::Trajectory {
            latest, expected, ..
        } => {
            assert_eq!(latest.period, Period::SchoolYear(2022));
            assert_eq!(latest.value, 100.0);
            assert!((expected - 120.0).abs() < 1e-9, "{expected}");
        }
        other => panic!("{other:?}"),
    }
    let thin = measurement.indicator_by_code("thin").unwrap();
    let figures = measurement.figures(thin, &Cell::total());
    let standing = measurement.standing(thin, &figures, ALL_PLACES, today);
    let provisional = standing.provisional.unwrap();
    assert_eq!(provisional.period, Period::SchoolYear(2023));
    assert_eq!(
        (provisional.coverage.reported, provisional.coverage.expected),
        (1, 10)
    );
}

fn node(id: i64, parent: Option<i64>, kind: ResultKind) -> ResultNode {
    ResultNode {
        id: ResultNodeId::new(id),
        initiative_id: InitiativeId::new(1),
        parent_id: parent.map(ResultNodeId::new),
        position: 0,
        kind,
        title: format!("node {id}"),
        description: None,
        owner_body_id: None,
        owner_body_name: None,
        populations: Vec::new(),
        subjects: Vec::new(),
        age_bands: Vec::new(),
        status: ResultStatus::Agreed,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

#[test]
fn ten_indicators_a_goal_per_pair_against_a_hand_count() {
    use Direction::{Higher, Lower};
    // (direction, baseline 2020, previous 2021, latest 2022, band set)
    let rows: [(Direction, [f64; 3], Option<f64>, bool); 10] = [
        (Higher, [100.0, 110.0, 120.0], None, true), // better, better
        (Higher, [100.0, 120.0, 115.0], None, false), // worse since the previous
        (Lower, [50.0, 45.0, 40.0], None, true),     // lower is better
        (Lower, [50.0, 55.0, 60.0], None, false),
        (Higher, [100.0, 100.5, 100.8], None, false), // within 1% of 100: flat
        (Higher, [10.0, 12.0, 14.0], None, true),
        (Lower, [30.0, 28.0, 26.0], None, true),
        (Higher, [200.0, 190.0, 195.0], None, false), // better since 2021, worse since 2020
        (Higher, [1.0, 2.0, 3.0], None, true),
        (Lower, [100.0, 97.0, 96.0], Some(5.0), false), // its own band of 5: flat
    ];
    // Mission 1; goals 10, 20, 30, 40, 50; a lever 11 under goal 10.
    let mut nodes = vec![node(1, None, ResultKind::Mission)];
    for g in 1..=5 {
        nodes.push(node(g * 10, Some(1), ResultKind::Goal));
    }
    nodes.push(node(11, Some(10), ResultKind::Lever));
    let mut indicators = Vec::new();
    let mut values = Vec::new();
    for (i, (direction, figures, band, _)) in rows.iter().enumerate() {
        let mut ind = indicator(i as i64 + 1, &format!("i{}", i + 1), *direction);
        ind.no_change_band = *band;
        // A goal per pair; the second of the first pair measures the lever under it.
        ind.result_node_id = Some(ResultNodeId::new(if i == 1 {
            11
        } else {
            (i as i64 / 2 + 1) * 10
        }));
        for (year, value) in (2020..).zip(figures) {
            values.push(at(&ind, year, CITY, *value));
        }
        indicators.push(ind);
    }
    // The first indicator has a target: from 100 to 150 by 2025/26, 120 due by 2022/23.
    indicators[0].targets = vec![target(&indicators[0], 2025, 150.0)];
    let measurement = Measurement::from_values(city_with(0), Vec::new(), indicators, values);
    let progress = progress_of(
        &measurement,
        &nodes,
        MeasurementSettings {
            proof_point_threshold: 60.0,
        },
        during(2023),
    );
    let flags: Vec<Option<bool>> = progress
        .indicators
        .iter()
        .map(|p| p.standing.improving)
        .collect();
    let expected: Vec<Option<bool>> = rows.iter().map(|r| Some(r.3)).collect();
    assert_eq!(flags, expected);
    // Five of ten: 50%, short of 60%.
    assert_eq!(progress.proof_point.improving, 5);
    assert_eq!(progress.proof_point.judged, 10);
    assert_eq!(progress.proof_point.share_improving, Some(50.0));
    assert!(!progress.proof_point.met);
    assert_eq!(progress.counts["on_track"], 1);
    assert_eq!(progress.counts["unknown"], 9);
    assert_eq!(progress.counts["off_track"], 0);
    // The flat one says so; the lower-is-better one reads a fall as better.
    let flat = &progress.indicators[4].standing;
    assert_eq!(
        flat.since_previous.map(|(_, c)| c),
        Some(kesher_domain::measurement::progress::Change::Flat)
    );
    let lower = &progress.indicators[2].standing;
    assert_eq!(lower.since_baseline.map(|(d, _)| d), Some(-10.0));
    // Each goal counts its pair, the lever's indicator with its goal.
    let goal_counts: Vec<(i64, Vec<i64>, u32)> = progress
        .goals
        .iter()
        .map(|g| {
            (
                g.goal.id.get(),
                g.indicator_ids.iter().map(|i| i.get()).collect(),
                g.proof_point.improving,
            )
        })
        .collect();
    assert_eq!(
        goal_counts,
        vec![
            (10, vec![1, 2], 1),
            (20, vec![3, 4], 1),
            (30, vec![5, 6], 1),
            (40, vec![7, 8], 1),
            (50, vec![9, 10], 1),
        ]
    );
    assert_eq!(progress.goals[0].counts["on_track"], 1);
    // With the threshold at 50%, five of ten meets it.
    let at_half = progress_of(
        &measurement,
        &nodes,
        MeasurementSettings {
            proof_point_threshold: 50.0,
        },
        during(2023),
    );
    assert!(at_half.proof_point.met);
}

#[test]
fn a_school_with_a_missing_cell_is_not_reported() {
    let takers = indicator(1, "takers", Direction::Higher);
    let cell = |g: &str| Cell::of([("gender", g)]);
    let mut values = Vec::new();
    for school in 100..110 {
        values.push((
            takers.id,
            Period::SchoolYear(2022),
            PlaceId::new(school),
            cell("female"),
            Some(10.0),
        ));
        // The last school's boys are suppressed.
        values.push((
            takers.id,
            Period::SchoolYear(2022),
            PlaceId::new(school),
            cell("male"),
            (school != 109).then_some(12.0),
        ));
    }
    for school in 100..110 {
        values.push(at(&takers, 2021, school, 20.0));
    }
    let measurement = Measurement::from_values(city_with(10), Vec::new(), vec![takers], values);
    let takers = measurement.indicator_by_code("takers").unwrap();
    let figures = measurement.figures(takers, &Cell::total());
    let series = measurement.series_with_coverage(takers, &figures, ALL_PLACES);
    let latest = series.last().unwrap();
    // Nine schools of 22 each; the tenth is not reported rather than counted as 10.
    assert_eq!(latest.value, 9.0 * 22.0);
    assert_eq!(
        (latest.coverage.reported, latest.coverage.expected),
        (9, 10)
    );
}

#[test]
fn counts_past_a_float_are_left_out_and_the_indicator_says_so() {
    let huge = indicator(1, "huge", Direction::Higher);
    let values = vec![at(&huge, 2022, 100, 1e308), at(&huge, 2022, 101, 1e308)];
    let measurement = Measurement::from_values(city_with(2), Vec::new(), vec![huge], values);
    let huge = measurement.indicator_by_code("huge").unwrap();
    let figures = measurement.figures(huge, &Cell::total());
    assert!(measurement.overflowed(huge));
    let at_2022 = &figures[&Period::SchoolYear(2022)];
    assert!(at_2022.values().all(|r| r.value.is_finite()));
    assert!(!at_2022.contains_key(&ALL_PLACES), "the sum overflowed");
    assert_eq!(at_2022[&PlaceId::new(100)].value, 1e308);
    let standing = measurement.standing(huge, &figures, ALL_PLACES, during(2022));
    assert_eq!(standing.status, Status::Unknown);
}

const FORMULAS: [&str; 4] = [
    "takers / students * 100",
    "takers - students",
    "takers * students / (students + 1)",
    "(takers + students) / (takers - students)",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the values, weights and formula, every figure is a finite number.
    #[test]
    fn no_figure_is_ever_infinite_or_nan(
        takers in prop::collection::vec(prop_oneof![Just(0.0), -1e15..1e15f64, Just(1e308)], 6),
        students in prop::collection::vec(prop_oneof![Just(0.0), -1e15..1e15f64, Just(f64::MAX)], 6),
        formula in 0..FORMULAS.len(),
    ) {
        let t = indicator(1, "takers", Direction::Higher);
        let mut s = indicator(2, "students", Direction::Higher);
        s.aggregation = Aggregation::Sum;
        let mut rate = indicator(3, "rate", Direction::Higher);
        rate.formula = Some(FORMULAS[formula].into());
        let mut weighted = indicator(4, "weighted", Direction::Higher);
        weighted.aggregation = Aggregation::WeightedMean;
        weighted.weight_code = Some("students".into());
        let mut values = Vec::new();
        for (i, (a, b)) in takers.iter().zip(&students).enumerate() {
            let school = 100 + i as i64;
            values.push(at(&t, 2022, school, *a));
            values.push(at(&s, 2022, school, *b));
            values.push(at(&weighted, 2022, school, *a));
        }
        let measurement = Measurement::from_values(city_with(6), Vec::new(), vec![t, s, rate, weighted], values);
        for indicator in measurement.indicators.clone() {
            let figures = measurement.figures(&indicator, &Cell::total());
            for at in figures.values() {
                for rolled in at.values() {
                    prop_assert!(rolled.value.is_finite(), "{} gave {}", indicator.code, rolled.value);
                }
            }
            let standing = measurement.standing(&indicator, &figures, ALL_PLACES, during(2022));
            if let Some(latest) = standing.latest {
                prop_assert!(latest.value.is_finite());
            }
        }
    }
}

fn indicator(id: i64, code: &str, direction: Direction) -> Indicator {
    common::indicator(id, code, Unit::Count, direction)
}

/// A figure that is not summed (a committee's attendance, entered for the city itself)
/// stands for the whole initiative when the city is its one top-level place; with two
/// top-level places it stands for neither, since nothing adds them up.
#[test]
fn a_figure_not_summed_is_the_initiatives_when_it_has_one_top_level_place() {
    let mut attendance = indicator(1, "attendance", Direction::Higher);
    attendance.aggregation = Aggregation::None;
    let values = vec![
        at(&attendance, 2022, CITY, 80.0),
        at(&attendance, 2023, CITY, 90.0),
    ];
    let settings = || MeasurementSettings {
        proof_point_threshold: 60.0,
    };
    let one_city = Measurement::from_values(
        city_with(3),
        Vec::new(),
        vec![attendance.clone()],
        values.clone(),
    );
    let progress = progress_of(&one_city, &[], settings(), during(2024));
    let latest = progress.indicators[0].latest().expect("the city's figure");
    assert_eq!(
        (latest.period, latest.value),
        (Period::SchoolYear(2023), 90.0)
    );

    let mut two = city_with(3);
    two.push(place(2, None, PlaceKind::Authority));
    let two_cities = Measurement::from_values(two, Vec::new(), vec![attendance], values);
    let progress = progress_of(&two_cities, &[], settings(), during(2024));
    assert_eq!(progress.indicators[0].latest(), None);
}
