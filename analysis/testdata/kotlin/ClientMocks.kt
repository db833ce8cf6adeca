package example.client

import mockwebserver3.MockResponse
import okhttp3.mockwebserver.MockResponse as LegacyResponse
import org.springframework.test.web.servlet.get

// Test doubles written in production helpers: OkHttp's mock server
// answers and MockMvc's Kotlin DSL name their codes.
class Stubs(val server: MockWebServer, val mockMvc: MockMvc) {
    fun stub() {
        server.enqueue(MockResponse(code = 404, body = "missing")) // codes: 404/send
        server.enqueue(MockResponse(code = 4040)) // codes: 4040/send want "invalid-status: MockResponse with 4040"
        server.enqueue(LegacyResponse().setResponseCode(430)) // codes: 430/send want "unknown-status"
        server.enqueue(LegacyResponse().setResponseCode(3))
    }

    fun expect() {
        mockMvc.get("/users/1").andExpect { status { isOk() } } // codes: 200/compare
        mockMvc.get("/users/1").andExpect { status { isEqualTo(299) } } // codes: 299/compare want "unknown-status"
        mockMvc.get("/users/1").andExpect { status { is4xxClientError() } }
    }
}
