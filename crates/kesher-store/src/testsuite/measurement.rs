//! Conformance cases for shared measurement: places, indicators, values and their history.

use kesher_domain::measurement::indicator::{Cell, IndicatorForm, IndicatorInput};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceKind};
use kesher_domain::measurement::values::{MissingReason, SourceKind, TargetForm, ValueState};

use super::{conflict, initiative, system};
use crate::*;

fn row(kind: PlaceKind, code: &str, name: &str, parent: Option<(PlaceKind, &str)>) -> PlaceRow {
    PlaceRow {
        kind,
        code: (!code.is_empty()).then(|| code.to_string()),
        name: name.to_string(),
        parent: parent.map(|(kind, key)| PlaceKey {
            kind,
            key: key.to_string(),
        }),
        attributes: PlaceAttributes::default(),
    }
}

fn three_levels() -> Vec<PlaceRow> {
    let mut school = row(
        PlaceKind::School,
        "110056",
        "עדיהו",
        Some((PlaceKind::Authority, "26104")),
    );
    school.attributes.nurture_quintile = Some(5);
    school.attributes.sector = Some("יהודי".into());
    vec![
        row(PlaceKind::District, "", "ירושלים", None),
        row(
            PlaceKind::Authority,
            "26104",
            "בית שמש",
            Some((PlaceKind::District, "ירושלים")),
        ),
        school,
    ]
}

pub async fn places_import_by_code_and_keep_what_blank_cells_leave(store: &dyn Store) {
    let init = initiative(store, "מדידה").await;
    let outcome = store
        .import_places(system(), init.id, &three_levels())
        .await
        .unwrap();
    assert_eq!(outcome.added, 3);
    let again = store
        .import_places(system(), init.id, &three_levels())
        .await
        .unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));

    // A later file gives a new quintile and no sector: the sector stays.
    let mut later = row(
        PlaceKind::School,
        "110056",
        "עדיהו",
        Some((PlaceKind::Authority, "26104")),
    );
    later.attributes.nurture_quintile = Some(4);
    let outcome = store
        .import_places(system(), init.id, &[later])
        .await
        .unwrap();
    assert_eq!(outcome.updated, 1);
    let places = store.places(init.id).await.unwrap();
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let authority = places
        .iter()
        .find(|p| p.kind == PlaceKind::Authority)
        .unwrap();
    assert_eq!(school.attributes.nurture_quintile, Some(4));
    assert_eq!(school.attributes.sector.as_deref(), Some("יהודי"));
    assert_eq!(school.parent_id, Some(authority.id));

    // A row whose parent is nowhere leaves everything as it was.
    let orphan = vec![
        row(PlaceKind::School, "999", "בית ספר חדש", None),
        row(
            PlaceKind::School,
            "998",
            "עוד אחד",
            Some((PlaceKind::Authority, "00000")),
        ),
    ];
    assert!(matches!(
        store.import_places(system(), init.id, &orphan).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.places(init.id).await.unwrap().len(), 3);

    // A district cannot stand under a school.
    let district = places
        .iter()
        .find(|p| p.kind == PlaceKind::District)
        .unwrap();
    let input = kesher_domain::measurement::place::PlaceInput {
        parent_id: Some(school.id),
        kind: PlaceKind::District,
        code: None,
        name: kesher_domain::text::Name::parse("דרום").unwrap(),
        attributes: PlaceAttributes::default(),
    };
    assert_eq!(
        conflict(store.create_place(system(), init.id, &input).await),
        Conflict::PlaceLevel
    );
    // Nor can a place with places under it be deleted.
    assert_eq!(
        conflict(store.delete_place(system(), district.id).await),
        Conflict::InUse
    );
}

pub(crate) fn indicator_input(code: &str, formula: &str) -> IndicatorInput {
    IndicatorForm {
        code: code.into(),
        name_he: format!("מדד {code}"),
        unit: if formula.is_empty() {
            "count"
        } else {
            "percent"
        }
        .into(),
        axis: "mapping".into(),
        period_kind: "school_year".into(),
        formula: formula.into(),
        breakdowns: "gender".into(),
        ..IndicatorForm::default()
    }
    .parse()
    .unwrap()
}

async fn measured(store: &dyn Store) -> (Initiative, Indicator, Vec<Place>) {
    let init = initiative(store, "מדידה").await;
    store
        .import_places(system(), init.id, &three_levels())
        .await
        .unwrap();
    let places = store.places(init.id).await.unwrap();
    let indicator = store
        .create_indicator(system(), init.id, &indicator_input("students", ""))
        .await
        .unwrap();
    (init, indicator, places)
}

fn value(indicator: &Indicator, place: &Place, year: i32, cell: Cell, v: Option<f64>) -> NewValue {
    NewValue {
        indicator_id: indicator.id,
        place_id: place.id,
        period: Period::SchoolYear(year),
        cell,
        value: v,
        missing: v.is_none().then_some(MissingReason::Missing),
        note: None,
    }
}

fn file(name: &str) -> NewSource {
    NewSource {
        kind: SourceKind::File,
        name: name.into(),
    }
}

pub async fn values_are_written_once_and_replaced_with_history(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let girls = Cell::of([("gender", "female")]);
    let batch = vec![
        value(&students, school, 2014, Cell::total(), Some(63.0)),
        value(&students, school, 2014, girls.clone(), Some(30.0)),
        value(&students, school, 2015, Cell::total(), None),
    ];
    let first = store
        .write_values(
            system(),
            init.id,
            &file("a.csv"),
            &[],
            &batch,
            ValueState::Approved,
        )
        .await
        .unwrap();
    assert_eq!((first.added, first.changed, first.unchanged), (3, 0, 0));
    let again = store
        .write_values(
            system(),
            init.id,
            &file("a.csv"),
            &[],
            &batch,
            ValueState::Approved,
        )
        .await
        .unwrap();
    assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 3));

    let corrected = vec![value(&students, school, 2014, Cell::total(), Some(65.0))];
    let fix = store
        .write_values(
            system(),
            init.id,
            &file("b.csv"),
            &[],
            &corrected,
            ValueState::Approved,
        )
        .await
        .unwrap();
    assert_eq!(fix.changed, 1);
    let key = ValueKey {
        indicator_id: students.id,
        place_id: school.id,
        period: Period::SchoolYear(2014),
        cell: Cell::total(),
    };
    let history = store.value_history(&key).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].value, Some(65.0));
    assert_eq!(history[0].source.name, "b.csv");
    assert!(history[0].replaced_at.is_none());
    assert_eq!(history[1].value, Some(63.0));
    assert_eq!(history[1].source.name, "a.csv");

    let stored = store
        .values(&ValueFilter {
            indicator_ids: vec![students.id],
            ..ValueFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), 3);
    let missing = stored
        .iter()
        .find(|v| v.period == Period::SchoolYear(2015))
        .unwrap();
    assert_eq!(missing.missing, Some(MissingReason::Missing));
    assert!(
        stored
            .iter()
            .any(|v| v.cell == girls && v.value == Some(30.0))
    );
    let totals = store
        .values(&ValueFilter {
            indicator_ids: vec![students.id],
            totals_only: true,
            periods: vec![Period::SchoolYear(2014)],
            ..ValueFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(totals.len(), 1);
    assert_eq!(
        store.value_periods(students.id).await.unwrap(),
        vec![Period::SchoolYear(2014), Period::SchoolYear(2015)]
    );

    // The same value twice in one batch, or a place of another initiative: nothing written.
    let twice = vec![
        value(&students, school, 2016, Cell::total(), Some(1.0)),
        value(&students, school, 2016, Cell::total(), Some(2.0)),
    ];
    assert_eq!(
        conflict(
            store
                .write_values(
                    system(),
                    init.id,
                    &file("c.csv"),
                    &[],
                    &twice,
                    ValueState::Approved
                )
                .await
        ),
        Conflict::DuplicateValue
    );
    let other = initiative(store, "אחרת").await;
    assert!(matches!(
        store
            .write_values(
                system(),
                other.id,
                &file("d.csv"),
                &[],
                &corrected,
                ValueState::Approved
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.value_periods(students.id).await.unwrap().len(), 2);
    assert_eq!(store.data_sources(init.id).await.unwrap().len(), 3);
}

pub async fn the_approval_workflow_moves_values_and_keeps_readings(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let draft = vec![value(&students, school, 2020, Cell::total(), Some(70.0))];
    store
        .write_values(
            system(),
            init.id,
            &NewSource {
                kind: SourceKind::Form,
                name: "טופס".into(),
            },
            &[],
            &draft,
            ValueState::Draft,
        )
        .await
        .unwrap();
    let key = ValueKey {
        indicator_id: students.id,
        place_id: school.id,
        period: Period::SchoolYear(2020),
        cell: Cell::total(),
    };
    let keys = [key.clone()];
    // A draft cannot be approved before it is submitted.
    let moved = store
        .change_value_state(
            system(),
            init.id,
            &keys,
            &[ValueState::Submitted],
            ValueState::Approved,
            None,
        )
        .await
        .unwrap();
    assert_eq!(moved, 0);
    for (from, to, note) in [
        (ValueState::Draft, ValueState::Submitted, None),
        (
            ValueState::Submitted,
            ValueState::Returned,
            Some("נא לבדוק"),
        ),
    ] {
        let moved = store
            .change_value_state(system(), init.id, &keys, &[from], to, note)
            .await
            .unwrap();
        assert_eq!(moved, 1);
    }
    let history = store.value_history(&key).await.unwrap();
    let states: Vec<ValueState> = history.iter().map(|v| v.state).collect();
    assert_eq!(
        states,
        vec![
            ValueState::Returned,
            ValueState::Submitted,
            ValueState::Draft
        ]
    );
    assert_eq!(history[0].note.as_deref(), Some("נא לבדוק"));
    let approved = store
        .values(&ValueFilter {
            states: vec![ValueState::Approved],
            ..ValueFilter::default()
        })
        .await
        .unwrap();
    assert!(approved.is_empty());
}

pub async fn indicators_have_unique_codes_and_one_target_per_period(store: &dyn Store) {
    let (init, students, _) = measured(store).await;
    assert_eq!(
        conflict(
            store
                .create_indicator(system(), init.id, &indicator_input("students", ""))
                .await
        ),
        Conflict::IndicatorCodeTaken
    );
    let share = store
        .create_indicator(
            system(),
            init.id,
            &indicator_input("math_share", "math_takers / students * 100"),
        )
        .await
        .unwrap();
    assert_eq!(
        share.formula.as_deref(),
        Some("math_takers / students * 100")
    );
    assert_eq!(share.breakdowns, vec!["gender"]);
    let target = |value: &str| {
        TargetForm {
            period: "2025/26".into(),
            value: value.into(),
            ..TargetForm::default()
        }
        .parse(PeriodKind::SchoolYear)
        .unwrap()
    };
    store
        .set_target(system(), share.id, &target("30"))
        .await
        .unwrap();
    let updated = store
        .set_target(system(), share.id, &target("35"))
        .await
        .unwrap();
    assert_eq!(updated.targets.len(), 1);
    assert_eq!(updated.targets[0].value, Some(35.0));
    let after = store
        .delete_target(system(), updated.targets[0].id)
        .await
        .unwrap();
    assert!(after.targets.is_empty());
    let codes: Vec<String> = store
        .indicators(init.id)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(codes, vec!["math_share", "students"]);
    store.delete_indicator(system(), students.id).await.unwrap();
    assert!(matches!(
        store.indicator(students.id).await,
        Err(StoreError::NotFound)
    ));
}
