package org.rollbridge.testidp;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server as Spring Boot configures it from
 * properties (one client, one user). Outside org.rollbridge.hub, so the hub never scans it and it scans nothing of the hub.
 */
@Configuration
@EnableAutoConfiguration
public class TestIdentityProvider {
}
