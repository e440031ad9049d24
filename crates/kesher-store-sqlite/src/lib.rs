//! The embedded SQLite backend: one file, WAL journal, foreign keys on, migrations embedded
//! and run at open. Implements every `kesher_store` trait; each write is one `BEGIN
//! IMMEDIATE` transaction that also appends to the audit log.

mod accounts;
mod activities;
mod agenda;
mod audit;
mod bodies;
mod communication;
mod imports;
mod initiatives;
mod measurement;
mod network;
mod owned;
mod people;
mod rows;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use kesher_store::{Conflict, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

/// The SQLite store.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(backend)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(backend)?;
        let store = Self { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Applies any migration not yet applied. Safe to run again.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
    }

    /// The names of the migrations this build carries, applied or not.
    pub fn migration_names() -> Vec<String> {
        MIGRATOR.iter().map(|m| m.description.to_string()).collect()
    }

    /// Writes a consistent copy of the database to `target` while it is in use
    /// (`VACUUM INTO` reads one snapshot). Refuses to overwrite an existing file.
    pub async fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::Conflict(Conflict::InUse));
        }
        let target = target
            .to_str()
            .ok_or_else(|| StoreError::Backend("backup path is not valid UTF-8".into()))?;
        sqlx::query("VACUUM INTO ?1")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    async fn write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        // IMMEDIATE takes the write lock at the start, so two writers queue on the busy
        // timeout instead of failing when a read transaction tries to upgrade.
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(backend)
    }

    async fn read(&self) -> Result<sqlx::pool::PoolConnection<Sqlite>, StoreError> {
        self.pool.acquire().await.map_err(backend)
    }
}

/// Turns a backend error into a store error, naming the conflict where the database
/// refused a write because of a constraint.
pub(crate) fn backend(error: sqlx::Error) -> StoreError {
    if let sqlx::Error::RowNotFound = error {
        return StoreError::NotFound;
    }
    if let sqlx::Error::Database(db) = &error {
        let message = db.message();
        if db.is_unique_violation() {
            let conflict = if message.contains("organizations.name_key") {
                Conflict::OrganizationNameTaken
            } else if message.contains("organizations.") && message.contains("external_id") {
                Conflict::ExternalIdTaken
            } else if message.contains("people.") && message.contains("email") {
                Conflict::PersonEmailTaken
            } else if message.contains("users.email") {
                Conflict::UserEmailTaken
            } else if message.contains("endorsements.") {
                Conflict::AlreadyEndorsed
            } else if message.contains("glossary_terms.") {
                Conflict::TermTaken
            } else if message.contains("indicators.") {
                Conflict::IndicatorCodeTaken
            } else if message.contains("places.") {
                Conflict::PlaceCodeTaken
            } else if message.contains("place_groups.") {
                Conflict::PlaceGroupTaken
            } else {
                Conflict::InUse
            };
            return StoreError::Conflict(conflict);
        }
        if db.is_foreign_key_violation() {
            return StoreError::Conflict(Conflict::InUse);
        }
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes: the busy
        // timeout ran out while another connection held the write lock.
        let busy = db
            .code()
            .and_then(|c| c.parse::<i32>().ok())
            .is_some_and(|c| matches!(c & 0xff, 5 | 6));
        if busy {
            return StoreError::Busy;
        }
    }
    if let sqlx::Error::PoolTimedOut = error {
        return StoreError::Busy;
    }
    StoreError::Backend(error.to_string())
}
