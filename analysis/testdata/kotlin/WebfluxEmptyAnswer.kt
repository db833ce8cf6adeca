package example

import org.springframework.http.HttpStatus
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.server.ResponseStatusException
import reactor.core.publisher.Mono

@RestController
class ExecutionController(private val executions: Map<String, String>) {
    // No execution yet: a bare 204, no reason, so no error message is sent.
    @GetMapping("/latest")
    fun latest(name: String): Mono<String> =
        executions[name]?.let { Mono.just(it) }
            ?: Mono.error(ResponseStatusException(HttpStatus.NO_CONTENT)) // codes: 204/send

    @GetMapping("/latest-or-null")
    fun latestOrNull(name: String): String =
        executions[name] ?: throw ResponseStatusException(HttpStatus.NO_CONTENT, null) // codes: 204/send

    // With a reason, the reason is an error message under a success.
    @GetMapping("/first")
    fun first(name: String): String =
        executions[name] ?: throw ResponseStatusException(HttpStatus.NO_CONTENT, "no execution") // codes: 204/send want "error-status: ResponseStatusException with 204 No Content"
}
