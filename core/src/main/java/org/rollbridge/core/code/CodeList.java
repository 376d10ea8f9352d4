package org.rollbridge.core.code;

import java.util.Locale;
import java.util.Optional;

/** A value of one of the DfE code lists, with the code schools write in their files. */
public interface CodeList {

    String code();

    String description();

    /** True for codes that older files use and current guidance replaced; they are read, and reported. */
    default boolean legacy() {
        return false;
    }

    /** Looks a code up tolerantly (surrounding spaces and letter case ignored); empty when unknown. */
    static <E extends Enum<E> & CodeList> Optional<E> lookup(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted)) {
                return Optional.of(value);
            }
        }
        String upper = wanted.toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(upper)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
