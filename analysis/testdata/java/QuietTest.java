package example.quiet;

// *Test.java is JUnit's test code: warnings and errors are quiet.
import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietTest {
    void oddCode(MockHttpServletResponse response) {
        assertEquals(299, response.getStatus()); // codes: 299/compare
    }
}
