package org.rollbridge.hub;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub sits behind the LA's TLS proxy (docs/hub.md, security).
 *
 * @param trustedProxies the proxies' IP addresses, comma-separated: only a request from one of them has its
 *                       X-Forwarded-For and X-Forwarded-Proto believed (so HTTPS at the proxy is HTTPS to the hub:
 *                       HSTS is sent, Secure cookies are set); none means no forwarded header is believed
 * @param publicUrl the address people reach the hub at, such as https://rollbridge.example.gov.uk; the identity
 *                  provider sends people back to it. Redirects never take their host from the request's Host header
 */
@ConfigurationProperties("rollbridge.proxy")
public record ProxySettings(
        @Variable("ROLLBRIDGE_TRUSTED_PROXIES") String trustedProxies,
        @Variable("ROLLBRIDGE_PUBLIC_URL") URI publicUrl) {

    public ProxySettings {
        trustedProxies = trustedProxies == null ? "" : trustedProxies.strip();
        for (String address : addresses(trustedProxies)) {
            if (!address.matches("[0-9A-Fa-f:.]+") || !literal(address)) {
                throw new IllegalArgumentException("ROLLBRIDGE_TRUSTED_PROXIES must be IP addresses separated by "
                        + "commas, such as 10.0.0.5,10.0.0.6; '" + address + "' is not one");
            }
        }
        if (publicUrl != null && !publicUrl.toString().isEmpty()) {
            if (!("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))
                    || publicUrl.getHost() == null) {
                throw new IllegalArgumentException("ROLLBRIDGE_PUBLIC_URL must be the address people reach the hub "
                        + "at, such as https://rollbridge.example.gov.uk; it was '" + publicUrl + "'");
            }
            publicUrl = URI.create(publicUrl.toString().replaceAll("/+$", ""));
        } else {
            publicUrl = null;
        }
    }

    /** The trusted proxies as the pattern Tomcat's RemoteIpValve takes; a pattern nothing matches when none. */
    public String proxyPattern() {
        List<String> addresses = addresses(trustedProxies);
        return addresses.isEmpty() ? "(?!)" : addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static List<String> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean literal(String address) {
        try {
            // Only digits, dots and colons reach here, so no name is looked up.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
