//! The `kesher` binary's library half: the command line, the server start-up and the demo
//! loader, shared by `main.rs` and the black-box tests (which start the real app).

pub mod cli;
pub mod demo;
mod demo_activities;
mod demo_agenda;
mod demo_commitments;
mod demo_measurement;
pub mod mail;
pub mod server;
