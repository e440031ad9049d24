//! Opening the store and serving the application.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use kesher_core::Kesher;
use kesher_store_sqlite::SqliteStore;
use kesher_web::WebConfig;
use tokio::net::TcpListener;

/// Opens the database at `path`, creating it and running migrations as needed.
pub async fn open(path: &Path) -> anyhow::Result<(SqliteStore, Kesher)> {
    let store = SqliteStore::open(path)
        .await
        .with_context(|| format!("opening the database {}", path.display()))?;
    let kesher = Kesher::new(Arc::new(store.clone()));
    Ok((store, kesher))
}

/// A server that is accepting connections.
pub struct Running {
    pub address: SocketAddr,
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// Binds `address` and serves in the background; returns once the port is open, so
/// `/healthz` answers as soon as this returns.
pub async fn start(kesher: Kesher, address: &str, config: WebConfig) -> anyhow::Result<Running> {
    let listener = TcpListener::bind(address)
        .await
        .with_context(|| format!("listening on {address}"))?;
    let address = listener.local_addr()?;
    let sweeper = kesher.clone();
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = sweeper.sweep().await {
                tracing::warn!(%error, "housekeeping failed");
            }
        }
    });
    let app = kesher_web::app(kesher, config).into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
    });
    Ok(Running { address, task })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
