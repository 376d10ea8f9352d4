package org.rollbridge.hub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable a settings record component is read from, and its value when the variable is unset.
 * {@link HubSettings} binds every component so annotated; docs/configuration.md lists them (a test checks it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Variable {

    /** e.g. {@code ROLLBRIDGE_WORKERS}. */
    String value();

    /** The value when the variable is unset; empty means none. */
    String byDefault() default "";
}
