package org.rollbridge.hub.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.rollbridge.hub.ProxySettings;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes X-Forwarded-For and X-Forwarded-Proto from the LA's trusted proxies only (ROLLBRIDGE_TRUSTED_PROXIES),
 * so that a request that reached the proxy over TLS is secure to the hub (HSTS, Secure cookies) and the log names
 * the real client; from anyone else the headers are ignored. X-Forwarded-Host is never believed, and redirects are
 * relative (application.properties), so no Host header a client sends ends up in a Location.
 */
@Component
public class ProxyHeaders implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final ProxySettings settings;

    public ProxyHeaders(ProxySettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(settings.proxyPattern());
        valve.setTrustedProxies("(?!)");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader(null);
        valve.setPortHeader("X-Forwarded-Port");
        valve.setChangeLocalPort(true);
        factory.addEngineValves(valve);
    }
}
