package org.rollbridge.hub.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.movement.Joiner;
import org.rollbridge.core.indicators.movement.TransitionPoint;
import org.rollbridge.hub.alerts.AlertEvidenceQuery.Pupil;

/**
 * The pupils who joined a school's roll in the period, judged as core's {@code RollMovement} judges them on the
 * school's latest records: on the roll on the as-of date (or the period's last day), not on it on the period's first
 * day, and not a subsidiary dual registration. A joiner is non-standard unless admitted at the start of the year into
 * the school's entry year, Reception or Year 12 (core's {@link TransitionPoint}).
 */
final class Joiners {

    private final Period period;
    private final LocalDate end;
    private final NcYear entryYear;

    /** @param yearsOnRoll the year groups on the school's roll on {@link #end}, as stored */
    Joiners(Period period, LocalDate asOf, List<String> yearsOnRoll) {
        this.period = period;
        this.end = end(period, asOf);
        this.entryYear = TransitionPoint.entryYear(yearsOnRoll.stream().filter(Objects::nonNull)
                .map(y -> Coded.of(NcYear.class, y).known().orElse(null)).toList());
    }

    /** The day the rolls are judged on: the as-of date, or the period's last day if it ended before. */
    static LocalDate end(Period period, LocalDate asOf) {
        return asOf.isBefore(period.to()) ? asOf : period.to();
    }

    /** The pupil as a joiner, or null when the pupil did not join the roll in the period. */
    Joiner of(Pupil p) {
        if (!onRoll(p, end) || onRoll(p, period.from()) || "S".equals(p.enrolStatus)) {
            return null;
        }
        NcYear year = p.ncYear == null ? null : Coded.of(NcYear.class, p.ncYear).known().orElse(null);
        return new Joiner(null, p.admitted, !TransitionPoint.standard(p.admitted, year, entryYear));
    }

    /** On the roll on the day as the school's record dates it, and still on its latest roll (core's snapshot). */
    private static boolean onRoll(Pupil p, LocalDate day) {
        return p.upn != null && !p.upn.isEmpty() && !"P".equals(p.enrolStatus) && !p.removedFromRoll
                && (p.admitted == null || !p.admitted.isAfter(day)) && (p.left == null || !p.left.isBefore(day));
    }
}
