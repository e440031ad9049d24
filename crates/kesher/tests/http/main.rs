//! The black-box suite: the real application on a random port with a fresh database,
//! driven over HTTP as browsers and scripts drive it.

mod access;
mod activities;
mod agenda;
mod api;
mod cli;
mod documents;
mod hardening;
mod helpers;
mod imports;
mod measurement;
mod meetings;
mod pages;
mod people;
mod trusted;
