package org.rollbridge.core.validation;

/**
 * Where a check reports what it found about one record. The record, severity and fix text are added by the sink,
 * so checks stay small functions of their input.
 */
@FunctionalInterface
public interface FindingSink {

    /**
     * @param field the field as the file names it (null: the rule's field)
     * @param value the value found, as sent (null when there was none)
     * @param args the values for the rule's message placeholders
     */
    void add(Rule rule, String field, String value, Object... args);
}
