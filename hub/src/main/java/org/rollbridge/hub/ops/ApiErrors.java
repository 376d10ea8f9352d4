package org.rollbridge.hub.ops;

import java.util.Map;
import org.rollbridge.hub.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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

    /** A query or path value of the wrong type, or a required one missing: say which and what it takes. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public ResponseEntity<Map<String, Object>> badInput(Exception e) {
        return body(HttpStatus.BAD_REQUEST, badInputMessage(e));
    }

    /** What was wrong with a request's parameters, in words a caller or a person can act on. */
    public static String badInputMessage(Exception e) {
        return switch (e) {
            case MethodArgumentTypeMismatchException m -> "'" + m.getValue() + "' is not a valid " + m.getName()
                    + (m.getRequiredType() == null ? "" : " (" + expected(m.getRequiredType()) + ")")
                    + "; correct it in the address and try again";
            case MissingServletRequestParameterException m -> "Give " + m.getParameterName() + " in the address";
            default -> "The request's parameters are not valid";
        };
    }

    private static String expected(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2026-12-07";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    /** The API's error body, for errors raised outside a controller too (the error page of a machine path). */
    public static Map<String, Object> json(HttpStatus status, String message) {
        return Map.of("status", status.value(), "error", status.getReasonPhrase(), "message",
                message == null || message.isBlank() ? status.getReasonPhrase() : message);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(json(status, message));
    }
}
