package org.rollbridge.hub.testing;

import java.util.Collections;
import java.util.Comparator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs each class's test methods in an order shuffled by one seed per run, printed once, so a test that only passes
 * after another fails sooner or later, and the order it failed in can be replayed with
 * {@code -Djunit.jupiter.execution.order.random.seed=<seed>} (the seed JUnit's own random order reads).
 */
public final class ShuffledOrder implements MethodOrderer {

    static final String SEED = "junit.jupiter.execution.order.random.seed";
    private static Long seed;

    @Override
    public void orderMethods(MethodOrdererContext context) {
        long classSeed = seed(context) ^ context.getTestClass().getName().hashCode();
        context.getMethodDescriptors().sort(Comparator.comparing(m -> m.getMethod().toGenericString()));
        Collections.shuffle(context.getMethodDescriptors(), new java.util.Random(classSeed));
    }

    private static synchronized long seed(MethodOrdererContext context) {
        if (seed == null) {
            seed = context.getConfigurationParameter(SEED).map(Long::parseLong).orElseGet(System::nanoTime);
            System.out.println("Test methods run in a random order, seed " + seed + " (to replay it: -D" + SEED + "="
                    + seed + ")");
        }
        return seed;
    }
}
