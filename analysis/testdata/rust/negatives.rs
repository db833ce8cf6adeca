// Numbers that are no status codes, and status-looking text in comments
// and every kind of string. Only the from_u16 lines, which check that the lexer is
// still in step after each tricky form, are occurrences.
/* A block comment: StatusCode::NOT_FOUND and .status(404)
   /* nested: Response::builder().status(500) */
   still a comment: StatusCode::from_u16(404) */
/// Doc comment: returns StatusCode::NOT_FOUND (404) when missing.
//! Inner doc: res.status() == 404

use std::time::Duration;

const PORT: u16 = 8080;
const RETRIES: usize = 404;

fn strings() {
    let a = "StatusCode::NOT_FOUND and .status(404)";
    let b = r"Response::builder().status(500)";
    let c = r#"a "quoted" StatusCode::from_u16(404) inside"#;
    let d = r##"with "# inside: res.status() == 404"##;
    let after_raw = StatusCode::from_u16(201); // codes: 201/send
    let e = b"StatusCode::OK";
    let f = br#"status(503)"#;
    let g = c"status(302)";
    let h = b'4';
    let i = '"'; StatusCode::from_u16(205); // codes: 205/send
    let j = '\''; StatusCode::from_u16(206); // codes: 206/send
    let l = 'x'; let m = '\u{1F600}'; let n = 'é'; StatusCode::from_u16(207); // codes: 207/send
    let k = "escaped \" quote, then status(404)";
    let after_chars = StatusCode::from_u16(202); // codes: 202/send
}

fn lifetimes<'a>(x: &'a str, y: &'static str) -> &'a str {
    'outer: loop {
        break 'outer;
    }
    StatusCode::from_u16(203); // codes: 203/send
    x
}

fn numbers() {
    let timeout = Duration::from_millis(500);
    let buf = [0u8; 404];
    let n = 404u16;
    let m = 4_04;
    let x = 200 + 300 * 2;
    let listener = std::net::TcpListener::bind(("0.0.0.0", 8080));
    let sized = vec![0; 200];
    let status_str = "404";
    let exit = std::process::Command::new("true").status();
    let w = width == 200;
    let p = point.0 == 404;
    let code = 404;
}

fn from_u16_elsewhere() {
    let v = u16::from_str("404");
    let q = Quantity::from_u16(404);
    let r = other::builder().status(404);
}

// The lexer is still in step at the end of the file.
fn last() {
    let s = StatusCode::from_u16(204); // codes: 204/send
}

// A number parsed for its Err is no status: the invalid number is the
// point of the test.
fn parse_errors() {
    assert!(StatusCode::from_u16(10000).is_err());
    let _e = StatusCode::from_u16(6666).err();
    let _f = http::StatusCode::from_u16(1000).unwrap_err();
    if let Err(_e) = StatusCode::from_u16(6666) {}
}

// Process exit statuses compared to small numbers are no HTTP statuses.
fn exit_codes() {
    let status = std::process::Command::new("ls").status().unwrap().code().unwrap();
    if status == 1 {}
    match status {
        0 => {}
        2 => {}
        _ => {}
    }
    let out = std::process::Command::new("ls").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

// A constant compared, passed or stored is not sent here.
fn not_sent(res: &http::Response<()>) -> bool {
    let wanted = vec![StatusCode::IM_A_TEAPOT]; // codes: 418/ref
    check(StatusCode::IM_A_TEAPOT, 1); // codes: 418/ref
    res.status() == StatusCode::IM_A_TEAPOT // codes: 418/compare
}
