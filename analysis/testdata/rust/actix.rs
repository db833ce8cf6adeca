// actix-web: HttpResponse's builders and named builders, InternalError
// and Redirect. No number is written here, so no prefer-constant.
use actix_web::error::InternalError;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse, HttpResponseBuilder, Responder};

async fn missing() -> HttpResponse {
    HttpResponse::NotFound().body("no such user") // codes: 404/send
}

async fn ok() -> impl Responder {
    HttpResponse::Ok().json(vec![1, 2, 3]) // codes: 200/send
}

async fn built() -> HttpResponse {
    HttpResponse::build(StatusCode::CREATED) // codes: 201/send
        .content_type("application/json")
        .finish()
}

async fn new_response() -> HttpResponse {
    HttpResponse::new(actix_web::http::StatusCode::NO_CONTENT) // codes: 204/send
}

async fn builder() -> HttpResponse {
    HttpResponseBuilder::new(StatusCode::ACCEPTED).finish() // codes: 202/send
}

async fn wrong_text() -> HttpResponse {
    HttpResponse::InternalServerError().body("Bad Gateway") // codes: 500/send want "reason-mismatch: \"Bad Gateway\""
}

// A Location set by hand beside the code the author chose: an SPA's
// fetch reads it without following it (a 3xx would be followed).
async fn accepted_with_location() -> HttpResponse {
    HttpResponse::Accepted() // codes: 202/send
        .insert_header((header::LOCATION, "/provider"))
        .body("xsrf")
}

// The builder's later .status(…) replaces the status it was named by:
// the answer is 202 (the facts carry it), and nothing is said about 200.
async fn ok_then_accepted() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::LOCATION, "/next"))
        .status(StatusCode::ACCEPTED) // codes: 202/send
        .finish()
}


async fn not_acceptable_with_location() -> HttpResponse {
    HttpResponse::NotAcceptable() // codes: 406/send
        .insert_header((header::LOCATION, "/provider"))
        .finish()
}


async fn found() -> HttpResponse {
    HttpResponse::Found() // codes: 302/send
        .insert_header((header::LOCATION, "/login"))
        .finish()
}

async fn proxy() -> HttpResponse {
    HttpResponse::UseProxy().finish() // codes: 305/send want "deprecated-status: 305"
}

fn failed(e: std::io::Error) -> InternalError<std::io::Error> {
    InternalError::new(e, StatusCode::SERVICE_UNAVAILABLE) // codes: 503/send
}

fn failed_as_success() -> InternalError<&'static str> {
    InternalError::new("could not save", StatusCode::OK) // codes: 200/send want "error-status: InternalError::new with 200 OK"
}

fn failed_text() -> InternalError<&'static str> {
    InternalError::new("Unauthorized", StatusCode::FORBIDDEN) // codes: 403/send want "reason-mismatch: \"Unauthorized\""
}

async fn moved() -> impl Responder {
    web::Redirect::to("/new").using_status_code(StatusCode::MOVED_PERMANENTLY) // codes: 301/send
}

async fn moved_badly() -> impl Responder {
    web::Redirect::to("/new").using_status_code(StatusCode::NOT_FOUND) // codes: 404/send want "redirect-status: a redirect needs a 3xx code"
}

async fn not_modified_redirect() -> HttpResponse {
    HttpResponse::NotModified() // codes: 304/send want "redirect-status: HttpResponse::NotModified with 304 Not Modified"
        .append_header((header::LOCATION, "/login"))
        .finish()
}

fn warp_reply() -> impl warp::Reply {
    warp::reply::with_status("Created", StatusCode::CREATED) // codes: 201/send
}

fn warp_mismatch() -> impl warp::Reply {
    warp::reply::with_status("Conflict", StatusCode::BAD_REQUEST) // codes: 400/send want "reason-mismatch: \"Conflict\""
}

// A builder of another library is no actix response.
fn other() -> Thing {
    Thing::NotFound()
}

fn status_code(&self) -> StatusCode {
    match self {
        Error::Missing => StatusCode::NOT_FOUND, // codes: 404/send
        Error::Other => StatusCode::INTERNAL_SERVER_ERROR, // codes: 500/send
    }
}

async fn ok_then_not_modified() -> HttpResponse {
    HttpResponse::Ok()
        .status(StatusCode::NOT_MODIFIED) // codes: 304/send want "redirect-status: HttpResponse::Ok\\(\\).status with 304 Not Modified"
        .insert_header((header::LOCATION, "/next"))
        .finish()
}
