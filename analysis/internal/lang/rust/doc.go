// Package rust reads Rust: http::StatusCode, axum, actix-web, hyper, test
// regions (#[cfg(test)], #[test]), and the flow of a response.
//
// It registers itself (facts.Register) when loaded.
package rust
