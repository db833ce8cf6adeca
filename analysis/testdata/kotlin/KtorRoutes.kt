package example.ktor

import io.ktor.http.HttpStatusCode
import io.ktor.server.response.respond

// Ktor's named codes (HttpStatusCode.NotFound) are read in a file that
// imports Ktor, and so are its numeric forms.
fun Route.users() {
    get("/users/{id}") {
        call.respond(HttpStatusCode.NotFound) // codes: 404/send
        call.respond(HttpStatusCode(418, "I'm a teapot")) // codes: 418/send want "deprecated-status: I'm a teapot"
        call.respond(HttpStatusCode(499, "Client Closed Request")) // codes: 499/send want "nonstandard-status: nginx"
        call.respond(HttpStatusCode(500, "Not Found")) // codes: 500/send want "reason-mismatch: 404 Not Found"
        call.respond(HttpStatusCode(4000, "Custom")) // codes: 4000/send want "invalid-status: HttpStatusCode with 4000"
        // A code given its own reason phrase is a private code on purpose (info).
        call.respond(HttpStatusCode(477, "Come Back Later")) // codes: 477/send want "unknown-status: HttpStatusCode with 477 \"Come Back Later\": a private code of this application"
        call.respond(HttpStatusCode.fromValue(478)) // codes: 478/send want "unknown-status: HttpStatusCode.fromValue with 478: no registry or known vendor defines 478"
        call.respond(HttpStatusCode.fromValue(429)) // codes: 429/send
        call.respond(HttpStatusCode.fromValue(1))
        call.respond(HttpStatusCode.fromValue(code))
        call.respondText("hello", status = HttpStatusCode.OK) // codes: 200/send want "superfluous-writeheader"
        call.response.status(HttpStatusCode.Accepted) // codes: 202/send want "superfluous-writeheader"
        call.respond(HttpStatusCode.UseProxy) // codes: 305/send want "deprecated-status"
    }
}
