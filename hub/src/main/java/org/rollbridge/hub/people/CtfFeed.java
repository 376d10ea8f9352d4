package org.rollbridge.hub.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.alerts.MovementAlerts;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.CopyRows;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.Finding;
import org.rollbridge.hub.ingest.Staged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pupils feed: a Common Transfer File. Each pupil is minimised as it is read (contacts without parental
 * responsibility or under a court order are dropped there, so they never reach even the staging table), staged
 * with COPY, matched, and merged. A {@code full} CTF is the school's whole roll: a pupil on the roll but missing
 * from it has left, and one who left and is on no other roll raises LEFT_NO_DESTINATION.
 */
@Component
public class CtfFeed implements Feed {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HubProperties settings;
    private final PupilMatching matching;
    private final PupilStore pupils;
    private final MovementAlerts movement;
    private final JdbcClient db;
    private final Clock clock;
    private final MatchOutcomes outcomes;

    public CtfFeed(HubProperties settings, PupilMatching matching, PupilStore pupils, MovementAlerts movement,
                   JdbcClient db, java.util.Optional<Clock> clock, MatchOutcomes outcomes) {
        this.outcomes = outcomes;
        this.settings = settings;
        this.matching = matching;
        this.pupils = pupils;
        this.movement = movement;
        this.db = db;
        this.clock = clock.orElse(Clock.systemDefaultZone());
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
    public Staged stage(Batch batch, Connection connection) throws Exception {
        List<Finding> findings = new ArrayList<>();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger staged = new AtomicInteger();
        AtomicReference<CtfHeader> header = new AtomicReference<>();
        CopyRows copy = new CopyRows(connection, "stage_pupils", "batch_id, seq, upn, former_upns, uln, forename, "
                + "surname, dob, sex, nc_year, enrol_status, admission_date, leaving_date, postcode, record");
        try {
            CtfReader.read(batch.storedPath(), new CtfVisitor() {
                @Override
                public void header(CtfHeader h) {
                    header.set(h);
                }

                @Override
                public void pupil(Pupil pupil, PupilPosition where) {
                    read.incrementAndGet();
                    if (stage(batch, pupil, where, copy, findings)) {
                        staged.incrementAndGet();
                    }
                }
            });
        } catch (CtfReadException e) {
            copy.abort();
            findings.add(Finding.fileError("CTF-" + e.kind(), e.line() > 0 ? "line " + e.line() : "file",
                    e.getMessage()));
            return new Staged(findings, read.get(), 0);
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        copy.close();
        CtfHeader h = header.get();
        String source = h == null ? null : (nz(h.sourceLea()) + nz(h.sourceEstab()));
        if (source != null && !source.isEmpty() && !source.equals(batch.laestab())) {
            findings.add(Finding.fileError("CTF-SOURCE", "Header/SourceSchool", "The CTF comes from school " + source
                    + " but was sent for " + batch.laestab() + "; send each school's CTF under its own credential"));
            return new Staged(findings, read.get(), 0);
        }
        String snapshot = h != null && h.full() ? "full" : "partial";
        try (PreparedStatement ps = connection.prepareStatement("update batches set snapshot = ? where id = ?")) {
            ps.setString(1, snapshot);
            ps.setObject(2, batch.id());
            ps.executeUpdate();
        }
        return new Staged(findings, read.get(), staged.get());
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private boolean stage(Batch batch, Pupil pupil, PupilPosition where, CopyRows copy, List<Finding> findings) {
        String location = "pupil " + (where.index() + 1) + " (line " + where.line() + ")";
        String upn = pupil.upn() == null ? "" : pupil.upn().strip().toUpperCase(Locale.ROOT);
        Upn.Check check = Upn.check(upn);
        if (!check.usable()) {
            findings.add(Finding.error("CTF-UPN", location, "UPN is not valid (" + check
                    + "); the record is held back until the school corrects it in the MIS"));
            return false;
        }
        if (check == Upn.Check.TEMPORARY) {
            findings.add(Finding.warning("CTF-UPN-TEMPORARY", location,
                    "UPN is temporary; replace it with the pupil's permanent UPN"));
        }
        if (pupil.dob().invalid()) {
            findings.add(Finding.warning("CTF-DOB", location, "DOB '" + pupil.dob().text() + "' is not a date"));
        }
        Pupil kept = minimised(pupil);
        try {
            copy.field(batch.id()).field(where.index()).field(upn)
                    .field(pgArray(kept.formerUpns())).field(blank(kept.uln())).field(kept.forename())
                    .field(kept.surname()).field(date(kept.dob())).field(kept.sexOrGender().raw())
                    .field(kept.ncYear().raw()).field(kept.enrolStatus().raw()).field(date(kept.admissionDate()))
                    .field(date(kept.leavingDate()))
                    .field(kept.address() == null ? null : kept.address().postcode())
                    .field(JSON.writeValueAsString(kept)).endRow();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Staging pupils failed", e);
        }
        return true;
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
    public void match(Batch batch, JdbcClient db) {
        matching.match(batch.id());
    }

    @Override
    public Merged merge(Batch batch, JdbcClient db, Connection connection) {
        LocalDate today = LocalDate.now(clock);
        int imported = pupils.applyStaged(batch.id(), batch.id(), batch.laestab(), today);
        outcomes.recordLinks(batch.id(), batch.id());
        int held = outcomes.hold(batch.id(), batch.laestab());
        String snapshot = db.sql("select snapshot from batches where id = ?").param(batch.id())
                .query(String.class).single();
        if ("full".equals(snapshot)) {
            // Missing from the school's whole roll: left.
            db.sql("""
                    update enrolments e set to_date = ?, ended_batch = ?, ended_reason = 'missing from full CTF'
                    where e.la = ? and e.laestab = ? and e.to_date is null
                      and not exists (select 1 from stage_pupils s where s.batch_id = ? and s.person_id = e.person_id)""")
                    .params(today, batch.id(), settings.la(), batch.laestab(), batch.id()).update();
        }
        movement.raiseForLeaversOf(batch.id(), batch.laestab());
        return new Merged(imported, held);
    }

    @Override
    public void clear(Batch batch, JdbcClient db) {
        db.sql("delete from stage_pupils where batch_id = ?").param(batch.id()).update();
    }
}
