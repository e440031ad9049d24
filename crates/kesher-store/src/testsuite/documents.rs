//! The document library.

use kesher_domain::documents::{DocumentInput, Visibility};
use kesher_domain::*;

use super::{conflict, initiative, system};
use crate::*;

fn input(title: &str, body: Option<BodyId>, visibility: Visibility) -> DocumentInput {
    DocumentInput {
        title: title.into(),
        description: Some("לקריאה לפני הפגישה".into()),
        body_id: body,
        visibility,
        meeting_id: None,
        decision_id: None,
        result_id: None,
    }
}

fn file<'a>(name: &'a str, bytes: &'a [u8]) -> NewFile<'a> {
    NewFile {
        file_name: name,
        media_type: "application/pdf",
        sha256: "ab",
        bytes,
    }
}

pub async fn a_document_keeps_its_versions_and_links_only_its_own_initiative(store: &dyn Store) {
    use kesher_domain::bodies::BodyForm;
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let body_input = BodyForm {
        name: "ועדת היגוי".into(),
        kind: "steering_committee".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let steering = store
        .create_body(system(), here.id, &body_input)
        .await
        .unwrap();
    let foreign = store
        .create_body(system(), elsewhere.id, &body_input)
        .await
        .unwrap();

    let created = store
        .create_document(
            system(),
            here.id,
            &input("מצגת הוועדה", Some(steering.id), Visibility::Body),
            file("מצגת.pdf", b"%PDF-1.7 first"),
        )
        .await
        .unwrap();
    assert_eq!(created.body_name.as_deref(), Some("ועדת היגוי"));
    assert_eq!(created.versions.len(), 1);
    assert_eq!(created.latest().unwrap().number, 1);
    assert_eq!(created.latest().unwrap().size_bytes, 14);
    let second = store
        .add_document_version(
            system(),
            created.id,
            file("מצגת v2.pdf", b"%PDF-1.7 second!"),
        )
        .await
        .unwrap();
    assert_eq!(
        second.versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        vec![1, 2]
    );
    let (owner, first, bytes) = store.document_file(second.versions[0].id).await.unwrap();
    assert_eq!(owner.id, created.id);
    assert_eq!(
        (first.number, bytes.as_slice()),
        (1, &b"%PDF-1.7 first"[..])
    );
    let (_, _, latest) = store.document_file(second.versions[1].id).await.unwrap();
    assert_eq!(
        latest, b"%PDF-1.7 second!",
        "each version keeps its own bytes"
    );

    assert_eq!(
        conflict(
            store
                .create_document(
                    system(),
                    here.id,
                    &input("זר", Some(foreign.id), Visibility::Initiative),
                    file("x.pdf", b"%PDF"),
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    let moved = store
        .edit_document(
            system(),
            created.id,
            &input("מצגת הוועדה", None, Visibility::Initiative),
        )
        .await
        .unwrap();
    assert_eq!(
        (moved.body_id, moved.visibility),
        (None, Visibility::Initiative)
    );
    assert_eq!(moved.versions.len(), 2, "editing keeps the versions");
    assert_eq!(store.document(created.id).await.unwrap(), moved);
    assert_eq!(store.documents(here.id).await.unwrap(), vec![moved.clone()]);
    assert!(store.documents(elsewhere.id).await.unwrap().is_empty());

    store.delete_document(system(), created.id).await.unwrap();
    assert!(matches!(
        store.document_file(second.versions[0].id).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.documents(here.id).await.unwrap().is_empty());
}
