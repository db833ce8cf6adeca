package facts

// trailerPrefix is net/http's TrailerPrefix: a header set under this
// prefix after the body is sent as a trailer.
const TrailerPrefix = "Trailer:"
