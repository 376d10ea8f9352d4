package org.rollbridge.synth;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The LA-level and ground-truth files, written in school order as schools finish. */
final class LaFiles implements AutoCloseable {

    static final String REGISTER_HEADER = "id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,"
            + "preferred_surname,dob,sex,postcode";

    private final Plan plan;
    private final Path out;
    private final CsvOut incoming;
    private final CsvOut errors;
    private final CsvOut people;
    private final CsvOut events;
    private final Map<ErrorKind, Integer> errorCounts = new EnumMap<>(ErrorKind.class);
    private long bytes;
    private int files;
    private int registerRows;
    private int duplicates;

    LaFiles(Plan plan, Path out) {
        this.plan = plan;
        this.out = out;
        incoming = new CsvOut(out.resolve("la/incoming.csv"), REGISTER_HEADER);
        errors = new CsvOut(out.resolve("truth/errors.csv"), "file,pupil_position,upn,field,kind");
        people = new CsvOut(out.resolve("truth/people.csv"), "record_id,person_id");
        events = new CsvOut(out.resolve("truth/events.csv"), "kind,person_id,upn,laestab,date_from,date_to,detail");
    }

    void writeSchoolsAndCalendar() {
        SchoolCatalogue cat = plan.catalogue();
        try (CsvOut csv = new CsvOut(out.resolve("schools.csv"),
                "laestab,urn,name,phase,type,governance,trust_id,trust_name,postcode,open_from")) {
            for (School s : cat.schools()) {
                Trust t = cat.trustOn(s, plan.settings().to());
                csv.field(s.code()).field(s.urn()).field(s.name()).field(s.phase().name()).field(s.type().giasName())
                        .field(s.type().governance()).field(t == null ? null : t.id()).field(t == null ? null : t.name())
                        .field(s.postcode()).field(s.openFrom());
                csv.endRow();
            }
            done(csv);
        }
        try (CsvOut csv = new CsvOut(out.resolve("trusts.csv"), "laestab,trust_id,trust_name,date_from,date_to")) {
            for (TrustMembership m : cat.memberships()) {
                csv.field(m.laestab()).field(m.trust().id()).field(m.trust().name()).field(m.from()).field(m.to());
                csv.endRow();
            }
            done(csv);
        }
        try (CsvOut csv = new CsvOut(out.resolve("calendar.csv"), "laestab,date,kind,code")) {
            for (School s : cat.schools()) {
                for (SchoolCalendar.Day d : plan.calendar(s).weekdays()) {
                    csv.field(s.code()).field(d.date()).field(d.kind().name()).field(d.closureCode());
                    csv.endRow();
                }
            }
            done(csv);
        }
    }

    /** An incoming row: the register columns, then the true person id (for the truth file only). */
    void incoming(String[] row) {
        for (int i = 0; i < 11; i++) {
            incoming.field(row[i]);
        }
        incoming.endRow();
        people.field(row[0]).field(row[11]);
        people.endRow();
    }

    void error(String[] row) {
        for (String f : row) {
            errors.field(f);
        }
        errors.endRow();
        errorCounts.merge(ErrorKind.valueOf(row[4]), 1, Integer::sum);
    }

    void event(Event e) {
        events.field(e.kind().name()).field(e.child() == null ? null : e.child().personId())
                .field(e.child() == null ? null : e.child().upn).field(e.laestab()).field(e.from()).field(e.to())
                .field(e.detail());
        events.endRow();
    }

    void writeRegisterAndSocialCare() {
        List<Register.Row> rows = Register.build(plan.population(), plan.settings().duplicateRate(),
                plan.seeds().random("register"));
        try (CsvOut csv = new CsvOut(out.resolve("la/register.csv"), REGISTER_HEADER)) {
            int line = 0;
            for (Register.Row r : rows) {
                line++;
                String id = String.format("LA%07d", line);
                csv.field(id).field(r.upn()).field(r.formerUpns()).field(r.uln()).field(r.forename()).field(r.surname())
                        .field(r.preferredForename()).field(null).field(r.dob()).field(r.sex()).field(r.postcode());
                csv.endRow();
                people.field(id).field(r.child().personId());
                people.endRow();
                if (r.error() != null) {
                    duplicates++;
                    error(new String[] {"la/register.csv", String.valueOf(line), r.upn(), r.error().field(),
                            r.error().name()});
                }
            }
            registerRows = rows.size();
            done(csv);
        }
        try (CsvOut csv = new CsvOut(out.resolve("la/social-care.csv"), "person_id,upn,legal_forename,legal_surname,"
                + "dob,social_worker,looked_after,child_protection,start_date,end_date")) {
            for (Child c : plan.population().children()) {
                if (c.careStart == null) {
                    continue;
                }
                boolean open = c.careEnd == null;
                csv.field(c.personId()).field(c.upn).field(c.forename).field(c.surname).field(c.dob)
                        .field(String.valueOf(open && c.socialWorker())).field(String.valueOf(open && c.lookedAfter()))
                        .field(String.valueOf(open && c.childProtection())).field(c.careStart).field(c.careEnd);
                csv.endRow();
            }
            done(csv);
        }
    }

    private void done(CsvOut csv) {
        csv.close();
        bytes += csv.bytes();
        files++;
    }

    Map<ErrorKind, Integer> errorCounts() {
        return errorCounts;
    }

    long bytes() {
        return bytes;
    }

    int files() {
        return files;
    }

    int registerRows() {
        return registerRows;
    }

    int duplicates() {
        return duplicates;
    }

    @Override
    public void close() {
        done(incoming);
        done(errors);
        done(people);
        done(events);
    }
}
