// httpcodes-test: tests=check (these expectations are those of test code checked like any other)
package example.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import javax.servlet.http.HttpServletResponse;

// Tests compare statuses; the file writes servlet constants, so numbers
// are offered HttpServletResponse.SC_… (ints fit everywhere).
class UserControllerTest {

    @Test
    void mockMvc() throws Exception {
        mvc.perform(get("/users/1")).andExpect(status().isOk()); // codes: 200/compare
        mvc.perform(get("/users/2")).andExpect(status().isNotFound()); // codes: 404/compare
        mvc.perform(get("/users/3")).andExpect(status().isIAmATeapot()); // codes: 418/compare
        mvc.perform(get("/users/4")).andExpect(status().is(404)); // codes: 404/compare want "prefer-constant: write HttpServletResponse.SC_NOT_FOUND$"
        mvc.perform(get("/users/5")).andExpect(status().is4xxClientError());
        mvc.perform(get("/users/6")).andExpect(status().isEqualTo(HttpServletResponse.SC_GONE)); // codes: 410/compare
        mvc.perform(get("/users/7")).andExpect(status().isNotARealMatcher());
        client.get().uri("/users").exchange().expectStatus().isNotFound(); // codes: 404/compare
        client.get().uri("/users").exchange().expectStatus().isEqualTo(430); // codes: 430/compare want "unknown-status: 430"
    }

    @Test
    void assertions() {
        HttpResponse<String> response = http.send(request);
        assertEquals(200, response.statusCode()); // codes: 200/compare want "prefer-constant: write HttpServletResponse.SC_OK$"
        assertEquals("status", 201, response.getStatus()); // codes: 201/compare want "prefer-constant: SC_CREATED"
        assertEquals(HttpServletResponse.SC_ACCEPTED, response.getStatus(), "accepted"); // codes: 202/compare
        assertEquals(3, response.getStatus());
        assertEquals(200, list.size());
        assertNotEquals(500, response.getStatus()); // codes: 500/compare want "prefer-constant: SC_INTERNAL_SERVER_ERROR"
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND); // codes: 404/compare
        assertThat(response.getStatusCodeValue()).isEqualTo(204); // codes: 204/compare want "prefer-constant: SC_NO_CONTENT"
        assertThat(items.size()).isEqualTo(204);
        assertThat(response.getStatus(), is(409)); // codes: 409/compare want "prefer-constant: SC_CONFLICT"
        assertThat(response.getStatus(), equalTo(HttpServletResponse.SC_CONFLICT)); // codes: 409/compare
        assertThat(result).hasStatus(404); // codes: 404/compare want "prefer-constant: SC_NOT_FOUND"
        assertTrue(response.getStatusCodeValue() == 404); // codes: 404/compare want "prefer-constant: SC_NOT_FOUND"
        assertTrue(response.statusCode().value() == 201); // codes: 201/compare want "prefer-constant: SC_CREATED"
        assertTrue(HttpStatus.CREATED.value() == response.getStatus()); // codes: 201/compare
        boolean ok = response.getStatus() < 300; // codes: 300/range
    }

    @Test
    void restAssured() {
        given().when().get("/users").then().statusCode(200); // codes: 200/compare want "prefer-constant: SC_OK"
        given().when().get("/users").then().statusCode(equalTo(404)); // codes: 404/compare want "prefer-constant: SC_NOT_FOUND"
        given().when().get("/users").then().assertThat().statusCode(HttpServletResponse.SC_BAD_REQUEST); // codes: 400/compare
        given().when().get("/users").then().time(lessThan(2000L));
    }
}
