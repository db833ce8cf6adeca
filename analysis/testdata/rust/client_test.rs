// Client tests: reqwest and axum's test responses, asserted and matched.
use reqwest::StatusCode;

#[tokio::test]
async fn gets() {
    let resp = reqwest::get("http://localhost:8080/users/7").await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK); // codes: 200/compare
    assert_eq!(resp.status(), 404); // codes: 404/compare want "prefer-constant: write StatusCode::NOT_FOUND"
    assert_eq!(201, resp.status().as_u16()); // codes: 201/compare want "prefer-constant: write StatusCode::CREATED"
    assert_ne!(resp.status(), reqwest::StatusCode::BAD_GATEWAY); // codes: 502/compare
    assert!(resp.status().is_success());
    assert!(resp.status() == 204); // codes: 204/compare want "prefer-constant: write StatusCode::NO_CONTENT"
    let status = resp.status();
    assert_eq!(status, 202); // codes: 202/compare want "prefer-constant: write StatusCode::ACCEPTED"
    // A length is no status, even beside one.
    assert_eq!(resp.content_length(), Some(404));
    assert_eq!(body.len(), 200);
}

fn classify(resp: &reqwest::Response) -> &'static str {
    match resp.status() {
        StatusCode::OK | StatusCode::CREATED => "ok", // codes: 200/compare 201/compare
        StatusCode::NOT_FOUND => { // codes: 404/compare
            "missing"
        }
        s if s.is_server_error() => "retry",
        _ => "fail",
    }
}

fn classify_number(resp: &reqwest::Response) -> u8 {
    match resp.status().as_u16() {
        404 | 410 => 1, // codes: 404/compare 410/compare
        500..=599 => 2, // codes: 500/range 599/range
        418 => 3, // codes: 418/compare
        _ => 0,
    }
}

fn retryable(resp: &reqwest::Response) -> bool {
    matches!(resp.status(), StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE) // codes: 429/compare 503/compare
}

fn sizes() -> u32 {
    match count {
        200 => 1,
        404 => 2,
        _ => 3,
    }
}
