package org.rollbridge.hub;

/**
 * Why the hub will not do what was asked, in the domain's words: there is no such thing (or none the caller may
 * see), the caller may not do it, the thing is not in a state that allows it, or the request itself is wrong. The
 * message says what was wrong and what to do. Capabilities throw these; only the edge turns them into HTTP
 * ({@code ops.ApiErrors} for the API, {@code web.PageErrors} for pages), so no capability depends on HTTP.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.NotAllowed, Refusal.Conflict, Refusal.Invalid {

    private Refusal(String message) {
        super(message);
    }

    /** No such thing, or none the caller may see (so that nothing leaks by the difference). */
    public static final class NotFound extends Refusal {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The caller is known but may not do this. */
    public static final class NotAllowed extends Refusal {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** The thing is not in a state that allows this (already decided, already resolved, taken by another). */
    public static final class Conflict extends Refusal {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The request lacks something or says something impossible (a missing reason, an unknown kind). */
    public static final class Invalid extends Refusal {
        public Invalid(String message) {
            super(message);
        }
    }
}
