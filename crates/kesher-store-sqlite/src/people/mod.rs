//! The outbox, invitations and password resets.

mod invitations;
mod mail;
mod notifications;
mod password_resets;

pub(crate) use mail::insert_mail;
