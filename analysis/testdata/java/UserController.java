package example.spring;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

// This file writes Spring's HttpStatus constants, so numbers are offered
// them: bare where the call takes an HttpStatusCode, with .value() where
// only an int fits.
@RestController
@RequestMapping("/users")
public class UserController {

    @ResponseStatus(HttpStatus.NOT_FOUND) // codes: 404/send
    static class UserNotFound extends RuntimeException {}

    @ResponseStatus(code = HttpStatus.CONFLICT, reason = "Conflict") // codes: 409/send
    static class Duplicate extends RuntimeException {}

    @ResponseStatus(value = HttpStatus.GONE, reason = "Not Found") // codes: 410/send want "reason-mismatch: which is the reason phrase of 404 Not Found"
    static class Removed extends RuntimeException {}

    @ResponseStatus(HttpStatus.I_AM_A_TEAPOT) // codes: 418/send want "deprecated-status: I'm a teapot"
    static class Teapot extends RuntimeException {}

    @GetMapping("/{id}")
    public ResponseEntity<User> get(@PathVariable long id) {
        User u = repo.find(id);
        if (u == null) {
            return ResponseEntity.status(404).build(); // codes: 404/send want "prefer-constant: write HttpStatus.NOT_FOUND$"
        }
        if (u.isLocked()) {
            return ResponseEntity.status(HttpStatus.LOCKED).build(); // codes: 423/send
        }
        if (u.isGone()) {
            return new ResponseEntity<>(u, HttpStatus.GONE); // codes: 410/send
        }
        if (u.isMoved()) {
            // A Location set by hand beside the status the code chose is
            // not a redirect gone wrong (202 points at a status monitor).
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/x")).build(); // codes: 202/send
        }
        if (u.isStale()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).location(URI.create("/x")).build(); // codes: 304/send want "redirect-status: ResponseEntity.status\\(…\\).location with 304 Not Modified"
        }
        if (u.isNew()) {
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/x")).build(); // codes: 201/send
        }
        if (u.isMovedForGood()) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/y")).build(); // codes: 301/send
        }
        return new ResponseEntity<User>(u, new HttpHeaders(), 299); // codes: 299/send want "unknown-status: 299"
    }

    @GetMapping("/list")
    public ResponseEntity<List<User>> list() {
        return ResponseEntity.ok(repo.all());
    }

    @DeleteMapping("/{id}")
    public void delete(@PathVariable long id, HttpServletResponse response) throws IOException {
        if (id < 0) {
            throw new ResponseStatusException(HttpStatus.OK, "bad id"); // codes: 200/send want "error-status: ResponseStatusException with 200 OK"
        }
        if (id == 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Bad Request"); // codes: 400/send
        }
        if (id == 1) {
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "Not Found"); // codes: 500/send want "reason-mismatch: 404 Not Found"
        }
        if (id == 2) {
            response.sendError(403); // codes: 403/send want "prefer-constant: write HttpStatus.FORBIDDEN.value\\(\\)$"
            return;
        }
        if (id == 3) {
            response.setStatus(org.springframework.http.HttpStatus.ACCEPTED.value()); // codes: 202/send
            return;
        }
        if (id == 4) {
            throw new ResponseStatusException(422, "invalid", null); // codes: 422/send want "prefer-constant: write HttpStatus.UNPROCESSABLE_CONTENT$"
        }
        HttpStatusCode code = HttpStatus.valueOf(204); // codes: 204/send
        HttpStatusCode bad = HttpStatusCode.valueOf(1000); // codes: 1000/send want "invalid-status: HttpStatusCode.valueOf with 1000"
        response.setStatus(NOT_FOUND.value());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NO_CONTENT, "gone"); // codes: 204/send want "error-status: ProblemDetail.forStatusAndDetail with 204 No Content"
        ProblemDetail pd2 = ProblemDetail.forStatus(404); // codes: 404/send want "prefer-constant: write HttpStatus.NOT_FOUND$"
    }

    @GetMapping("/old")
    public RedirectView old() {
        RedirectView rv = new RedirectView("/users");
        rv.setStatusCode(HttpStatus.MOVED_PERMANENTLY); // codes: 301/send
        redirectView.setStatusCode(HttpStatus.NOT_FOUND); // codes: 404/send want "redirect-status: redirectView.setStatusCode with 404 Not Found"
        return rv;
    }

    HttpStatus pick(boolean ok) {
        return ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE; // codes: 200/ref 503/ref
    }

    Mono<Void> webflux(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.ACCEPTED); // codes: 202/send
        return ServerResponse.status(503).build(); // codes: 503/send want "prefer-constant: write HttpStatus.SERVICE_UNAVAILABLE$"
    }

    void javalin(Context ctx) {
        ctx.status(404); // codes: 404/send want "prefer-constant: write HttpStatus.NOT_FOUND$"
        ctx.status(HttpStatus.NOT_FOUND); // codes: 404/send
    }
}
