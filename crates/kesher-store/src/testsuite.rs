//! The conformance suite every backend runs: the same behaviour, whatever the database.
//!
//! A backend's tests call [`conformance_tests!`](crate::conformance_tests) with an async
//! expression that opens a fresh, empty store; each case below becomes one test.

use chrono::{Duration, NaiveDate, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::bodies::{BodyForm, MembershipForm};
use kesher_domain::import::{
    Change, ImportPlan, OrganizationRef, PlannedOrganization, PlannedPerson,
};
use kesher_domain::network::{InitiativeForm, OrganizationForm, PersonForm};
use kesher_domain::text::{Email, Name};
use kesher_domain::*;

use crate::*;

mod commitments;
mod data_version;
mod documents;
mod measurement;
mod people;
mod programs;
mod updates;
mod work_plans;
pub use commitments::*;
pub use data_version::*;
pub use documents::*;
pub use measurement::*;
pub use people::*;
pub use programs::*;
pub use updates::*;
pub use work_plans::*;

/// Declares one `#[tokio::test]` per conformance case, each on a fresh store from `$open`.
#[macro_export]
macro_rules! conformance_tests {
    ($open:expr) => {
        $crate::conformance_tests!(@cases $open;
            users_sessions_and_tokens,
            roles_are_granted_replaced_and_revoked,
            initiatives_keep_their_parent,
            organizations_are_unique_by_folded_name,
            organizations_filter_by_sector_type_and_tag,
            an_organization_with_people_cannot_be_deleted,
            people_belong_to_an_organization_of_their_initiative,
            removing_a_person_keeps_their_seats_in_the_audit_log,
            memberships_join_people_and_bodies,
            every_write_is_audited_with_before_and_after,
            an_update_that_changes_nothing_is_not_logged,
            an_import_plan_is_applied_whole_or_not_at_all,
            import_drafts_round_trip,
            agenda_versions_are_kept_whole_and_numbered,
            results_tree_moves_keep_ids_and_refuse_cycles,
            glossary_definitions_have_versions_and_adoptions,
            decisions_link_only_to_their_own_initiative,
            disputes_are_resolved_and_reopened_with_their_history,
            comments_on_a_version_keep_their_author_and_organization,
            meetings_are_numbered_per_body_and_keep_who_came,
            a_meeting_keeps_its_minutes_decisions_and_action_items,
            calendar_feeds_are_found_by_their_secret_until_revoked,
            an_update_is_sent_once_to_its_audience_and_stopped_by_its_link,
            a_partner_keeps_one_contact_plan,
            a_document_keeps_its_versions_and_links_only_its_own_initiative,
            a_program_links_only_its_own_initiative_and_keeps_its_lists,
            a_work_plan_is_drafted_approved_once_and_reported_on,
            a_commitment_is_reported_on_with_its_evidence,
            a_funding_request_keeps_one_answer_per_funder,
            an_indicator_follows_one_health_figure_of_its_own_initiative,
            endorsements_and_field_changes,
            places_import_by_code_and_keep_what_blank_cells_leave,
            values_are_written_once_and_replaced_with_history,
            the_approval_workflow_moves_values_and_keeps_readings,
            indicators_have_unique_codes_and_one_target_per_period,
            values_written_in_batches_are_one_write,
            a_missing_value_never_replaces_a_number,
            approved_values_are_visited_in_key_order,
            places_groups_rules_and_settings_are_kept,
            every_write_moves_the_data_version,
            the_outbox_queues_sends_and_retries,
            an_invitation_is_accepted_once_by_a_new_or_existing_account,
            an_invitation_is_renewed_or_revoked_but_never_reopened,
            a_password_reset_is_used_once_within_its_hour,
            an_account_changes_its_own_name_and_language,
            notifications_are_mailed_at_once_or_digested_and_unsubscribed,
        );

        #[test]
        fn the_suite_calls_every_store_method() {
            $crate::testsuite::the_suite_calls_every_store_method();
        }
    };
    (@cases $open:expr; $($case:ident),+ $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = $open.await;
                $crate::testsuite::$case(&store).await;
            }
        )+
    };
}

/// The sources that declare the store traits, as compiled into this crate.
const TRAIT_SOURCES: &[(&str, &str)] = &[
    ("traits.rs", include_str!("traits.rs")),
    ("agenda/decisions.rs", include_str!("agenda/decisions.rs")),
    ("agenda/disputes.rs", include_str!("agenda/disputes.rs")),
    (
        "agenda/endorsements.rs",
        include_str!("agenda/endorsements.rs"),
    ),
    (
        "agenda/field_changes.rs",
        include_str!("agenda/field_changes.rs"),
    ),
    ("agenda/glossary.rs", include_str!("agenda/glossary.rs")),
    ("agenda/results.rs", include_str!("agenda/results.rs")),
    ("agenda/versions.rs", include_str!("agenda/versions.rs")),
    (
        "measurement/indicators.rs",
        include_str!("measurement/indicators.rs"),
    ),
    ("agenda/comments.rs", include_str!("agenda/comments.rs")),
    (
        "communication/meetings.rs",
        include_str!("communication/meetings.rs"),
    ),
    (
        "communication/action_items.rs",
        include_str!("communication/action_items.rs"),
    ),
    (
        "communication/calendar_feeds.rs",
        include_str!("communication/calendar_feeds.rs"),
    ),
    (
        "communication/health_indicators.rs",
        include_str!("communication/health_indicators.rs"),
    ),
    (
        "communication/updates.rs",
        include_str!("communication/updates.rs"),
    ),
    (
        "communication/contact_plans.rs",
        include_str!("communication/contact_plans.rs"),
    ),
    (
        "activities/programs.rs",
        include_str!("activities/programs.rs"),
    ),
    (
        "activities/work_plans.rs",
        include_str!("activities/work_plans.rs"),
    ),
    (
        "activities/commitments.rs",
        include_str!("activities/commitments.rs"),
    ),
    (
        "activities/funding_requests.rs",
        include_str!("activities/funding_requests.rs"),
    ),
    (
        "communication/documents.rs",
        include_str!("communication/documents.rs"),
    ),
    (
        "measurement/mappings.rs",
        include_str!("measurement/mappings.rs"),
    ),
    (
        "measurement/place_groups.rs",
        include_str!("measurement/place_groups.rs"),
    ),
    (
        "measurement/places.rs",
        include_str!("measurement/places.rs"),
    ),
    (
        "measurement/report_card.rs",
        include_str!("measurement/report_card.rs"),
    ),
    ("measurement/rules.rs", include_str!("measurement/rules.rs")),
    ("people/mail.rs", include_str!("people/mail.rs")),
    (
        "people/invitations.rs",
        include_str!("people/invitations.rs"),
    ),
    (
        "people/notifications.rs",
        include_str!("people/notifications.rs"),
    ),
    (
        "people/password_resets.rs",
        include_str!("people/password_resets.rs"),
    ),
    (
        "measurement/settings.rs",
        include_str!("measurement/settings.rs"),
    ),
    (
        "measurement/sources.rs",
        include_str!("measurement/sources.rs"),
    ),
    (
        "measurement/values.rs",
        include_str!("measurement/values.rs"),
    ),
];

/// The folders of entity traits, with the module list each declares.
const TRAIT_FOLDERS: &[(&str, &str)] = &[
    ("activities", include_str!("activities/mod.rs")),
    ("agenda", include_str!("agenda/mod.rs")),
    ("communication", include_str!("communication/mod.rs")),
    ("measurement", include_str!("measurement/mod.rs")),
    ("people", include_str!("people/mod.rs")),
];

const SUITE_SOURCES: &[&str] = &[
    include_str!("testsuite.rs"),
    include_str!("testsuite/measurement.rs"),
    include_str!("testsuite/data_version.rs"),
    include_str!("testsuite/people.rs"),
    include_str!("testsuite/updates.rs"),
    include_str!("testsuite/documents.rs"),
    include_str!("testsuite/programs.rs"),
    include_str!("testsuite/work_plans.rs"),
    include_str!("testsuite/commitments.rs"),
];

/// Holds the suite to its promise: every method of every store trait is called by some
/// case, and every write of an initiative's data is one of the steps of
/// [`every_write_moves_the_data_version`] (or named in [`WRITES_OUTSIDE_AN_INITIATIVE`]).
/// A method added to a trait without a case fails here, in every backend's tests.
pub fn the_suite_calls_every_store_method() {
    for (folder, module) in TRAIT_FOLDERS {
        for line in module.lines() {
            if let Some(name) = line.strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
                let file = format!("{folder}/{name}.rs");
                assert!(
                    TRAIT_SOURCES.iter().any(|(f, _)| *f == file),
                    "{file} is not in TRAIT_SOURCES"
                );
            }
        }
    }
    let suite = SUITE_SOURCES.concat();
    let steps = include_str!("testsuite/data_version.rs");
    let mut uncalled = Vec::new();
    let mut unmoved = Vec::new();
    let mut count = 0;
    for (_, source) in TRAIT_SOURCES {
        for declaration in source.split("async fn ").skip(1) {
            let name: String = declaration
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let signature = &declaration[..declaration.find([';', '{']).unwrap_or(0)];
            count += 1;
            if !suite.contains(&format!(".{name}(")) {
                uncalled.push(name.clone());
            }
            let writes = signature.contains("actor: Actor");
            if writes
                && !WRITES_OUTSIDE_AN_INITIATIVE.contains(&name.as_str())
                && !steps.contains(&format!("\"{name}\""))
            {
                unmoved.push(name);
            }
        }
    }
    assert!(count > 100, "only {count} store methods were found");
    assert!(uncalled.is_empty(), "no case calls {uncalled:?}");
    assert!(
        unmoved.is_empty(),
        "every_write_moves_the_data_version does not check {unmoved:?}"
    );
}

pub(crate) fn system() -> Actor {
    Actor::system()
}

pub(crate) async fn initiative(store: &dyn Store, name: &str) -> Initiative {
    let input = InitiativeForm {
        name: name.into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    store.create_initiative(system(), &input).await.unwrap()
}

fn organization_input(
    name: &str,
    sector: &str,
    kind: &str,
    tags: &str,
) -> kesher_domain::network::OrganizationInput {
    OrganizationForm {
        name: name.into(),
        sector: sector.into(),
        organization_type: kind.into(),
        tags: tags.into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

pub(crate) async fn organization(
    store: &dyn Store,
    initiative: InitiativeId,
    name: &str,
) -> Organization {
    store
        .create_organization(
            system(),
            initiative,
            &organization_input(name, "third_sector", "ngo", ""),
        )
        .await
        .unwrap()
}

pub(crate) fn person_input(
    organization: OrganizationId,
    name: &str,
    email: &str,
) -> kesher_domain::network::PersonInput {
    PersonForm {
        organization_id: organization.to_string(),
        name: name.into(),
        email: email.into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

pub(crate) fn conflict<T: std::fmt::Debug>(result: StoreResult<T>) -> Conflict {
    match result {
        Err(StoreError::Conflict(c)) => c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

pub async fn users_sessions_and_tokens(store: &dyn Store) {
    let new = NewUser {
        email: Email::parse("Dana@Example.org").unwrap(),
        name: Name::parse("דנה").unwrap(),
        password_hash: "hash".into(),
        is_admin: false,
        language: "he".into(),
    };
    let dana = store.create_user(system(), new.clone()).await.unwrap();
    assert_eq!(dana.email, "dana@example.org");
    assert_eq!(
        conflict(store.create_user(system(), new.clone()).await),
        Conflict::UserEmailTaken
    );
    let found = store.user_credentials(&new.email).await.unwrap().unwrap();
    assert_eq!(
        (found.user.id, found.password_hash.as_str()),
        (dana.id, "hash")
    );
    assert_eq!(store.count_users().await.unwrap(), 1);

    let now = Utc::now();
    let live = SecretDigest("live".into());
    let stale = SecretDigest("stale".into());
    store
        .create_session(&live, dana.id, now + Duration::hours(1))
        .await
        .unwrap();
    store
        .create_session(&stale, dana.id, now - Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(
        store.session_user(&live, now).await.unwrap().map(|u| u.id),
        Some(dana.id)
    );
    assert_eq!(store.session_user(&stale, now).await.unwrap(), None);
    assert_eq!(store.delete_expired_sessions(now).await.unwrap(), 1);
    // Signing out ends that session only.
    let other = SecretDigest("another browser".into());
    store
        .create_session(&other, dana.id, now + Duration::hours(1))
        .await
        .unwrap();
    store.delete_session(&other).await.unwrap();
    assert_eq!(store.session_user(&other, now).await.unwrap(), None);
    assert!(store.session_user(&live, now).await.unwrap().is_some());

    // A new password ends the sessions opened with the old one.
    store
        .set_password(system(), dana.id, "new hash")
        .await
        .unwrap();
    assert_eq!(store.session_user(&live, now).await.unwrap(), None);

    let digest = SecretDigest("token digest".into());
    let token = store
        .create_api_token(
            system(),
            dana.id,
            "script",
            &digest,
            Some(now + Duration::days(365)),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .api_token_user(&digest, now)
            .await
            .unwrap()
            .map(|(u, t)| (u.id, t.id)),
        Some((dana.id, token.id))
    );
    assert_eq!(
        store
            .api_token_user(&SecretDigest("other".into()), now)
            .await
            .unwrap(),
        None
    );
    // Past its expiry a token is refused.
    assert_eq!(
        store
            .api_token_user(&digest, now + Duration::days(366))
            .await
            .unwrap(),
        None
    );
    // Its use is noted, and its owner sees it listed.
    store.mark_api_token_used(token.id, now).await.unwrap();
    let listed = store.api_tokens_of(dana.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "script");
    assert!(listed[0].last_used_at.is_some());
    // Only its owner can revoke it; then it is refused.
    let other = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("other@example.org").unwrap(),
                name: Name::parse("אחר").unwrap(),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    assert!(matches!(
        store.revoke_api_token(system(), other.id, token.id).await,
        Err(StoreError::NotFound)
    ));
    store
        .revoke_api_token(system(), dana.id, token.id)
        .await
        .unwrap();
    assert_eq!(store.api_token_user(&digest, now).await.unwrap(), None);
    assert!(store.api_tokens_of(dana.id).await.unwrap().is_empty());

    // Disabling an account ends its sessions and tokens; enabling it again lets it in.
    let session = SecretDigest("dana's session".into());
    store
        .create_session(&session, dana.id, now + Duration::days(1))
        .await
        .unwrap();
    let kept = SecretDigest("kept token".into());
    store
        .create_api_token(system(), dana.id, "kept", &kept, None)
        .await
        .unwrap();
    let disabled = store
        .set_user_disabled(system(), dana.id, true)
        .await
        .unwrap();
    assert!(disabled.disabled_at.is_some());
    assert_eq!(store.session_user(&session, now).await.unwrap(), None);
    assert_eq!(store.api_token_user(&kept, now).await.unwrap(), None);
    let enabled = store
        .set_user_disabled(system(), dana.id, false)
        .await
        .unwrap();
    assert_eq!(enabled.disabled_at, None);
    assert_eq!(store.session_user(&session, now).await.unwrap(), None);
}

pub async fn roles_are_granted_replaced_and_revoked(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let there = initiative(store, "שם").await;
    let own = organization(store, here.id, "עמותה").await;
    let elsewhere = organization(store, there.id, "עמותה אחרת").await;
    let user = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("p@example.org").unwrap(),
                name: Name::parse("פ").unwrap(),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let editor = Grant {
        role: Role::PartnerEditor,
        organization_id: Some(own.id),
    };
    let granted = store
        .grant_role(system(), here.id, user.id, editor)
        .await
        .unwrap();
    assert_eq!(granted.organization_name.as_deref(), Some("עמותה"));
    let foreign = Grant {
        role: Role::PartnerEditor,
        organization_id: Some(elsewhere.id),
    };
    assert_eq!(
        conflict(store.grant_role(system(), here.id, user.id, foreign).await),
        Conflict::WrongInitiative
    );

    let viewer = Grant {
        role: Role::Viewer,
        organization_id: None,
    };
    store
        .grant_role(system(), here.id, user.id, viewer)
        .await
        .unwrap();
    assert_eq!(
        store.role_in(user.id, here.id).await.unwrap().unwrap().role,
        Role::Viewer
    );
    assert_eq!(store.roles_in_initiative(here.id).await.unwrap().len(), 1);
    assert_eq!(store.roles_of_user(user.id).await.unwrap().len(), 1);
    store.revoke_role(system(), here.id, user.id).await.unwrap();
    assert_eq!(store.role_in(user.id, here.id).await.unwrap(), None);
    assert!(matches!(
        store.revoke_role(system(), here.id, user.id).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn initiatives_keep_their_parent(store: &dyn Store) {
    let network = initiative(store, "רשת ארצית").await;
    let input = InitiativeForm {
        name: "קהילה מקומית".into(),
        parent_id: network.id.to_string(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let child = store.create_initiative(system(), &input).await.unwrap();
    assert_eq!(child.parent_id, Some(network.id));
    let orphan = InitiativeForm {
        name: "x".into(),
        parent_id: "9999".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    assert!(matches!(
        store.create_initiative(system(), &orphan).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.list_initiatives().await.unwrap().len(), 2);
}

pub async fn organizations_are_unique_by_folded_name(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let there = initiative(store, "שם").await;
    organization(store, here.id, "Science Center").await;
    let again = organization_input("  science   CENTER ", "business", "company", "");
    assert_eq!(
        conflict(store.create_organization(system(), here.id, &again).await),
        Conflict::OrganizationNameTaken
    );
    // The same name is free in another initiative.
    store
        .create_organization(system(), there.id, &again)
        .await
        .unwrap();

    let mut with_id = organization_input("בית ספר א", "public", "school", "");
    with_id.external_id = Some("S-1".into());
    store
        .create_organization(system(), here.id, &with_id)
        .await
        .unwrap();
    let mut clash = organization_input("בית ספר ב", "public", "school", "");
    clash.external_id = Some("S-1".into());
    assert_eq!(
        conflict(store.create_organization(system(), here.id, &clash).await),
        Conflict::ExternalIdTaken
    );
}

pub async fn organizations_filter_by_sector_type_and_tag(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    for (name, sector, kind, tags) in [
        ("מרכז שלום למדעים", "third_sector", "ngo", "רובוטיקה, בנות"),
        ("חברת אופק", "business", "company", "תעשייה"),
        ("תיכון הדרים", "public", "school", "רובוטיקה"),
    ] {
        store
            .create_organization(
                system(),
                here.id,
                &organization_input(name, sector, kind, tags),
            )
            .await
            .unwrap();
    }
    let names = |orgs: Vec<Organization>| orgs.into_iter().map(|o| o.name).collect::<Vec<_>>();
    let all = store
        .list_organizations(here.id, &OrganizationFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(
        all.iter()
            .find(|o| o.name == "מרכז שלום למדעים")
            .unwrap()
            .tags,
        vec!["רובוטיקה", "בנות"]
    );

    let by_tag = OrganizationFilter {
        tag: Some("רובוטיקה".into()),
        ..Default::default()
    };
    assert_eq!(
        store
            .list_organizations(here.id, &by_tag)
            .await
            .unwrap()
            .len(),
        2
    );
    let by_sector = OrganizationFilter {
        sector: Some(kesher_domain::network::Sector::Business),
        ..Default::default()
    };
    assert_eq!(
        names(store.list_organizations(here.id, &by_sector).await.unwrap()),
        vec!["חברת אופק"]
    );
}

pub async fn an_organization_with_people_cannot_be_deleted(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let person = store
        .create_person(
            system(),
            here.id,
            &person_input(org.id, "דנה", "dana@example.org"),
        )
        .await
        .unwrap();
    assert_eq!(
        conflict(store.delete_organization(system(), org.id).await),
        Conflict::InUse
    );
    store.delete_person(system(), person.id).await.unwrap();
    store.delete_organization(system(), org.id).await.unwrap();
    assert!(matches!(
        store.organization(org.id).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn people_belong_to_an_organization_of_their_initiative(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let there = initiative(store, "שם").await;
    let own = organization(store, here.id, "עמותה").await;
    let foreign = organization(store, there.id, "חברה").await;
    assert_eq!(
        conflict(
            store
                .create_person(system(), here.id, &person_input(foreign.id, "דנה", ""))
                .await
        ),
        Conflict::WrongInitiative
    );
    let dana = store
        .create_person(
            system(),
            here.id,
            &person_input(own.id, "דנה לוי", "dana@example.org"),
        )
        .await
        .unwrap();
    assert_eq!(dana.organization_name, "עמותה");
    assert_eq!(
        conflict(
            store
                .create_person(
                    system(),
                    here.id,
                    &person_input(own.id, "דנה אחרת", "DANA@example.org")
                )
                .await
        ),
        Conflict::PersonEmailTaken
    );
    let of_own = store
        .list_people(
            here.id,
            &PersonFilter {
                organization_id: Some(own.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(of_own.len(), 1);
    let of_foreign = store
        .list_people(
            here.id,
            &PersonFilter {
                organization_id: Some(foreign.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        of_foreign.is_empty(),
        "people of another initiative never show"
    );
}

fn body_input(name: &str, kind: &str) -> kesher_domain::bodies::BodyInput {
    BodyForm {
        name: name.into(),
        kind: kind.into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

fn seat(person: PersonId, role: &str) -> kesher_domain::bodies::MembershipInput {
    MembershipForm {
        person_id: person.to_string(),
        role: role.into(),
        from: "2025-09-01".into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

pub async fn removing_a_person_keeps_their_seats_in_the_audit_log(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let dana = store
        .create_person(system(), here.id, &person_input(org.id, "דנה", ""))
        .await
        .unwrap();
    let body = store
        .create_body(
            system(),
            here.id,
            &body_input("ועדת היגוי", "steering_committee"),
        )
        .await
        .unwrap();
    store
        .create_membership(system(), body.id, &seat(dana.id, "chair"))
        .await
        .unwrap();
    store.delete_person(system(), dana.id).await.unwrap();
    assert!(
        store
            .list_memberships(here.id, &MembershipFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    let log = store
        .audit_entries(&AuditFilter {
            subjects: vec![("person".into(), dana.id.get())],
            ..Default::default()
        })
        .await
        .unwrap();
    let removal = &log[0];
    assert_eq!(removal.action, AuditAction::Delete);
    let before = removal.before.as_ref().unwrap();
    assert_eq!(before["person"]["name"], "דנה");
    assert_eq!(before["memberships"][0]["role"], "chair");
}

pub async fn memberships_join_people_and_bodies(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let there = initiative(store, "שם").await;
    let org = organization(store, here.id, "עמותה").await;
    let other_org = organization(store, there.id, "חברה").await;
    let dana = store
        .create_person(system(), here.id, &person_input(org.id, "דנה", ""))
        .await
        .unwrap();
    let stranger = store
        .create_person(system(), there.id, &person_input(other_org.id, "זר", ""))
        .await
        .unwrap();
    let group = store
        .create_body(
            system(),
            here.id,
            &body_input("קבוצת עבודה", "working_group"),
        )
        .await
        .unwrap();
    let steering = store
        .create_body(
            system(),
            here.id,
            &body_input("ועדת היגוי", "steering_committee"),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .list_bodies(here.id)
            .await
            .unwrap()
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>(),
        vec![steering.id, group.id],
        "the steering committee comes first"
    );

    let seat_in_group = store
        .create_membership(system(), group.id, &seat(dana.id, "co_chair"))
        .await
        .unwrap();
    assert_eq!(seat_in_group.person_name, "דנה");
    assert_eq!(seat_in_group.organization_name, "עמותה");
    assert_eq!(seat_in_group.from, NaiveDate::from_ymd_opt(2025, 9, 1));
    assert_eq!(
        conflict(
            store
                .create_membership(system(), group.id, &seat(stranger.id, "member"))
                .await
        ),
        Conflict::WrongInitiative
    );
    store
        .create_membership(system(), steering.id, &seat(dana.id, "member"))
        .await
        .unwrap();
    let of_dana = store
        .list_memberships(
            here.id,
            &MembershipFilter {
                person_id: Some(dana.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(of_dana.len(), 2);

    let mut ended = seat(dana.id, "co_chair");
    ended.to = NaiveDate::from_ymd_opt(2026, 6, 30);
    let updated = store
        .update_membership(system(), seat_in_group.id, &ended)
        .await
        .unwrap();
    assert_eq!(updated.to, NaiveDate::from_ymd_opt(2026, 6, 30));

    store.delete_body(system(), group.id).await.unwrap();
    let left = store
        .list_memberships(here.id, &MembershipFilter::default())
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].body_id, steering.id);
}

pub async fn every_write_is_audited_with_before_and_after(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let renamed = organization_input("עמותה חדשה", "third_sector", "ngo", "תג");
    store
        .update_organization(system(), org.id, &renamed)
        .await
        .unwrap();
    let log = store
        .audit_entries(&AuditFilter {
            initiative_id: Some(here.id),
            ..Default::default()
        })
        .await
        .unwrap();
    let kinds: Vec<_> = log.iter().map(|e| (e.entity.as_str(), e.action)).collect();
    assert_eq!(
        kinds,
        vec![
            ("organization", AuditAction::Update),
            ("organization", AuditAction::Create),
            ("initiative", AuditAction::Create),
        ]
    );
    let update = &log[0];
    assert_eq!(update.before.as_ref().unwrap()["name"], "עמותה");
    assert_eq!(update.after.as_ref().unwrap()["name"], "עמותה חדשה");
    assert_eq!(update.after.as_ref().unwrap()["tags"][0], "תג");
}

async fn log_length(store: &dyn Store, initiative: InitiativeId) -> usize {
    let filter = AuditFilter {
        initiative_id: Some(initiative),
        ..Default::default()
    };
    store.audit_entries(&filter).await.unwrap().len()
}

pub async fn an_update_that_changes_nothing_is_not_logged(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let entries = log_length(store, here.id).await;
    let same = organization_input("עמותה", "third_sector", "ngo", "");
    let kept = store
        .update_organization(system(), org.id, &same)
        .await
        .unwrap();
    assert_eq!(kept.updated_at, org.updated_at);
    assert_eq!(log_length(store, here.id).await, entries);
    let changed = organization_input("עמותה", "third_sector", "ngo", "חדש");
    let saved = store
        .update_organization(system(), org.id, &changed)
        .await
        .unwrap();
    assert!(saved.updated_at > org.updated_at);
    assert_eq!(log_length(store, here.id).await, entries + 1);
}

pub async fn an_import_plan_is_applied_whole_or_not_at_all(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let existing = organization(store, here.id, "קיים").await;
    let details = |name: &str, email: &str| person_input(existing.id, name, email).details;
    let good = ImportPlan {
        organizations: vec![
            PlannedOrganization {
                line: 2,
                change: Change::Create,
                input: organization_input("חדש", "business", "company", ""),
            },
            PlannedOrganization {
                line: 3,
                change: Change::Update(existing.id),
                input: organization_input("קיים", "public", "school", ""),
            },
        ],
        people: vec![
            PlannedPerson {
                line: 2,
                change: Change::Create,
                organization: OrganizationRef::Planned(0),
                details: details("א", "a@example.org"),
            },
            PlannedPerson {
                line: 3,
                change: Change::Create,
                organization: OrganizationRef::Existing(existing.id),
                details: details("ב", ""),
            },
        ],
    };
    let outcome = store.apply_import(system(), here.id, &good).await.unwrap();
    assert_eq!(
        (outcome.organizations.created, outcome.organizations.updated),
        (1, 1)
    );
    assert_eq!(outcome.people.created, 2);
    assert_eq!(
        store
            .list_people(here.id, &PersonFilter::default())
            .await
            .unwrap()
            .len(),
        2
    );

    // The second person repeats an e-mail: the database refuses, and nothing of the plan stays.
    let bad = ImportPlan {
        organizations: vec![PlannedOrganization {
            line: 2,
            change: Change::Create,
            input: organization_input("עוד אחד", "business", "company", ""),
        }],
        people: vec![
            PlannedPerson {
                line: 2,
                change: Change::Create,
                organization: OrganizationRef::Planned(0),
                details: details("ג", "c@example.org"),
            },
            PlannedPerson {
                line: 3,
                change: Change::Create,
                organization: OrganizationRef::Planned(0),
                details: details("ד", "a@example.org"),
            },
        ],
    };
    assert_eq!(
        conflict(store.apply_import(system(), here.id, &bad).await),
        Conflict::PersonEmailTaken
    );
    assert_eq!(
        store
            .list_organizations(here.id, &OrganizationFilter::default())
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        store
            .list_people(here.id, &PersonFilter::default())
            .await
            .unwrap()
            .len(),
        2
    );
}

pub async fn import_drafts_round_trip(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let user = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("b@example.org").unwrap(),
                name: Name::parse("ב").unwrap(),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let table = kesher_domain::sheet::Table {
        headers: vec!["ארגון".into()],
        rows: vec![kesher_domain::sheet::TableRow {
            line: 2,
            cells: vec!["עמותה \"אור\"".into()],
        }],
        // The encoding it was read in comes back, for the mapping page to name.
        format: Some(kesher_domain::sheet::SheetFormat::CsvWindows1255),
    };
    let draft = store
        .save_import_draft(user.id, here.id, "שותפים.csv", &table)
        .await
        .unwrap();
    let back = store.import_draft(draft.id).await.unwrap();
    assert_eq!(
        (back.file_name.as_str(), &back.table),
        ("שותפים.csv", &table)
    );
    // A draft given up is gone at once; the other stays until it ages out.
    let given_up = store
        .save_import_draft(user.id, here.id, "ישן.csv", &table)
        .await
        .unwrap();
    store.delete_import_draft(given_up.id).await.unwrap();
    assert!(matches!(
        store.import_draft(given_up.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.import_draft(draft.id).await.unwrap().id, draft.id);
    assert_eq!(
        store
            .delete_import_drafts_before(Utc::now() + Duration::seconds(1))
            .await
            .unwrap(),
        1
    );
    assert!(matches!(
        store.import_draft(draft.id).await,
        Err(StoreError::NotFound)
    ));
}

// ---- the common agenda ----

use kesher_domain::agenda::{
    AdoptionForm, AgendaForm, BoundaryForm, CommentForm, DecisionForm, DefinitionForm, DisputeForm,
    DisputeStatus, DisputeStatusForm, EndorsementForm, FieldChangeForm, PositionForm, ResultForm,
    TermForm,
};

pub async fn agenda_versions_are_kept_whole_and_numbered(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let first = AgendaForm {
        mission: "להכפיל את מספר הלומדים".into(),
        vision_year: "2030".into(),
        boundaries: vec![BoundaryForm {
            dimension: "subject".into(),
            scope: "in".into(),
            item: "פיזיקה".into(),
            reason: "ליבה".into(),
        }],
        ..Default::default()
    };
    let v1 = store
        .create_agenda_version(system(), here.id, &first.parse().unwrap())
        .await
        .unwrap();
    let second = AgendaForm {
        mission: "להכפיל את מספר הלומדים והלומדות".into(),
        note: "הוספנו את הלומדות".into(),
        ..first
    };
    let v2 = store
        .create_agenda_version(system(), here.id, &second.parse().unwrap())
        .await
        .unwrap();
    assert_eq!((v1.number, v2.number), (1, 2));
    let versions = store.agenda_versions(here.id).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0].mission.as_deref(),
        Some("להכפיל את מספר הלומדים"),
        "the first version stays as it was"
    );
    assert_eq!(versions[1].boundaries[0].item, "פיזיקה");
    assert_eq!(
        store.agenda_version(v2.id).await.unwrap().note.as_deref(),
        Some("הוספנו את הלומדות")
    );
}

pub(crate) fn node(
    parent: Option<ResultNodeId>,
    kind: &str,
    title: &str,
) -> kesher_domain::agenda::ResultInput {
    ResultForm {
        parent_id: parent.map(|p| p.to_string()).unwrap_or_default(),
        kind: kind.into(),
        title: title.into(),
        populations: "periphery, girls".into(),
        ..Default::default()
    }
    .parse()
    .unwrap()
}

pub async fn results_tree_moves_keep_ids_and_refuse_cycles(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let mission = store
        .create_result(system(), here.id, &node(None, "mission", "משימה"))
        .await
        .unwrap();
    let goal_a = store
        .create_result(system(), here.id, &node(Some(mission.id), "goal", "יעד א"))
        .await
        .unwrap();
    let goal_b = store
        .create_result(system(), here.id, &node(Some(mission.id), "goal", "יעד ב"))
        .await
        .unwrap();
    let lever = store
        .create_result(system(), here.id, &node(Some(goal_a.id), "lever", "מנוף"))
        .await
        .unwrap();
    assert_eq!((goal_a.position, goal_b.position), (0, 1));
    assert_eq!(lever.populations, vec!["periphery", "girls"]);

    // The lever moves to goal B and keeps its id; goal A is left without children.
    let tree = store
        .move_result(system(), lever.id, Some(goal_b.id), 0)
        .await
        .unwrap();
    let moved = tree.iter().find(|n| n.id == lever.id).unwrap();
    assert_eq!(moved.parent_id, Some(goal_b.id));
    assert_eq!(tree.len(), 4);
    // Goal B moves before goal A.
    let tree = store
        .move_result(system(), goal_b.id, Some(mission.id), 0)
        .await
        .unwrap();
    let positions: Vec<_> = tree
        .iter()
        .filter(|n| n.parent_id == Some(mission.id))
        .map(|n| (n.title.clone(), n.position))
        .collect();
    assert!(
        positions.contains(&("יעד ב".to_string(), 0))
            && positions.contains(&("יעד א".to_string(), 1))
    );
    // No node goes under its own descendant.
    assert_eq!(
        conflict(
            store
                .move_result(system(), mission.id, Some(lever.id), 0)
                .await
        ),
        Conflict::Cycle
    );
    // A node with children is not deleted; a leaf is, and its siblings close the gap.
    assert_eq!(
        conflict(store.delete_result(system(), goal_b.id).await),
        Conflict::InUse
    );
    store.delete_result(system(), lever.id).await.unwrap();
    store.delete_result(system(), goal_b.id).await.unwrap();
    assert_eq!(store.result(goal_a.id).await.unwrap().position, 0);
    // A node of another initiative is no parent here.
    let there = initiative(store, "שם").await;
    assert_eq!(
        conflict(
            store
                .create_result(system(), there.id, &node(Some(mission.id), "goal", "זר"))
                .await
        ),
        Conflict::WrongInitiative
    );
}

pub async fn glossary_definitions_have_versions_and_adoptions(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let body = store
        .create_body(
            system(),
            here.id,
            &body_input("ועדת היגוי", "steering_committee"),
        )
        .await
        .unwrap();
    let (term, first) = TermForm {
        term: "מצוינות בלמידה".into(),
        definition: "ציון 90 ומעלה".into(),
        proposed_by_organization_id: org.id.to_string(),
    }
    .parse()
    .unwrap();
    let created = store
        .create_term(system(), here.id, &term, &first)
        .await
        .unwrap();
    assert_eq!(
        created.definitions[0]
            .proposed_by_organization_name
            .as_deref(),
        Some("עמותה")
    );
    assert_eq!(created.adopted(), None);
    let again = kesher_domain::text::Name::parse(" מצוינות   בלמידה").unwrap();
    assert_eq!(
        conflict(store.create_term(system(), here.id, &again, &first).await),
        Conflict::TermTaken
    );

    let second = DefinitionForm {
        definition: "ציון 90 ומעלה ב־5 יחידות".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let term = store
        .add_definition(system(), created.id, &second)
        .await
        .unwrap();
    assert_eq!(term.definitions.len(), 2);
    assert_eq!(term.definitions[1].number, 2);
    let adoption = AdoptionForm {
        adopted_on: "2026-01-10".into(),
        body_id: body.id.to_string(),
    }
    .parse()
    .unwrap();
    let adopted = store
        .adopt_definition(system(), term.definitions[1].id, &adoption)
        .await
        .unwrap();
    let current = adopted.adopted().unwrap();
    assert_eq!(
        (current.number, current.adopted_by_body_name.as_deref()),
        (2, Some("ועדת היגוי"))
    );
    assert_eq!(
        store.term_of_definition(current.id).await.unwrap().id,
        created.id
    );
    assert_eq!(store.terms(here.id).await.unwrap()[0].definitions.len(), 2);
}

pub async fn decisions_link_only_to_their_own_initiative(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let there = initiative(store, "שם").await;
    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "יעד"))
        .await
        .unwrap();
    let foreign = store
        .create_result(system(), there.id, &node(None, "goal", "יעד זר"))
        .await
        .unwrap();
    let form = |results: Vec<i64>| DecisionForm {
        decided_on: "2026-01-15".into(),
        kind: "formal".into(),
        text: "הכימיה אינה חלק מהיוזמה".into(),
        contested: "true".into(),
        result_ids: results,
        ..Default::default()
    };
    let decision = store
        .create_decision(
            system(),
            here.id,
            &form(vec![goal.id.get()]).parse().unwrap(),
        )
        .await
        .unwrap();
    assert!(decision.contested);
    assert_eq!(decision.result_ids, vec![goal.id]);
    assert_eq!(
        conflict(
            store
                .create_decision(
                    system(),
                    here.id,
                    &form(vec![foreign.id.get()]).parse().unwrap()
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    let updated = store
        .update_decision(
            system(),
            decision.id,
            &DecisionForm {
                contested: "".into(),
                ..form(vec![])
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    assert!(!updated.contested && updated.result_ids.is_empty());
    // Deleting a node removes its links, not the decision.
    store
        .update_decision(
            system(),
            decision.id,
            &form(vec![goal.id.get()]).parse().unwrap(),
        )
        .await
        .unwrap();
    store.delete_result(system(), goal.id).await.unwrap();
    assert!(
        store
            .decision(decision.id)
            .await
            .unwrap()
            .result_ids
            .is_empty()
    );
    assert_eq!(store.decisions(here.id).await.unwrap().len(), 1);
}

pub async fn comments_on_a_version_keep_their_author_and_organization(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let org = organization(store, here.id, "עמותה").await;
    let stranger = organization(store, elsewhere.id, "זרה").await;
    let author = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("member@example.org").unwrap(),
                name: Name::parse("חברת ועדה").unwrap(),
                password_hash: "x".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let version = store
        .create_agenda_version(
            system(),
            here.id,
            &AgendaForm {
                mission: "להכפיל".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let comment = |text: &str, org: Option<OrganizationId>| {
        CommentForm {
            comment: text.into(),
            organization_id: org.map(|o| o.to_string()).unwrap_or_default(),
        }
        .parse()
        .unwrap()
    };
    let first = store
        .add_agenda_comment(
            Actor::user(author.id),
            version.id,
            &comment("ראשונה", Some(org.id)),
        )
        .await
        .unwrap();
    assert_eq!(first.author_id, Some(author.id));
    assert_eq!(first.author_name.as_deref(), Some("חברת ועדה"));
    assert_eq!(first.organization_name.as_deref(), Some("עמותה"));
    store
        .add_agenda_comment(Actor::user(author.id), version.id, &comment("שנייה", None))
        .await
        .unwrap();
    // An organization of another initiative is refused, and nothing is kept.
    assert_eq!(
        conflict(
            store
                .add_agenda_comment(system(), version.id, &comment("זרה", Some(stranger.id)))
                .await
        ),
        Conflict::WrongInitiative
    );
    let all = store.agenda_comments(version.id).await.unwrap();
    assert_eq!(
        all.iter().map(|c| c.comment.as_str()).collect::<Vec<_>>(),
        ["ראשונה", "שנייה"]
    );
    assert_eq!(all[1].organization_id, None);
    assert!(matches!(
        store
            .agenda_comments(AgendaVersionId::new(version.id.get() + 1000))
            .await,
        Err(StoreError::NotFound)
    ));
}

pub async fn meetings_are_numbered_per_body_and_keep_who_came(store: &dyn Store) {
    use kesher_domain::bodies::BodyForm;
    use kesher_domain::meetings::{AgendaItemForm, MeetingForm};
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let org = organization(store, here.id, "עמותה").await;
    let foreign_org = organization(store, elsewhere.id, "זרה").await;
    let person = |initiative: InitiativeId, organization: OrganizationId, name: &str| {
        let input = person_input(organization, name, "");
        async move {
            store
                .create_person(system(), initiative, &input)
                .await
                .unwrap()
        }
    };
    let dana = person(here.id, org.id, "דנה").await;
    let yossi = person(here.id, org.id, "יוסי").await;
    let walk_in = person(here.id, org.id, "אורח").await;
    let stranger = person(elsewhere.id, foreign_org.id, "זר").await;
    let body = |name: &str| BodyForm {
        name: name.into(),
        kind: "steering_committee".into(),
        ..Default::default()
    };
    let steering = store
        .create_body(system(), here.id, &body("ועדת היגוי").parse().unwrap())
        .await
        .unwrap();
    let group = store
        .create_body(system(), here.id, &body("קבוצת עבודה").parse().unwrap())
        .await
        .unwrap();
    let form = |at: &str| {
        MeetingForm {
            starts_at: at.into(),
            duration_minutes: "120".into(),
            location: "העירייה, חדר 3".into(),
            agenda: vec![
                AgendaItemForm {
                    title: "פתיחה".into(),
                    minutes: "10".into(),
                    presenter_id: dana.id.to_string(),
                    ..Default::default()
                },
                AgendaItemForm {
                    title: "תוכנית העבודה".into(),
                    minutes: "60".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let first = store
        .create_meeting(
            system(),
            steering.id,
            &form("2026-10-01T17:00"),
            &[dana.id, yossi.id],
        )
        .await
        .unwrap();
    let second = store
        .create_meeting(system(), steering.id, &form("2026-11-05T17:00"), &[dana.id])
        .await
        .unwrap();
    let of_group = store
        .create_meeting(system(), group.id, &form("2026-11-06T09:00"), &[])
        .await
        .unwrap();
    assert_eq!((first.number, second.number, of_group.number), (1, 2, 1));
    assert_eq!(first.agenda[0].presenter_name.as_deref(), Some("דנה"));
    assert_eq!(first.starts_at.to_string(), "2026-10-01 17:00:00");
    assert_eq!(first.invitees.len(), 2);
    assert!(
        first
            .invitees
            .iter()
            .all(|i| i.invited && i.attended.is_none())
    );
    // A person of another initiative cannot be invited, present or presenting.
    assert_eq!(
        conflict(
            store
                .create_meeting(
                    system(),
                    steering.id,
                    &form("2026-12-01T17:00"),
                    &[stranger.id]
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    assert_eq!(
        conflict(
            store
                .record_attendance(system(), first.id, &[stranger.id])
                .await
        ),
        Conflict::WrongInitiative
    );
    // Dana came, Yossi did not, and a guest came uninvited.
    let held = store
        .record_attendance(system(), first.id, &[dana.id, walk_in.id])
        .await
        .unwrap();
    let seen: Vec<(&str, bool, Option<bool>)> = held
        .invitees
        .iter()
        .map(|i| (i.person_name.as_str(), i.invited, i.attended))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("אורח", false, Some(true)),
            ("דנה", true, Some(true)),
            ("יוסי", true, Some(false))
        ]
    );
    assert!(held.attendance_recorded_at.is_some());
    // Recorded again without the guest: the guest is off the record, the invited stay.
    let again = store
        .record_attendance(system(), first.id, &[yossi.id])
        .await
        .unwrap();
    assert_eq!(again.invitees.len(), 2);
    // Editing keeps the number and the invitees and replaces the agenda.
    let mut moved = form("2026-10-02T18:30");
    moved.agenda.truncate(1);
    let edited = store
        .update_meeting(system(), first.id, &moved)
        .await
        .unwrap();
    assert_eq!(edited.number, 1);
    assert_eq!(edited.agenda.len(), 1);
    assert_eq!(edited.invitees, again.invitees);
    assert_eq!(
        store
            .meetings_of_body(steering.id)
            .await
            .unwrap()
            .iter()
            .map(|m| m.number)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    // A body with meetings keeps them: it cannot be deleted.
    assert_eq!(
        conflict(store.delete_body(system(), group.id).await),
        Conflict::InUse
    );
}

pub async fn a_meeting_keeps_its_minutes_decisions_and_action_items(store: &dyn Store) {
    use kesher_domain::agenda::DecisionForm;
    use kesher_domain::bodies::BodyForm;
    use kesher_domain::meetings::{
        ActionItemForm, ActionStatusForm, AgendaItemForm, ItemMinutes, MeetingForm,
    };
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let city = organization(store, here.id, "העירייה").await;
    let foundation = organization(store, here.id, "הקרן").await;
    let foreign = organization(store, elsewhere.id, "זרה").await;
    let dana = store
        .create_person(system(), here.id, &person_input(city.id, "דנה", ""))
        .await
        .unwrap();
    let steering = store
        .create_body(
            system(),
            here.id,
            &BodyForm {
                name: "ועדת היגוי".into(),
                kind: "steering_committee".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let mut form = MeetingForm {
        starts_at: "2026-10-01T17:00".into(),
        duration_minutes: "90".into(),
        agenda: ["פתיחה", "תוכנית העבודה", "סיכום"]
            .iter()
            .map(|t| AgendaItemForm {
                title: (*t).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    // The work plan's item concerns a goal of the results tree; a node of another
    // initiative cannot be named.
    let goal = store
        .create_result(system(), here.id, &node(None, "mission", "משימה"))
        .await
        .unwrap();
    let foreign_goal = store
        .create_result(system(), elsewhere.id, &node(None, "mission", "זרה"))
        .await
        .unwrap();
    form.agenda[1].result_id = foreign_goal.id.to_string();
    assert_eq!(
        conflict(
            store
                .create_meeting(system(), steering.id, &form.parse().unwrap(), &[dana.id])
                .await
        ),
        Conflict::WrongInitiative
    );
    form.agenda[1].result_id = goal.id.to_string();
    let meeting = store
        .create_meeting(system(), steering.id, &form.parse().unwrap(), &[dana.id])
        .await
        .unwrap();
    assert!(meeting.agenda.iter().all(|i| i.covered.is_none()));
    assert_eq!(
        (
            meeting.agenda[1].result_id,
            meeting.agenda[1].result_title.as_deref()
        ),
        (Some(goal.id), Some("משימה"))
    );
    let minutes = [
        ItemMinutes {
            notes: Some("**הוחלט** לפתוח".into()),
            covered: true,
        },
        ItemMinutes {
            notes: None,
            covered: true,
        },
        ItemMinutes {
            notes: None,
            covered: false,
        },
    ];
    let recorded = store
        .record_minutes(system(), meeting.id, &minutes)
        .await
        .unwrap();
    assert_eq!(recorded.agenda[0].notes.as_deref(), Some("**הוחלט** לפתוח"));
    assert_eq!(recorded.agenda[2].covered, Some(false));
    assert!(recorded.minutes_recorded_at.is_some());
    // Renaming an item later keeps the minutes taken on it; a dropped item goes.
    form.agenda[0].title = "פתיחה וסבב".into();
    form.agenda.truncate(2);
    let edited = store
        .update_meeting(system(), meeting.id, &form.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(edited.agenda[0].title, "פתיחה וסבב");
    assert_eq!(edited.agenda[0].covered, Some(true));
    assert_eq!(edited.agenda.len(), 2);

    // A decision recorded at the meeting links back to it.
    let mut decision = DecisionForm {
        body_id: steering.id.to_string(),
        decided_on: "2026-10-01".into(),
        kind: "formal".into(),
        text: "מאשרים את תוכנית העבודה".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    decision.meeting_id = Some(meeting.id);
    let taken = store
        .create_decision(system(), here.id, &decision)
        .await
        .unwrap();
    assert_eq!(
        (taken.meeting_id, taken.meeting_number),
        (Some(meeting.id), Some(1))
    );
    assert_eq!(
        conflict(
            store
                .create_decision(system(), elsewhere.id, &decision)
                .await
        ),
        Conflict::WrongInitiative
    );

    // Action items: one for a person, one for an organization.
    let item = |title: &str, person: &str, organization: &str, due: &str| {
        ActionItemForm {
            title: title.into(),
            owner_person_id: person.into(),
            owner_organization_id: organization.into(),
            due_on: due.into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let for_dana = store
        .create_action_item(
            system(),
            meeting.id,
            &item("להפיץ את הסיכום", &dana.id.to_string(), "", "2026-10-15"),
        )
        .await
        .unwrap();
    assert_eq!(for_dana.owner_person_name.as_deref(), Some("דנה"));
    assert_eq!(for_dana.owner_organization_id, city.id);
    assert_eq!(
        (for_dana.meeting_number, for_dana.body_id),
        (1, steering.id)
    );
    let for_foundation = store
        .create_action_item(
            system(),
            meeting.id,
            &item("לבדוק מימון", "", &foundation.id.to_string(), ""),
        )
        .await
        .unwrap();
    assert_eq!(for_foundation.owner_person_id, None);
    assert_eq!(
        conflict(
            store
                .create_action_item(
                    system(),
                    meeting.id,
                    &item("זר", "", &foreign.id.to_string(), "")
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    let done = store
        .set_action_status(
            system(),
            for_dana.id,
            &ActionStatusForm {
                done: "true".into(),
                note: "נשלח לכולם".into(),
                done_on: "2026-10-10".into(),
            }
            .parse(NaiveDate::from_ymd_opt(2026, 10, 20).unwrap())
            .unwrap(),
        )
        .await
        .unwrap();
    // Done on 10 October: the start of that day in Israel (summer time, UTC+3).
    assert_eq!(
        done.done_at.unwrap().to_rfc3339(),
        "2026-10-09T21:00:00+00:00"
    );
    assert_eq!(done.done_note.as_deref(), Some("נשלח לכולם"));
    let open = store
        .action_items(
            here.id,
            &ActionItemFilter {
                open_only: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        open.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![for_foundation.id]
    );
    // The organization's items include those of its people; the person's only theirs.
    let of_city = store
        .action_items(
            here.id,
            &ActionItemFilter {
                organization: Some(city.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(of_city.len(), 1);
    let all = store
        .action_items(here.id, &ActionItemFilter::default())
        .await
        .unwrap();
    // Open ones first.
    assert_eq!(
        all.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![for_foundation.id, for_dana.id]
    );
    assert!(
        store
            .action_items(elsewhere.id, &ActionItemFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    // Reopened, it loses its done moment but keeps the note given.
    let reopened = store
        .set_action_status(
            system(),
            for_dana.id,
            &ActionStatusForm {
                done: "false".into(),
                note: "חסר נמען".into(),
                ..Default::default()
            }
            .parse(NaiveDate::from_ymd_opt(2026, 10, 20).unwrap())
            .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(reopened.done_at, None);
    // A person who carries an action item is on record: they cannot be deleted.
    assert_eq!(
        conflict(store.delete_person(system(), dana.id).await),
        Conflict::InUse
    );
}

pub async fn calendar_feeds_are_found_by_their_secret_until_revoked(store: &dyn Store) {
    use kesher_domain::bodies::BodyForm;
    use kesher_domain::meetings::MeetingForm;
    let here = initiative(store, "כאן").await;
    let elsewhere = initiative(store, "שם").await;
    let user = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("feeds@example.org").unwrap(),
                name: Name::parse("מנויה").unwrap(),
                password_hash: "h".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let body = |initiative: InitiativeId, name: &str| {
        let input = BodyForm {
            name: name.into(),
            kind: "working_group".into(),
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
    let group = body(here.id, "קבוצת עבודה").await;
    let foreign = body(elsewhere.id, "זרה").await;
    let digest = SecretDigest("feed-digest".into());
    let feed = store
        .create_calendar_feed(
            system(),
            user.id,
            here.id,
            FeedScope::Body(group.id),
            &digest,
        )
        .await
        .unwrap();
    assert_eq!(feed.body_name.as_deref(), Some("קבוצת עבודה"));
    assert_eq!(
        store.calendar_feed(&digest).await.unwrap(),
        Some(feed.clone())
    );
    assert_eq!(
        store.calendar_feed_by_id(feed.id).await.unwrap(),
        feed.clone()
    );
    assert_eq!(
        conflict(
            store
                .create_calendar_feed(
                    system(),
                    user.id,
                    here.id,
                    FeedScope::Body(foreign.id),
                    &SecretDigest("other".into())
                )
                .await
        ),
        Conflict::WrongInitiative
    );
    let mine = store
        .create_calendar_feed(
            system(),
            user.id,
            here.id,
            FeedScope::Mine,
            &SecretDigest("mine".into()),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .calendar_feeds(user.id, here.id)
            .await
            .unwrap()
            .iter()
            .map(|f| f.scope)
            .collect::<Vec<_>>(),
        vec![FeedScope::Body(group.id), FeedScope::Mine]
    );
    store.revoke_calendar_feed(system(), feed.id).await.unwrap();
    assert_eq!(store.calendar_feed(&digest).await.unwrap(), None);
    assert_eq!(
        store.calendar_feeds(user.id, here.id).await.unwrap(),
        vec![mine]
    );
    // The initiative's meetings, of every body, in order of time.
    let form = |at: &str| {
        MeetingForm {
            starts_at: at.into(),
            duration_minutes: "60".into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    };
    let other_group = body(here.id, "קבוצה נוספת").await;
    let later = store
        .create_meeting(system(), group.id, &form("2027-02-01T10:00"), &[])
        .await
        .unwrap();
    let sooner = store
        .create_meeting(system(), other_group.id, &form("2027-01-01T10:00"), &[])
        .await
        .unwrap();
    store
        .create_meeting(system(), foreign.id, &form("2027-01-15T10:00"), &[])
        .await
        .unwrap();
    assert_eq!(
        store
            .meetings_of_initiative(here.id)
            .await
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>(),
        vec![sooner.id, later.id]
    );
}

pub async fn disputes_are_resolved_and_reopened_with_their_history(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "חברה").await;
    let dispute = store
        .create_dispute(
            system(),
            here.id,
            &DisputeForm {
                question: "האם הכימיה בפנים?".into(),
                raised_by_organization_id: org.id.to_string(),
                raised_by_sector: "business".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(dispute.status, DisputeStatus::Open);
    assert_eq!(dispute.history.len(), 1);
    let position = PositionForm {
        organization_id: org.id.to_string(),
        position: "כן, בלי כימיה אין הנדסה".into(),
    };
    let with_position = store
        .add_position(system(), dispute.id, &position.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        with_position.positions[0].organization_name.as_deref(),
        Some("חברה")
    );
    // Stated by the system, the position has no author; a person's keeps their name.
    assert_eq!(with_position.positions[0].author_id, None);
    let author = store
        .create_user(
            system(),
            NewUser {
                email: Email::parse("speaker@example.org").unwrap(),
                name: Name::parse("דוברת").unwrap(),
                password_hash: "x".into(),
                is_admin: false,
                language: "he".into(),
            },
        )
        .await
        .unwrap();
    let with_author = store
        .add_position(
            Actor::user(author.id),
            dispute.id,
            &position.parse().unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(with_author.positions[1].author_id, Some(author.id));
    assert_eq!(
        with_author.positions[1].author_name.as_deref(),
        Some("דוברת")
    );

    let change = |status: &str, note: &str| {
        DisputeStatusForm {
            status: status.into(),
            note: note.into(),
        }
        .parse()
        .unwrap()
    };
    assert_eq!(
        conflict(
            store
                .change_dispute_status(system(), dispute.id, &change("reopened", ""))
                .await
        ),
        Conflict::Transition
    );
    store
        .change_dispute_status(system(), dispute.id, &change("resolved", "הוחלט בוועדה"))
        .await
        .unwrap();
    let reopened = store
        .change_dispute_status(
            system(),
            dispute.id,
            &change("reopened", "שותף חדש העלה שוב"),
        )
        .await
        .unwrap();
    let statuses: Vec<_> = reopened.history.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        vec![
            DisputeStatus::Open,
            DisputeStatus::Resolved,
            DisputeStatus::Reopened
        ]
    );
    assert_eq!(reopened.history[1].note.as_deref(), Some("הוחלט בוועדה"));
    assert_eq!(reopened.status, DisputeStatus::Reopened);
    assert_eq!(
        reopened.positions.len(),
        2,
        "positions outlive status changes"
    );
}

pub async fn endorsements_and_field_changes(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let org = organization(store, here.id, "עמותה").await;
    let endorse = |version: &str| EndorsementForm {
        organization_id: org.id.to_string(),
        version: version.into(),
        signed_on: "2026-01-20".into(),
        signed_by: "דנה לוי, מנכ״לית".into(),
    };
    assert!(matches!(
        store
            .create_endorsement(system(), here.id, &endorse("1").parse().unwrap())
            .await,
        Err(StoreError::NotFound)
    ));
    store
        .create_agenda_version(
            system(),
            here.id,
            &AgendaForm {
                mission: "משימה".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let signed = store
        .create_endorsement(system(), here.id, &endorse("1").parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        (signed.version, signed.organization_name.as_str()),
        (1, "עמותה")
    );
    assert_eq!(
        conflict(
            store
                .create_endorsement(system(), here.id, &endorse("1").parse().unwrap())
                .await
        ),
        Conflict::AlreadyEndorsed
    );
    store.delete_endorsement(system(), signed.id).await.unwrap();
    assert!(store.endorsements(here.id).await.unwrap().is_empty());

    let goal = store
        .create_result(system(), here.id, &node(None, "goal", "בנות במדעים"))
        .await
        .unwrap();
    let change = FieldChangeForm {
        organization_id: org.id.to_string(),
        result_id: goal.id.to_string(),
        before: "חוג רובוטיקה מעורב".into(),
        now: "קבוצה נפרדת לבנות בכיתות ז׳".into(),
        noted_on: "2026-03-01".into(),
    };
    let recorded = store
        .create_field_change(system(), here.id, &change.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(recorded.result_title.as_deref(), Some("בנות במדעים"));
    let listed = store.field_changes(here.id).await.unwrap();
    assert_eq!(listed[0].now, "קבוצה נפרדת לבנות בכיתות ז׳");
    store
        .delete_field_change(system(), recorded.id)
        .await
        .unwrap();
    assert!(store.field_changes(here.id).await.unwrap().is_empty());
}
