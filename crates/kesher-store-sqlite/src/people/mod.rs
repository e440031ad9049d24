//! The outbox, invitations and password resets.

mod invitations;
mod mail;
mod password_resets;

pub(crate) use mail::insert_mail;
