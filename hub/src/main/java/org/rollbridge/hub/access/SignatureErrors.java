package org.rollbridge.hub.access;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A signed body that did not match its digest: the upload was discarded and may be sent again. */
@RestControllerAdvice
public class SignatureErrors {

    @ExceptionHandler(DigestCheckedRequest.BodyDigestMismatch.class)
    public ResponseEntity<Map<String, Object>> mismatch(DigestCheckedRequest.BodyDigestMismatch e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
                "reason", "body_digest_mismatch", "message", e.getMessage()));
    }
}
