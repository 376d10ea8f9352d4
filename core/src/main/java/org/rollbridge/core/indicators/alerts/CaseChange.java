package org.rollbridge.core.indicators.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a recompute does to a pupil's case of one alert kind at one school, given the alert the rules raise now.
 * There is at most one open case per pupil, school and kind:
 * <ul>
 *   <li>no open case: {@link #RAISE} a new one, unless a resolved case has the same situation (case key) at this
 *       severity or worse: a resolved case is not reopened on the same evidence ({@link #STAY_RESOLVED}), only when
 *       the situation gets worse than it was when resolved;</li>
 *   <li>an open case of another situation (a new streak, a new term): the case moves on to it
 *       ({@link #NEW_EPISODE});</li>
 *   <li>the same situation at a higher severity: {@link #WORSEN};</li>
 *   <li>the same situation with another figure or detail: a streak or count that grew is news ({@link #UPDATE});
 *       anything else, such as a rate moving within its 5% band, is kept quietly ({@link #REFRESH});</li>
 *   <li>nothing changed: {@link #NONE}.</li>
 * </ul>
 */
public enum CaseChange {
    RAISE(null), STAY_RESOLVED(null), NEW_EPISODE("new_episode"), WORSEN("worsened"), UPDATE("updated"),
    REFRESH(null), NONE(null);

    /** Alerts whose figure only grows within one situation (streaks and counts), so growth is news. */
    static final Set<AlertId> GROWING = EnumSet.of(AlertId.CONSECUTIVE_ABSENCE_10,
            AlertId.CONSECUTIVE_UNAUTHORISED_10, AlertId.COHORT_ABSENCE, AlertId.HEALTH_15_DAYS,
            AlertId.SUSPENSIONS_OVER_15_DAYS, AlertId.REDUCED_TIMETABLE);

    /**
     * Which of two alerts of one pupil and kind is the latest: last seen later, then more severe. Only the latest
     * situation counts in a recompute; earlier ones have had their case.
     */
    public static final Comparator<Alert> RECENCY = Comparator.comparing(Alert::observedOn,
            Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())).thenComparingInt(Alert::severity);

    private final String event;

    CaseChange(String event) {
        this.event = event;
    }

    /** The open case as stored: its situation, severity, figure and detail. */
    public record OpenCase(String caseKey, int severity, BigDecimal figure, String detail) {
    }

    /**
     * @param now        the alert raised now
     * @param figure     the figure shown for it (days, sessions, a rate)
     * @param open       the pupil's open case of this kind at this school, if any
     * @param resolvedAt the highest severity a resolved case of {@code now}'s situation was resolved at, if any
     */
    public static CaseChange of(Alert now, BigDecimal figure, Optional<OpenCase> open, Optional<Integer> resolvedAt) {
        if (open.isEmpty()) {
            return resolvedAt.filter(at -> now.severity() <= at).isPresent() ? STAY_RESOLVED : RAISE;
        }
        OpenCase o = open.get();
        if (!now.caseKey().equals(o.caseKey())) {
            return NEW_EPISODE;
        }
        if (now.severity() > o.severity()) {
            return WORSEN;
        }
        if (!Objects.equals(now.detail(), o.detail()) || !sameFigure(figure, o.figure())) {
            return GROWING.contains(now.id()) && grew(figure, o.figure()) ? UPDATE : REFRESH;
        }
        return NONE;
    }

    /** The severity the case keeps after this change: within one situation it never falls. */
    public static int severityAfter(Alert now, Optional<OpenCase> open) {
        return open.filter(o -> o.caseKey().equals(now.caseKey()))
                .map(o -> Math.max(now.severity(), o.severity())).orElse(now.severity());
    }

    /** The event recorded in the case's history, if this change is news to the officer. */
    public Optional<String> event() {
        return Optional.ofNullable(event);
    }

    /** The case's row is written (inserted or updated). */
    public boolean writes() {
        return this != STAY_RESOLVED && this != NONE;
    }

    private static boolean grew(BigDecimal now, BigDecimal before) {
        return now != null && (before == null || now.compareTo(before) > 0);
    }

    private static boolean sameFigure(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
