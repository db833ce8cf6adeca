package com.example.orders

import org.springframework.http.HttpStatus
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.ResponseStatus
import org.springframework.web.bind.annotation.RestController

@RestController
class HealthController {
    // Trap 5: the servers prefix carried by the route.
    @GetMapping("/api/health")
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS) // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"
    fun health(): Map<String, Boolean> = mapOf("retry" to true)

    // Trap 2: an operation the description does not document.
    @GetMapping("/metrics")
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE) // codes: 503/send
    fun metrics(): String = "down"
}
