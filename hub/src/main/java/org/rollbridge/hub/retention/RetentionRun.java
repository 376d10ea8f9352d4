package org.rollbridge.hub.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.RetentionSettings;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A retention run as of a day: works out who is due (the longest applicable period has passed), fixes that list,
 * then deletes a slice of people at a time, each slice one short transaction that skips rows daytime work holds and
 * records its own progress, so a run that stops is taken up where it stopped and a second run finds nothing more.
 * Raw uploads that held a deleted person's records are deleted from the upload store after each slice commits.
 * A dry run works out the same list and reports it without deleting. Every run is audited.
 */
@Service
public class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

    private final RetentionDueQuery due;
    private final RetentionRunStore runs;
    private final PersonErasureStore erasure;
    private final RetentionSchedule schedule;
    private final RetentionSettings retention;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final UploadErasure uploads;
    private final ObjectProvider<SliceProbe> probe;
    private final Clock clock;

    /** Observes each deletion slice inside its transaction, before it commits (tests stop a run here). */
    @FunctionalInterface
    public interface SliceProbe {
        void beforeCommit(long runId, int slice);
    }

    public RetentionRun(RetentionDueQuery due, RetentionRunStore runs, PersonErasureStore erasure,
                        RetentionSchedule schedule, RetentionSettings retention, AuditLog audit,
                        TransactionTemplate tx, UploadErasure uploads, ObjectProvider<SliceProbe> probe,
                        Clock clock) {
        this.clock = clock;
        this.due = due;
        this.runs = runs;
        this.erasure = erasure;
        this.schedule = schedule;
        this.retention = retention;
        this.audit = audit;
        this.tx = tx;
        this.uploads = uploads;
        this.probe = probe;
    }

    /** Today by the hub's clock (Europe/London): the day the nightly run works as of. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Runs as of a day; {@code actor} is who started it (a user, the command line or the nightly schedule). */
    public RetentionReport run(LocalDate asOf, boolean dryRun, String actor) {
        if (dryRun) {
            long id = runs.start(asOf, true, actor);
            RetentionReport report = report(asOf, true, plan(asOf));
            runs.finish(id, report, "succeeded", null);
            audited(actor, id, report, "ok");
            return report;
        }
        long id = resumeOrStart(asOf, actor);
        try {
            uploads.drain();
            int slices = 0;
            for (int n = slice(id, ++slices); n > 0; n = slice(id, ++slices)) {
                uploads.drain();
            }
            for (int n = 1; n > 0; ) {
                n = tx.execute(s -> {
                    erasure.waitAtMost(retention.lockTimeout());
                    return erasure.eraseUnmatchedHeldRecords(asOf, schedule.entry(RetentionCategory.EDUCATION)
                            .period().toString(), today(), retention.sliceSize());
                });
                uploads.drain();
            }
            RetentionReport report = report(asOf, false, runs.counts(id));
            runs.finish(id, report, "succeeded", null);
            audited(actor, id, report, "ok");
            log.info("Retention run {} as of {}: {} person(s) due, {} deleted, {} on hold", id, asOf,
                    report.persons().due(), report.persons().deleted(), report.persons().onHold());
            return report;
        } catch (RuntimeException e) {
            RetentionReport report = report(asOf, false, runs.counts(id));
            runs.finish(id, report, "failed", e.getClass().getSimpleName());
            audited(actor, id, report, "failed");
            log.error("Retention run {} as of {} stopped; the next run takes it up", id, asOf, e);
            throw e;
        }
    }

    /** The people due on a day, for the dry run and the page: one row per category and state. */
    public List<RetentionRunStore.CategoryState> plan(LocalDate asOf) {
        List<RetentionRunStore.CategoryState> states = new ArrayList<>();
        for (PersonRetention p : due.dueBy(asOf, asOf)) {
            states.add(new RetentionRunStore.CategoryState(p.governing().id(), p.held() ? "on-hold" : "deleted", 1));
        }
        return states;
    }

    private long resumeOrStart(LocalDate asOf, String actor) {
        Optional<RetentionRunStore.RecordedRun> open = runs.unfinished();
        if (open.isPresent() && open.get().asOf().equals(asOf)) {
            log.info("Retention run {} as of {} stopped part-way; taking it up", open.get().id(), asOf);
            runs.resume(open.get().id());
            return open.get().id();
        }
        open.ifPresent(r -> runs.abandon(r.id(), "a run as of " + asOf + " started instead"));
        return tx.execute(s -> {
            long id = runs.start(asOf, false, actor);
            runs.plan(id, due.dueBy(asOf, asOf));
            return id;
        });
    }

    private int slice(long runId, int slice) {
        return tx.execute(s -> {
            erasure.waitAtMost(retention.lockTimeout());
            List<Long> persons = erasure.claim(runId, retention.sliceSize());
            if (!persons.isEmpty()) {
                erasure.erase(persons, today());
                erasure.markDeleted(runId, persons);
            }
            probe.ifAvailable(p -> p.beforeCommit(runId, slice));
            return persons.size();
        });
    }

    private void audited(String actor, long id, RetentionReport report, String outcome) {
        audit.record(actor, null, AuditAction.RETENTION_RUN, "retention-run:" + id, null,
                (report.dryRun() ? "dry run" : "run") + " as of " + report.asOf() + ": " + report.persons().due()
                        + " due, " + report.persons().deleted() + " deleted, " + report.persons().onHold()
                        + " on hold", outcome);
    }

    static RetentionReport report(LocalDate asOf, boolean dryRun, List<RetentionRunStore.CategoryState> states) {
        List<RetentionReport.CategoryCount> categories = new ArrayList<>();
        long due = 0;
        long deleted = 0;
        long onHold = 0;
        for (RetentionCategory c : RetentionCategory.values()) {
            long cDue = 0;
            long cDeleted = 0;
            long cHeld = 0;
            for (RetentionRunStore.CategoryState s : states) {
                if (s.category().equals(c.id())) {
                    cDue += s.count();
                    cDeleted += s.state().equals("deleted") ? s.count() : 0;
                    cHeld += s.state().equals("on-hold") ? s.count() : 0;
                }
            }
            categories.add(new RetentionReport.CategoryCount(c.id(), cDue, cDeleted, cHeld));
            due += cDue;
            deleted += cDeleted;
            onHold += cHeld;
        }
        return new RetentionReport(asOf.toString(), dryRun, categories,
                new RetentionReport.Counts(due, deleted, onHold));
    }
}
