package com.example.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;

public class DeprecatedNames {
    public ResponseEntity<Void> invalid() {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).build(); // codes: 422/send want "deprecated-constant: HttpStatus.UNPROCESSABLE_ENTITY is deprecated by Spring Framework since 7.0; write HttpStatus.UNPROCESSABLE_CONTENT, the RFC 9110 name for 422 Unprocessable Content"
    }

    public ResponseEntity<Void> tooLarge() {
        return ResponseEntity.status(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE).build(); // codes: 413/send want "deprecated-constant: HttpStatus.PAYLOAD_TOO_LARGE is deprecated by Spring Framework since 7.0; write HttpStatus.CONTENT_TOO_LARGE"
    }

    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT) // codes: 422/send
    public void current() {
    }

    // 418 is itself retired: deprecated-status says so, not deprecated-constant.
    public ResponseEntity<Void> teapot() {
        return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).build(); // codes: 418/send want "deprecated-status"
    }

    public int code() {
        return HttpStatus.UNPROCESSABLE_ENTITY.value(); // codes: 422/ref want "deprecated-constant: write HttpStatus.UNPROCESSABLE_CONTENT"
    }
}
