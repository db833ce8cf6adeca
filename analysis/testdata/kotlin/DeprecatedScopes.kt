package example.scopes

import org.springframework.http.HttpStatus

// Kotlin opts in with @Suppress("DEPRECATION") or @Deprecated.
@Suppress("DEPRECATION")
fun legacy(): HttpStatus {
    return HttpStatus.UNPROCESSABLE_ENTITY // codes: 422/ref
}

@Deprecated("use current()")
fun old() = HttpStatus.PAYLOAD_TOO_LARGE // codes: 413/ref

fun current() = HttpStatus.UNPROCESSABLE_ENTITY // codes: 422/ref want "deprecated-constant: write HttpStatus.UNPROCESSABLE_CONTENT"
