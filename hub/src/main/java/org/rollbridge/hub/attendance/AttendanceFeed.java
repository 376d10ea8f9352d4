package org.rollbridge.hub.attendance;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.CopyRows;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.FeedCsv;
import org.rollbridge.hub.ingest.Finding;
import org.rollbridge.hub.ingest.Staged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The session-level attendance CSV (docs/formats.md). Marks are gathered per pupil and academic year into
 * {@link YearMarks} patches, staged with COPY, and merged into attendance_years keeping the history of every
 * changed mark. Row checks here cover what the hub must know to store a mark; the full rule catalogue belongs
 * to the validation module.
 */
@Component
public class AttendanceFeed implements Feed {

    static final List<String> REQUIRED = List.of("laestab", "upn", "date", "session", "code");

    private final HubProperties settings;
    private final MarkStore marks;

    public AttendanceFeed(HubProperties settings, MarkStore marks) {
        this.settings = settings;
        this.marks = marks;
    }

    @Override
    public BatchKind kind() {
        return BatchKind.ATTENDANCE;
    }

    @Override
    public Staged stage(Batch batch, Connection connection) throws Exception {
        List<Finding> findings = new ArrayList<>();
        Map<String, char[]> patches = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int read = 0;
        try (FeedCsv csv = new FeedCsv(batch.storedPath())) {
            List<String> missing = csv.missing(REQUIRED);
            if (!missing.isEmpty()) {
                findings.add(Finding.fileError("ATT-HEADER", "line 1", "The header lacks the required column(s) "
                        + String.join(", ", missing) + "; the attendance CSV needs " + String.join(", ", REQUIRED)
                        + " (docs/formats.md)"));
                return new Staged(findings, 0, 0);
            }
            for (FeedCsv.Row row : csv) {
                read++;
                Optional<Mark> mark = mark(row, batch.laestab(), findings);
                if (mark.isPresent()) {
                    Mark m = mark.get();
                    String key = m.upn + "|" + YearMarks.academicYear(m.day);
                    char[] patch = patches.computeIfAbsent(key, k -> YearMarks.empty());
                    patch[YearMarks.position(m.day, m.session)] = YearMarks.symbol(m.code);
                    counts.merge(key, 1, Integer::sum);
                }
            }
        } catch (java.io.UncheckedIOException | java.io.IOException | IllegalStateException e) {
            String why = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            findings.add(Finding.fileError("ATT-FILE", "line " + (read + 2),
                    "The file could not be read as a UTF-8 CSV (" + why + "); export it again from the MIS"));
            return new Staged(findings, read, 0);
        }
        int staged = 0;
        try (CopyRows copy = new CopyRows(connection, "stage_attendance", "batch_id, upn, academic_year, patch, marks")) {
            for (var e : patches.entrySet()) {
                String[] key = e.getKey().split("\\|");
                copy.field(batch.id()).field(key[0]).field(key[1]).field(new String(e.getValue()))
                        .field(counts.get(e.getKey())).endRow();
                staged += counts.get(e.getKey());
            }
        }
        return new Staged(findings, read, staged);
    }

    private record Mark(String upn, LocalDate day, Session session, AttendanceCode code) {
    }

    private static Optional<Mark> mark(FeedCsv.Row row, String school, List<Finding> findings) {
        String where = row.location();
        String laestab = row.get("laestab");
        String upn = row.get("upn").toUpperCase(Locale.ROOT);
        String dateText = row.get("date");
        String sessionText = row.get("session").toUpperCase(Locale.ROOT);
        String codeText = row.get("code");
        int before = findings.size();
        if (!laestab.equals(school)) {
            findings.add(Finding.error("ATT-SCHOOL", where, "laestab '" + laestab + "' is not the sending school "
                    + school + "; send each school's marks under its own credential"));
        }
        Upn.Check check = Upn.check(upn);
        if (!check.usable()) {
            findings.add(Finding.error("ATT-UPN", where, "upn is not a valid UPN (" + check
                    + "); correct the pupil's UPN in the MIS"));
        } else if (check != Upn.Check.VALID) {
            findings.add(Finding.warning("ATT-UPN-TEMPORARY", where, "upn is a temporary UPN; "
                    + "replace it with the pupil's permanent UPN"));
        }
        LocalDate day = FeedCsv.date(dateText);
        if (day == null) {
            findings.add(Finding.error("ATT-DATE", where, "date '" + dateText + "' is not a date; use YYYY-MM-DD"));
        }
        Session session = sessionText.equals("AM") ? Session.AM : sessionText.equals("PM") ? Session.PM : null;
        if (session == null) {
            findings.add(Finding.error("ATT-SESSION", where, "session '" + sessionText + "' must be AM or PM"));
        }
        Optional<AttendanceCode> code = day == null ? AttendanceCode.parse(codeText)
                : AttendanceCode.interpret(codeText, day);
        if (code.isEmpty()) {
            findings.add(Finding.error("ATT-CODE", where, "code '" + codeText
                    + "' is not an attendance code; see the code list in docs/formats.md"));
        }
        if (findings.size() > before && findings.subList(before, findings.size()).stream()
                .anyMatch(f -> f.severity().equals("error"))) {
            return Optional.empty();
        }
        return Optional.of(new Mark(upn, day, session, code.get()));
    }

    @Override
    public void match(Batch batch, JdbcClient db) {
        // A session-level feed carries only the UPN, so matching rule 1 (current or former UPN) is the whole rule.
        db.sql("""
                update stage_attendance s set person_id = pi.person_id
                from person_identifiers pi
                where s.batch_id = ? and pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN') and pi.value = s.upn""")
                .params(batch.id(), settings.la()).update();
    }

    @Override
    public Merged merge(Batch batch, JdbcClient db, Connection connection) throws Exception {
        int imported = marks.applyStaged(batch.id(), batch.laestab(), connection);
        int held = db.sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, payload)
                select ?, s.batch_id, ?, 'attendance', 'academic year ' || s.academic_year, s.upn, 'UNMATCHED',
                       'No person in the LA''s index has this UPN: ' || s.marks || ' mark(s) held until the LA '
                       || 'confirms who the pupil is',
                       jsonb_build_object('academicYear', s.academic_year, 'patch', s.patch, 'marks', s.marks)
                from stage_attendance s where s.batch_id = ? and s.person_id is null
                returning (payload ->> 'marks')::int""")
                .params(settings.la(), batch.laestab(), batch.id()).query(Integer.class).list()
                .stream().mapToInt(Integer::intValue).sum();
        return new Merged(imported, held);
    }

    @Override
    public void clear(Batch batch, JdbcClient db) {
        db.sql("delete from stage_attendance where batch_id = ?").param(batch.id()).update();
    }
}
