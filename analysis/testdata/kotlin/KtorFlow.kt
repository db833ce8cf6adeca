package example.ktor

import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.response.header
import io.ktor.server.response.respond
import io.ktor.server.response.respondText

// Ktor sends the response with the first respond: a second one throws, and
// so does a header after it.
fun Route.flow() {
    get("/twice") {
        call.respond(HttpStatusCode.OK, "first") // codes: 200/send
        call.respond(HttpStatusCode.Accepted, "second") // codes: 202/send want "superfluous-writeheader: ResponseAlreadySentException"
    }
    get("/returned") {
        if (call.parameters["id"] == null) {
            call.respond(HttpStatusCode.BadRequest) // codes: 400/send
            return@get
        }
        call.respond(HttpStatusCode.OK, "fine") // codes: 200/send
    }
    get("/late") {
        call.respondText("hello")
        call.response.header("X-Trace", "1") // want "late-header: Ktor throws"
    }
    get("/early") {
        call.response.header("X-Trace", "1")
        call.respondText("hello")
    }
    get("/allow") {
        call.response.header(HttpHeaders.Allow, "GET")
        call.respond(HttpStatusCode.MethodNotAllowed) // codes: 405/send
    }
    get("/noallow") {
        call.respond(HttpStatusCode.MethodNotAllowed) // codes: 405/send want "missing-header: call.response.header\\(\"Allow\""
    }
    get("/empty") {
        call.respond(HttpStatusCode.NoContent, "body") // codes: 204/send want "bodiless-status"
    }
    get("/blank") {
        // An empty text is no body.
        call.respond(HttpStatusCode.NoContent, "") // codes: 204/send
    }
    get("/blanktext") {
        call.respondText("", status = HttpStatusCode.NotModified) // codes: 304/send
    }
    get("/either") {
        when (call.parameters["kind"]) {
            "a" -> call.respond(HttpStatusCode.OK, "a") // codes: 200/send
            else -> call.respond(HttpStatusCode.NotFound, "none") // codes: 404/send
        }
    }
}

fun Route.returned() {
    delete("/{id}") {
        val id = call.parameters["id"]?.toULongOrNull()
            ?: return@delete call.respond(HttpStatusCode.BadRequest) // codes: 400/send
        if (!remove(id))
            return@delete call.respond(HttpStatusCode.NotFound) // codes: 404/send
        call.respond(HttpStatusCode.NoContent) // codes: 204/send
    }
}
