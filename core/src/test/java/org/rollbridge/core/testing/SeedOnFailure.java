package org.rollbridge.core.testing;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/** Puts the seed of a failing generated case, and how to run it again, at the head of the failure. */
final class SeedOnFailure implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            Seed seed = call.getArguments().stream().filter(Seed.class::isInstance).map(Seed.class::cast)
                    .findFirst().orElse(null);
            if (seed == null) {
                throw failure;
            }
            String replay = "%s failed with %s; run it again with -D%s=%d -Dtest=%s#%s".formatted(
                    context.getRequiredTestMethod().getName(), seed, SeededCases.REPLAY_PROPERTY, seed.value(),
                    context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName());
            AssertionError named = new AssertionError(replay + "\n" + failure.getMessage(), failure);
            named.setStackTrace(new StackTraceElement[0]);
            throw named;
        }
    }
}
