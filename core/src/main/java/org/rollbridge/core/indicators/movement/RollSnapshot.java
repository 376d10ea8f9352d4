package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The school rolls of an LA as known on a date: every entry a school sent. Entries whose pupil has left by then (or
 * is a previous pupil) are kept, because a leaving record is what tells us where the pupil went.
 */
public record RollSnapshot(LocalDate date, List<RollEntry> entries) {

    public RollSnapshot {
        Objects.requireNonNull(date, "date");
        entries = List.copyOf(entries);
    }

    /** The rolls as of {@code date}, judged from admission and leaving dates in one set of records. */
    public static RollSnapshot asOf(LocalDate date, Collection<RollEntry> entries) {
        return new RollSnapshot(date, List.copyOf(entries));
    }

    /** Entries on roll on the snapshot date; entries without a UPN cannot be followed and are left out. */
    public List<RollEntry> onRoll() {
        return entries.stream().filter(e -> !e.key().upn().isEmpty() && e.onRoll(date)).toList();
    }
}
