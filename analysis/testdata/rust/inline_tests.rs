// A file with production code and a #[cfg(test)] module: the module is
// test code, the rest is not.
use actix_web::{http::StatusCode, HttpResponse};

pub fn handler() -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(299).unwrap()).finish() // codes: 299/send want "unknown-status"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_code() {
        let _ = HttpResponse::build(StatusCode::from_u16(299).unwrap()).finish(); // codes: 299/send
    }
}

#[tokio::test]
async fn top_level_test() {
    let _ = HttpResponse::build(StatusCode::from_u16(299).unwrap()).finish(); // codes: 299/send
}

pub fn after_the_tests() -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(299).unwrap()).finish() // codes: 299/send want "unknown-status"
}
