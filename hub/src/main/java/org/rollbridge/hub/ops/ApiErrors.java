package org.rollbridge.hub.ops;

import java.util.Map;
import org.rollbridge.hub.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors as JSON with a message that says what was wrong and what to do. The one place where the capabilities'
 * {@link Refusal}s become HTTP statuses ({@link #status}); the pages use the same mapping.
 */
@RestControllerAdvice
public class ApiErrors {

    /** The HTTP status of a refusal. */
    public static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case Refusal.NotFound r -> HttpStatus.NOT_FOUND;
            case Refusal.NotAllowed r -> HttpStatus.FORBIDDEN;
            case Refusal.Conflict r -> HttpStatus.CONFLICT;
            case Refusal.Invalid r -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<Map<String, Object>> refused(Refusal e) {
        return body(status(e), e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        return body(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error",
                status.getReasonPhrase(), "message", message == null ? status.getReasonPhrase() : message));
    }
}
