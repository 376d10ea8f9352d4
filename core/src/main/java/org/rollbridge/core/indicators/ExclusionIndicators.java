package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.pupil.Exclusion;

/** Exclusion indicators for one pupil: term totals and the s19 duty date of each permanent exclusion. */
public final class ExclusionIndicators {

    /** The LA's s19 duty starts on this school day of a permanent exclusion. */
    public static final int S19_DUTY_SCHOOL_DAY = 6;

    private ExclusionIndicators() {
    }

    public static PupilExclusions measure(Collection<Exclusion> exclusions, LocalDate asOf, SchoolCalendar calendar) {
        Term term = Term.containing(asOf);
        int excluded = 0;
        int suspended = 0;
        int unreadable = 0;
        List<PermanentExclusionDuty> permanent = new ArrayList<>();
        for (Exclusion x : exclusions) {
            Optional<LocalDate> start = x.start().date();
            Optional<ExclusionCategory> category = x.category().known().map(ExclusionCategory::current);
            if (start.isEmpty() || category.isEmpty()) {
                unreadable++;
                continue;
            }
            LocalDate from = start.get();
            if (from.isAfter(asOf)) {
                continue;
            }
            switch (category.get()) {
                case PERM -> {
                    LocalDate reinstated = x.appeal() == null ? null
                            : x.appeal().reinstatementDate().date().orElse(null);
                    if (reinstated != null && !reinstated.isAfter(asOf)) {
                        continue;
                    }
                    LocalDate sixth = calendar.nthSchoolDay(from, S19_DUTY_SCHOOL_DAY);
                    permanent.add(new PermanentExclusionDuty(from, sixth, !asOf.isBefore(sixth)));
                    Optional<Period> inTerm = term.dates().intersect(from, asOf);
                    if (inTerm.isPresent()) {
                        excluded += 2 * calendar.schoolDaysBetween(inTerm.get().from(), inTerm.get().to());
                    }
                }
                case SUSP, LNCH -> {
                    if (!term.dates().contains(from)) {
                        continue;
                    }
                    int sessions = suspensionSessions(x, from, category.get(), calendar);
                    excluded += sessions;
                    suspended += sessions;
                }
                default -> unreadable++;
            }
        }
        return new PupilExclusions(term, excluded, suspended, permanent, unreadable);
    }

    /** The sessions the school reported; failing that, two per school day from start to end (one for lunchtime). */
    private static int suspensionSessions(Exclusion x, LocalDate from, ExclusionCategory category,
                                          SchoolCalendar calendar) {
        if (x.sessions() != null && x.sessions() >= 0) {
            return x.sessions();
        }
        if (category == ExclusionCategory.LNCH) {
            return 1;
        }
        LocalDate to = x.end().date().filter(d -> !d.isBefore(from)).orElse(from);
        return 2 * calendar.schoolDaysBetween(from, to);
    }
}
