//! The stylesheet, script and icon, embedded in the binary so the product works on a closed
//! network. Each is served with a long cache lifetime; its URL carries a hash of its
//! content, so a new build is fetched at once.

use std::sync::LazyLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::forms::Params;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "kesher.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../assets/kesher.css"),
    },
    Asset {
        name: "kesher.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/kesher.js"),
    },
    Asset {
        name: "icon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../assets/icon.svg"),
    },
];

/// A short hash of everything embedded, for cache-busting URLs.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hasher = Sha256::new();
    for asset in ASSETS {
        hasher.update(asset.body);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
});

/// The URL of an embedded asset.
pub fn url(name: &str) -> String {
    format!("/static/{}/{name}", *VERSION)
}

/// `GET /static/{version}/{name}`
pub async fn serve_asset(Params((_version, name)): Params<(String, String)>) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(asset) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(asset.content_type),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            asset.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
