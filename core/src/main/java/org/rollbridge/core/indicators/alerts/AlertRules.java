package org.rollbridge.core.indicators.alerts;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PermanentExclusionDuty;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilExclusions;
import org.rollbridge.core.indicators.Streak;

/**
 * An LA's alert table: every {@link AlertId} with whether it is raised and its threshold. Rules not listed keep
 * their defaults. {@link #evaluate} turns what is known about a pupil into alerts.
 */
public final class AlertRules {

    private final Map<AlertId, AlertRule> rules;

    private AlertRules(Map<AlertId, AlertRule> rules) {
        this.rules = rules;
    }

    public static AlertRules defaults() {
        Map<AlertId, AlertRule> m = new EnumMap<>(AlertId.class);
        for (AlertId id : AlertId.values()) {
            m.put(id, AlertRule.byDefault(id));
        }
        return new AlertRules(m);
    }

    public AlertRules with(AlertRule rule) {
        Map<AlertId, AlertRule> m = new EnumMap<>(rules);
        m.put(rule.id(), rule);
        return new AlertRules(m);
    }

    public AlertRule rule(AlertId id) {
        return rules.get(id);
    }

    public Collection<AlertRule> all() {
        return List.copyOf(rules.values());
    }

    /**
     * Reads a table with the header {@code id,enabled,threshold} (threshold may be empty for the default).
     *
     * @throws IllegalArgumentException naming the source and line of an unknown id or a bad value
     */
    public static AlertRules parse(Reader in, String source) throws IOException {
        AlertRules result = defaults();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = source + " line " + (r.getRecordNumber() + 1);
            AlertId id;
            try {
                id = AlertId.valueOf(r.get("id").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown alert id '" + r.get("id")
                        + "'; use one of " + List.of(AlertId.values()), e);
            }
            boolean enabled = parseBoolean(r.isMapped("enabled") ? r.get("enabled") : "", where);
            String t = r.isMapped("threshold") ? r.get("threshold") : "";
            Integer threshold;
            try {
                threshold = t.isEmpty() ? null : Integer.valueOf(t);
                result = result.with(new AlertRule(id, enabled, threshold));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": threshold '" + t + "' for " + id
                        + " is not a whole number of at least 1", e);
            }
        }
        return result;
    }

    private static boolean parseBoolean(String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "true", "y", "yes", "1" -> true;
            case "false", "n", "no", "0" -> false;
            default -> throw new IllegalArgumentException(where + ": enabled must be true or false, not '" + text
                    + "'");
        };
    }

    /** The shortest streak any enabled streak rule alerts on: the scope must remember runs this long. */
    public int notableStreakDays() {
        int n = Integer.MAX_VALUE;
        for (AlertId id : List.of(AlertId.CONSECUTIVE_ABSENCE_10, AlertId.CONSECUTIVE_UNAUTHORISED_10)) {
            AlertRule r = rules.get(id);
            if (r.enabled()) {
                n = Math.min(n, r.threshold());
            }
        }
        return n == Integer.MAX_VALUE ? 10 : n;
    }

    /** Every alert the pupil's situation raises under this table, in {@link AlertId} order. */
    public List<Alert> evaluate(PupilSituation s) {
        List<Alert> out = new ArrayList<>();
        PupilAttendance a = s.attendance();
        if (a != null) {
            streaks(out, s, AlertId.CONSECUTIVE_ABSENCE_10, a.notableAbsenceStreaks(), "absent");
            streaks(out, s, AlertId.CONSECUTIVE_UNAUTHORISED_10, a.notableUnauthorisedStreaks(),
                    "absent without permission");
            absenceLevel(out, s, AlertId.PERSISTENT_ABSENCE, a);
            absenceLevel(out, s, AlertId.SEVERE_ABSENCE, a);
            reducedTimetable(out, s, a);
            health(out, s, a);
        }
        PupilExclusions x = s.exclusions();
        if (x != null) {
            permanentExclusions(out, s, x);
            suspensions(out, s, x);
        }
        if (s.left() != null && on(AlertId.LEFT_NO_DESTINATION)
                && !s.left().knownDestination() && s.left().missingEducationCandidate()) {
            LocalDate left = s.left().left();
            out.add(new Alert(AlertId.LEFT_NO_DESTINATION, s.key(), "left:" + (left == null ? "undated" : left), 1,
                    left, "came off the roll with no known destination and is on no other roll in the LA"));
        }
        if (s.joined() != null && on(AlertId.NEW_TO_ROLL_NON_STANDARD) && s.joined().nonStandard()) {
            LocalDate joined = s.joined().admitted();
            out.add(new Alert(AlertId.NEW_TO_ROLL_NON_STANDARD, s.key(),
                    "joined:" + (joined == null ? "undated" : joined), 1, joined,
                    "added to the roll at a non-standard transition point"));
        }
        if (a != null && s.safeguardingCohort()) {
            cohortAbsence(out, s, a);
        }
        out.sort(Comparator.comparing(Alert::id));
        return out;
    }

    private boolean on(AlertId id) {
        return rules.get(id).enabled();
    }

    private int threshold(AlertId id) {
        return rules.get(id).threshold();
    }

    private void streaks(List<Alert> out, PupilSituation s, AlertId id, List<Streak> runs, String what) {
        if (!on(id)) {
            return;
        }
        int t = threshold(id);
        for (Streak run : runs) {
            if (run.days() >= t) {
                out.add(new Alert(id, s.key(), "from:" + run.start(), run.days() / t, run.end(),
                        what + " " + run.days() + " consecutive school days, " + run.start() + " to " + run.end()));
            }
        }
    }

    private void absenceLevel(List<Alert> out, PupilSituation s, AlertId id, PupilAttendance a) {
        if (!on(id) || !a.absentAtLeast(threshold(id))) {
            return;
        }
        int band = (int) ((long) a.absenceSessions() * 20 / a.possibleSessions()) + 1;     // 5% bands, 1-based
        out.add(new Alert(id, s.key(), "period:" + a.period().from() + "/" + a.period().to(), band, a.asOf(),
                "absence " + a.absenceRate() + "% of " + a.possibleSessions() + " possible sessions"));
    }

    private void reducedTimetable(List<Alert> out, PupilSituation s, PupilAttendance a) {
        boolean c2 = a.reducedTimetableSessions() >= threshold(AlertId.REDUCED_TIMETABLE);
        if (!on(AlertId.REDUCED_TIMETABLE) || !(c2 || a.partTimeTimetable())) {
            return;
        }
        // Worse with every further 20 C2 sessions (two school weeks).
        out.add(new Alert(AlertId.REDUCED_TIMETABLE, s.key(), "period:" + a.period().from() + "/" + a.period().to(),
                1 + a.reducedTimetableSessions() / 20, a.asOf(),
                (a.partTimeTimetable() ? "part-time timetable flagged by the school; " : "")
                        + a.reducedTimetableSessions() + " C2 sessions"));
    }

    private void health(List<Alert> out, PupilSituation s, PupilAttendance a) {
        int t = threshold(AlertId.HEALTH_15_DAYS);
        if (!on(AlertId.HEALTH_15_DAYS) || a.illnessSessionsInYear() < 2 * t) {
            return;
        }
        LocalDate yearStart = Period.academicYearContaining(a.asOf()).from();
        out.add(new Alert(AlertId.HEALTH_15_DAYS, s.key(), "year:" + yearStart.getYear(),
                a.illnessSessionsInYear() / (2 * t), a.asOf(),
                a.illnessDays() + " school days of illness this academic year"));
    }

    private void permanentExclusions(List<Alert> out, PupilSituation s, PupilExclusions x) {
        if (!on(AlertId.PERMANENT_EXCLUSION_DAY_6)) {
            return;
        }
        for (PermanentExclusionDuty p : x.permanentExclusions()) {
            out.add(new Alert(AlertId.PERMANENT_EXCLUSION_DAY_6, s.key(), "excluded:" + p.start(),
                    p.dutyStarted() ? 2 : 1, p.sixthSchoolDay(),
                    "permanently excluded from " + p.start() + "; full-time education due from "
                            + p.sixthSchoolDay() + (p.dutyStarted() ? " (due now)" : "")));
        }
    }

    private void suspensions(List<Alert> out, PupilSituation s, PupilExclusions x) {
        int t = threshold(AlertId.SUSPENSIONS_OVER_15_DAYS);
        int over = x.suspensionSessionsThisTerm() - 2 * t;
        if (!on(AlertId.SUSPENSIONS_OVER_15_DAYS) || over <= 0) {
            return;
        }
        // Worse with every further 5 school days.
        out.add(new Alert(AlertId.SUSPENSIONS_OVER_15_DAYS, s.key(), "term:" + x.term().name(), 1 + (over - 1) / 10,
                null, x.suspensionDaysThisTerm() + " school days suspended in the " + x.term().name() + " term"));
    }

    private void cohortAbsence(List<Alert> out, PupilSituation s, PupilAttendance a) {
        if (!on(AlertId.COHORT_ABSENCE)) {
            return;
        }
        Streak current = a.currentAbsenceStreak();
        LocalDate unauthorised = a.lastUnauthorisedDate();
        if (!current.isNone()) {
            boolean withoutPermission = unauthorised != null && !unauthorised.isBefore(current.start());
            out.add(new Alert(AlertId.COHORT_ABSENCE, s.key(), "absent-from:" + current.start(),
                    withoutPermission ? 2 : 1, current.end(), "absent since " + current.start()
                            + (withoutPermission ? ", without permission" : "")));
        } else if (unauthorised != null
                && unauthorised.isAfter(a.asOf().minusDays(threshold(AlertId.COHORT_ABSENCE)))) {
            out.add(new Alert(AlertId.COHORT_ABSENCE, s.key(), "unauthorised:" + unauthorised, 2, unauthorised,
                    "unauthorised absence on " + unauthorised));
        }
    }
}
