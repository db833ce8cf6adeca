package example.negatives;

import static org.springframework.http.HttpStatus.OK;
import org.springframework.http.HttpStatus;

// Numbers that are not statuses: no occurrence and no finding on any line
// without an annotation.
@Timeout(500)
public class Negatives {
    @Size(max = 404)
    private String name;
    private static final int PORT = 8080;
    private static final int HTTPS = 443;
    private final byte[] buf = new byte[404];
    private final int[][] grid = new int[200][300];
    private final long hex = 0x194;
    private final int under = 4_04;
    private final long suffixed = 404L;
    private final float f = 404f;
    private final double exp = 4.04e2;
    private final char quote = '"';
    private final char apostrophe = '\'';

    void strings(HttpServletResponse response) {
        String a = "response.setStatus(404)";
        String b = "escaped \" response.sendError(500) \\";
        String c = """
            A text block: response.setStatus(404);
            with "quotes" and \""" inside
            ResponseEntity.status(500)
            """;
        String css = "width: 404px; color: #404040";
        String url = "http://localhost:8080/status/404";
        log.info("status {} took {} ms", 404, 200);
        response.setHeader("Retry-After", "120");
        response.setContentLength(404);
        response.setBufferSize(500);
        response.addIntHeader("X-Count", 404);
        response.sendRedirect("/login");
    }

    void comments() {
        // response.setStatus(404);
        /* response.sendError(500); */
        /** Javadoc: {@code ResponseEntity.status(404)} */
        /* /* Java block comments do not nest: this ends here */
        int x = 1; // codes-looking text without the marker: 404/send
    }

    void arithmetic(HttpServletResponse response) throws Exception {
        int x = 404;
        int y = x + 200;
        int z = 500 * 2;
        Thread.sleep(200);
        TimeUnit.MILLISECONDS.sleep(500);
        executor.awaitTermination(300, TimeUnit.SECONDS);
        server.listen(8080);
        list.get(404);
        map.put("status", 404);
        int status = 404;
        status = 500;
        if (count == 404) {
            return;
        }
        if (response.getStatus() == x) {
            return;
        }
        if (response.getStatus() % 100 == 4) {
            return;
        }
        if (response.getStatus() == 404 + 1) {
            return;
        }
        if (items.size() > 200) {
            return;
        }
        if (statusBar.getHeight() > 300 || user.getAge() >= 200 || response.getStatusCode().is4xxClientError() == true) {
            return;
        }
        List<Map<String, List<Integer>>> nested = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
        }
        response.setStatus(status);
        order.setStatus(404);
        task.setStatus(100);
        HttpStatus.valueOf(code);
        ResponseEntity.ok().build();
        ResponseEntity.noContent().build();
        status().is4xxClientError();
        status().is5xxServerError();
    }
}
