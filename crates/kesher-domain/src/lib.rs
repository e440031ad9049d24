//! Kesher's domain: the words of a collective-impact initiative and the rules that hold
//! whatever the storage or the screen. Nothing here performs I/O.

pub mod access;
pub mod activities;
pub mod agenda;
pub mod bodies;
pub mod choice;
pub mod diff;
pub mod documents;
pub mod health;
pub mod ids;
pub mod import;
pub mod lenient;
pub mod measurement;
pub mod meetings;
pub mod network;
pub mod search;
pub mod sheet;
pub mod text;
pub mod tree;
pub mod updates;
pub mod validation;

pub use ids::*;
pub use validation::{FieldError, Invalid};
