package org.rollbridge.hub.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollbridge.core.reconcile.PupilDigest;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the hub holds of one school's pupils, as digests to compare with its agent's, and each school's last result. */
@Component
public class ReconciliationQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public ReconciliationQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The school's last reconciliation, for its page. */
    public record Status(OffsetDateTime checkedAt, int pupils, int differing, int held,
                         OffsetDateTime differingSince) {
        public boolean inStep() {
            return differing == 0;
        }
    }

    public Optional<Status> status(String laestab) {
        return db.sql("""
                select checked_at, pupils, differing, held, differing_since from school_reconciliations
                where la = ? and laestab = ?""")
                .params(settings.la(), laestab)
                .query((rs, n) -> new Status(rs.getObject(1, OffsetDateTime.class), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    /** Batches of the school still queued or being processed: until they merge, the hub is behind on purpose. */
    long unfinishedBatches(String laestab) {
        return db.sql("select count(*) from batches where laestab = ? and status in ('queued', 'processing')")
                .param(laestab).query(Long.class).single();
    }

    /** The record digest of each pupil the school's CTFs stored, by UPN. */
    Map<String, String> recordDigests(String laestab) {
        Map<String, String> digests = new HashMap<>();
        db.sql("""
                select upn, uln, forename, surname, dob, sex, nc_year, enrol_status, admission_date, leaving_date,
                       postcode
                from pupils where la = ? and laestab = ?""")
                .params(settings.la(), laestab)
                .query(rs -> {
                    digests.put(rs.getString(1), PupilDigest.record(Arrays.asList(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getString(7), rs.getString(8),
                            rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                            rs.getString(11))));
                });
        return digests;
    }

    /**
     * The school's marks from {@code from} to {@code to} as the hub holds them: the digest of each pupil-year with a
     * mark there, by person; each person's UPNs (current and former, as the agent may know the pupil by either);
     * and the UPN the school's record of the pupil gives (else the person's current one), to name a pupil the school
     * no longer lists.
     */
    record StoredMarks(Map<Long, Map<Integer, String>> digests, Map<String, Long> personByUpn,
                       Map<Long, String> upnOf) {
        static final StoredMarks NONE = new StoredMarks(Map.of(), Map.of(), Map.of());
    }

    StoredMarks storedMarks(String laestab, LocalDate from, LocalDate to) {
        Map<Long, PupilDigest.Marks> marks = new HashMap<>();
        db.sql("""
                select a.person_id, a.academic_year, a.marks from attendance_years a
                where a.la = ? and a.laestab = ? and a.academic_year between ? and ?""")
                .params(settings.la(), laestab, YearMarks.academicYear(from), YearMarks.academicYear(to))
                .query(rs -> {
                    int year = rs.getInt(2);
                    String stored = rs.getString(3);
                    for (int i = 0; i < stored.length(); i++) {
                        if (stored.charAt(i) == YearMarks.NONE) {
                            continue;
                        }
                        LocalDate day = YearMarks.dayAt(year, i);
                        if (!day.isBefore(from) && !day.isAfter(to)) {
                            marks.computeIfAbsent(rs.getLong(1), p -> new PupilDigest.Marks())
                                    .add(day, YearMarks.sessionAt(i), YearMarks.code(stored.charAt(i)).orElseThrow());
                        }
                    }
                });
        Map<Long, Map<Integer, String>> digests = new HashMap<>();
        marks.forEach((person, m) -> digests.put(person, m.digests()));
        Map<String, Long> personByUpn = new HashMap<>();
        Map<Long, String> upnOf = new HashMap<>();
        db.sql("""
                select i.person_id, i.value, i.kind = 'UPN', p.upn from person_identifiers i
                left join pupils p on p.la = i.la and p.person_id = i.person_id and p.laestab = ?
                where i.la = ? and i.kind in ('UPN', 'FORMER_UPN') and i.person_id = any(?::bigint[])""")
                .params(laestab, settings.la(), "{" + String.join(",", digests.keySet().stream()
                        .map(String::valueOf).toList()) + "}")
                .query(rs -> {
                    long person = rs.getLong(1);
                    personByUpn.put(rs.getString(2), person);
                    String named = rs.getString(4) != null ? rs.getString(4) : rs.getBoolean(3) ? rs.getString(2) : null;
                    if (named != null) {
                        upnOf.put(person, named);
                    }
                });
        return new StoredMarks(digests, personByUpn, upnOf);
    }

    /**
     * The exclusions digest of each pupil with an exclusion from the school starting from {@code from} to
     * {@code to}, by the UPN the school's record of the pupil gives.
     */
    Map<String, String> exclusionDigests(String laestab, LocalDate from, LocalDate to) {
        Map<String, PupilDigest.Exclusions> exclusions = new HashMap<>();
        db.sql("""
                select p.upn, e.start_date, e.end_date, e.category, e.reason, e.sessions from exclusions e
                join pupils p on p.la = e.la and p.person_id = e.person_id and p.laestab = e.laestab
                where e.la = ? and e.laestab = ? and e.start_date between ? and ?""")
                .params(settings.la(), laestab, from, to)
                .query(rs -> {
                    exclusions.computeIfAbsent(rs.getString(1), u -> new PupilDigest.Exclusions())
                            .add(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4),
                                    rs.getString(5), rs.getObject(6, Integer.class));
                });
        Map<String, String> digests = new HashMap<>();
        exclusions.forEach((upn, e) -> digests.put(upn, e.digest()));
        return digests;
    }

    /** The UPNs the school's records are held under (not stored yet: unmatched, for review, with errors), by feed. */
    Map<String, Set<String>> heldUpns(String laestab) {
        Map<String, Set<String>> held = new HashMap<>();
        db.sql("""
                select distinct feed, upn from held_records
                where la = ? and laestab = ? and status = 'held' and upn is not null""")
                .params(settings.la(), laestab)
                .query(rs -> {
                    held.computeIfAbsent(rs.getString(1), f -> new HashSet<>()).add(rs.getString(2));
                });
        return held;
    }
}
