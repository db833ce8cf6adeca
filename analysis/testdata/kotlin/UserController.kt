package example.spring

import org.springframework.http.HttpStatus
import org.springframework.http.HttpStatus.NOT_FOUND
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.ResponseStatus
import org.springframework.web.server.ResponseStatusException
import jakarta.servlet.http.HttpServletResponse

// Spring in Kotlin: the file writes HttpStatus constants, so numbers are
// offered them (with .value() where only an Int fits).
@ResponseStatus(HttpStatus.NOT_FOUND) // codes: 404/send
class UserNotFound : RuntimeException()

@ResponseStatus(code = HttpStatus.BAD_GATEWAY, reason = "Service Unavailable") // codes: 502/send want "reason-mismatch: 503 Service Unavailable"
class Upstream : RuntimeException()

class Gone : ResponseStatusException(HttpStatus.GONE, "Gone") // codes: 410/send

@RestController
class UserController(private val repo: UserRepository) {

    @GetMapping("/users/{id}")
    fun get(@PathVariable id: Long): ResponseEntity<User> {
        val user = repo.find(id) ?: return ResponseEntity.status(404).build() // codes: 404/send want "prefer-constant: write HttpStatus.NOT_FOUND$"
        if (user.locked) {
            return ResponseEntity(user, HttpStatus.LOCKED) // codes: 423/send
        }
        if (user.old) {
            return ResponseEntity<User>(user, HttpStatus.MOVED_PERMANENTLY) // codes: 301/send
        }
        if (user.teapot) {
            throw ResponseStatusException(HttpStatus.I_AM_A_TEAPOT, "no coffee") // codes: 418/send want "deprecated-status: I'm a teapot"
        }
        if (user.fine) {
            throw ResponseStatusException(HttpStatus.ACCEPTED, "Accepted") // codes: 202/send want "error-status: ResponseStatusException with 202 Accepted"
        }
        return ResponseEntity.ok(user)
    }

    @DeleteMapping("/users/{id}")
    fun delete(@PathVariable id: Long, response: HttpServletResponse) {
        if (id < 0) {
            response.status = 400 // codes: 400/send want "prefer-constant: write HttpStatus.BAD_REQUEST.value\\(\\)$"
            return
        }
        if (id == 0L) {
            response.status = 2000 // codes: 2000/send want "invalid-status: response.status with 2000"
            return
        }
        if (id == 1L) {
            response.sendError(410, "Not Found") // codes: 410/send want "reason-mismatch: 404 Not Found" "prefer-constant: HttpStatus.GONE.value"
            return
        }
        response.status = HttpStatus.NO_CONTENT.value() // codes: 204/send
        response.status = NOT_FOUND.value()
        val message = "user ${repo.name(id)} gone with ${if (id > 404) "big" else "small"}"
        response.sendError(404, "Not Found: $id") // codes: 404/send want "prefer-constant: HttpStatus.NOT_FOUND.value"
        response.sendError(500, "Internal ${"Server"} Error") // codes: 500/send want "prefer-constant: HttpStatus.INTERNAL_SERVER_ERROR.value" "superfluous-writeheader"
    }

    fun check(response: HttpServletResponse): String = when (response.status) {
        200, 201 -> "ok" // codes: 200/compare 201/compare want "prefer-constant: HttpStatus.OK.value" "prefer-constant: HttpStatus.CREATED.value"
        HttpStatus.NOT_FOUND.value() -> "missing" // codes: 404/compare
        in 500..599 -> "server" // codes: 500/range 599/range
        else -> if (response.status >= 400) "client" else "other" // codes: 400/range
    }

    fun classify(code: Int) = when (code) {
        200 -> 1
        404 -> 2
        else -> 3
    }
}
