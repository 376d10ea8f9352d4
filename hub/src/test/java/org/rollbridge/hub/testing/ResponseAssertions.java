package org.rollbridge.hub.testing;

import java.net.http.HttpResponse;

/** Assertions on HTTP answers that say what the hub answered, so a failure can be understood from its message. */
public final class ResponseAssertions {

    private ResponseAssertions() {
    }

    /** Fails with "expected 201 but was 202: body" (and the request) unless the status is the expected one. */
    public static void assertStatus(int expected, HttpResponse<?> response) {
        assertStatus(expected, response, null);
    }

    /** As {@link #assertStatus(int, HttpResponse)}, saying what the request was for. */
    public static void assertStatus(int expected, HttpResponse<?> response, String what) {
        if (response.statusCode() != expected) {
            throw new AssertionError((what == null ? "" : "[" + what + "] ") + "expected " + expected + " but was "
                    + response.statusCode() + ": " + body(response) + " (" + response.request().method() + " "
                    + response.uri() + ")");
        }
    }

    private static String body(HttpResponse<?> response) {
        Object body = response.body();
        if (body == null || body.toString().isEmpty()) {
            return "<no body>" + response.headers().firstValue("Location").map(l -> ", Location " + l).orElse("");
        }
        String text = body.toString();
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }
}
