//! Kesher's web face: one axum route table ([`router`]) serving server-rendered HTML pages
//! ([`html`]) and the JSON API ([`api`]) over the same use cases in `kesher_core`.
//! Every request passes [`context::prepare`], which settles the language, the caller and
//! the CSRF token, and renders any error in the caller's language.

pub mod api;
mod assets;
pub mod charts;
pub mod context;
mod downloads;
mod error;
mod forms;
pub mod html;
mod import_jobs;
mod page;
mod queries;
pub mod router;

use std::sync::Arc;

use kesher_core::Kesher;

pub use error::AppError;
pub use router::app;

/// How the web layer is set up.
#[derive(Clone, Debug, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` even when the request does not say it came over HTTPS
    /// (set this when a proxy terminates TLS without `X-Forwarded-Proto`).
    pub always_secure_cookies: bool,
    /// The reverse proxies whose `X-Forwarded-For` is believed. A request from any other
    /// address is known by that address alone, so a client cannot pick its own key for
    /// the sign-in throttle by sending the header.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl WebConfig {
    /// The address a request comes from: the peer, or, when the peer is a trusted proxy,
    /// the nearest address in `X-Forwarded-For` that is not one of ours.
    pub fn client_of(&self, peer: Option<std::net::IpAddr>, forwarded: &[&str]) -> String {
        let Some(peer) = peer else {
            return "unknown".into();
        };
        let trusted = |ip: &std::net::IpAddr| self.trusted_proxies.iter().any(|n| n.contains(ip));
        if !trusted(&peer) {
            return peer.to_string();
        }
        let hops: Vec<std::net::IpAddr> = forwarded
            .iter()
            .flat_map(|header| header.split(','))
            .filter_map(|hop| hop.trim().parse().ok())
            .collect();
        hops.iter()
            .rev()
            .find(|ip| !trusted(ip))
            .or(hops.first())
            .unwrap_or(&peer)
            .to_string()
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub kesher: Kesher,
    pub config: Arc<WebConfig>,
    /// Imports running on after their request, for their progress pages.
    pub imports: Arc<import_jobs::ImportJobs>,
}
