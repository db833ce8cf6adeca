package example.booking

import javax.servlet.http.HttpServletResponse

// A receiver named like a response whose type is the application's own.
fun toResponse(b: Booking?): TableStatusResponse {
    val response = TableStatusResponse()
    response.status = if (b == null) 1 else 2
    return response
}

fun other(response: TableStatusResponse) {
    response.status = 2
}

fun servlet(res: HttpServletResponse) {
    res.status = 2 // codes: 2/send want "invalid-status: res.status with 2"
}
