//! The API's own types: what `/api/v1` answers with and documents. Store records and core
//! results are turned into these at the edge, so a change in storage or in a use case
//! shows up here, as a compile error or a reviewed change, before it can reach a client.

mod activities;
mod agenda;
mod communication;
mod measurement;
mod network;

pub use activities::*;
pub use agenda::*;
pub use communication::*;
pub use measurement::*;
pub use network::*;

/// A list of records as the API shows them.
pub fn all<T, V: From<T>>(items: Vec<T>) -> Vec<V> {
    items.into_iter().map(V::from).collect()
}
