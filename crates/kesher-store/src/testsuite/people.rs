//! The outbox, invitations and password resets: what a backend must keep for people to
//! come in by e-mail.

use chrono::{Duration, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::text::{Email, Name};

use super::{conflict, initiative, organization, system};
use crate::*;

pub(crate) fn mail(
    initiative: Option<kesher_domain::InitiativeId>,
    to: &str,
    kind: &str,
) -> NewMail {
    NewMail {
        initiative_id: initiative,
        kind: kind.into(),
        to_address: to.into(),
        subject: "הזמנה לקשר".into(),
        text_body: "https://kesher.example/invitations/secret".into(),
        html_body: "<p dir=\"rtl\">הזמנה</p>".into(),
        list_unsubscribe: Some("https://kesher.example/unsubscribe/one-click?key=k".into()),
        calendar: None,
    }
}

fn new_user(email: &str) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        name: Name::parse("נועה").unwrap(),
        password_hash: "hash".into(),
        is_admin: false,
        language: "he".into(),
    }
}

pub async fn the_outbox_queues_sends_and_retries(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let now = Utc::now();
    let first = store
        .queue_mail(&mail(Some(here.id), "a@example.org", "test"))
        .await
        .unwrap();
    let second = store
        .queue_mail(&mail(None, "b@example.org", "password_reset"))
        .await
        .unwrap();
    assert_eq!(first.attempts, 0);
    assert_eq!(
        first.list_unsubscribe.as_deref(),
        Some("https://kesher.example/unsubscribe/one-click?key=k")
    );
    assert!(first.sent_at.is_none() && first.next_attempt_at.is_some());
    // Both are due, oldest first.
    let due = store
        .due_mail(now + Duration::seconds(1), 10)
        .await
        .unwrap();
    assert_eq!(
        due.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![first.id, second.id]
    );
    // A failed try waits for its retry and says why.
    store
        .mark_mail_failed(
            first.id,
            "connection refused",
            Some(now + Duration::minutes(5)),
        )
        .await
        .unwrap();
    let due = store
        .due_mail(now + Duration::seconds(1), 10)
        .await
        .unwrap();
    assert_eq!(
        due.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![second.id]
    );
    let due = store
        .due_mail(now + Duration::minutes(6), 10)
        .await
        .unwrap();
    assert_eq!(due.len(), 2);
    // Sent: off the queue, its bodies (which may hold a one-time link) emptied.
    store.mark_mail_sent(second.id, now).await.unwrap();
    // Given up: off the queue for good, the error kept for the outbox page.
    store
        .mark_mail_failed(first.id, "mailbox unavailable", None)
        .await
        .unwrap();
    assert!(
        store
            .due_mail(now + Duration::days(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let all = store.outbox(None, 10).await.unwrap();
    assert_eq!(all.len(), 2);
    let sent = all.iter().find(|m| m.id == second.id).unwrap();
    assert!(sent.sent_at.is_some() && sent.text_body.is_empty() && sent.html_body.is_empty());
    assert_eq!(sent.list_unsubscribe, None, "its link goes with the bodies");
    let failed = all.iter().find(|m| m.id == first.id).unwrap();
    assert_eq!(
        (
            failed.attempts,
            failed.last_error.as_deref(),
            failed.sent_at
        ),
        (2, Some("mailbox unavailable"), None)
    );
    assert_eq!(failed.next_attempt_at, None);
    // One initiative's outbox holds its own messages only.
    let own = store.outbox(Some(here.id), 10).await.unwrap();
    assert_eq!(own.iter().map(|m| m.id).collect::<Vec<_>>(), vec![first.id]);
    assert!(matches!(
        store
            .mark_mail_sent(kesher_domain::MailId::new(999_999), now)
            .await,
        Err(StoreError::NotFound)
    ));
}

fn invitation(
    here: kesher_domain::InitiativeId,
    email: &str,
    grant: Grant,
    digest: &str,
    expires_in: Duration,
) -> NewInvitation {
    NewInvitation {
        initiative_id: here,
        email: email.into(),
        grant,
        language: "he".into(),
        invited_by: None,
        digest: SecretDigest(digest.into()),
        expires_at: Utc::now() + expires_in,
    }
}

pub async fn an_invitation_is_accepted_once_by_a_new_or_existing_account(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let partner = organization(store, here.id, "עמותת אור").await;
    let editor = Grant {
        role: Role::PartnerEditor,
        organization_id: Some(partner.id),
    };
    let created = store
        .create_invitation(
            system(),
            &invitation(here.id, "noa@example.org", editor, "d1", Duration::days(7)),
            &mail(Some(here.id), "noa@example.org", "invitation"),
        )
        .await
        .unwrap();
    assert_eq!(created.status(Utc::now()), InvitationStatus::Pending);
    assert_eq!(created.grant, editor);
    // The message was queued with it.
    let queued = store.outbox(Some(here.id), 10).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].kind, "invitation");
    assert_eq!(
        store
            .invitation_by_digest(&SecretDigest("d1".into()))
            .await
            .unwrap()
            .map(|i| i.id),
        Some(created.id)
    );
    assert_eq!(
        store
            .invitation_by_digest(&SecretDigest("nothing".into()))
            .await
            .unwrap(),
        None
    );
    // A new account: opened, given the role, and the invitation is spent.
    let now = Utc::now();
    let (user, role) = store
        .accept_invitation(created.id, Invitee::New(new_user("noa@example.org")), now)
        .await
        .unwrap();
    assert_eq!(user.email, "noa@example.org");
    assert_eq!(
        (role.role, role.organization_id),
        (Role::PartnerEditor, Some(partner.id))
    );
    let spent = store.invitation(created.id).await.unwrap();
    assert_eq!(spent.status(now), InvitationStatus::Accepted);
    assert_eq!(spent.accepted_by, Some(user.id));
    // A second use is refused, and opens no second account.
    let users = store.count_users().await.unwrap();
    assert_eq!(
        conflict(
            store
                .accept_invitation(created.id, Invitee::New(new_user("other@example.org")), now)
                .await
        ),
        Conflict::Transition
    );
    assert_eq!(store.count_users().await.unwrap(), users);
    // An existing account takes a new role in another initiative.
    let there = initiative(store, "שם").await;
    let member = Grant {
        role: Role::Member,
        organization_id: None,
    };
    let second = store
        .create_invitation(
            system(),
            &invitation(there.id, "noa@example.org", member, "d2", Duration::days(7)),
            &mail(Some(there.id), "noa@example.org", "invitation"),
        )
        .await
        .unwrap();
    let (same, role) = store
        .accept_invitation(second.id, Invitee::Existing(user.id), Utc::now())
        .await
        .unwrap();
    assert_eq!((same.id, role.role), (user.id, Role::Member));
    assert_eq!(store.roles_of_user(user.id).await.unwrap().len(), 2);
    // An expired invitation cannot be accepted.
    let stale = store
        .create_invitation(
            system(),
            &invitation(
                here.id,
                "late@example.org",
                member,
                "d3",
                Duration::seconds(-1),
            ),
            &mail(Some(here.id), "late@example.org", "invitation"),
        )
        .await
        .unwrap();
    assert_eq!(stale.status(Utc::now()), InvitationStatus::Expired);
    assert_eq!(
        conflict(
            store
                .accept_invitation(
                    stale.id,
                    Invitee::New(new_user("late@example.org")),
                    Utc::now()
                )
                .await
        ),
        Conflict::Transition
    );
    // An account whose e-mail is taken meanwhile is a conflict, and nothing is written.
    let taken = store
        .create_invitation(
            system(),
            &invitation(here.id, "dup@example.org", member, "d4", Duration::days(1)),
            &mail(Some(here.id), "dup@example.org", "invitation"),
        )
        .await
        .unwrap();
    assert_eq!(
        conflict(
            store
                .accept_invitation(
                    taken.id,
                    Invitee::New(new_user("noa@example.org")),
                    Utc::now()
                )
                .await
        ),
        Conflict::UserEmailTaken
    );
    assert_eq!(
        store.invitation(taken.id).await.unwrap().status(Utc::now()),
        InvitationStatus::Pending
    );
    let listed = store.invitations_in(here.id).await.unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].id, taken.id, "newest first");
}

pub async fn an_invitation_is_renewed_or_revoked_but_never_reopened(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let viewer = Grant {
        role: Role::Viewer,
        organization_id: None,
    };
    let created = store
        .create_invitation(
            system(),
            &invitation(
                here.id,
                "v@example.org",
                viewer,
                "old",
                Duration::seconds(-1),
            ),
            &mail(Some(here.id), "v@example.org", "invitation"),
        )
        .await
        .unwrap();
    // Sent again: a new link and expiry; the old link no longer finds it.
    let renewed = store
        .renew_invitation(
            system(),
            created.id,
            &SecretDigest("new".into()),
            Utc::now() + Duration::days(7),
            &mail(Some(here.id), "v@example.org", "invitation"),
        )
        .await
        .unwrap();
    assert_eq!(renewed.status(Utc::now()), InvitationStatus::Pending);
    assert_eq!(
        store
            .invitation_by_digest(&SecretDigest("old".into()))
            .await
            .unwrap(),
        None
    );
    assert_eq!(store.outbox(Some(here.id), 10).await.unwrap().len(), 2);
    let revoked = store.revoke_invitation(system(), created.id).await.unwrap();
    assert_eq!(revoked.status(Utc::now()), InvitationStatus::Revoked);
    assert_eq!(
        conflict(
            store
                .renew_invitation(
                    system(),
                    created.id,
                    &SecretDigest("again".into()),
                    Utc::now() + Duration::days(7),
                    &mail(Some(here.id), "v@example.org", "invitation"),
                )
                .await
        ),
        Conflict::Transition
    );
    assert_eq!(
        conflict(
            store
                .accept_invitation(
                    created.id,
                    Invitee::New(new_user("v@example.org")),
                    Utc::now()
                )
                .await
        ),
        Conflict::Transition
    );
    // The audit log keeps each step, never the link's digest.
    let log = store
        .audit_entries(&AuditFilter {
            initiative_id: Some(here.id),
            subjects: Vec::new(),
            limit: 100,
        })
        .await
        .unwrap();
    let steps: Vec<_> = log.iter().filter(|e| e.entity == "invitation").collect();
    assert_eq!(steps.len(), 3, "created, renewed, revoked");
    assert!(
        steps
            .iter()
            .all(|e| !format!("{:?}{:?}", e.before, e.after).contains("new"))
    );
}

pub async fn a_password_reset_is_used_once_within_its_hour(store: &dyn Store) {
    let user = store
        .create_user(system(), new_user("reset@example.org"))
        .await
        .unwrap();
    let now = Utc::now();
    let session = SecretDigest("session".into());
    store
        .create_session(&session, user.id, now + Duration::hours(1))
        .await
        .unwrap();
    let link = SecretDigest("reset-link".into());
    store
        .create_password_reset(
            user.id,
            &link,
            now + Duration::hours(1),
            &mail(None, "reset@example.org", "password_reset"),
        )
        .await
        .unwrap();
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 1);
    assert_eq!(
        store.password_reset_user(&link, now).await.unwrap(),
        Some(user.id)
    );
    assert_eq!(
        store
            .password_reset_user(&link, now + Duration::hours(2))
            .await
            .unwrap(),
        None,
        "an hour later the link is dead"
    );
    assert!(matches!(
        store
            .use_password_reset(&link, now + Duration::hours(2), "late")
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store
            .use_password_reset(&link, now, "new hash")
            .await
            .unwrap(),
        user.id
    );
    let email = Email::parse("reset@example.org").unwrap();
    let credentials = store.user_credentials(&email).await.unwrap().unwrap();
    assert_eq!(credentials.password_hash, "new hash");
    assert_eq!(
        store.session_user(&session, now).await.unwrap(),
        None,
        "a new password ends the old sessions"
    );
    assert!(matches!(
        store.use_password_reset(&link, now, "again").await,
        Err(StoreError::NotFound)
    ));
}

pub async fn an_account_changes_its_own_name_and_language(store: &dyn Store) {
    let user = store
        .create_user(system(), new_user("self@example.org"))
        .await
        .unwrap();
    assert_eq!(user.language, "he");
    let changed = store
        .update_profile(
            Actor::user(user.id),
            user.id,
            &Name::parse("נועה כהן").unwrap(),
            "en",
        )
        .await
        .unwrap();
    assert_eq!(
        (changed.name.as_str(), changed.language.as_str()),
        ("נועה כהן", "en")
    );
    assert_eq!(store.user(user.id).await.unwrap(), changed);
    // A new address: the account moves, the notice to the old one is queued with it, and
    // an address another account holds is refused with nothing queued.
    let other = store
        .create_user(system(), new_user("other@example.org"))
        .await
        .unwrap();
    let moved = store
        .change_email(
            Actor::user(user.id),
            user.id,
            &Email::parse("new-self@example.org").unwrap(),
            &mail(None, "self@example.org", "email_changed"),
        )
        .await
        .unwrap();
    assert_eq!(moved.email, "new-self@example.org");
    assert!(
        store
            .user_credentials(&Email::parse("self@example.org").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 1);
    assert_eq!(
        conflict(
            store
                .change_email(
                    Actor::user(other.id),
                    other.id,
                    &Email::parse("new-self@example.org").unwrap(),
                    &mail(None, "other@example.org", "email_changed"),
                )
                .await
        ),
        Conflict::UserEmailTaken
    );
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 1);
    assert!(matches!(
        store
            .update_profile(
                system(),
                kesher_domain::UserId::new(999_999),
                &Name::parse("x").unwrap(),
                "he"
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

pub async fn notifications_are_mailed_at_once_or_digested_and_unsubscribed(store: &dyn Store) {
    let here = initiative(store, "כאן").await;
    let user = store
        .create_user(system(), new_user("told@example.org"))
        .await
        .unwrap();
    assert!(store.notification_modes(user.id).await.unwrap().is_empty());
    let note = |kind: &str| NewNotification {
        user_id: user.id,
        initiative_id: Some(here.id),
        kind: kind.into(),
        text: "ערך הוחזר".into(),
        link: "/initiatives/1/measurement/report".into(),
    };
    // At once: kept as mailed, its message queued with its unsubscribe link.
    let message = mail(Some(here.id), "told@example.org", "notification");
    let link = SecretDigest("unsubscribe-1".into());
    let sent = store
        .record_notification(&note("value_returned"), Some((&message, &link)))
        .await
        .unwrap();
    assert!(sent.mailed_at.is_some());
    assert_eq!(store.outbox(Some(here.id), 10).await.unwrap().len(), 1);
    assert_eq!(
        store.unsubscribe_target(&link).await.unwrap(),
        Some((user.id, "value_returned".to_string()))
    );
    assert_eq!(
        store
            .unsubscribe_target(&SecretDigest("never".into()))
            .await
            .unwrap(),
        None
    );
    // For the digest: kept, not mailed, until the digest gathers it.
    let first = store
        .record_notification(&note("value_returned"), None)
        .await
        .unwrap();
    let second = store
        .record_notification(&note("invitation_accepted"), None)
        .await
        .unwrap();
    let waiting = store.undigested_notifications().await.unwrap();
    assert_eq!(
        waiting.iter().map(|n| n.id).collect::<Vec<_>>(),
        vec![first.id, second.id]
    );
    store
        .mark_digested(
            &[first.id, second.id],
            &mail(None, "told@example.org", "digest"),
            &[
                ("value_returned".into(), SecretDigest("u-2".into())),
                ("invitation_accepted".into(), SecretDigest("u-3".into())),
            ],
            Utc::now(),
        )
        .await
        .unwrap();
    assert!(store.undigested_notifications().await.unwrap().is_empty());
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 2);
    // The first page lists them newest first, mailed or digested alike, in this initiative
    // only and within the span asked for.
    let recent = store
        .recent_notifications(user.id, here.id, Utc::now() - Duration::days(1), 2)
        .await
        .unwrap();
    assert_eq!(
        recent.iter().map(|n| n.id).collect::<Vec<_>>(),
        vec![second.id, first.id]
    );
    let elsewhere = initiative(store, "שם").await;
    assert!(
        store
            .recent_notifications(user.id, elsewhere.id, Utc::now() - Duration::days(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .recent_notifications(user.id, here.id, Utc::now() + Duration::minutes(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .unsubscribe_target(&SecretDigest("u-3".into()))
            .await
            .unwrap()
            .map(|(_, kind)| kind),
        Some("invitation_accepted".to_string())
    );
    // A choice is kept per kind, and replaced.
    store
        .set_notification_mode(
            Actor::user(user.id),
            user.id,
            "value_returned",
            NotificationMode::Daily,
        )
        .await
        .unwrap();
    store
        .set_notification_mode(
            Actor::user(user.id),
            user.id,
            "value_returned",
            NotificationMode::Off,
        )
        .await
        .unwrap();
    assert_eq!(
        store.notification_modes(user.id).await.unwrap(),
        vec![("value_returned".to_string(), NotificationMode::Off)]
    );
}
