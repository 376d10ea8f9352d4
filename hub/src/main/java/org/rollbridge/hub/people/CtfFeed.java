package org.rollbridge.hub.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.hub.access.SchoolStore;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Outcome;
import org.rollbridge.core.validation.RecordScreen;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.CtfAttendance;
import org.rollbridge.hub.attendance.MarkPatches;
import org.rollbridge.hub.attendance.MarkStore;
import javax.sql.DataSource;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.BatchValidation;
import org.rollbridge.hub.ingest.BatchStore;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.Staged;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pupils feed: a Common Transfer File. The file is read once: each pupil is checked by the validation rule
 * catalogue as it is read and, when it has no error, minimised (contacts without parental responsibility or under
 * a court order are dropped there, so they never reach even the staging table) and staged with COPY, together with
 * the session marks it carries for this school ({@link CtfAttendance}); then matched and merged. A {@code full} CTF
 * is the school's whole roll: a pupil on the roll but missing from it has left, and one who left and is on no other roll raises LEFT_NO_DESTINATION (the alerts'
 * {@code MergeFollowUp}, in the same transaction).
 */
@Component
public class CtfFeed implements Feed {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HubProperties settings;
    private final PupilMatching matching;
    private final PupilStore pupils;
    private final JdbcClient db;
    private final Clock clock;
    private final BatchValidation validation;
    private final MarkStore marks;
    private final MatchOutcomes outcomes;
    private final DataSource dataSource;
    private final BatchStore batches;
    private final RollClaimStore claims;
    private final Rectifications rectifications;
    private final SchoolStore schools;

    public CtfFeed(HubProperties settings, PupilMatching matching, PupilStore pupils,
                   JdbcClient db, Clock clock, BatchValidation validation, MarkStore marks,
                   MatchOutcomes outcomes, DataSource dataSource, BatchStore batches, RollClaimStore claims,
                   Rectifications rectifications, SchoolStore schools) {
        this.schools = schools;
        this.claims = claims;
        this.rectifications = rectifications;
        this.dataSource = dataSource;
        this.batches = batches;
        this.validation = validation;
        this.marks = marks;
        this.outcomes = outcomes;
        this.settings = settings;
        this.matching = matching;
        this.pupils = pupils;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public BatchKind kind() {
        return BatchKind.CTF;
    }

    /** What may be kept of a pupil's record: no contacts the LA may not hold, no marks (they go to attendance). */
    public static Pupil minimised(Pupil pupil) {
        List<Contact> kept = pupil.contacts().stream().filter(Contact::mayBeStored).toList();
        return pupil.toBuilder().contacts(kept).attendance(List.of()).build();
    }

    @Override
    public Staged stage(Batch batch) {
        AtomicInteger staged = new AtomicInteger();
        AtomicReference<CtfHeader> header = new AtomicReference<>();
        MarkPatches marks = MarkPatches.firstLetters();
        CopyRows copy = CopyRows.inTransaction(dataSource, "stage_pupils", "batch_id, seq, upn, former_upns, uln, forename, "
                + "surname, dob, sex, nc_year, enrol_status, admission_date, leaving_date, postcode, record");
        FileReport report;
        try {
            report = validation.screen(batch).ctf(validation.stored(batch),
                    batch.storedPath().getFileName().toString(), BatchValidation.displayPath(batch),
                    new RecordScreen.CtfRecords() {
                        @Override
                        public void header(CtfHeader h) {
                            header.set(h);
                        }

                        @Override
                        public void pupil(Pupil pupil, PupilPosition where, boolean passed) {
                            if (passed) {
                                stage(batch, pupil, where, copy);
                                CtfAttendance.add(pupil, batch.laestab(), marks);
                                staged.incrementAndGet();
                            }
                        }
                    });
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        if (report.outcome() == Outcome.REFUSED) {
            copy.abort();
            return new Staged(report, 0);
        }
        copy.close();
        this.marks.stage(batch.id(), marks);
        batches.snapshot(batch.id(), header.get() != null && header.get().full() ? "full" : "partial");
        nameSchool(batch, header.get());
        return new Staged(report, staged.get());
    }

    /** The school's name from the header of a CTF it sent about itself: the pages show it beside the LAESTAB. */
    private void nameSchool(Batch batch, CtfHeader header) {
        if (header != null && header.sourceSchoolName() != null && !header.sourceSchoolName().isBlank()
                && batch.laestab().equals(header.sourceLea() + header.sourceEstab())) {
            schools.name(batch.laestab(), header.sourceSchoolName().strip());
        }
    }

    /** Stages a pupil that passed validation, minimised. */
    private static void stage(Batch batch, Pupil pupil, PupilPosition where, CopyRows copy) {
        String upn = pupil.upn().strip().toUpperCase(Locale.ROOT);
        Pupil kept = minimised(pupil);
        copy.field(batch.id()).field(where.index()).field(upn)
                .field(pgArray(kept.formerUpns())).field(blank(kept.uln())).field(kept.forename())
                .field(kept.surname()).field(date(kept.dob())).field(kept.sexOrGender().raw())
                .field(kept.ncYear().raw()).field(kept.enrolStatus().raw()).field(date(kept.admissionDate()))
                .field(date(kept.leavingDate()))
                .field(kept.address() == null ? null : kept.address().postcode())
                .field(JSON.writeValueAsString(kept)).endRow();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(RecordedDate d) {
        return d.date().orElse(null);
    }

    private static String pgArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (String v : values) {
            String clean = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
            if (!clean.matches("[A-Z0-9]+")) {
                continue;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(clean);
        }
        return b.append('}').toString();
    }

    @Override
    public void match(Batch batch) {
        matching.match(batch.id());
        // Before the marks follow: a claimed pupil's marks are held with the pupil.
        claims.holdClaims(batch.id(), batch.laestab(), LocalDate.now(clock));
        // The CTF's own marks belong to the pupil the CTF's record was matched to.
        db.sql("""
                update stage_attendance a set person_id = p.person_id
                from stage_pupils p
                where a.batch_id = ? and p.batch_id = a.batch_id and p.upn = a.upn and p.person_id is not null""")
                .param(batch.id()).update();
    }

    @Override
    public Merged merge(Batch batch) {
        LocalDate today = LocalDate.now(clock);
        outcomes.releaseHeldForLinked(batch.id());
        outcomes.supersedeHeldForLinked(batch.id(), batch.laestab());
        int imported = pupils.applyStaged(batch.id(), batch.id(), batch.laestab(), today);
        // The LA's corrections stand over the school's record until the school sends a new value.
        rectifications.schoolSent(batch.id(), batch.laestab());
        outcomes.recordLinks(batch.id(), batch.id());
        int held = outcomes.hold(batch.id(), batch.laestab());
        if (batches.snapshot(batch.id()).filter("full"::equals).isPresent()) {
            // Missing from the school's whole roll: left. NOT IN, so the batch's pupils are hashed once whatever
            // the planner thinks the batch holds (a NOT EXISTS planned on "one row" rescans the batch per pupil).
            db.sql("""
                    update enrolments e set to_date = ?, ended_batch = ?, ended_reason = 'missing from full CTF'
                    where e.la = ? and e.laestab = ? and e.to_date is null
                      and e.person_id not in (select s.person_id from stage_pupils s
                                              where s.batch_id = ? and s.person_id is not null)""")
                    .params(today, batch.id(), settings.la(), batch.laestab(), batch.id()).update();
        }
        // The school's rows held until their pupils were on its roll, sent before this CTF: written before its own.
        outcomes.releaseOnRoll(batch.laestab());
        // Marks of an unmatched pupil are held beside the pupil and released with them.
        marks.applyStaged(batch.id(), batch.laestab());
        marks.holdUnmatched(batch.id(), batch.laestab());
        return new Merged(imported, held);
    }

    @Override
    public void clear(Batch batch) {
        db.sql("delete from stage_pupils where batch_id = ?").param(batch.id()).update();
        db.sql("delete from stage_attendance where batch_id = ?").param(batch.id()).update();
    }
}
