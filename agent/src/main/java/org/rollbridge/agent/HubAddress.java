package org.rollbridge.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** The hub's base address: HTTPS, except plain HTTP to this machine (localhost, 127.0.0.1, ::1) for testing. */
public final class HubAddress {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private HubAddress() {
    }

    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The hub address '" + text + "' is not a URL (" + e.getReason()
                    + "); give it as the LA wrote it, e.g. https://rollbridge.example-la.gov.uk");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The hub address '" + text + "' has no host name; "
                    + "give it as https://host[:port]");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("The hub address '" + text + "' is plain HTTP: pupil data is only "
                    + "sent over HTTPS. Use the https:// address the LA gave you");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The hub address '" + text + "' must start with https://");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }
}
