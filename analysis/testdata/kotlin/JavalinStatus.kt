package example.javalin

import io.javalin.http.Context
import io.javalin.http.HttpStatus

// Javalin's HttpStatus spells most names as Spring's does, but it is
// another enum: its int is .code, and Spring's deprecations are not its.
fun tag(statusCode: Int): String {
    if (statusCode == HttpStatus.OK.code) return "OK" // codes: 200/ref
    if (statusCode == 404) return "NOT_FOUND" // codes: 404/compare want "prefer-constant: write HttpStatus.NOT_FOUND.code"
    return "OTHER"
}

fun handle(ctx: Context) {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT) // codes: 422/send
    ctx.status(201) // codes: 201/send want "prefer-constant: write HttpStatus.CREATED$"
}
