//! The route table: every URL Kesher answers, in one place. Pages live under
//! `/initiatives/{id}/…`, the API under `/api/v1/…` (see [`crate::api`]).

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Router, middleware};
use kesher_core::Kesher;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::html::{
    access, account, action_items, alignment, bodies, calendar, commitments, contribution,
    documents, funding, health, home, imports, initiatives, invitations, join, meeting_answers,
    meetings, organizations, outbox, password, people, programs, session, unsubscribe, updates,
    users, work_plan,
};
use crate::{AppState, WebConfig, api, assets, context};

/// The largest upload the import accepts, with room for the multipart framing; every
/// other route keeps axum's 2 MB default.
pub(crate) const UPLOAD_LIMIT: usize = 11 * 1024 * 1024;

/// The largest document upload: the library's 20 MB file with the form around it. A
/// larger body is cut off and answered at the form's file field.
pub(crate) const DOCUMENT_LIMIT: usize = kesher_domain::documents::FILE_MAX_BYTES + 1024 * 1024;

/// Builds the whole application.
pub fn app(kesher: Kesher, config: WebConfig) -> Router {
    let state = AppState {
        kesher,
        config: Arc::new(config),
        imports: Arc::default(),
    };
    let (api_routes, _) = api::routes();

    let pages = Router::new()
        .route("/", get(home::show_home))
        .route(
            "/login",
            get(session::show_login).post(session::create_session),
        )
        .route("/logout", post(session::delete_session))
        .route(
            "/invitation",
            get(join::show_invitation).post(join::accept_invitation),
        )
        .route(
            "/password/forgot",
            get(password::show_forgot).post(password::ask_reset),
        )
        .route(
            "/password/reset",
            get(password::show_reset).post(password::reset_password),
        )
        .route("/outbox", get(outbox::all_outbox))
        .route(
            "/admin/users",
            get(users::list_users).post(users::create_user),
        )
        .route(
            "/admin/users/{user}/disable",
            get(go_to("/admin/users")).post(users::disable_user),
        )
        .route(
            "/admin/users/{user}/enable",
            get(go_to("/admin/users")).post(users::enable_user),
        )
        .route("/account", get(account::show_account))
        .route(
            "/account/profile",
            get(go_to("/account")).post(account::update_profile),
        )
        .route(
            "/account/password",
            get(go_to("/account")).post(account::change_password),
        )
        .route(
            "/account/email",
            get(go_to("/account")).post(account::change_email),
        )
        .route(
            "/account/notifications",
            get(go_to("/account")).post(account::update_notifications),
        )
        .route(
            "/meeting-answer",
            get(meeting_answers::show_answer).post(meeting_answers::answer),
        )
        .route(
            "/unsubscribe",
            get(unsubscribe::show_unsubscribe).post(unsubscribe::unsubscribe),
        )
        .route(
            "/unsubscribe/one-click",
            get(unsubscribe::show_one_click).post(unsubscribe::one_click),
        )
        .route(
            "/account/tokens",
            get(go_to("/account")).post(account::create_token),
        )
        .route(
            "/account/tokens/{token}/revoke",
            get(go_to("/account")).post(account::revoke_token),
        )
        .route(
            "/initiatives",
            get(go_home).post(initiatives::create_initiative),
        )
        .route("/initiatives/new", get(initiatives::new_initiative))
        .route("/initiatives/{id}/network", get(initiatives::show_network))
        .route(
            "/initiatives/{id}",
            get(initiatives::show_initiative).post(initiatives::update_initiative),
        )
        .route("/initiatives/{id}/edit", get(initiatives::edit_initiative))
        .route("/initiatives/{id}/seating", get(initiatives::show_seating))
        .route("/initiatives/{id}/history", get(initiatives::show_history))
        .route(
            "/initiatives/{id}/organizations",
            get(organizations::list_organizations).post(organizations::create_organization),
        )
        .route(
            "/initiatives/{id}/organizations/new",
            get(organizations::new_organization),
        )
        .route(
            "/initiatives/{id}/organizations/{organization}",
            get(organizations::show_organization).post(organizations::update_organization),
        )
        .route(
            "/initiatives/{id}/organizations/{organization}/edit",
            get(organizations::edit_organization),
        )
        .route(
            "/initiatives/{id}/organizations/{organization}/delete",
            get(organizations::confirm_delete_organization)
                .post(organizations::delete_organization),
        )
        .route(
            "/initiatives/{id}/people",
            get(people::list_people).post(people::create_person),
        )
        .route("/initiatives/{id}/people/new", get(people::new_person))
        .route(
            "/initiatives/{id}/people/{person}",
            get(people::show_person).post(people::update_person),
        )
        .route(
            "/initiatives/{id}/people/{person}/edit",
            get(people::edit_person),
        )
        .route(
            "/initiatives/{id}/people/{person}/delete",
            get(people::confirm_delete_person).post(people::delete_person),
        )
        .route(
            "/initiatives/{id}/bodies",
            get(bodies::list_bodies).post(bodies::create_body),
        )
        .route("/initiatives/{id}/bodies/new", get(bodies::new_body))
        .route(
            "/initiatives/{id}/bodies/{body}",
            get(bodies::show_body).post(bodies::update_body),
        )
        .route(
            "/initiatives/{id}/bodies/{body}/meetings/new",
            get(meetings::new_meeting),
        )
        .route(
            "/initiatives/{id}/bodies/{body}/meetings",
            post(meetings::plan_meeting),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}",
            get(meetings::show_meeting).post(meetings::update_meeting),
        )
        .route("/initiatives/{id}/health", get(health::show_health))
        .route(
            "/initiatives/{id}/health/indicators",
            post(health::link_indicator),
        )
        .route(
            "/initiatives/{id}/health/indicators/{indicator}/unlink",
            post(health::unlink_indicator),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/edit",
            get(meetings::edit_meeting),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/attendance",
            post(meetings::record_attendance),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/minutes",
            post(meetings::record_minutes),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/invitations",
            post(meetings::send_invitations),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/cancel",
            post(meetings::cancel_meeting),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/answer",
            post(meetings::answer_meeting),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/decisions",
            post(meetings::decide_at_meeting),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/action-items",
            post(meetings::add_action_item),
        )
        .route(
            "/initiatives/{id}/meetings/{meeting}/summary",
            get(meetings::meeting_summary).post(meetings::finalize_meeting),
        )
        .route("/initiatives/{id}/calendar", get(calendar::show_calendar))
        .route(
            "/initiatives/{id}/calendar/feeds",
            post(calendar::create_feed),
        )
        .route(
            "/initiatives/{id}/calendar/feeds/{feed}/revoke",
            post(calendar::revoke_feed),
        )
        .route("/calendar/{file}", get(calendar::feed))
        .route(
            "/initiatives/{id}/updates",
            get(updates::list_updates).post(updates::create_update),
        )
        .route("/initiatives/{id}/updates/new", get(updates::new_update))
        .route(
            "/initiatives/{id}/updates/{update}",
            get(updates::show_update).post(updates::save_update),
        )
        .route(
            "/initiatives/{id}/updates/{update}/edit",
            get(updates::edit_update),
        )
        .route(
            "/initiatives/{id}/updates/{update}/send",
            post(updates::send_update),
        )
        .route(
            "/initiatives/{id}/updates/{update}/delete",
            post(updates::delete_update),
        )
        .route(
            "/initiatives/{id}/documents",
            get(documents::list_documents)
                .post(documents::add_document)
                .layer(DefaultBodyLimit::max(DOCUMENT_LIMIT)),
        )
        .route(
            "/initiatives/{id}/documents/{document}",
            get(documents::show_document).post(documents::edit_document),
        )
        .route(
            "/initiatives/{id}/documents/{document}/versions",
            post(documents::add_version).layer(DefaultBodyLimit::max(DOCUMENT_LIMIT)),
        )
        .route(
            "/initiatives/{id}/documents/{document}/versions/{version}",
            get(documents::download),
        )
        .route(
            "/initiatives/{id}/documents/{document}/delete",
            post(documents::delete_document),
        )
        .route(
            "/initiatives/{id}/programs",
            get(programs::list).post(programs::create),
        )
        .route("/initiatives/{id}/programs/new", get(programs::new))
        .route(
            "/initiatives/{id}/programs/hsds.json",
            get(programs::download_hsds),
        )
        .route(
            "/initiatives/{id}/programs/import",
            get(programs::import_form)
                .post(programs::import)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/initiatives/{id}/programs/{program}",
            get(programs::show).post(programs::update),
        )
        .route(
            "/initiatives/{id}/programs/{program}/edit",
            get(programs::edit),
        )
        .route(
            "/initiatives/{id}/programs/{program}/delete",
            post(programs::delete),
        )
        .route(
            "/initiatives/{id}/commitments",
            get(commitments::list).post(commitments::create),
        )
        .route("/initiatives/{id}/commitments/new", get(commitments::new))
        .route(
            "/initiatives/{id}/commitments/{commitment}",
            get(commitments::show).post(commitments::update),
        )
        .route(
            "/initiatives/{id}/commitments/{commitment}/edit",
            get(commitments::edit),
        )
        .route(
            "/initiatives/{id}/commitments/{commitment}/fulfilment",
            back_to("commitments/{record}").post(commitments::report),
        )
        .route(
            "/initiatives/{id}/commitments/{commitment}/delete",
            back_to("commitments/{record}").post(commitments::delete),
        )
        .route(
            "/initiatives/{id}/funding-requests",
            get(funding::list).post(funding::create),
        )
        .route("/initiatives/{id}/funding-requests/new", get(funding::new))
        .route(
            "/initiatives/{id}/funding-requests/{request}",
            get(funding::show).post(funding::update),
        )
        .route(
            "/initiatives/{id}/funding-requests/{request}/edit",
            get(funding::edit),
        )
        .route(
            "/initiatives/{id}/funding-requests/{request}/pledge",
            back_to("funding-requests/{record}").post(funding::answer),
        )
        .route(
            "/initiatives/{id}/funding-requests/{request}/delete",
            back_to("funding-requests/{record}").post(funding::delete),
        )
        .route("/initiatives/{id}/alignment", get(alignment::alignment))
        .route(
            "/initiatives/{id}/contribution",
            get(contribution::contribution),
        )
        .route("/initiatives/{id}/work-plan", get(work_plan::work_plan))
        .route(
            "/initiatives/{id}/work-plan/next-year",
            post(work_plan::next_year),
        )
        .route("/initiatives/{id}/work-plans", post(work_plan::create_plan))
        .route(
            "/initiatives/{id}/work-plans/{plan}/items",
            post(work_plan::add_row),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/items/{item}/delete",
            post(work_plan::delete_row),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/items/{item}/report",
            post(work_plan::report_row),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/items/{item}/milestones",
            post(work_plan::add_milestone),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/milestones/{milestone}/toggle",
            post(work_plan::toggle_milestone),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/approve",
            post(work_plan::approve),
        )
        .route(
            "/initiatives/{id}/work-plans/{plan}/versions",
            post(work_plan::new_version),
        )
        .route("/initiatives/{id}/contact-plan", get(updates::contact_plan))
        .route(
            "/initiatives/{id}/contact-plan/{organization}",
            get(updates::edit_contact_plan).post(updates::save_contact_plan),
        )
        .route(
            "/initiatives/{id}/contact-plan/{organization}/clear",
            post(updates::clear_contact_plan),
        )
        .route(
            "/initiatives/{id}/action-items",
            get(action_items::list_action_items),
        )
        .route(
            "/initiatives/{id}/action-items/{item}/status",
            post(action_items::set_action_status),
        )
        .route(
            "/initiatives/{id}/bodies/{body}/edit",
            get(bodies::edit_body),
        )
        .route(
            "/initiatives/{id}/bodies/{body}/delete",
            get(bodies::confirm_delete_body).post(bodies::delete_body),
        )
        .route(
            "/initiatives/{id}/bodies/{body}/memberships",
            get(bodies::show_body_from_memberships).post(bodies::create_membership),
        )
        .route(
            "/initiatives/{id}/memberships/{membership}",
            get(bodies::edit_membership).post(bodies::update_membership),
        )
        .route(
            "/initiatives/{id}/memberships/{membership}/edit",
            get(bodies::edit_membership),
        )
        .route(
            "/initiatives/{id}/memberships/{membership}/delete",
            post(bodies::delete_membership),
        )
        .route(
            "/initiatives/{id}/access",
            get(access::list_roles).post(access::grant_role),
        )
        .route(
            "/initiatives/{id}/access/{user}/revoke",
            post(access::revoke_role),
        )
        .route(
            "/initiatives/{id}/invitations",
            get(invitations::list_invitations).post(invitations::create_invitation),
        )
        .route(
            "/initiatives/{id}/invitations/{invitation}/resend",
            post(invitations::resend_invitation),
        )
        .route(
            "/initiatives/{id}/invitations/{invitation}/revoke",
            post(invitations::revoke_invitation),
        )
        .route("/initiatives/{id}/outbox", get(outbox::initiative_outbox))
        .route(
            "/initiatives/{id}/import",
            get(imports::show_import)
                .post(imports::preview_import)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/initiatives/{id}/import/{draft}/confirm",
            post(imports::confirm_import),
        )
        .merge(agenda_pages())
        .merge(measurement_pages());

    #[cfg(feature = "test-hooks")]
    let pages = pages.route(
        "/test-hooks/panic",
        get(|| async {
            if std::hint::black_box(true) {
                panic!("a handler panicked on purpose");
            }
        }),
    );

    Router::new()
        .merge(pages)
        .merge(api_routes)
        .route("/api/v1/openapi.json", get(openapi_document))
        .route("/healthz", get(|| async { "ok" }))
        .route("/static/{version}/{name}", get(assets::serve_asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Inside `prepare`, so a panic is rendered as the error page or ErrorBody in the
        // caller's language, and logged once.
        .layer(CatchPanicLayer::custom(panicked))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::prepare,
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                // The path only: query strings can hold people's names (a search).
                let path = logged_path(request.uri().path());
                tracing::info_span!("request", method = %request.method(), path = %path)
            }),
        )
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::REFERRER_POLICY, "same-origin"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
        .with_state(state)
}

/// A handler panicked (a bug): the request fails like any internal failure, and the server
/// goes on.
fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let cause = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a handler panicked".into());
    crate::AppError(kesher_core::CoreError::Internal(format!("panic: {cause}"))).into_response()
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

async fn openapi_document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        api::OPENAPI_JSON.as_str(),
    )
}

/// The shared measurement's pages.
fn measurement_pages() -> Router<AppState> {
    use crate::html::measurement::{
        self, gaps, imports, indicators, places, progress, report_card, reporting, setup,
    };
    Router::new()
        .route(
            "/initiatives/{id}/measurement/setup",
            get(setup::show_setup),
        )
        .route(
            "/initiatives/{id}/measurement/setup/groups",
            back_to_page("measurement/setup").post(setup::create_group),
        )
        .route(
            "/initiatives/{id}/measurement/setup/groups/{group}/delete",
            back_to("measurement/setup").post(setup::delete_group),
        )
        .route(
            "/initiatives/{id}/measurement/setup/rules",
            back_to_page("measurement/setup").post(setup::create_rule),
        )
        .route(
            "/initiatives/{id}/measurement/setup/rules/{rule}/delete",
            back_to("measurement/setup").post(setup::delete_rule),
        )
        .route(
            "/initiatives/{id}/measurement/progress",
            get(progress::show_progress).post(progress::save_settings),
        )
        .route("/report/{slug}", get(report_card::show_report_card))
        .route(
            "/initiatives/{id}/measurement/report-card",
            get(report_card::edit_report_card).post(report_card::save_report_card),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/gap",
            get(gaps::show_gap),
        )
        .route(
            "/initiatives/{id}/measurement/report",
            get(reporting::show_report).post(reporting::enter_values),
        )
        .route(
            "/initiatives/{id}/measurement/report/submit",
            back_to_page("measurement/report").post(reporting::submit_values),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/download",
            get(indicators::download_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/setup.json",
            get(measurement::download_setup),
        )
        .route(
            "/initiatives/{id}/measurement/dhis2.json",
            get(measurement::download_dhis2),
        )
        .route(
            "/initiatives/{id}/measurement/approvals",
            get(reporting::show_approvals).post(reporting::review_values),
        )
        .route(
            "/initiatives/{id}/measurement",
            get(measurement::show_dashboard),
        )
        .route(
            "/initiatives/{id}/measurement/indicators",
            back_to_page("measurement").post(indicators::create_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/new",
            get(indicators::new_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}",
            get(indicators::show_indicator).post(indicators::update_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/edit",
            get(indicators::edit_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/delete",
            get(indicators::confirm_delete_indicator).post(indicators::delete_indicator),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/targets",
            back_to("measurement/indicators/{record}").post(indicators::set_target),
        )
        .route(
            "/initiatives/{id}/measurement/indicators/{indicator}/targets/{target}/delete",
            post(indicators::delete_target),
        )
        .route(
            "/initiatives/{id}/measurement/places",
            get(places::list_places).post(places::create_place),
        )
        .route(
            "/initiatives/{id}/measurement/places/new",
            get(places::new_place),
        )
        .route(
            "/initiatives/{id}/measurement/places/{place}",
            get(places::show_place).post(places::update_place),
        )
        .route(
            "/initiatives/{id}/measurement/places/{place}/edit",
            get(places::edit_place),
        )
        .route(
            "/initiatives/{id}/measurement/places/{place}/delete",
            get(places::confirm_delete_place).post(places::delete_place),
        )
        .route(
            "/initiatives/{id}/measurement/import",
            get(imports::new_data_import)
                .post(imports::upload_data_file)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/initiatives/{id}/measurement/import/{draft}",
            get(imports::show_mapping),
        )
        .route(
            "/initiatives/{id}/measurement/import/{draft}/preview",
            back_to("measurement/import/{record}").post(imports::preview_data_file),
        )
        .route(
            "/initiatives/{id}/measurement/import/{draft}/confirm",
            back_to("measurement/import/{record}").post(imports::confirm_data_file),
        )
        .route(
            "/initiatives/{id}/measurement/import/jobs/{job}",
            get(imports::show_import_job),
        )
        .route(
            "/initiatives/{id}/measurement/import/jobs/{job}/status",
            get(imports::import_job_status),
        )
}

/// A GET at a form-only address of an initiative leads to the page the form lives on.
fn back_to_page(page: &'static str) -> axum::routing::MethodRouter<AppState> {
    get(
        move |crate::forms::Params(id): crate::forms::Params<i64>| async move {
            axum::response::Redirect::to(&format!("/initiatives/{id}/{page}"))
        },
    )
}

/// The common agenda's pages.
fn agenda_pages() -> Router<AppState> {
    use crate::html::agenda::{
        decisions, disputes, endorsements, field_changes, glossary, results, statements,
    };
    Router::new()
        .route(
            "/initiatives/{id}/agenda",
            get(statements::show_agenda).post(statements::revise_agenda),
        )
        .route(
            "/initiatives/{id}/agenda/edit",
            get(statements::edit_agenda),
        )
        .route(
            "/initiatives/{id}/agenda/versions/{number}",
            get(statements::show_agenda_version),
        )
        .route(
            "/initiatives/{id}/agenda/versions/{number}/comments",
            post(statements::add_comment),
        )
        .route(
            "/initiatives/{id}/agenda/compare",
            get(statements::compare_agenda),
        )
        .route(
            "/initiatives/{id}/results",
            get(results::show_results).post(results::create_result),
        )
        .route("/initiatives/{id}/results/new", get(results::new_result))
        .route(
            "/initiatives/{id}/results/theory-of-change",
            get(results::show_theory_of_change),
        )
        .route(
            "/initiatives/{id}/results/{node}",
            get(results::show_result).post(results::update_result),
        )
        .route(
            "/initiatives/{id}/results/{node}/edit",
            get(results::edit_result),
        )
        .route(
            "/initiatives/{id}/results/{node}/move",
            back_to("results").post(results::move_result),
        )
        .route(
            "/initiatives/{id}/results/{node}/delete",
            get(results::confirm_delete_result).post(results::delete_result),
        )
        .route(
            "/initiatives/{id}/glossary",
            get(glossary::show_glossary).post(glossary::create_term),
        )
        .route(
            "/initiatives/{id}/glossary/{term}",
            get(glossary::show_term).post(glossary::rename_term),
        )
        .route(
            "/initiatives/{id}/glossary/{term}/definitions",
            back_to("glossary/{record}").post(glossary::propose_definition),
        )
        .route(
            "/initiatives/{id}/definitions/{definition}/adopt",
            back_to("glossary").post(glossary::adopt_definition),
        )
        .route(
            "/initiatives/{id}/decisions",
            get(decisions::list_decisions).post(decisions::create_decision),
        )
        .route(
            "/initiatives/{id}/decisions/new",
            get(decisions::new_decision),
        )
        .route(
            "/initiatives/{id}/decisions/{decision}",
            get(decisions::show_decision).post(decisions::update_decision),
        )
        .route(
            "/initiatives/{id}/decisions/{decision}/edit",
            get(decisions::edit_decision),
        )
        .route(
            "/initiatives/{id}/decisions/{decision}/delete",
            get(decisions::confirm_delete_decision).post(decisions::delete_decision),
        )
        .route(
            "/initiatives/{id}/disputes",
            get(disputes::list_disputes).post(disputes::create_dispute),
        )
        .route(
            "/initiatives/{id}/disputes/{dispute}",
            get(disputes::show_dispute).post(disputes::update_dispute),
        )
        .route(
            "/initiatives/{id}/disputes/{dispute}/edit",
            get(disputes::edit_dispute),
        )
        .route(
            "/initiatives/{id}/disputes/{dispute}/positions",
            back_to("disputes/{record}").post(disputes::add_position),
        )
        .route(
            "/initiatives/{id}/disputes/{dispute}/status",
            back_to("disputes/{record}").post(disputes::change_dispute_status),
        )
        .route(
            "/initiatives/{id}/endorsements",
            get(endorsements::show_endorsements).post(endorsements::create_endorsement),
        )
        .route(
            "/initiatives/{id}/endorsements/{endorsement}/delete",
            back_to("endorsements").post(endorsements::delete_endorsement),
        )
        .route(
            "/initiatives/{id}/field-changes",
            get(field_changes::list_field_changes).post(field_changes::create_field_change),
        )
        .route(
            "/initiatives/{id}/field-changes/{change}",
            get(field_changes::edit_field_change).post(field_changes::update_field_change),
        )
        .route(
            "/initiatives/{id}/field-changes/{change}/edit",
            get(field_changes::edit_field_change),
        )
        .route(
            "/initiatives/{id}/field-changes/{change}/delete",
            back_to("field-changes").post(field_changes::delete_field_change),
        )
}

/// Addresses that only receive forms answer GET by leading back to where the form was, so a
/// reload or a language switch on a refused form's page does not fail: to
/// `/initiatives/{id}/{page}`, where `{record}` in `page` stands for the address's second id.
fn back_to(page: &'static str) -> axum::routing::MethodRouter<AppState> {
    get(
        move |crate::forms::Params((id, record)): crate::forms::Params<(i64, i64)>| async move {
            let page = page.replace("{record}", &record.to_string());
            axum::response::Redirect::to(&format!("/initiatives/{id}/{page}"))
        },
    )
}

/// An address that only receives a form answers GET by going to the page the form is on.
fn go_to(page: &'static str) -> axum::routing::MethodRouter<AppState> {
    get(move || async move { axum::response::Redirect::to(page) })
}

/// `GET /initiatives`: the list of initiatives is the start page. (A refused "new
/// initiative" form is shown at this address; reloading it must not fail.)
async fn go_home() -> axum::response::Redirect {
    axum::response::Redirect::to("/")
}

async fn not_found() -> crate::AppError {
    crate::AppError(kesher_core::CoreError::NotFound)
}

/// An address asked with a method it does not take (a bookmarked form address, say) gets a
/// page in the user's language that says so, with status 405, not an empty answer.
async fn method_not_allowed() -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = crate::AppError(kesher_core::CoreError::BadRequest {
        message_id: "error-method-not-allowed",
    })
    .into_response();
    *response.status_mut() = axum::http::StatusCode::METHOD_NOT_ALLOWED;
    response
}

/// A request's path as the log shows it: a calendar feed's path is its secret, so it is
/// logged without it.
fn logged_path(path: &str) -> &str {
    if path.starts_with("/calendar/") {
        "/calendar/…"
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_feed_secret_never_reaches_the_log() {
        assert_eq!(
            super::logged_path("/calendar/cal_s3cr3t.ics"),
            "/calendar/…"
        );
        assert_eq!(
            super::logged_path("/initiatives/1/calendar"),
            "/initiatives/1/calendar"
        );
    }
}
