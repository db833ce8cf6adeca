package ranges

// until and ..< exclude their upper bound: `in 500 until 600` is 500..599,
// and the 600 is a bound of the range, not a status compared. Inclusive
// ranges (500..599) read the same way.
fun outcome(chain: Chain) {
    when (chain.httpCall.statusCode) {
        in 400 until 500 -> ignored() // codes: 400/range 500/range
        in 500 until 600 -> dropped() // codes: 500/range 600/range
        in 200..<300 -> ok() // codes: 200/range 300/range
        in 300..399 -> moved() // codes: 300/range 399/range
        else -> other()
    }
    if (chain.response.status in 500 until 600) dropped() // codes: 500/range 600/range
    if (chain.response.status in 500..<600) dropped() // codes: 500/range 600/range
    if (chain.response.status in 500..599) dropped() // codes: 500/range 599/range
}
