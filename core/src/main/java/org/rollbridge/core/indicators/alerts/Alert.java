package org.rollbridge.core.indicators.alerts;

import java.time.LocalDate;
import java.util.Objects;
import org.rollbridge.core.indicators.PupilKey;

/**
 * An alert as a case the hub can store. {@code (id, pupil, situation)} names the case: the same streak, the same
 * period's persistent absence, the same exclusion always give the same situation, so a nightly run does not raise
 * it again. {@code severity} grows only when the situation gets worse (a longer streak by another threshold's
 * worth, a higher absence band, the s19 duty date reached): a resolved case is re-raised only when a new alert for
 * it has a higher severity than the one it was resolved at.
 *
 * @param situation  stable key of the situation within the pupil and alert (no personal data)
 * @param severity   1 or more; higher is worse
 * @param observedOn the date the situation was last seen (the last day of a streak, the as-of date)
 * @param detail     what was found, for the person handling the case (no personal data)
 */
public record Alert(AlertId id, PupilKey pupil, String situation, int severity, LocalDate observedOn,
                    String detail) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(situation, "situation");
        if (severity < 1) {
            throw new IllegalArgumentException("severity must be at least 1");
        }
    }

    /** The case this alert belongs to. */
    public String caseKey() {
        return id + "|" + pupil.laestab() + "|" + pupil.upn() + "|" + situation;
    }

    /** This alert is for the same case as {@code earlier} and the situation is worse than it was. */
    public boolean worsens(Alert earlier) {
        return caseKey().equals(earlier.caseKey()) && severity > earlier.severity;
    }
}
