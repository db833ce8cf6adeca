package example.servlet;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A servlet written with numbers only: no prefer-constant anywhere here,
// since the file writes no status constant.
public class UserServlet extends HttpServlet {
    private static final int PORT = 8080;
    private static final long TIMEOUT_MS = 500L;
    private final int[] buffer = new int[404];

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        if (id == null) {
            resp.sendError(400, "Bad Request"); // codes: 400/send
            return;
        }
        if (id.isEmpty()) {
            resp.sendError(404, "Internal Server Error"); // codes: 404/send want "reason-mismatch: sends 404 Not Found with the message \"Internal Server Error\""
            return;
        }
        if (id.equals("ok")) {
            resp.sendError(200); // codes: 200/send want "error-status: resp.sendError with 200 OK"
            return;
        }
        if (id.equals("moved")) {
            resp.sendError(302, "moved"); // codes: 302/send want "error-status: to redirect"
            return;
        }
        if (id.equals("big")) {
            resp.setStatus(2000); // codes: 2000/send want "invalid-status: resp.setStatus with 2000"
            return;
        }
        if (id.equals("typo")) {
            resp.setStatus(430); // codes: 430/send want "unknown-status: no registry or known vendor defines 430"
            return;
        }
        if (id.equals("closed")) {
            resp.setStatus(499); // codes: 499/send want "nonstandard-status: nginx"
            return;
        }
        if (id.equals("teapot")) {
            resp.setStatus(418); // codes: 418/send want "deprecated-status: retired code"
            return;
        }
        resp.setStatus(201); // codes: 201/send
        resp.sendRedirect("/users/" + id);
        response().setStatus(204); // codes: 204/send
        getResponse().setStatus(204); // codes: 204/send
        this.resp.sendError(503); // codes: 503/send
    }

    void notStatuses(Order order, Thread t) throws InterruptedException {
        order.setStatus(200);
        order.setStatus(3);
        Thread.sleep(500);
        int x = 404;
        int y = x * 100 + 404;
        String s = "resp.setStatus(404)";
        char c = '4';
        long big = 404L;
        double d = 404.0;
        int sum = 200 + 300;
        int[] sizes = {200, 404, 500};
        /* resp.sendError(404); */
        // resp.sendError(404);
        /* a block comment
           resp.setStatus(500);
        */
        String block = """
            resp.setStatus(404);
            "quoted" \""" still in the block
            """;
        connect("localhost", 443);
        retry(3, 1000);
    }

    boolean checks(HttpServletResponse resp, Response response) {
        if (resp.getStatus() == 404) { // codes: 404/compare
            return true;
        }
        if (200 != response.getStatus()) { // codes: 200/compare
            return false;
        }
        if (response.getStatus() >= 500) { // codes: 500/range
            return false;
        }
        if (response.getStatus() / 100 == 5) {
            return false;
        }
        if (response.code() == 429) { // codes: 429/compare
            return false;
        }
        if (order.code() == 429) {
            return false;
        }
        if (foo(status) == 404) {
            return false;
        }
        if (response.getStatus() == 1000) {
            return false;
        }
        switch (resp.getStatus()) {
            case 301: // codes: 301/compare
            case 302, 303 -> redirect(); // codes: 302/compare 303/compare
            case 430: // codes: 430/compare want "unknown-status: 430"
                return true;
            default:
                return false;
        }
    }
}
