package org.rollbridge.hub.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts one hub per {@link HubTest} configuration for the whole run (kept in the root context's store, so it is
 * closed when the run ends), empties its tables before each test class and hands it to the class. Between its
 * classes a hub's workers are stopped, so hubs waiting for their next class do not poll the queue.
 */
public final class HubExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace HUBS = ExtensionContext.Namespace.create(HubExtension.class);

    /** What makes two test classes able to share a hub. */
    record Configuration(List<String> settings, List<Class<?>> beans, Class<? extends HubDependency> dependsOn) {

        /** Sorted, so that the same settings in another order share the hub. */
        static Configuration of(HubTest test) {
            return new Configuration(Stream.of(test.settings()).sorted().toList(),
                    Stream.of(test.beans()).sorted(Comparator.comparing(Class::getName)).toList(), test.dependsOn());
        }

        SharedHub start() {
            HubDependency dependency = null;
            try {
                List<String> all = new ArrayList<>(settings);
                if (dependsOn != HubDependency.class) {
                    dependency = dependsOn.getDeclaredConstructor().newInstance();
                    all.addAll(dependency.settings());
                }
                RunningHub hub = RunningHub.start(TestDatabase.create(), beans.toArray(Class<?>[]::new),
                        RunningHub.tempDir(), all.stream().map(s -> "--" + s).toArray(String[]::new));
                return new SharedHub(hub, dependency);
            } catch (Exception e) {
                IllegalStateException failed = new IllegalStateException("Could not start a hub with " + this, e);
                if (dependency != null) {
                    try {
                        dependency.close();
                    } catch (Exception closing) {
                        failed.addSuppressed(closing);
                    }
                }
                throw failed;
            }
        }
    }

    /** A hub and the service it depends on, closed in that order at the end of the run. */
    record SharedHub(RunningHub hub, HubDependency dependency) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                hub.close();
            } finally {
                if (dependency != null) {
                    dependency.close();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        SharedHub shared = shared(context);
        shared.hub().reset();
        for (Field field : ReflectionSupport.findFields(testClass, f -> Modifier.isStatic(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN)) {
            if (field.getType() == RunningHub.class) {
                field.setAccessible(true);
                field.set(null, shared.hub());
            } else if (shared.dependency() != null && field.getType() == shared.dependency().getClass()) {
                field.setAccessible(true);
                field.set(null, shared.dependency());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        shared(context).hub().stopWorkers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningHub.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return hub(context);
    }

    private static RunningHub hub(ExtensionContext context) {
        return shared(context).hub();
    }

    private static SharedHub shared(ExtensionContext context) {
        HubTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), HubTest.class)
                .orElseThrow(() -> new IllegalStateException(context.getRequiredTestClass() + " is not a @HubTest"));
        return context.getRoot().getStore(HUBS).computeIfAbsent(Configuration.of(test), Configuration::start,
                SharedHub.class);
    }
}
