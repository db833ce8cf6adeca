// The http crate's StatusCode, as axum and hyper use it. The file writes
// StatusCode constants, so numbers are offered them (prefer-constant).
use axum::http::{header, Response, StatusCode};
use axum::response::{IntoResponse, Redirect};

async fn missing() -> impl IntoResponse {
    (StatusCode::NOT_FOUND, "no such user") // codes: 404/send
}

async fn created() -> (StatusCode, &'static str) {
    (axum::http::StatusCode::CREATED, "made") // codes: 201/send
}

fn built() -> Response<String> {
    Response::builder()
        .status(StatusCode::ACCEPTED) // codes: 202/send
        .header(header::CONTENT_TYPE, "text/plain")
        .body(String::new())
        .unwrap()
}

fn built_with_number() -> Response<String> {
    http::Response::builder().status(404).body("missing".into()).unwrap() // codes: 404/send want "prefer-constant: write StatusCode::NOT_FOUND"
}

fn built_twice() -> Response<()> {
    let a = Response::builder().status(201).body(()).unwrap(); // codes: 201/send want "prefer-constant: write StatusCode::CREATED"
    let b = Response::builder().status(2000).body(()).unwrap(); // codes: 2000/send want "invalid-status"
    Response::builder()
        .status(http::StatusCode::NO_CONTENT) // codes: 204/send
        .body(())
        .unwrap()
}

fn parsed() -> StatusCode {
    StatusCode::from_u16(409).unwrap() // codes: 409/send want "prefer-constant: write StatusCode::CONFLICT"
}

fn parsed_bad() -> Result<StatusCode, http::status::InvalidStatusCode> {
    StatusCode::from_u16(1000) // codes: 1000/send want "invalid-status"
}

fn mutated(mut res: Response<String>) -> Response<String> {
    *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY; // codes: 422/send
    res
}

fn compared(res: &Response<String>) -> bool {
    res.status() == StatusCode::OK // codes: 200/compare
}

fn compared_number(res: &Response<String>) -> bool {
    res.status().as_u16() == 404 || 500 != res.status() // codes: 404/compare 500/compare want "prefer-constant: write StatusCode::NOT_FOUND" "prefer-constant: write StatusCode::INTERNAL_SERVER_ERROR"
}

fn class(res: &Response<String>) -> bool {
    res.status().as_u16() >= 400 && res.status().as_u16() < 500 // codes: 400/range 500/range
}

fn moved() -> Redirect {
    Redirect::to("/login")
}

fn teapot() -> Response<()> {
    Response::builder().status(StatusCode::IM_A_TEAPOT).body(()).unwrap() // codes: 418/send want "deprecated-status: 418"
}

// A Location set by hand beside 200 is the code's choice, not a failed
// redirect: no redirect-status.
fn redirect_without_3xx() -> Response<()> {
    Response::builder()
        .status(200) // codes: 200/send want "prefer-constant: StatusCode::OK"
        .header(header::LOCATION, "/next")
        .body(())
        .unwrap()
}

fn redirect_with_3xx() -> Response<()> {
    Response::builder()
        .status(StatusCode::SEE_OTHER) // codes: 303/send
        .header("Location", "/next")
        .body(())
        .unwrap()
}

fn text_says_other() -> Response<&'static str> {
    Response::builder().status(500).body("Not Found").unwrap() // codes: 500/send want "reason-mismatch: message \"Not Found\"" "prefer-constant: StatusCode::INTERNAL_SERVER_ERROR"
}

fn text_agrees() -> Response<&'static str> {
    Response::builder().status(StatusCode::NOT_FOUND).body("Not Found").unwrap() // codes: 404/send
}

fn vendor_and_unknown() -> (Response<()>, Response<()>) {
    (
        Response::builder().status(499).body(()).unwrap(), // codes: 499/send want "nonstandard-status: nginx"
        Response::builder().status(299).body(()).unwrap(), // codes: 299/send want "unknown-status"
    )
}

// A number parsed and unwrapped is the constant: the whole call is
// replaced (prefer-constant's fix), with the path the file writes.
fn parsed_expected() -> StatusCode {
    http::StatusCode::from_u16(204).expect("valid") // codes: 204/send want "prefer-constant: write http::StatusCode::NO_CONTENT"
}

// A parse left as a Result has no constant to become.
fn parsed_result() -> Result<StatusCode, http::status::InvalidStatusCode> {
    StatusCode::from_u16(204) // codes: 204/send
}

// The constants a handler returns are sent: a retired one is reported
// wherever it is returned, and a response tuple's text body is its message.
async fn teapot_returned() -> StatusCode {
    StatusCode::IM_A_TEAPOT // codes: 418/send want "deprecated-status: 418"
}

async fn teapot_err() -> Result<String, StatusCode> {
    Err(StatusCode::IM_A_TEAPOT) // codes: 418/send want "deprecated-status: 418"
}

async fn mismatched() -> impl IntoResponse {
    (StatusCode::INTERNAL_SERVER_ERROR, "Not Found") // codes: 500/send want "reason-mismatch: \\(StatusCode, …\\) response sends 500 Internal Server Error with the message \"Not Found\""
}

async fn matched_with_headers() -> impl IntoResponse {
    return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "Not Found"); // codes: 404/send
}

fn converted() -> axum::response::Response {
    StatusCode::IM_A_TEAPOT.into_response() // codes: 418/send want "deprecated-status"
}
