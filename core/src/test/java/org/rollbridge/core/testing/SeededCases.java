package org.rollbridge.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A property checked over generated cases: the test runs once per case with a fresh {@link Seed}, from which it
 * draws its input. Seeds differ from run to run, so the property meets new inputs over time; a failure names its
 * seed, and {@code -Drollbridge.seed=N} (with {@code -Dtest=Class#method}) runs that one case again.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{index}] {0}")
@ArgumentsSource(SeededCasesSource.class)
@ExtendWith(SeedOnFailure.class)
public @interface SeededCases {

    /** The system property that replays one seed instead of drawing new ones. */
    String REPLAY_PROPERTY = "rollbridge.seed";

    /** How many cases to generate. */
    int value() default 1000;
}
