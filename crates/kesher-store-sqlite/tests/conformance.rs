//! The SQLite backend against the shared conformance suite, each case on a fresh file.

use kesher_store_sqlite::SqliteStore;

async fn fresh() -> SqliteStore {
    // Each case gets its own directory, kept (leaked) until the test process ends.
    let dir = Box::leak(Box::new(tempfile::tempdir().expect("temporary directory")));
    SqliteStore::open(&dir.path().join("kesher.db"))
        .await
        .expect("open a fresh store")
}

kesher_store::conformance_tests!(fresh());
