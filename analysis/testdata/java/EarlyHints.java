package example.hints;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

// Tomcat answers sendError(103) with 103 Early Hints and lets the servlet
// go on: a 1xx there is no error page, so no error-status.
class PreloadServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        resp.addHeader("Link", "</app.css>; rel=preload; as=style");
        resp.sendError(103); // codes: 103/send want "prefer-constant: HttpServletResponse.SC_EARLY_HINTS"
        resp.sendError(HttpServletResponse.SC_EARLY_HINTS); // codes: 103/send
        resp.setContentType("text/plain");
        resp.getWriter().write("ready");
    }

    void failed(HttpServletResponse resp) throws java.io.IOException {
        resp.sendError(HttpServletResponse.SC_OK); // codes: 200/send want "error-status: resp.sendError with 200 OK"
    }
}
