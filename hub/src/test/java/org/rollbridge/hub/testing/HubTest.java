package org.rollbridge.hub.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test class against a running hub. One hub is started per configuration (its settings, extra
 * configuration classes and dependency) on a database of its own, and shared by every class of the run with the
 * same configuration; before each class its tables are emptied ({@link RunningHub#reset()}), so a class sees only
 * the rows it writes. The hub is given to static fields of type {@link RunningHub} and to parameters of that type;
 * the dependency, if any, to static fields of its type.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(HubExtension.class)
public @interface HubTest {

    /** Settings over the tests' defaults, as {@code NAME=value}, e.g. {@code ROLLBRIDGE_WORKERS=0}. */
    String[] settings() default {};

    /** Extra configuration classes, e.g. {@link FixedAlertDay}. */
    Class<?>[] beans() default {};

    /** A service the hub talks to, started before it; {@code HubDependency.class} for none. */
    Class<? extends HubDependency> dependsOn() default HubDependency.class;
}
