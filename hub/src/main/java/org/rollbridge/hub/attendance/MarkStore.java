package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.ReplacedSpan;
import org.rollbridge.hub.ingest.SchoolRollStore;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stages a batch's mark patches and applies them to attendance_years. New pupil-years are written as they come;
 * for existing ones each sent mark overwrites the stored one and every change is written to mark_history (who
 * sent which code when). Applying runs inside the merge transaction, under the school's lock. One batch is one
 * school's file, so its pupil-years (about 1.5 KB each) are worked on in memory.
 */
@Component
public class MarkStore {

    private final HubProperties settings;
    private final AttendanceTallies tallies;
    private final JdbcClient db;
    private final DataSource dataSource;

    public MarkStore(HubProperties settings, AttendanceTallies tallies, JdbcClient db, DataSource dataSource) {
        this.settings = settings;
        this.tallies = tallies;
        this.db = db;
        this.dataSource = dataSource;
    }

    private record YearRow(long person, int year, String patch, int marks, boolean firstLetters, String stored,
                           MarkSources sources, Set<UUID> registerBatches) {
    }

    /** A pupil-year's marks as merged so far in this batch, and which batch sent each. */
    private record Merged(String marks, MarkSources sources) {
    }

    private record Change(long person, LocalDate day, String session, String oldCode, String newCode) {
    }

    /** COPYs the patches into stage_attendance under {@code batchId}; returns the number of marks staged. */
    public int stage(UUID batchId, MarkPatches patches) {
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "stage_attendance",
                "batch_id, upn, academic_year, patch, marks, first_letters")) {
            return patches.writeTo(copy, batchId);
        }
    }

    /** Applies the batch's matched staged patches; returns the number of marks applied. */
    public int applyStaged(UUID batchId, String laestab) {
        return applyStaged(batchId, laestab, batchId, null);
    }

    /**
     * As above, and for a batch that replaces the span {@code replaces} (null: none), removes the marks of each
     * pupil-year it carries that fall in the span and that it does not carry: deleted at the school.
     */
    public int applyStaged(UUID batchId, String laestab, ReplacedSpan replaces) {
        return applyStaged(batchId, laestab, batchId, replaces);
    }

    /** As above, for staged rows under {@code stagedAs} that came from batch {@code batchId}. */
    public int applyStaged(UUID stagedAs, String laestab, UUID batchId) {
        return applyStaged(stagedAs, laestab, batchId, null);
    }

    private int applyStaged(UUID stagedAs, String laestab, UUID batchId, ReplacedSpan replaces) {
        List<YearRow> rows = db.sql("""
                select s.person_id, s.academic_year, s.patch, s.marks, s.first_letters, a.marks, a.mark_sources,
                       a.mark_batches, a.batch_id,
                       (select array_agg(b.id) from batches b
                        where b.kind = 'attendance' and s.first_letters
                          and b.id = any(coalesce(a.mark_batches, array[a.batch_id]))) as register_batches
                from stage_attendance s
                left join attendance_years a on a.la = ? and a.person_id = s.person_id and a.laestab = ?
                                            and a.academic_year = s.academic_year
                where s.batch_id = ? and s.person_id is not null""")
                .params(settings.la(), laestab, stagedAs)
                .query((rs, n) -> new YearRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6), MarkSources.of(rs.getString(7), PupilMarksQuery.batches(rs.getArray(8)),
                        rs.getString(6), rs.getObject(9, UUID.class)),
                        registerBatches(PupilMarksQuery.batches(rs.getArray(10)))))
                .list();
        if (rows.isEmpty() && (replaces == null || !replaces.school())) {
            return 0;
        }
        tallies.createMergedYears();
        db.sql("""
                create temp table if not exists changed_marks (person_id bigint, day date, session text,
                    old_code text, new_code text) on commit drop""").update();
        db.sql("truncate changed_marks").update();
        int applied = 0;
        List<Change> changes = new ArrayList<>();
        // Two staged rows can lead to one person (a current and a former UPN in one file): laid over each other.
        Map<List<Long>, Merged> merged = new LinkedHashMap<>();
        Map<List<Long>, BitSet> sent = new HashMap<>();
        for (YearRow row : rows) {
            applied += row.marks();
            List<Long> key = List.of(row.person(), (long) row.year());
            merged.put(key, merge(row, merged.getOrDefault(key, new Merged(row.stored(), row.sources())), batchId,
                    changes));
            BitSet positions = sent.computeIfAbsent(key, k -> new BitSet());
            for (int i = 0; i < row.patch().length(); i++) {
                if (row.patch().charAt(i) != YearMarks.NONE) {
                    positions.set(i);
                }
            }
        }
        if (replaces != null) {
            merged.replaceAll((key, year) -> removeUnsent(key, year, sent.get(key), replaces, changes));
        }
        if (replaces != null && replaces.school()) {
            removeUncarried(stagedAs, laestab, replaces, merged, changes);
        }
        try (CopyRows years = CopyRows.inTransaction(dataSource, "merged_years",
                "person_id, academic_year, marks, mark_sources, mark_batches")) {
            merged.forEach((key, year) -> {
                MarkSources sources = year.sources().compacted();
                years.field(key.get(0)).field(key.get(1).intValue()).field(year.marks()).field(sources.text())
                        .field(sources.batchesLiteral()).endRow();
            });
        }
        if (!changes.isEmpty()) {
            try (CopyRows history = CopyRows.inTransaction(dataSource, "changed_marks",
                    "person_id, day, session, old_code, new_code")) {
                for (Change ch : changes) {
                    history.field(ch.person()).field(ch.day()).field(ch.session()).field(ch.oldCode())
                            .field(ch.newCode()).endRow();
                }
            }
        }
        db.sql("""
                insert into attendance_years (la, person_id, laestab, academic_year, marks, batch_id, mark_sources,
                                              mark_batches)
                select ?, person_id, ?, academic_year, marks, ?, mark_sources, mark_batches from merged_years
                on conflict (la, person_id, laestab, academic_year)
                do update set marks = excluded.marks, batch_id = excluded.batch_id, updated_at = now(),
                              mark_sources = excluded.mark_sources, mark_batches = excluded.mark_batches""")
                .params(settings.la(), laestab, batchId).update();
        tallies.refresh(laestab);
        if (!changes.isEmpty()) {
            db.sql("""
                    insert into mark_history (la, person_id, laestab, day, session, old_code, new_code, batch_id)
                    select ?, person_id, ?, day, session, old_code, new_code, ? from changed_marks""")
                    .params(settings.la(), laestab, batchId).update();
        }
        return applied;
    }

    /** Applies the marks of one pupil-year held as unmatched from batch {@code batchId}, now its person is known. */
    public void releaseHeld(UUID batchId, String laestab, String upn, long personId, String payload) {
        // Released under a batch id of its own, so the staging rows cannot meet a batch being processed.
        UUID releaseId = UUID.randomUUID();
        db.sql("""
                insert into stage_attendance (batch_id, upn, academic_year, patch, marks, first_letters, person_id)
                select ?, ?, (p ->> 'academicYear')::smallint, p ->> 'patch', (p ->> 'marks')::int,
                       coalesce((p ->> 'firstLetters')::boolean, false), ?
                from (select ?::jsonb as p) held""")
                .params(releaseId, upn, personId, payload).update();
        applyStaged(releaseId, laestab, batchId);
        db.sql("delete from stage_attendance where batch_id = ?").param(releaseId).update();
    }

    /**
     * Holds a CTF's staged marks of a pupil not linked (reason UNMATCHED, feed attendance), one held record per
     * pupil-year, released with the pupil's record by {@link HeldMarksRelease}. Returns how many marks were held.
     */
    public int holdUnmatched(UUID batchId, String laestab) {
        return hold(batchId, laestab, "UNMATCHED",
                "Held with this pupil's record until the LA confirms who the pupil is: %s mark(s)");
    }

    /**
     * Holds the attendance feed's staged marks of pupils not on the school's roll (reason NOT_ON_ROLL), saying
     * nothing of whether the LA knows the UPN, for {@link HeldMarksRelease} to apply once the pupil is on it.
     */
    public int holdNotOnRoll(UUID batchId, String laestab) {
        return hold(batchId, laestab, SchoolRollStore.NOT_ON_ROLL,
                SchoolRollStore.NOT_ON_ROLL_DETAIL + " (%s mark(s))");
    }

    private int hold(UUID batchId, String laestab, String reason, String detail) {
        return db.sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, payload)
                select ?, s.batch_id, ?, 'attendance', 'academic year ' || s.academic_year, s.upn, ?,
                       format(?, s.marks),
                       jsonb_build_object('academicYear', s.academic_year, 'patch', s.patch, 'marks', s.marks,
                                          'firstLetters', s.first_letters)
                from stage_attendance s where s.batch_id = ? and s.person_id is null
                returning (payload ->> 'marks')::int""")
                .params(settings.la(), laestab, reason, detail, batchId).query(Integer.class).list()
                .stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Whether the stored mark is the sent first letter's code or a finer one (C1 or C2 for a CTF's C, Y1-Y7 for its
     * Y): a CTF's marks never replace the precision of the session-level feed (docs/indicators.md).
     */
    private static boolean refines(char stored, char sent) {
        if (stored == YearMarks.NONE) {
            return false;
        }
        String storedCode = YearMarks.code(stored).orElse("");
        String sentCode = YearMarks.code(sent).orElse("");
        return !storedCode.isEmpty() && !sentCode.isEmpty() && storedCode.charAt(0) == sentCode.charAt(0);
    }

    private static Set<UUID> registerBatches(UUID[] batches) {
        return batches == null ? Set.of() : Set.of(batches);
    }

    /**
     * Whether the stored mark came from the school's session-level attendance feed: a CTF's mark for the same
     * session never replaces it, whichever merged last. A CTF's marks are a first-letter copy of the same register,
     * often taken earlier (a CTF written once and sent again, or left in the drop folder while the register was
     * corrected); a correction reaches the hub through the attendance feed, its resend window and reconciliation.
     */
    private static boolean fromRegister(MarkSources sources, int position, YearRow row) {
        return !row.registerBatches().isEmpty()
                && sources.batchAt(position).map(row.registerBatches()::contains).orElse(false);
    }

    /**
     * For a batch that is the school's whole export over {@code span}: every other pupil-year of the school loses its
     * marks in the span (the school lists the pupil with no mark there), laid into {@code merged} when it changed.
     * A pupil-year the batch carries but holds back (the pupil not on the roll) keeps its marks: the school still
     * lists them. Each pupil whose marks went is staged with an empty patch, so that the alert follow-up recomputes
     * them with the others.
     */
    private void removeUncarried(UUID stagedAs, String laestab, ReplacedSpan span, Map<List<Long>, Merged> merged,
                                 List<Change> changes) {
        List<Long> removed = new ArrayList<>();
        db.sql("""
                select a.person_id, a.academic_year, a.marks, a.mark_sources, a.mark_batches, a.batch_id
                from attendance_years a
                where a.la = ? and a.laestab = ? and a.academic_year between ? and ?
                  and not exists (select 1 from stage_attendance s where s.batch_id = ?
                                  and s.academic_year = a.academic_year
                                  and (s.person_id = a.person_id
                                       or s.person_id is null and s.upn in (
                                           select i.value from person_identifiers i where i.la = a.la
                                           and i.person_id = a.person_id and i.kind in ('UPN', 'FORMER_UPN'))))""")
                .params(settings.la(), laestab, YearMarks.academicYear(span.from()),
                        YearMarks.academicYear(span.to()), stagedAs)
                .query(rs -> {
                    List<Long> key = List.of(rs.getLong(1), (long) rs.getInt(2));
                    Merged stored = new Merged(rs.getString(3), MarkSources.of(rs.getString(4),
                            PupilMarksQuery.batches(rs.getArray(5)), rs.getString(3), rs.getObject(6, UUID.class)));
                    Merged left = removeUnsent(key, stored, new BitSet(), span, changes);
                    if (left != stored) {
                        merged.put(key, left);
                        removed.add(key.get(0));
                    }
                });
        if (!removed.isEmpty()) {
            db.sql("""
                    insert into stage_attendance (batch_id, upn, academic_year, patch, marks, first_letters, person_id)
                    select distinct ?, 'person:' || person, ?, '', 0, false, person from unnest(?::bigint[]) person""")
                    .params(stagedAs, YearMarks.academicYear(span.from()), "{" + String.join(",",
                            removed.stream().map(String::valueOf).toList()) + "}").update();
        }
    }

    /** The year less its marks in {@code span} that the replacing batch did not send, each removal noted. */
    private static Merged removeUnsent(List<Long> key, Merged year, BitSet sent, ReplacedSpan span,
                                       List<Change> changes) {
        char[] marks = year.marks().toCharArray();
        int academicYear = key.get(1).intValue();
        boolean removed = false;
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] == YearMarks.NONE || sent.get(i) || !span.contains(YearMarks.dayAt(academicYear, i))) {
                continue;
            }
            changes.add(new Change(key.get(0), YearMarks.dayAt(academicYear, i), YearMarks.sessionAt(i).name(),
                    YearMarks.code(marks[i]).orElseThrow(), null));
            marks[i] = YearMarks.NONE;
            year.sources().removed(i);
            removed = true;
        }
        return removed ? new Merged(new String(marks), year.sources()) : year;
    }

    /** The stored year with the patch laid over it, noting each mark that changed and the batch that sent it. */
    private static Merged merge(YearRow row, Merged stored, UUID batchId, List<Change> changes) {
        MarkSources sources = stored.sources();
        String patch = row.patch();
        if (stored.marks() == null) {
            for (int i = 0; i < patch.length(); i++) {
                if (patch.charAt(i) != YearMarks.NONE) {
                    sources.sent(i, batchId);
                }
            }
            return new Merged(patch, sources);
        }
        char[] merged = stored.marks().toCharArray();
        for (int i = 0; i < patch.length(); i++) {
            char sent = patch.charAt(i);
            if (sent == YearMarks.NONE || sent == merged[i]
                    || row.firstLetters() && (refines(merged[i], sent) || fromRegister(sources, i, row))) {
                continue;
            }
            if (merged[i] != YearMarks.NONE) {
                changes.add(new Change(row.person(), YearMarks.dayAt(row.year(), i), YearMarks.sessionAt(i).name(),
                        YearMarks.code(merged[i]).orElseThrow(), YearMarks.code(sent).orElseThrow()));
            }
            merged[i] = sent;
            sources.sent(i, batchId);
        }
        return new Merged(new String(merged), sources);
    }
}
