package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * One school's days in the period: every weekday is a term day, an INSET day, a closure or a holiday. Term days and
 * closures carry register sessions; a closure's sessions are all marked with its code ({@code #} planned,
 * {@code Y1}..{@code Y7} unavoidable).
 */
public final class SchoolCalendar {

    public enum Kind { TERM_DAY, INSET, CLOSURE, HOLIDAY }

    /** A weekday in the period and what it is at this school. */
    public record Day(LocalDate date, Kind kind, String closureCode) {
    }

    private final List<Day> weekdays;
    /** Days with register sessions, in date order. */
    private final LocalDate[] sessionDays;
    /** The closure code of each session day, or null when the school is open. */
    private final String[] closureCodes;

    private SchoolCalendar(List<Day> weekdays) {
        this.weekdays = List.copyOf(weekdays);
        List<Day> open = weekdays.stream().filter(d -> d.kind() == Kind.TERM_DAY || d.kind() == Kind.CLOSURE).toList();
        sessionDays = new LocalDate[open.size()];
        closureCodes = new String[open.size()];
        for (int i = 0; i < open.size(); i++) {
            sessionDays[i] = open.get(i).date();
            closureCodes[i] = open.get(i).closureCode();
        }
    }

    public List<Day> weekdays() {
        return weekdays;
    }

    public int sessionDayCount() {
        return sessionDays.length;
    }

    public LocalDate sessionDay(int i) {
        return sessionDays[i];
    }

    String closureCode(int i) {
        return closureCodes[i];
    }

    /** Index of the first session day on or after {@code d} (the count when there is none). */
    int indexOnOrAfter(LocalDate d) {
        int lo = 0;
        int hi = sessionDays.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sessionDays[mid].isBefore(d)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the last session day on or before {@code d} (-1 when there is none). */
    int indexOnOrBefore(LocalDate d) {
        int i = indexOnOrAfter(d);
        return i < sessionDays.length && sessionDays[i].equals(d) ? i : i - 1;
    }

    /**
     * Builds a school's calendar: the LA's term dates, five INSET days (the weekdays before the autumn term and
     * others next to holidays), and occasional closures: polling day for some primaries, a snow day for some rural
     * schools, the odd heating failure.
     */
    static SchoolCalendar build(School school, TermDates terms, LocalDate snowDay, Settings settings,
                                RandomGenerator r) {
        Set<LocalDate> inset = new TreeSet<>(terms.daysBeforeAutumnTerm());
        List<LocalDate> candidates = terms.insetCandidates();
        while (inset.size() < 5) {
            inset.add(Draw.one(r, candidates));
        }
        List<Day> days = new ArrayList<>();
        LocalDate polling = terms.pollingDay();
        boolean pollingStation = school.phase() == Phase.PRIMARY && r.nextDouble() < 0.15;
        boolean snowClosure = r.nextDouble() < 0.12;
        LocalDate heating = r.nextDouble() < 0.04 ? settings.from().plusDays(20 + r.nextInt(120)) : null;
        for (LocalDate d = settings.from(); !d.isAfter(settings.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            Kind kind;
            String code = null;
            if (!terms.termDay(d)) {
                kind = inset.contains(d) ? Kind.INSET : Kind.HOLIDAY;
            } else if (inset.contains(d)) {
                kind = Kind.INSET;
            } else if (pollingStation && d.equals(polling)) {
                kind = Kind.CLOSURE;
                code = "#";
            } else if (snowClosure && d.equals(snowDay)) {
                kind = Kind.CLOSURE;
                code = "Y4";
            } else if (d.equals(heating)) {
                kind = Kind.CLOSURE;
                code = school.phase() == Phase.SECONDARY ? "Y3" : "Y4";
            } else {
                kind = Kind.TERM_DAY;
            }
            days.add(new Day(d, kind, code));
        }
        return new SchoolCalendar(days);
    }
}
