package org.rollbridge.hub.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.VisibilitySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A school writes attendance and exclusions only for its own pupils: a staged row is linked to the person whose
 * current or former UPN it carries only when that person has a spell at the sending school that is current, or
 * that ended within the schools' tail window (ROLLBRIDGE_SCHOOL_TAIL_DAYS, as for roll claims) before today or
 * before the period the row reports (a leaver's marks or exclusion sent after the leaving). Every other row is
 * held as {@link #NOT_ON_ROLL} with one message, whether or not the LA knows the UPN, and released when the
 * school's own record puts the pupil on its roll ({@link HeldRecords#releaseOnRoll}).
 */
@Component
public class SchoolRollStore {

    /** The held reason, the same for a UPN the LA knows and one it does not. */
    public static final String NOT_ON_ROLL = "NOT_ON_ROLL";
    /** What the school reads of a held row: nothing about what the LA knows of the pupil. */
    public static final String NOT_ON_ROLL_DETAIL = "held: this pupil is not on your school's roll at the LA; "
            + "send their CTF first, and these rows follow";

    private final JdbcClient db;
    private final HubProperties settings;
    private final Clock clock;
    private final int tailDays;

    public SchoolRollStore(JdbcClient db, HubProperties settings, Clock clock, VisibilitySettings visibility) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.tailDays = visibility.schoolTailDays();
    }

    /** A feed's staging table and the SQL date (alias {@code s}) of the period a staged row reports. */
    public enum StagedRows {
        ATTENDANCE("stage_attendance", "make_date(s.academic_year, 8, 1)"),
        EXCLUSIONS("stage_exclusions", "s.start_date");

        private final String table;
        private final String periodStart;

        StagedRows(String table, String periodStart) {
            this.table = table;
            this.periodStart = periodStart;
        }
    }

    /**
     * The spell at the school that lets person {@code personRef} be written for a period starting on
     * {@code periodStart}; parameters: la, laestab, today, tail days.
     */
    private static String spellAt(String personRef, String periodStart) {
        return "exists (select 1 from enrolments e where e.la = ? and e.person_id = " + personRef
                + " and e.laestab = ? and (e.to_date is null or e.to_date >= least(?::date, " + periodStart
                + ") - ?::int))";
    }

    /** Links the batch's staged rows to persons on the school's roll (by current or former UPN); returns how many. */
    public int link(StagedRows rows, UUID batchId, String laestab) {
        return db.sql("update " + rows.table + " s set person_id = pi.person_id from person_identifiers pi"
                        + " where s.batch_id = ? and pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN') and pi.value = s.upn"
                        + " and " + spellAt("pi.person_id", rows.periodStart))
                .params(batchId, settings.la(), settings.la(), laestab, today(), tailDays).update();
    }

    /** A held row of the school's that its pupil's arrival on the roll releases. */
    public record OnRoll(long heldId, long personId) {
    }

    /**
     * The school's rows held as {@link #NOT_ON_ROLL} whose UPN now names a person on its roll (as {@link #link}
     * would accept them), in the order they were held.
     */
    public List<OnRoll> heldNowOnRoll(String laestab) {
        // The period as each feed's held payload carries it: an exclusion's start, a pupil-year's first day.
        return db.sql("""
                select h.id, pi.person_id from held_records h
                join person_identifiers pi on pi.la = h.la and pi.kind in ('UPN', 'FORMER_UPN') and pi.value = h.upn
                where h.la = ? and h.laestab = ? and h.status = 'held' and h.reason = 'NOT_ON_ROLL'
                  and """ + " " + spellAt("pi.person_id", "coalesce((h.payload ->> 'start_date')::date, "
                        + "make_date((h.payload ->> 'academicYear')::int, 8, 1))") + " order by h.id")
                .params(settings.la(), laestab, settings.la(), laestab, today(), tailDays)
                .query((rs, n) -> new OnRoll(rs.getLong(1), rs.getLong(2))).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
