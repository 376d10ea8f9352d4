package org.rollbridge.hub.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rollbridge.hub.access.Totp;

/** A person's browser without the browser: cookies, CSRF tokens from forms, no redirects followed. */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String forwardedFor;

    public PageClient(String base) {
        this(base, null);
    }

    /** A browser behind the LA's proxy, which names it in X-Forwarded-For (believed when the proxy is trusted). */
    public PageClient(String base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
    }

    private HttpRequest.Builder to(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(to(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A download, as bytes. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(to(path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(to(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with one file, as a browser's file upload does (multipart/form-data). */
    public HttpResponse<String> upload(String path, Map<String, String> form, String field, String fileName,
                                       byte[] file) throws IOException, InterruptedException {
        String boundary = "rollbridge-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(to(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on a page. */
    public String csrf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new IllegalStateException(path + " has no form with a CSRF token");
        }
        return m.group(1);
    }

    /** Posts the sign-in form; returns the response (a redirect to / on success, /sign-in?error on failure). */
    public HttpResponse<String> signIn(String username, String password, String code)
            throws IOException, InterruptedException {
        return post("/sign-in", Map.of("username", username, "password", password, "code", code,
                "_csrf", csrf("/sign-in")));
    }

    public HttpResponse<String> signIn(String username, String password, String secret, Instant at)
            throws IOException, InterruptedException {
        return signIn(username, password, Totp.code(secret, at));
    }
}
