package org.rollbridge.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The LA's hub: receives every school's feeds, validates, matches and stores them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    /** Starts the hub; {@code args} may override any setting, e.g. {@code --ROLLBRIDGE_PORT=0}. */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(HubApplication.class, args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
