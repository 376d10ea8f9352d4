package org.rollbridge.core.code;

import java.util.Optional;
import java.util.function.Function;

/**
 * A coded field as the school sent it: the raw text and, when it is on the code list, the code.
 * Unknown codes are kept, so the validator can report them and nothing is lost on the way through.
 */
public record Coded<E extends Enum<E> & CodeList>(String raw, E code) {

    private static final Coded<?> ABSENT = new Coded<>(null, null);

    public static <E extends Enum<E> & CodeList> Coded<E> of(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return absent();
        }
        return new Coded<>(raw, CodeList.lookup(type, raw).orElse(null));
    }

    public static <E extends Enum<E> & CodeList> Coded<E> of(E code) {
        return code == null ? absent() : new Coded<>(code.code(), code);
    }

    @SuppressWarnings("unchecked")
    public static <E extends Enum<E> & CodeList> Coded<E> absent() {
        return (Coded<E>) ABSENT;
    }

    /** The school sent something in this field. */
    public boolean present() {
        return raw != null && !raw.isBlank();
    }

    /** Something was sent and it is not on the code list. */
    public boolean unknown() {
        return present() && code == null;
    }

    public Optional<E> known() {
        return Optional.ofNullable(code);
    }

    public <R> Optional<R> map(Function<E, R> f) {
        return known().map(f);
    }

    @Override
    public String toString() {
        return raw == null ? "" : raw;
    }
}
