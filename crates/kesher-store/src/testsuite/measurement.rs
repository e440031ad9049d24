//! Conformance cases for shared measurement: places, indicators, values and their history.

use kesher_domain::measurement::indicator::{Cell, IndicatorForm, IndicatorInput};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceKind};
use kesher_domain::measurement::values::{MissingReason, SourceKind, TargetForm, ValueState};
use kesher_domain::{IndicatorId, PlaceId};

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

pub(crate) async fn measured(store: &dyn Store) -> (Initiative, Indicator, Vec<Place>) {
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

pub async fn values_written_in_batches_are_one_write(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let authority = places
        .iter()
        .find(|p| p.kind == PlaceKind::Authority)
        .unwrap();
    let new_school = |code: &str| {
        row(
            PlaceKind::School,
            code,
            &format!("בית ספר {code}"),
            Some((PlaceKind::Authority, "26104")),
        )
    };
    let at = |place: PlaceId, year: i32, v: f64| NewValue {
        indicator_id: students.id,
        place_id: place,
        period: Period::SchoolYear(year),
        cell: Cell::total(),
        value: Some(v),
        missing: None,
        note: None,
    };
    let before = store.data_version(init.id).await.unwrap();

    // Three batches: each adds a school and its value; the third names the first batch's
    // school by its placeholder, counted on across batches, and a stored place by its id.
    let mut writer = store
        .begin_values(system(), init.id, &file("big.csv"), ValueState::Approved)
        .await
        .unwrap();
    writer
        .add(
            &[new_school("200001")],
            &[at(PlaceRow::placeholder(0), 2020, 10.0)],
        )
        .await
        .unwrap();
    writer
        .add(
            &[new_school("200002")],
            &[at(PlaceRow::placeholder(1), 2020, 20.0)],
        )
        .await
        .unwrap();
    writer
        .add(
            &[],
            &[
                at(PlaceRow::placeholder(0), 2021, 11.0),
                at(authority.id, 2020, 30.0),
            ],
        )
        .await
        .unwrap();
    let outcome = writer.finish().await.unwrap();
    assert_eq!(
        (outcome.added, outcome.changed, outcome.unchanged),
        (4, 0, 0)
    );
    let after = store.data_version(init.id).await.unwrap();
    assert!(after > before, "a finished write moves the data version");

    let places = store.places(init.id).await.unwrap();
    let first = places
        .iter()
        .find(|p| p.code.as_deref() == Some("200001"))
        .expect("the first batch's school is kept");
    assert_eq!(first.parent_id, Some(authority.id));
    let of_first = store
        .values(&ValueFilter {
            place_ids: vec![first.id],
            ..ValueFilter::default()
        })
        .await
        .unwrap();
    let years: Vec<(Period, Option<f64>)> = of_first.iter().map(|v| (v.period, v.value)).collect();
    assert_eq!(
        years,
        vec![
            (Period::SchoolYear(2020), Some(10.0)),
            (Period::SchoolYear(2021), Some(11.0))
        ],
        "a placeholder means the same new place in every batch"
    );
    let source = store.data_source(outcome.source_id).await.unwrap();
    assert_eq!((source.name.as_str(), source.rows), ("big.csv", 4));

    // The same value in two batches is one value twice: nothing is written.
    let mut writer = store
        .begin_values(system(), init.id, &file("twice.csv"), ValueState::Approved)
        .await
        .unwrap();
    writer
        .add(&[], &[at(authority.id, 2022, 1.0)])
        .await
        .unwrap();
    // (A backend may refuse at the batch that repeats it, or at the end.)
    let refused = async {
        writer.add(&[], &[at(authority.id, 2022, 2.0)]).await?;
        writer.finish().await
    }
    .await;
    assert_eq!(conflict(refused), Conflict::DuplicateValue);

    // A writer dropped before it finishes keeps nothing: no place, no value, no source.
    let mut writer = store
        .begin_values(system(), init.id, &file("cut.csv"), ValueState::Approved)
        .await
        .unwrap();
    writer
        .add(
            &[new_school("200003")],
            &[at(PlaceRow::placeholder(0), 2020, 5.0)],
        )
        .await
        .unwrap();
    drop(writer);
    let places_after = store.places(init.id).await.unwrap();
    assert!(
        places_after
            .iter()
            .all(|p| p.code.as_deref() != Some("200003"))
    );
    assert_eq!(
        store.count_indicator_values(students.id).await.unwrap(),
        4,
        "neither the refused nor the dropped write left a value"
    );
    assert_eq!(store.data_sources(init.id).await.unwrap().len(), 1);
    assert_eq!(store.data_version(init.id).await.unwrap(), after);
}

pub async fn a_missing_value_never_replaces_a_number(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let number = vec![value(&students, school, 2019, Cell::total(), Some(40.0))];
    store
        .write_values(
            system(),
            init.id,
            &file("first.csv"),
            &[],
            &number,
            ValueState::Approved,
        )
        .await
        .unwrap();
    // A later file has the cell empty: the number stays, with its source and history.
    let gap = vec![value(&students, school, 2019, Cell::total(), None)];
    let outcome = store
        .write_values(
            system(),
            init.id,
            &file("later.csv"),
            &[],
            &gap,
            ValueState::Approved,
        )
        .await
        .unwrap();
    assert_eq!((outcome.added, outcome.changed), (0, 0));
    let stored = store
        .values(&ValueFilter {
            indicator_ids: vec![students.id],
            ..ValueFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].value, stored[0].missing),
        (Some(40.0), None),
        "a number is not lost to a blank cell"
    );
    let key = stored[0].key();
    let history = store.value_history(&key).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].source.name, "first.csv");
    // Suppression is a statement about the number, not a gap: it does replace it.
    let suppressed = vec![NewValue {
        missing: Some(MissingReason::Suppressed),
        ..value(&students, school, 2019, Cell::total(), None)
    }];
    let outcome = store
        .write_values(
            system(),
            init.id,
            &file("suppressed.csv"),
            &[],
            &suppressed,
            ValueState::Approved,
        )
        .await
        .unwrap();
    assert_eq!(outcome.changed, 1);
    let history = store.value_history(&key).await.unwrap();
    assert_eq!(
        (history[0].value, history[0].missing),
        (None, Some(MissingReason::Suppressed))
    );
    assert_eq!(history[1].value, Some(40.0));
}

pub async fn approved_values_are_visited_in_key_order(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let teachers = store
        .create_indicator(system(), init.id, &indicator_input("teachers", ""))
        .await
        .unwrap();
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let authority = places
        .iter()
        .find(|p| p.kind == PlaceKind::Authority)
        .unwrap();
    let girls = Cell::of([("gender", "female")]);
    let with = |v: NewValue, missing: MissingReason| NewValue {
        missing: Some(missing),
        ..v
    };
    // Written out of order, with every kind of gap.
    let batch = vec![
        value(&teachers, school, 2021, Cell::total(), Some(7.0)),
        value(&students, school, 2021, girls.clone(), Some(12.0)),
        value(&students, authority, 2020, Cell::total(), Some(300.0)),
        value(&students, school, 2020, Cell::total(), Some(25.0)),
        value(&students, school, 2021, Cell::total(), None),
        with(
            value(&students, authority, 2021, Cell::total(), None),
            MissingReason::Suppressed,
        ),
        with(
            value(&teachers, authority, 2021, Cell::total(), None),
            MissingReason::NotApplicable,
        ),
    ];
    store
        .write_values(
            system(),
            init.id,
            &file("all.csv"),
            &[],
            &batch,
            ValueState::Approved,
        )
        .await
        .unwrap();
    // A draft is not a figure yet; nor is another initiative's value.
    store
        .write_values(
            system(),
            init.id,
            &file("draft.csv"),
            &[],
            &[value(&teachers, school, 2020, Cell::total(), Some(6.0))],
            ValueState::Draft,
        )
        .await
        .unwrap();
    let (other, other_students, other_places) = measured(store).await;
    store
        .write_values(
            system(),
            other.id,
            &file("there.csv"),
            &[],
            &[value(
                &other_students,
                &other_places[0],
                2020,
                Cell::total(),
                Some(1.0),
            )],
            ValueState::Approved,
        )
        .await
        .unwrap();

    let mut seen: Vec<(IndicatorId, Period, PlaceId, Cell, Option<f64>)> = Vec::new();
    store
        .visit_approved_values(init.id, &mut |v| {
            seen.push((
                v.indicator_id,
                v.period,
                v.place_id,
                v.cell.clone(),
                v.value,
            ))
        })
        .await
        .unwrap();
    let keys: Vec<_> = seen.iter().map(|(i, p, pl, _, _)| (*i, *p, *pl)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "values come in key order");
    let mut got: Vec<_> = seen
        .into_iter()
        .map(|(i, p, pl, c, v)| (i, p, pl, c.key().to_string(), v))
        .collect();
    got.sort_by(|a, b| (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3)));
    let y = Period::SchoolYear;
    let mut expected = vec![
        (students.id, y(2020), school.id, String::new(), Some(25.0)),
        (
            students.id,
            y(2020),
            authority.id,
            String::new(),
            Some(300.0),
        ),
        (students.id, y(2021), school.id, String::new(), None),
        (
            students.id,
            y(2021),
            school.id,
            girls.key().to_string(),
            Some(12.0),
        ),
        (students.id, y(2021), authority.id, String::new(), None),
        (teachers.id, y(2021), school.id, String::new(), Some(7.0)),
    ];
    expected.sort_by(|a, b| (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3)));
    assert_eq!(
        got, expected,
        "missing and suppressed come as unknown, not applicable and drafts not at all"
    );
}

pub async fn places_groups_rules_and_settings_are_kept(store: &dyn Store) {
    let (init, students, places) = measured(store).await;
    let school = places.iter().find(|p| p.kind == PlaceKind::School).unwrap();
    let authority = places
        .iter()
        .find(|p| p.kind == PlaceKind::Authority)
        .unwrap();

    // A place is read back by id and renamed in place.
    let renamed = store
        .update_place(
            system(),
            school.id,
            &kesher_domain::measurement::place::PlaceInput {
                parent_id: Some(authority.id),
                kind: PlaceKind::School,
                code: Some("110056".into()),
                name: kesher_domain::text::Name::parse("עדיהו החדש").unwrap(),
                attributes: school.attributes.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(store.place(school.id).await.unwrap(), renamed);
    assert_eq!(renamed.name, "עדיהו החדש");

    // Groups keep their places; a second group of the same name is refused.
    let group = store
        .create_place_group(system(), init.id, "בתי הספר שלנו", &[school.id])
        .await
        .unwrap();
    assert_eq!(group.place_ids, vec![school.id]);
    assert_eq!(
        conflict(
            store
                .create_place_group(system(), init.id, "בתי הספר שלנו", &[])
                .await
        ),
        Conflict::PlaceGroupTaken
    );
    assert_eq!(
        store.place_groups(init.id).await.unwrap(),
        vec![group.clone()]
    );
    store.delete_place_group(system(), group.id).await.unwrap();
    assert!(store.place_groups(init.id).await.unwrap().is_empty());

    // An indicator's update keeps its id and targets.
    let mut input = indicator_input("students", "");
    input.name_he = kesher_domain::text::Name::parse("תלמידים").unwrap();
    let updated = store
        .update_indicator(system(), students.id, &input)
        .await
        .unwrap();
    assert_eq!(
        (updated.id, updated.name_he.as_str()),
        (students.id, "תלמידים")
    );
    assert_eq!(store.count_indicator_values(students.id).await.unwrap(), 0);

    // Rules are listed and deleted within their initiative only.
    store
        .create_indicator(system(), init.id, &indicator_input("girls", ""))
        .await
        .unwrap();
    let rule = kesher_domain::measurement::quality::ValidationRule {
        left: kesher_domain::measurement::indicator::IndicatorCode::parse("girls").unwrap(),
        comparison: kesher_domain::measurement::quality::Comparison::AtMost,
        right: kesher_domain::measurement::indicator::IndicatorCode::parse("students").unwrap(),
    };
    let stored = store
        .create_validation_rule(system(), init.id, &rule)
        .await
        .unwrap();
    assert_eq!(
        store.validation_rules(init.id).await.unwrap(),
        vec![stored.clone()]
    );
    let other = initiative(store, "אחרת").await;
    assert!(matches!(
        store
            .delete_validation_rule(system(), other.id, stored.id)
            .await,
        Err(StoreError::NotFound)
    ));
    store
        .delete_validation_rule(system(), init.id, stored.id)
        .await
        .unwrap();
    assert!(store.validation_rules(init.id).await.unwrap().is_empty());

    // A mapping saved again under its name replaces the first.
    let mapping = serde_json::json!({"school_code": "סמל מוסד"});
    store
        .save_column_mapping(system(), init.id, "values_long", "משרד החינוך", &mapping)
        .await
        .unwrap();
    let again = serde_json::json!({"school_code": "סמל"});
    store
        .save_column_mapping(system(), init.id, "values_long", "משרד החינוך", &again)
        .await
        .unwrap();
    let mappings = store.column_mappings(init.id).await.unwrap();
    assert_eq!(mappings.len(), 1);
    assert_eq!(mappings[0].mapping, again);

    // The report card keeps its slug; settings fall back to the defaults until saved.
    assert!(store.report_card(init.id).await.unwrap().is_none());
    let card = ReportCardInput {
        title: "תעודת הזהות של היוזמה".into(),
        indicators: vec!["students".into()],
        threshold: 10,
        published: true,
    };
    let saved = store
        .save_report_card(system(), init.id, "a1b2c3", &card)
        .await
        .unwrap();
    let resaved = store
        .save_report_card(
            system(),
            init.id,
            "zzz",
            &ReportCardInput {
                threshold: 15,
                ..card
            },
        )
        .await
        .unwrap();
    assert_eq!((resaved.slug.as_str(), resaved.threshold), ("a1b2c3", 15));
    assert_eq!(
        store.report_card_by_slug(&saved.slug).await.unwrap(),
        Some(resaved.clone())
    );
    assert_eq!(store.report_card(init.id).await.unwrap(), Some(resaved));
    assert!(store.report_card_by_slug("zzz").await.unwrap().is_none());
    let defaults = store.measurement_settings(init.id).await.unwrap();
    let changed = MeasurementSettings {
        proof_point_threshold: defaults.proof_point_threshold + 10.0,
    };
    store
        .save_measurement_settings(system(), init.id, &changed)
        .await
        .unwrap();
    assert_eq!(store.measurement_settings(init.id).await.unwrap(), changed);
    assert_eq!(
        store.measurement_settings(other.id).await.unwrap(),
        defaults
    );
}

pub async fn an_indicator_follows_one_health_figure_of_its_own_initiative(store: &dyn Store) {
    use kesher_domain::health::HealthMeasure;
    let (init, indicator, places) = measured(store).await;
    let other = initiative(store, "אחרת").await;
    let body = |initiative: kesher_domain::InitiativeId| {
        let input = kesher_domain::bodies::BodyForm {
            name: "ועדת היגוי".into(),
            kind: "steering_committee".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        async move {
            store
                .create_body(system(), initiative, &input)
                .await
                .unwrap()
        }
    };
    let steering = body(init.id).await;
    let foreign = body(other.id).await;
    let link = HealthIndicator {
        indicator_id: indicator.id,
        measure: HealthMeasure::Attendance,
        body_id: steering.id,
        place_id: places[0].id,
    };
    store
        .link_health_indicator(system(), init.id, &link)
        .await
        .unwrap();
    // Linked again, the link is replaced: an indicator follows one figure.
    let again = HealthIndicator {
        measure: HealthMeasure::ActionsDone,
        ..link.clone()
    };
    store
        .link_health_indicator(system(), init.id, &again)
        .await
        .unwrap();
    assert_eq!(store.health_indicators(init.id).await.unwrap(), vec![again]);
    assert!(store.health_indicators(other.id).await.unwrap().is_empty());
    assert!(matches!(
        store
            .link_health_indicator(
                system(),
                init.id,
                &HealthIndicator {
                    body_id: foreign.id,
                    ..link.clone()
                }
            )
            .await,
        Err(StoreError::Conflict(Conflict::WrongInitiative))
    ));
    store
        .unlink_health_indicator(system(), indicator.id)
        .await
        .unwrap();
    assert!(store.health_indicators(init.id).await.unwrap().is_empty());
    assert!(matches!(
        store.unlink_health_indicator(system(), indicator.id).await,
        Err(StoreError::NotFound)
    ));
}
