// An exclusive range (500..600) excludes its upper bound and an inclusive
// one (500..=599) includes it: either way both ends are bounds of a class
// check, not statuses compared; 600 is not an unknown status here.
fn outcome(resp: &Response) {
    match resp.status().as_u16() {
        500..600 => dropped(), // codes: 500/range 600/range
        400..=499 => ignored(), // codes: 400/range 499/range
        _ => {}
    }
    if (500..600).contains(&resp.status().as_u16()) { // codes: 500/range 600/range
        dropped();
    }
    if (500..=599).contains(&resp.status().as_u16()) { // codes: 500/range 599/range
        dropped();
    }
    // Not a status: a range of anything else.
    if (500..600).contains(&count) {}
}
