//! Work plans: drafted with their rows, approved once by a decision, reported on after.

use chrono::NaiveDate;
use kesher_domain::activities::work_plan::{
    Executor, ItemStatus, MilestoneInput, PlanInput, PlanItemInput, PlanKind,
};
use kesher_domain::agenda::DecisionForm;
use kesher_domain::*;

use super::{conflict, initiative, node, organization, system};
use crate::*;

fn row(result: ResultNodeId, org: OrganizationId, planned: i64) -> PlanItemInput {
    PlanItemInput {
        result_id: result,
        title: None,
        executor: Executor::Organization(org),
        program_id: None,
        budget_planned: Some(planned),
        budget_actual: None,
        status: ItemStatus::Planned,
        notes: None,
    }
}

pub async fn a_work_plan_is_drafted_approved_once_and_reported_on(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "מתמטיקה לכולם").await;
    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "5 יחידות"))
        .await
        .unwrap();
    let component = store
        .create_result(
            system(),
            here.id,
            &node(Some(goal.id), "action_component", "גשר קיץ"),
        )
        .await
        .unwrap();
    let annual = PlanInput {
        kind: PlanKind::Annual,
        title: "תשפ\"ז".into(),
        first_year: 2026,
        last_year: 2026,
    };
    let plan = store
        .create_work_plan(
            system(),
            here.id,
            &annual,
            &[row(component.id, org.id, 120_000)],
        )
        .await
        .unwrap();
    assert_eq!(plan.version, 1);
    assert_eq!(plan.items.len(), 1);
    assert_eq!(plan.items[0].executor_name, "מתמטיקה לכולם");
    assert_eq!(store.work_plan(plan.id).await.unwrap(), plan);

    // Rows are added, changed and removed while it is a draft.
    let plan = store
        .add_plan_item(system(), plan.id, &row(goal.id, org.id, 5_000))
        .await
        .unwrap();
    let second = plan.items[1].id;
    assert_eq!(store.plan_of_item(second).await.unwrap(), plan.id);
    let plan = store
        .edit_plan_item(system(), second, &row(goal.id, org.id, 7_000))
        .await
        .unwrap();
    assert_eq!(plan.items[1].budget_planned, Some(7_000));
    let plan = store.delete_plan_item(system(), second).await.unwrap();
    assert_eq!(plan.items.len(), 1);
    let first = plan.items[0].id;

    // A milestone, done and open again, and removed.
    let plan = store
        .add_milestone(
            system(),
            first,
            &MilestoneInput {
                title: "רישום תלמידים".into(),
                due_on: NaiveDate::from_ymd_opt(2027, 5, 1).unwrap(),
            },
        )
        .await
        .unwrap();
    let milestone = plan.items[0].milestones[0].id;
    assert_eq!(store.item_of_milestone(milestone).await.unwrap(), first);
    let day = NaiveDate::from_ymd_opt(2027, 4, 20).unwrap();
    let plan = store
        .set_milestone_done(system(), milestone, Some(day))
        .await
        .unwrap();
    assert_eq!(plan.items[0].milestones[0].done_on, Some(day));

    // A row naming another initiative's node is refused, and nothing of it is kept.
    let elsewhere = initiative(store, "שם").await;
    let foreign = store
        .create_result(system(), elsewhere.id, &node(None, "goal", "זר"))
        .await
        .unwrap();
    assert_eq!(
        conflict(
            store
                .add_plan_item(system(), plan.id, &row(foreign.id, org.id, 1))
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(store.work_plan(plan.id).await.unwrap(), plan);

    // Approved by a decision: the plan itself is kept; its rows are still reported on.
    let decision = store
        .create_decision(
            system(),
            here.id,
            &DecisionForm {
                decided_on: "2026-08-20".into(),
                kind: "approval".into(),
                text: "ועדת ההיגוי מאשרת את תוכנית העבודה".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let approved = store
        .approve_work_plan(system(), plan.id, decision.id)
        .await
        .unwrap();
    assert_eq!(approved.decision_id, Some(decision.id));
    assert_eq!(
        conflict(
            store
                .approve_work_plan(system(), plan.id, decision.id)
                .await
        ),
        Conflict::Transition
    );
    assert_eq!(
        conflict(
            store
                .edit_plan_item(system(), first, &row(component.id, org.id, 1))
                .await
        ),
        Conflict::Transition
    );
    assert_eq!(
        conflict(store.delete_work_plan(system(), plan.id).await),
        Conflict::Transition
    );
    let reported = store
        .report_plan_item(
            system(),
            first,
            &ItemReport {
                status: ItemStatus::InProgress,
                budget_actual: Some(40_000),
                notes: Some("מחזור ראשון הסתיים".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(reported.items[0].budget_actual, Some(40_000));
    assert_eq!(reported.items[0].budget_planned, Some(120_000));
    let reported = store.delete_milestone(system(), milestone).await.unwrap();
    assert!(reported.items[0].milestones.is_empty());

    // The next version of the same year is numbered on; a draft is deleted whole.
    let next = store
        .create_work_plan(system(), here.id, &annual, &[])
        .await
        .unwrap();
    assert_eq!(next.version, 2);
    assert_eq!(store.work_plans(here.id).await.unwrap().len(), 2);
    store.delete_work_plan(system(), next.id).await.unwrap();
    assert_eq!(store.work_plans(here.id).await.unwrap(), vec![reported]);
    assert!(store.work_plans(elsewhere.id).await.unwrap().is_empty());
}
