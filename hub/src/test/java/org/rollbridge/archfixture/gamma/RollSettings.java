package org.rollbridge.archfixture.gamma;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

/** Reads settings three ways outside the settings records: what the settings rule refuses. */
public class RollSettings {

    @Value("${ROLL_SIZE:30}")
    int size;

    public String school(Environment environment) {
        return environment.getProperty("ROLL_SCHOOL");
    }

    public String la() {
        return System.getenv("ROLL_LA");
    }
}
