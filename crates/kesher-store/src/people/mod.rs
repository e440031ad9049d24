//! People coming in: the outbox of messages Kesher sends, invitations into an initiative,
//! and password resets. One trait and one file per entity.

mod invitations;
mod mail;
mod notifications;
mod password_resets;

pub use invitations::*;
pub use mail::*;
pub use notifications::*;
pub use password_resets::*;
