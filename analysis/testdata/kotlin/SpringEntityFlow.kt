package example.flow

import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import reactor.core.publisher.Mono

// An empty body is no body: ResponseEntity.status(NOT_MODIFIED).body(ByteArray(0))
// sends a bare 304.
class Pages {
    fun page(fresh: Boolean, bytes: ByteArray): ResponseEntity<ByteArray> {
        if (fresh) {
            return ResponseEntity
                .status(HttpStatus.NOT_MODIFIED) // codes: 304/send
                .body(ByteArray(0))
        }
        return ResponseEntity.ok().body(bytes)
    }

    fun thumbnail(): ResponseEntity<ByteArray> =
        ResponseEntity.status(HttpStatus.NOT_MODIFIED).body(byteArrayOf()) // codes: 304/send

    fun later(): ResponseEntity<Mono<Void>> =
        ResponseEntity.status(HttpStatus.NO_CONTENT).body(Mono.empty()) // codes: 204/send

    fun one(): ResponseEntity<ByteArray> =
        ResponseEntity.status(HttpStatus.NOT_MODIFIED).body(ByteArray(1)) // codes: 304/send want "bodiless-status: ResponseEntity.status\\(HttpStatus.NOT_MODIFIED\\)….body\\(…\\) with 304 Not Modified sends a body"
}
