//! Partners' programs.

use kesher_domain::activities::programs::ProgramForm;
use kesher_domain::*;

use super::measurement::measured;
use super::{conflict, initiative, node, organization, system};
use crate::*;

pub async fn a_program_links_only_its_own_initiative_and_keeps_its_lists(store: &dyn Store) {
    let (here, students, places) = measured(store).await;
    let school = places
        .iter()
        .find(|p| p.kind == kesher_domain::measurement::place::PlaceKind::School)
        .unwrap();
    let org = organization(store, here.id, "רובו-נוער").await;
    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "מצוינות"))
        .await
        .unwrap();
    let group = store
        .create_place_group(system(), here.id, "בתי הספר שלנו", &[school.id])
        .await
        .unwrap();
    let input = |name: &str, org: OrganizationId, result: ResultNodeId| {
        ProgramForm {
            organization_id: org.to_string(),
            name: name.into(),
            description: "חוגי רובוטיקה אחר הצהריים".into(),
            result_ids: vec![result.get()],
            place_ids: vec![school.id.get()],
            place_group_ids: vec![group.id.get()],
            place_codes: String::new(),
            indicator_ids: vec![students.id.get()],
            populations: "girls, פריפריה".into(),
            subjects: "רובוטיקה".into(),
            age_bands: "ז-ט".into(),
            core: "true".into(),
            starts: "2026-09-01".into(),
            ends: "2027-06-30".into(),
            funding: "קרן אורן: 120000\nהעירייה: 30000".into(),
        }
        .parse()
        .unwrap()
    };

    let created = store
        .create_program(system(), here.id, &input("רובוטיקה", org.id, goal.id))
        .await
        .unwrap();
    assert_eq!(created.organization_name, "רובו-נוער");
    assert_eq!(created.result_ids, vec![goal.id]);
    assert_eq!(created.place_ids, vec![school.id]);
    assert_eq!(created.place_group_ids, vec![group.id]);
    assert_eq!(created.indicator_ids, vec![students.id]);
    assert_eq!(created.populations, vec!["girls", "פריפריה"]);
    assert!(created.core);
    assert_eq!(
        created
            .funding
            .iter()
            .map(|f| (f.source.as_str(), f.amount))
            .collect::<Vec<_>>(),
        vec![("קרן אורן", 120_000), ("העירייה", 30_000)]
    );
    assert_eq!(store.program(created.id).await.unwrap(), created);

    // Edited in place: its lists are replaced, not added to.
    let mut changed = input("רובוטיקה לבנות", org.id, goal.id);
    changed.place_ids.clear();
    changed.core = false;
    changed.funding.truncate(1);
    let edited = store
        .edit_program(system(), created.id, &changed)
        .await
        .unwrap();
    assert_eq!(edited.id, created.id);
    assert!(edited.place_ids.is_empty());
    assert!(!edited.core);
    assert_eq!(
        edited.funding.len(),
        1,
        "the list is replaced, not added to"
    );
    assert_eq!(store.programs(here.id).await.unwrap(), vec![edited.clone()]);

    // Nothing of another initiative may be linked, and nothing is written when refused.
    let elsewhere = initiative(store, "שם").await;
    let foreign_goal = store
        .create_result(system(), elsewhere.id, &node(None, "goal", "זר"))
        .await
        .unwrap();
    let foreign_org = organization(store, elsewhere.id, "זרה").await;
    assert_eq!(
        conflict(
            store
                .create_program(system(), here.id, &input("א", org.id, foreign_goal.id))
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(
        conflict(
            store
                .edit_program(system(), edited.id, &input("ב", foreign_org.id, goal.id))
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(store.program(edited.id).await.unwrap(), edited);
    assert_eq!(store.programs(here.id).await.unwrap().len(), 1);
    assert!(store.programs(elsewhere.id).await.unwrap().is_empty());

    // An organization that runs a program is not deleted from under it.
    assert_eq!(
        conflict(store.delete_organization(system(), org.id).await),
        Conflict::InUse
    );
    // An import writes every program or none: one of another initiative's refuses all.
    let batch = [
        input("רובוטיקה א", org.id, goal.id),
        input("רובוטיקה ב", org.id, foreign_goal.id),
    ];
    assert_eq!(
        conflict(store.create_programs(system(), here.id, &batch).await),
        Conflict::WrongInitiative
    );
    assert_eq!(store.programs(here.id).await.unwrap().len(), 1);
    let batch = [
        input("רובוטיקה א", org.id, goal.id),
        input("רובוטיקה ב", org.id, goal.id),
    ];
    let imported = store
        .create_programs(system(), here.id, &batch)
        .await
        .unwrap();
    assert_eq!(imported.len(), 2);
    assert_eq!(store.programs(here.id).await.unwrap().len(), 3);
    for program in imported {
        store.delete_program(system(), program.id).await.unwrap();
    }
    store.delete_program(system(), edited.id).await.unwrap();
    assert!(matches!(
        store.program(edited.id).await,
        Err(StoreError::NotFound)
    ));
    store.delete_organization(system(), org.id).await.unwrap();
}
