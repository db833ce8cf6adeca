package example.flow;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

// A ResponseEntity is a whole response built in one chain: its headers
// and body are read from the chain.
class EntityFlow {
    ResponseEntity<String> entityBody(String x) {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).body(x); // codes: 204/send want "bodiless-status: sends a body"
    }

    ResponseEntity<Void> entityEmpty() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build(); // codes: 204/send
    }

    // An empty body is no body: Spring sends a bare 304.
    ResponseEntity<byte[]> entityNotModified() {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).body(new byte[0]); // codes: 304/send
    }

    ResponseEntity<String> entityEmptyString() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).body(""); // codes: 204/send
    }

    ResponseEntity<String> entityNull() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).body(null); // codes: 204/send
    }

    ResponseEntity<String> entityBlank() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).body(" "); // codes: 204/send want "bodiless-status: sends a body"
    }

    ResponseEntity<Void> entityAllow() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(org.springframework.http.HttpMethod.GET).build(); // codes: 405/send
    }

    ResponseEntity<Void> entityNoAllow() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).build(); // codes: 405/send want "missing-header: Allow.*\\.header\\(\"Allow\""
    }

    // 201 Created with the new resource's Location: no redirect.
    ResponseEntity<Void> entityCreated(java.net.URI uri) {
        return ResponseEntity.status(HttpStatus.CREATED).location(uri).build(); // codes: 201/send
    }

    ResponseEntity<Void> entityMoved(java.net.URI uri) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(uri).build(); // codes: 301/send
    }

}
