package org.rollbridge.hub.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A person's retention as the pupil page and the API show it to administrators; also what is due soon. */
@Service
public class RetentionStatus {

    private final RetentionDueQuery due;
    private final LegalHolds holds;
    private final RetentionSchedule schedule;

    public RetentionStatus(RetentionDueQuery due, LegalHolds holds, RetentionSchedule schedule) {
        this.due = due;
        this.holds = holds;
        this.schedule = schedule;
    }

    /** One applicable category: until when, counted from which date, for how long. */
    public record ApplicablePeriod(String category, String from, String period, LocalDate until) {

        /** Null while the clock has not started (an open case or plan). */
        public LocalDate knownUntil() {
            return LocalDate.MAX.equals(until) ? null : until;
        }
    }

    public record PersonRetentionStatus(long personId, List<ApplicablePeriod> periods, String governing, LocalDate deletionDate,
                         boolean onHold, List<LegalHoldStore.Hold> holds) {

        public LocalDate knownDeletionDate() {
            return LocalDate.MAX.equals(deletionDate) ? null : deletionDate;
        }
    }

    public Optional<PersonRetentionStatus> of(long personId, LocalDate today) {
        return due.of(personId, today).map(p -> {
            List<ApplicablePeriod> periods = new ArrayList<>();
            p.ends().forEach((category, end) -> periods.add(new ApplicablePeriod(category.id(),
                    schedule.entry(category).from().id(), schedule.entry(category).period().toString(), end)));
            return new PersonRetentionStatus(personId, periods, p.governing().id(), p.deletionDate(), p.held(),
                    holds.ofPerson(personId));
        });
    }

    /** People whose records may go on or before {@code upTo} (the page's "due this month"). */
    public List<PersonRetention> dueBy(LocalDate today, LocalDate upTo) {
        return due.dueBy(today, upTo);
    }
}
