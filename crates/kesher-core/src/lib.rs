//! Kesher's use cases. Every operation a user can ask for is a method on [`Kesher`]: it
//! checks who is asking, validates through the domain, and calls the store. Nothing here
//! knows about HTTP; the web layer and the command line are two faces of the same calls.

mod access;
pub mod accounts;
pub mod activities;
pub mod agenda;
mod bodies;
pub mod communication;
pub mod dates;
mod error;
mod history;
mod imports;
mod initiatives;
pub mod measurement;
mod network;
mod overview;
pub mod people;
pub mod spreadsheet;
mod throttle;

use std::sync::Arc;

use kesher_store::Store;

pub use accounts::{Caller, SESSION_DAYS, Secret};
pub use bodies::{BodyDetail, BodySummary};
pub use error::CoreError;
pub use imports::{ImportPreview, import_vocabulary};
pub use network::OrganizationDetail;
pub use overview::{Count, NetworkOverview, SeatingMatrix, SeatingRow};
pub use throttle::LoginThrottle;

/// The application: the store and the little state that lives beside it.
#[derive(Clone)]
pub struct Kesher {
    store: Arc<dyn Store>,
    throttle: Arc<LoginThrottle>,
    /// Each initiative's measurement as last loaded, with the data version it was loaded at.
    measurements: Arc<measurement::picture::MeasurementCache>,
    /// Where links in messages point (set by the server once it knows its address).
    public_url: Arc<std::sync::RwLock<String>>,
    /// Wakes the mail worker when a message is queued.
    mail_waiting: Arc<tokio::sync::Notify>,
}

impl Kesher {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            throttle: Arc::new(LoginThrottle::default()),
            measurements: Arc::default(),
            public_url: Arc::new(std::sync::RwLock::new("http://127.0.0.1:8080".into())),
            mail_waiting: Arc::default(),
        }
    }

    /// The store, for the command line's own maintenance work.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }
}

pub type CoreResult<T> = Result<T, CoreError>;
