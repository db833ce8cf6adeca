// Responses built whole: a body given to a bodiless status, and a status
// sent without the header it needs. Builders return the whole response, so
// nothing here can be sent twice.
use actix_web::HttpResponse;
use axum::http::{Response, StatusCode};
use axum::Json;

async fn created_nothing() -> impl IntoResponse {
    (StatusCode::NO_CONTENT, Json(user)) // codes: 204/send want "bodiless-status: \\(StatusCode::NO_CONTENT, Json\\(user\\)\\) with 204 No Content sends a body"
}

async fn empty_is_fine() -> impl IntoResponse {
    (StatusCode::NO_CONTENT, ()) // codes: 204/send
}

async fn empty_text() -> impl IntoResponse {
    (StatusCode::NO_CONTENT, "") // codes: 204/send
}

async fn headers_only() -> impl IntoResponse {
    (StatusCode::NOT_MODIFIED, [("ETag", etag)]) // codes: 304/send
}

fn actix_body() -> HttpResponse {
    HttpResponse::NoContent().json(user) // codes: 204/send want "bodiless-status: HttpResponse::NoContent\\(\\).json\\(user\\) with 204"
}

fn actix_finished() -> HttpResponse {
    HttpResponse::NoContent().finish() // codes: 204/send
}

fn hyper_body() -> Response<&'static str> {
    Response::builder().status(StatusCode::NO_CONTENT).body("body after 204").unwrap() // codes: 204/send want "bodiless-status"
}

fn hyper_empty() -> Response<()> {
    Response::builder().status(StatusCode::NOT_MODIFIED).body(()).unwrap() // codes: 304/send
}

fn deny() -> Response<&'static str> {
    Response::builder().status(StatusCode::UNAUTHORIZED).body("no").unwrap() // codes: 401/send want "missing-header: without a WWW-Authenticate header"
}

fn deny_actix() -> HttpResponse {
    HttpResponse::Unauthorized().finish() // codes: 401/send want "missing-header: HttpResponse::Unauthorized\\(\\).finish\\(\\) sends 401 Unauthorized without a WWW-Authenticate"
}

async fn deny_axum() -> Result<String, (StatusCode, &'static str)> {
    Err((StatusCode::UNAUTHORIZED, "invalid token")) // codes: 401/send want "missing-header: WWW-Authenticate"
}

fn switch() -> Response<()> {
    Response::builder().status(StatusCode::SWITCHING_PROTOCOLS).body(()).unwrap() // codes: 101/send want "missing-header: without an Upgrade header"
}

// A partial builder may get its headers elsewhere: no step.
fn partial() -> http::response::Builder {
    Response::builder().status(StatusCode::UNAUTHORIZED) // codes: 401/send
}
