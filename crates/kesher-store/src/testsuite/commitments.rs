//! Partners' commitments and joint funding requests.

use chrono::NaiveDate;
use kesher_domain::activities::commitments::{
    CommitmentForm, CommitmentVisibility, Fulfilment, FulfilmentForm,
};
use kesher_domain::activities::funding::{FundingRequestForm, Interest, PledgeForm};
use kesher_domain::*;

use super::{conflict, initiative, node, organization, system};
use crate::*;

pub async fn a_commitment_is_reported_on_with_its_evidence(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "אינטל").await;
    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "מורים למדעים"))
        .await
        .unwrap();
    let form = |promise: &str, due: &str, org: OrganizationId, goal: ResultNodeId| {
        CommitmentForm {
            organization_id: org.to_string(),
            result_id: goal.to_string(),
            kind: "people".into(),
            promise: promise.into(),
            amount: "20".into(),
            unit: String::new(),
            due: due.into(),
            visibility: "public".into(),
        }
        .parse()
        .unwrap()
    };
    let later = store
        .create_commitment(
            system(),
            here.id,
            &form("מהנדסות מלוות כיתות", "2027-06-30", org.id, goal.id),
        )
        .await
        .unwrap();
    let sooner = store
        .create_commitment(
            system(),
            here.id,
            &form("ימי חשיפה במפעל", "2027-01-31", org.id, goal.id),
        )
        .await
        .unwrap();
    assert_eq!(later.organization_name, "אינטל");
    assert_eq!(later.status, Fulfilment::Open);
    assert_eq!(later.visibility, CommitmentVisibility::Public);
    assert_eq!(later.reported_on, None);
    // Soonest due first.
    let listed: Vec<CommitmentId> = store
        .commitments(here.id)
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(listed, vec![sooner.id, later.id]);

    // Reported partly kept, with its evidence and the day; then edited: the report stays.
    let day = NaiveDate::from_ymd_opt(2027, 7, 2).unwrap();
    let report = FulfilmentForm {
        status: "partly".into(),
        delivered: "14".into(),
        evidence: "רשימת השיבוץ של המהנדסות".into(),
        evidence_url: "https://example.org/list".into(),
    }
    .parse()
    .unwrap();
    let reported = store
        .report_commitment(system(), later.id, &report, day)
        .await
        .unwrap();
    assert_eq!(reported.status, Fulfilment::Partly);
    assert_eq!(reported.delivered, Some(14));
    assert_eq!(reported.reported_on, Some(day));
    let edited = store
        .edit_commitment(
            system(),
            later.id,
            &form(
                "מהנדסות מלוות כיתות בפריפריה",
                "2027-06-30",
                org.id,
                goal.id,
            ),
        )
        .await
        .unwrap();
    assert_eq!(edited.promise, "מהנדסות מלוות כיתות בפריפריה");
    assert_eq!(edited.status, Fulfilment::Partly);
    assert_eq!(store.commitment(later.id).await.unwrap(), edited);

    // Open again: the last report no longer stands.
    let reopened = store
        .report_commitment(
            system(),
            later.id,
            &FulfilmentForm {
                status: "open".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
            day,
        )
        .await
        .unwrap();
    assert_eq!(
        (reopened.delivered, reopened.evidence, reopened.reported_on),
        (None, None, None)
    );

    // Nothing of another initiative, and an organization with commitments stays.
    let elsewhere = initiative(store, "שם").await;
    let foreign = store
        .create_result(system(), elsewhere.id, &node(None, "goal", "זר"))
        .await
        .unwrap();
    assert_eq!(
        conflict(
            store
                .create_commitment(
                    system(),
                    here.id,
                    &form("א", "2027-01-01", org.id, foreign.id)
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(store.commitments(here.id).await.unwrap().len(), 2);
    assert_eq!(
        conflict(store.delete_organization(system(), org.id).await),
        Conflict::InUse
    );
    store.delete_commitment(system(), sooner.id).await.unwrap();
    assert!(matches!(
        store.commitment(sooner.id).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn a_funding_request_keeps_one_answer_per_funder(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let asking = organization(store, here.id, "מרכז מדע").await;
    let fund = organization(store, here.id, "קרן טראמפ").await;
    let other_fund = organization(store, here.id, "קרן רש\"י").await;
    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "מעבדות"))
        .await
        .unwrap();
    let form = |title: &str| {
        FundingRequestForm {
            organization_id: asking.id.to_string(),
            title: title.into(),
            description: "ציוד לעשר מעבדות בפריפריה".into(),
            amount: "1000000".into(),
            result_ids: vec![goal.id.get()],
            needed_by: "2027-03-01".into(),
            status: String::new(),
        }
        .parse()
        .unwrap()
    };
    let request = store
        .create_funding_request(system(), here.id, &form("מעבדות"))
        .await
        .unwrap();
    assert_eq!(request.result_ids, vec![goal.id]);
    assert!(request.pledges.is_empty());

    let answer = |org: OrganizationId, interest: &str, amount: &str, note: &str| {
        PledgeForm {
            organization_id: org.to_string(),
            interest: interest.into(),
            amount: amount.into(),
            note: note.into(),
        }
        .parse()
        .unwrap()
    };
    store
        .answer_funding_request(
            system(),
            request.id,
            &answer(fund.id, "considering", "", ""),
        )
        .await
        .unwrap();
    // A second answer replaces the first.
    let answered = store
        .answer_funding_request(
            system(),
            request.id,
            &answer(fund.id, "interested", "400000", "בתנאי שיש שותף עסקי"),
        )
        .await
        .unwrap();
    assert_eq!(answered.pledges.len(), 1);
    assert_eq!(answered.pledges[0].interest, Interest::Interested);
    assert_eq!(answered.pledges[0].amount, Some(400_000));
    let both = store
        .answer_funding_request(
            system(),
            request.id,
            &answer(other_fund.id, "declined", "", ""),
        )
        .await
        .unwrap();
    assert_eq!(both.pledges.len(), 2);

    // The audit log says who answered, never how much or the note.
    let log = store
        .audit_entries(&AuditFilter {
            initiative_id: Some(here.id),
            subjects: vec![],
            limit: 100,
        })
        .await
        .unwrap();
    let text = serde_json::to_string(&log).unwrap();
    assert!(text.contains("קרן טראמפ"));
    assert!(!text.contains("400000") && !text.contains("בתנאי"));

    // Edited: its answers stay. Another initiative's goal is refused.
    let edited = store
        .edit_funding_request(system(), request.id, &form("מעבדות מדע"))
        .await
        .unwrap();
    assert_eq!(edited.title, "מעבדות מדע");
    assert_eq!(edited.pledges, both.pledges);
    assert_eq!(store.funding_request(request.id).await.unwrap(), edited);
    let elsewhere = initiative(store, "שם").await;
    let stranger = organization(store, elsewhere.id, "קרן זרה").await;
    assert_eq!(
        conflict(
            store
                .answer_funding_request(
                    system(),
                    request.id,
                    &answer(stranger.id, "interested", "5", "")
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(store.funding_requests(here.id).await.unwrap(), vec![edited]);
    store
        .delete_funding_request(system(), request.id)
        .await
        .unwrap();
    assert!(store.funding_requests(here.id).await.unwrap().is_empty());
}
