//! Updates to an audience, and the contact plan of each partner.

use kesher_domain::bodies::CadenceUnit;
use kesher_domain::updates::{
    Audience, AudienceKind, ContactChannel, ContactPlanInput, UpdateInput,
};
use kesher_domain::*;

use super::people::mail;
use super::{conflict, initiative, organization, person_input, system};
use crate::*;

fn input(title: &str, audience: Audience) -> UpdateInput {
    UpdateInput {
        title: title.into(),
        text: "## החלטות\n* הוחלט".into(),
        audience,
    }
}

pub async fn an_update_is_sent_once_to_its_audience_and_stopped_by_its_link(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let org = organization(store, here.id, "קרן").await;
    let dana = store
        .create_person(
            system(),
            here.id,
            &person_input(org.id, "דנה", "dana@example.org"),
        )
        .await
        .unwrap();
    let omer = store
        .create_person(
            system(),
            here.id,
            &person_input(org.id, "עומר", "omer@example.org"),
        )
        .await
        .unwrap();
    let foreign_org = organization(store, elsewhere.id, "זרה").await;
    let stranger = store
        .create_person(
            system(),
            elsewhere.id,
            &person_input(foreign_org.id, "זר", "z@example.org"),
        )
        .await
        .unwrap();

    let draft = store
        .create_update(
            system(),
            here.id,
            &input("עדכון", Audience::Custom(vec![omer.id, dana.id])),
        )
        .await
        .unwrap();
    assert_eq!(draft.audience, AudienceKind::Custom);
    assert_eq!(draft.person_ids, vec![dana.id, omer.id]);
    assert_eq!((draft.sent_at, draft.recipients), (None, 0));
    assert_eq!(store.update(draft.id).await.unwrap(), draft);
    assert_eq!(
        conflict(
            store
                .create_update(
                    system(),
                    here.id,
                    &input("זר", Audience::Custom(vec![stranger.id]))
                )
                .await
        ),
        Conflict::WrongInitiative,
        "another initiative's person cannot be in the audience"
    );
    let edited = store
        .edit_update(
            system(),
            draft.id,
            &input("עדכון דצמבר", Audience::Partners),
        )
        .await
        .unwrap();
    assert_eq!(edited.title, "עדכון דצמבר");
    assert!(
        edited.person_ids.is_empty(),
        "the custom list goes with its audience"
    );

    let recipients = vec![
        UpdateRecipient {
            person_id: dana.id,
            mail: Some(mail(Some(here.id), "dana@example.org", "update")),
            stop_digest: SecretDigest("stop-dana".into()),
        },
        UpdateRecipient {
            person_id: omer.id,
            mail: Some(mail(Some(here.id), "omer@example.org", "update")),
            stop_digest: SecretDigest("stop-omer".into()),
        },
    ];
    let queued_before = store.outbox(Some(here.id), 100).await.unwrap().len();
    let reported = vec![(IndicatorId::new(7), "2025".to_string())];
    let sent = store
        .send_update(system(), draft.id, &recipients, &reported)
        .await
        .unwrap();
    assert!(sent.sent_at.is_some());
    assert_eq!(sent.recipients, 2);
    assert_eq!(sent.reported, reported);
    assert_eq!(
        store.outbox(Some(here.id), 100).await.unwrap().len(),
        queued_before + 2,
        "one message per recipient, in the same write"
    );
    assert_eq!(
        conflict(
            store
                .send_update(system(), draft.id, &recipients, &[])
                .await
        ),
        Conflict::Transition,
        "an update is sent once"
    );
    assert_eq!(
        conflict(
            store
                .edit_update(system(), draft.id, &input("x", Audience::Funders))
                .await
        ),
        Conflict::Transition,
        "a sent update is part of the archive"
    );
    assert_eq!(
        conflict(store.delete_update(system(), draft.id).await),
        Conflict::Transition
    );
    let received = store.last_update_received(here.id).await.unwrap();
    assert_eq!(
        received.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
        vec![dana.id, omer.id]
    );

    assert_eq!(
        store
            .update_stop_link(&SecretDigest("stop-omer".into()))
            .await
            .unwrap(),
        Some(omer.id)
    );
    assert!(
        store
            .people_without_updates(here.id)
            .await
            .unwrap()
            .is_empty(),
        "reading the link stops nothing"
    );
    assert_eq!(
        store
            .stop_updates(&SecretDigest("stop-omer".into()))
            .await
            .unwrap(),
        Some(omer.id)
    );
    assert_eq!(
        store
            .stop_updates(&SecretDigest("nobody".into()))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store.people_without_updates(here.id).await.unwrap(),
        vec![omer.id]
    );
    assert!(
        store
            .people_without_updates(elsewhere.id)
            .await
            .unwrap()
            .is_empty()
    );

    let second = store
        .create_update(system(), here.id, &input("טיוטה", Audience::Funders))
        .await
        .unwrap();
    let listed = store.updates(here.id).await.unwrap();
    assert_eq!(listed.len(), 2);
    store.delete_update(system(), second.id).await.unwrap();
    assert_eq!(
        store.updates(here.id).await.unwrap(),
        vec![sent],
        "a draft can be thrown away"
    );
    assert!(store.updates(elsewhere.id).await.unwrap().is_empty());
}

pub async fn a_partner_keeps_one_contact_plan(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let ministry = organization(store, here.id, "משרד").await;
    let foreign = organization(store, elsewhere.id, "זר").await;
    let plan = |every: u16| ContactPlanInput {
        purpose: "לעדכן על תכניות הליבה ולהזמין לקבוצות העבודה".into(),
        channel: ContactChannel::Updates,
        every,
        unit: CadenceUnit::Months,
    };
    let set = store
        .set_contact_plan(system(), ministry.id, &plan(3))
        .await
        .unwrap();
    assert_eq!(set.plan, plan(3));
    let changed = store
        .set_contact_plan(system(), ministry.id, &plan(2))
        .await
        .unwrap();
    assert_eq!(changed.plan.every, 2, "a second plan replaces the first");
    store
        .set_contact_plan(system(), foreign.id, &plan(1))
        .await
        .unwrap();
    assert_eq!(store.contact_plans(here.id).await.unwrap(), vec![changed]);
    store
        .clear_contact_plan(system(), ministry.id)
        .await
        .unwrap();
    assert!(store.contact_plans(here.id).await.unwrap().is_empty());
    assert!(matches!(
        store.clear_contact_plan(system(), ministry.id).await,
        Err(StoreError::NotFound)
    ));
}
