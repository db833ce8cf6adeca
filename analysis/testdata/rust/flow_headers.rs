// The required headers set on the response, in its expression or anywhere
// in the file (headers_mut, a layer): nothing is missing.
use actix_web::HttpResponse;
use axum::http::{header, Response, StatusCode};

async fn challenge_tuple() -> impl IntoResponse {
    (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")], "no") // codes: 401/send
}

fn challenge_builder() -> Response<&'static str> {
    Response::builder()
        .status(StatusCode::UNAUTHORIZED) // codes: 401/send
        .header("WWW-Authenticate", "Basic realm=\"x\"")
        .body("no")
        .unwrap()
}

fn challenge_actix() -> HttpResponse {
    HttpResponse::Unauthorized().insert_header((header::WWW_AUTHENTICATE, "Bearer")).finish() // codes: 401/send
}

fn upgraded() -> Response<()> {
    Response::builder()
        .status(StatusCode::SWITCHING_PROTOCOLS) // codes: 101/send
        .header(header::UPGRADE, "websocket")
        .body(())
        .unwrap()
}

// Set after the build: the file touches headers_mut, so any header may be set.
fn later() -> Response<&'static str> {
    let mut res = Response::builder().status(StatusCode::METHOD_NOT_ALLOWED).body("no").unwrap(); // codes: 405/send
    res.headers_mut().insert(header::ALLOW, "GET".parse().unwrap());
    res
}
