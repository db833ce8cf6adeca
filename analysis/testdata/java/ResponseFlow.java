package example.flow;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

// What a handler does to its response, in order: headers a status needs,
// a body under a status that has none, a second status, a late header.
class ResponseFlow {
    void noAllow(HttpServletResponse response) {
        response.setStatus(405); // codes: 405/send want "missing-header: without an Allow header.*response.setHeader\\(\"Allow\""
    }

    void allowAfter(HttpServletResponse response) {
        // The servlet API lets headers follow setStatus until the commit.
        response.setStatus(405); // codes: 405/send
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
    }

    void allowInBranch(HttpServletResponse response, boolean head) {
        if (head) {
            response.setHeader("Allow", "HEAD");
        }
        response.sendError(405); // codes: 405/send
    }

    void redirect(HttpServletResponse response) throws IOException {
        response.sendRedirect("/login");
    }

    void lateHeader(HttpServletResponse response) throws IOException {
        response.sendError(404); // codes: 404/send
        response.setHeader("Cache-Control", "no-store"); // want "late-header: comes too late.*committed servlet response"
    }

    void bufferedWrite(HttpServletResponse response) throws IOException {
        // A write goes to the buffer: the headers are not sent yet.
        response.getWriter().write("hello");
        response.setHeader("X-Trace", "1");
    }

    void flushed(HttpServletResponse response) throws IOException {
        response.getWriter().flush();
        response.setContentType("text/plain"); // want "late-header"
    }

    void twice(HttpServletResponse response, boolean bad) throws IOException {
        if (bad) response.sendError(400); // codes: 400/send
        response.sendError(500); // codes: 500/send
    }

    void missingReturn(HttpServletResponse response) throws IOException {
        response.sendError(400); // codes: 400/send
        response.setStatus(201); // codes: 201/send want "superfluous-writeheader: has no effect.*IllegalStateException"
    }

    void arms(HttpServletResponse response, int kind) throws IOException {
        switch (kind) {
            case 1:
                response.sendError(400); // codes: 400/send
                break;
            default:
                response.sendError(404); // codes: 404/send
        }
    }

    void noContentBody(HttpServletResponse response) throws IOException {
        response.setStatus(204); // codes: 204/send
        response.getWriter().write("done"); // want "bodiless-status: writes a body after response.setStatus\\(204\\)"
    }

    void notAResponse(UserResponse response) {
        response.setStatus(405); // codes: 405/send
    }
}
