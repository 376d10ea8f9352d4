package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.Locale;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.feed.AttendanceRow;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.BatchStore;
import org.rollbridge.hub.ingest.BatchValidation;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.SchoolRollStore;
import org.rollbridge.hub.ingest.Staged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The session-level attendance CSV (docs/formats.md). Each row is checked by the validation rule catalogue as it
 * is read; rows that pass are gathered per pupil and academic year into {@link MarkPatches}, staged with COPY,
 * and merged into attendance_years keeping the history of every changed mark.
 */
@Component
public class AttendanceFeed implements Feed {

    private final SchoolRollStore roll;
    private final MarkStore marks;
    private final BatchValidation validation;
    private final BatchStore batches;
    private final JdbcClient db;

    public AttendanceFeed(SchoolRollStore roll, MarkStore marks, BatchValidation validation, BatchStore batches,
                          JdbcClient db) {
        this.batches = batches;
        this.db = db;
        this.roll = roll;
        this.marks = marks;
        this.validation = validation;
    }

    @Override
    public BatchKind kind() {
        return BatchKind.ATTENDANCE;
    }

    @Override
    public Staged stage(Batch batch) {
        MarkPatches patches = new MarkPatches();
        FileReport report = validation.screen(batch).attendance(validation.stored(batch), BatchValidation.displayPath(batch),
                (row, passed) -> {
                    if (passed) {
                        add(row, patches);
                    }
                });
        if (report.outcome() == org.rollbridge.core.validation.Outcome.REFUSED) {
            return new Staged(report, 0);
        }
        return new Staged(report, marks.stage(batch.id(), patches));
    }

    /** A row that passed validation has a date, a session and a code. */
    private static void add(AttendanceRow row, MarkPatches patches) {
        LocalDate day = row.date().date().orElseThrow();
        AttendanceCode code = AttendanceCode.interpret(row.code(), day).orElseThrow();
        patches.add(row.upn().strip().toUpperCase(Locale.ROOT), day, row.sessionValue().orElseThrow(), code);
    }

    @Override
    public void match(Batch batch) {
        // The row carries only the UPN: rule 1 (current or former UPN), for pupils on the school's roll only.
        roll.link(SchoolRollStore.StagedRows.ATTENDANCE, batch.id(), batch.laestab());
    }

    @Override
    public Merged merge(Batch batch) {
        int imported = marks.applyStaged(batch.id(), batch.laestab(), batches.replaces(batch.id()).orElse(null));
        int held = marks.holdNotOnRoll(batch.id(), batch.laestab());
        return new Merged(imported, held);
    }

    /**
     * No: matching goes from each staged row to person_identifiers and enrolments by index, and the merge from each
     * to its stored pupil-year by primary key; taken for one row, the batch drives both as a nested loop.
     */
    @Override
    public boolean joinsStagedRows() {
        return false;
    }

    @Override
    public void clear(Batch batch) {
        db.sql("delete from stage_attendance where batch_id = ?").param(batch.id()).update();
    }
}
