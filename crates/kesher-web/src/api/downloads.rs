//! The downloads and exports, for tools that sign in with a token: an indicator's values as
//! CSV or XLSX, the whole measurement setup, and approved values as a DHIS2 document. The
//! pages offer the same files, built by the same calls.

use axum::extract::State;
use axum::http::header::CONTENT_DISPOSITION;
use axum::response::{IntoResponse, Response};
use kesher_domain::{IndicatorId, InitiativeId};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::ErrorBody;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(download_values))
        .routes(routes!(download_setup))
        .routes(routes!(export_dhis2))
}

/// The kind of file a table is sent as.
#[derive(Clone, Copy, Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    #[default]
    Csv,
    Xlsx,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default, deny_unknown_fields)]
pub struct FormatQuery {
    /// `csv` (UTF-8, the default) or `xlsx`.
    // Inline: a query parameter's enum is not gathered into the document's components.
    #[param(inline)]
    pub format: Option<FileFormat>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default, deny_unknown_fields)]
pub struct Dhis2Query {
    /// One indicator's code; left out, every entered indicator.
    pub indicator: Option<String>,
}

/// An indicator's approved values, every place, period and breakdown cell, each with its
/// source: one row per value. Codes stay text; only the value column is a number.
#[utoipa::path(get, path = "/api/v1/indicators/{id}/values-file", tag = "measurement",
    params(("id" = i64, Path, description = "Indicator id"), FormatQuery),
    responses(
        (status = 200, description = "The values as a file",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn download_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
    QueryParams(query): QueryParams<FormatQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (indicator, _) = state.kesher.indicator(caller, id).await?;
    let download = state
        .kesher
        .indicator_values_download(caller, indicator.initiative_id, &indicator.code)
        .await?;
    let format = match query.format.unwrap_or_default() {
        FileFormat::Csv => "csv",
        FileFormat::Xlsx => "xlsx",
    };
    crate::downloads::attachment(&download, format, &indicator.code)
}

/// The whole measurement setup (backbone): places, groups, indicators with their targets,
/// validation rules and saved column mappings — enough to set the same measurement up
/// elsewhere.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/measurement-setup", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, description = "The setup", body = Object, content_type = "application/json"),
        (status = 403, body = ErrorBody)))]
pub async fn download_setup(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let setup = state.kesher.measurement_setup(ctx.caller()?, id).await?;
    Ok(json_attachment(setup, "measurement-setup.json"))
}

/// Approved values as a DHIS2 `dataValueSets` document: data elements are indicator codes,
/// org units the places' codes (`K<id>` for a place without one), category option combos
/// the breakdown cells.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/dhis2", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id"), Dhis2Query),
    responses((status = 200, description = "A dataValueSets document", body = Object, content_type = "application/json"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody, description = "No entered indicator has that code")))]
pub async fn export_dhis2(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<Dhis2Query>,
) -> Result<Response, AppError> {
    let document = state
        .kesher
        .dhis2_data_values(ctx.caller()?, id, query.indicator.as_deref())
        .await?;
    Ok(json_attachment(document, "dataValueSets.json"))
}

/// A JSON document named for the browser's download.
pub(crate) fn json_attachment(document: impl serde::Serialize, file_name: &str) -> Response {
    (
        [(
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        )],
        axum::Json(document),
    )
        .into_response()
}
