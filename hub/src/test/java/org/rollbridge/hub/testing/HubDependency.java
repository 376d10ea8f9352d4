package org.rollbridge.hub.testing;

import java.util.List;

/**
 * A service a hub under test talks to (an identity provider, say), named by {@link HubTest#dependsOn()}: started
 * (by its no-argument constructor) before the hub, closed after it, and giving the settings that point the hub at it.
 */
public interface HubDependency extends AutoCloseable {

    /** Settings as {@code NAME=value}. */
    List<String> settings();
}
