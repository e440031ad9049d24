//! People coming in and taking part: the messages Kesher sends (composed here, queued in
//! the store, delivered by a worker), invitations and password resets.

pub mod invitations;
pub mod mail;
pub mod needs;
pub mod notifications;
pub mod password_resets;
