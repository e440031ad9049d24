//! Continuous communication: the meetings of the initiative's bodies, what they decide and
//! the action items they give, the updates sent to partners and the contact plan with each.
//! The backbone plans meetings and keeps their record; the
//! people who carry an action item close it; everyone in the initiative reads them.

pub mod action_items;
pub mod calendar;
pub mod contacts;
pub mod documents;
pub mod feeds;
pub mod health;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod updates;
