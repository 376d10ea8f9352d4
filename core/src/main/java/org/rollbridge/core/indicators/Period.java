package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.Objects;

/** A range of dates, both ends included: the period an indicator is measured over. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The academic year (1 September to 31 August) that contains {@code date}. */
    public static Period academicYearContaining(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return new Period(LocalDate.of(start, 9, 1), LocalDate.of(start + 1, 8, 31));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The overlap with another period; empty when they do not meet. */
    public java.util.Optional<Period> intersect(LocalDate otherFrom, LocalDate otherTo) {
        LocalDate f = otherFrom == null || otherFrom.isBefore(from) ? from : otherFrom;
        LocalDate t = otherTo == null || otherTo.isAfter(to) ? to : otherTo;
        return t.isBefore(f) ? java.util.Optional.empty() : java.util.Optional.of(new Period(f, t));
    }
}
