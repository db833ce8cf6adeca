package io.ktor.http

// Ktor's own table of its codes: the constructor calls define the names,
// they answer no request (no deprecated-status on 102 or 305 here).
public data class HttpStatusCode(val value: Int, val description: String) {
    public companion object {
        public val Processing: HttpStatusCode = HttpStatusCode(102, "Processing")
        public val UseProxy: HttpStatusCode = HttpStatusCode(305, "Use Proxy")
    }
}
