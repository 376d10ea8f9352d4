package org.rollbridge.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The LA's hub: receives every school's feeds, validates, matches and stores them. */
@SpringBootApplication
public class HubApplication {

    /** Starts the hub; {@code args} may override any setting, e.g. {@code --ROLLBRIDGE_PORT=0}. */
    public static ConfigurableApplicationContext start(String... args) {
        return start(new Class<?>[0], args);
    }

    /** Starts the hub with extra configuration classes (the demo's and tests' own beans). */
    public static ConfigurableApplicationContext start(Class<?>[] extraSources, String... args) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = HubApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        SpringApplication hub = new SpringApplication(sources);
        hub.addListeners(new HubSettings());
        return hub.run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
