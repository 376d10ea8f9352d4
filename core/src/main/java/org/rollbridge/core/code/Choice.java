package org.rollbridge.core.code;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value of a short list the product defines itself, not the DfE (a school's answer to the LA's question, a field
 * the LA may correct, a retention category or clock): forms, the API, files and the database write it by its id,
 * pages show its label. Implemented by enums, whose constants give their labels.
 */
public interface Choice {

    /** The enum constant's name (implemented by every enum). */
    String name();

    /** As a page shows it. */
    String label();

    /**
     * As forms, the API, files and the database write it: the constant's name in lower case with hyphens
     * ({@code NEW_TO_LA} is {@code new-to-la}). Stored rows and other systems hold these ids, so renaming a constant
     * changes a public contract: each list's test spells out its ids.
     */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value with this id, surrounding spaces ignored; empty for null or an id no value has. */
    static <E extends Enum<E> & Choice> Optional<E> byId(Class<E> type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip();
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.id().equals(wanted)).findFirst();
    }

    /** Every id in declaration order ("a, b, c"), for a message saying which are allowed. */
    static <E extends Enum<E> & Choice> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    }
}
