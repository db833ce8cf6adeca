package example.scopes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

// A scope that opts in to deprecated names is left alone: the deprecated
// builder that wraps the old name, and code that suppresses the warning.
class Builders {
    /** @deprecated in favour of unprocessableContent() */
    @Deprecated(since = "7.0")
    static ResponseEntity.BodyBuilder unprocessableEntity() {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY); // codes: 422/send
    }

    @SuppressWarnings({"unchecked", "deprecation"})
    void legacy() {
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY; // codes: 422/ref
    }

    @SuppressWarnings("unchecked")
    void current() {
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY; // codes: 422/ref want "deprecated-constant: write HttpStatus.UNPROCESSABLE_CONTENT"
    }

    @Deprecated
    private static final HttpStatus OLD = HttpStatus.PAYLOAD_TOO_LARGE; // codes: 413/ref

    private static final HttpStatus NEW = HttpStatus.PAYLOAD_TOO_LARGE; // codes: 413/ref want "deprecated-constant: write HttpStatus.CONTENT_TOO_LARGE"
}
