package example.spring

import io.kotest.matchers.shouldBe
import jakarta.servlet.http.HttpServletResponse

// Kotest, MockMvc and JUnit from Kotlin; the file writes servlet
// constants, so numbers are offered HttpServletResponse.SC_….
class UserControllerTest {
    @Test
    fun statuses() {
        val response = client.get("/users/1")
        response.status shouldBe 200 // codes: 200/compare want "prefer-constant: write HttpServletResponse.SC_OK$"
        response.status shouldNotBe HttpServletResponse.SC_NOT_FOUND // codes: 404/compare
        response.statusCode.shouldBe(201) // codes: 201/compare want "prefer-constant: SC_CREATED"
        response.code shouldBe 204 // codes: 204/compare want "prefer-constant: SC_NO_CONTENT"
        items.size shouldBe 200
        assertEquals(404, response.status) // codes: 404/compare want "prefer-constant: SC_NOT_FOUND"
        assertEquals(HttpStatus.OK, response.statusCode) // codes: 200/compare
        assertThat(response.statusCode.value()).isEqualTo(202) // codes: 202/compare want "prefer-constant: SC_ACCEPTED"
        mockMvc.get("/users/2").andExpect { status { isNotFound() } } // codes: 404/compare
        mockMvc.perform(get("/users/3")).andExpect(status().isGone()) // codes: 410/compare
        if (response.status !in 200..299) fail("bad") // codes: 200/range 299/range
        if (response.status in 400 until 500) fail("client") // codes: 400/range 500/range
        if (attempt in 100..200) retry()
        check(response.status == 306) // codes: 306/compare
        check(call.response.status()?.value == 404) // codes: 404/compare want "prefer-constant: SC_NOT_FOUND"
        check(statusBar.height == 404)
        check(response?.status == 201) // codes: 201/compare want "prefer-constant: SC_CREATED"
        check(response!!.status === 201) // codes: 201/compare want "prefer-constant: SC_CREATED"
    }
}
