package org.rollbridge.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.pupil.Pupil;

/**
 * Generates and writes one school: its pupils' marks, exclusions, both full-roll CTFs and its CSV feeds, and returns
 * what the LA-level files need. Depends only on the plan and the school's own random streams, so schools may run in
 * any order or in parallel and still give the same bytes.
 */
final class SchoolRun {

    /** What one school contributes to the LA-level files and the summary. */
    record Result(List<String[]> incoming, List<String[]> errors, List<Event> events, RateTally tally, long bytes,
                  int files, int onRoll, int exclusions) {
    }

    private final Plan plan;
    private final School school;
    private final Path dir;
    private final String relDir;

    SchoolRun(Plan plan, School school, Path out) {
        this.plan = plan;
        this.school = school;
        this.relDir = "schools/" + school.code() + "/";
        this.dir = out.resolve("schools").resolve(school.code());
    }

    Result run() {
        Settings settings = plan.settings();
        SchoolCalendar cal = plan.calendar(school);
        List<Enrolment> enrolments = plan.movements().at(school);
        RandomGenerator schoolRandom = plan.seeds().random("school:" + school.code());
        AttendancePattern pattern = new AttendancePattern(school, cal, settings, plan.targets(), plan.snowDay(),
                schoolRandom);
        ErrorInjector injector = new ErrorInjector(settings.errorRate(), school, plan.movements(),
                plan.catalogue().schools());
        LocalDate previous = settings.previousSnapshot();
        int n = enrolments.size();
        byte[][] marks = new byte[n][];
        Recorded[] recorded = new Recorded[n];
        List<ExclusionRecord> exclusions = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        RateTally tally = new RateTally();
        for (int i = 0; i < n; i++) {
            Enrolment e = enrolments.get(i);
            RandomGenerator r = plan.seeds().random("attendance:" + school.code(), i);
            marks[i] = pattern.marks(e, r, exclusions);
            tally(e, marks[i], tally);
            for (Streaks.Run run : Streaks.find(marks[i], 10)) {
                events.add(new Event(run.unauthorised() ? EventKind.UNAUTHORISED_STREAK_10 : EventKind.ABSENCE_STREAK_10,
                        e.child, school.code(), cal.sessionDay(run.first()), cal.sessionDay(run.last()),
                        run.days() + " school days"));
            }
            boolean onARoll = e.onRoll(settings.to()) || e.onRoll(previous);
            recorded[i] = onARoll ? injector.record(e, marks[i], plan.seeds().random("errors:" + school.code(), i))
                    : Recorded.of(e.child);
        }
        long bytes = 0;
        List<String[]> errors = new ArrayList<>();
        List<String[]> incoming = new ArrayList<>();
        bytes += writeAttendance(enrolments, marks, recorded, cal);
        bytes += writeExclusions(exclusions, enrolments, recorded);
        int[] positionAtEnd = new int[n];
        bytes += writeCtf("pupils-ctf.xml", settings.to(), enrolments, marks, recorded, cal, errors, incoming,
                positionAtEnd);
        bytes += writeCtf("pupils-ctf-previous.xml", previous, enrolments, marks, recorded, cal, errors, null,
                new int[n]);
        for (int i = 0; i < n; i++) {
            Recorded rec = recorded[i];
            if (rec.error != null && rec.error != ErrorKind.POSTCODE_MISSING && rec.error != ErrorKind.POSTCODE_MALFORMED
                    && rec.error != ErrorKind.DOB_TYPO && rec.error != ErrorKind.DOB_IMPOSSIBLE
                    && rec.error != ErrorKind.ETHNICITY_INVALID && rec.error != ErrorKind.SEN_PROVISION_INVALID) {
                errors.add(new String[] {relDir + "attendance.csv",
                        positionAtEnd[i] == 0 ? "" : String.valueOf(positionAtEnd[i]), rec.upn,
                        rec.error == ErrorKind.ATTENDANCE_CODE_INVALID ? "code" : rec.field, rec.error.name()});
            }
        }
        int onRoll = 0;
        for (int p : positionAtEnd) {
            onRoll += p > 0 ? 1 : 0;
        }
        return new Result(incoming, errors, events, tally, bytes, 4, onRoll, exclusions.size());
    }

    private void tally(Enrolment e, byte[] marks, RateTally tally) {
        int possible = 0;
        int absent = 0;
        int unauthorised = 0;
        for (byte m : marks) {
            if (Mark.possible(m)) {
                possible++;
                if (Mark.absence(m)) {
                    absent++;
                    if (Mark.unauthorised(m)) {
                        unauthorised++;
                    }
                }
            }
        }
        // A subsidiary registration's sessions count at the main school's side of the dual registration too.
        tally.addPupil(school.phase().ratePhase(e.child.year), possible, absent, absent - unauthorised, unauthorised);
    }

    private long writeAttendance(List<Enrolment> enrolments, byte[][] marks, Recorded[] recorded, SchoolCalendar cal) {
        byte[][] dayAm = new byte[cal.sessionDayCount()][];
        byte[][] dayPm = new byte[cal.sessionDayCount()][];
        for (int d = 0; d < dayAm.length; d++) {
            dayAm[d] = ("," + cal.sessionDay(d) + ",AM,").getBytes(StandardCharsets.US_ASCII);
            dayPm[d] = ("," + cal.sessionDay(d) + ",PM,").getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] codes = new byte[Mark.CODES.length][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = CsvOut.encode(Mark.CODES[i]);
        }
        try (CsvOut csv = new CsvOut(dir.resolve("attendance.csv"), "laestab,upn,date,session,code,forename,surname,nc_year")) {
            for (int i = 0; i < enrolments.size(); i++) {
                Recorded rec = recorded[i];
                byte[] prefix = (school.code() + "," + new String(CsvOut.encode(rec.upn), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                byte[] suffix = ("," + new String(CsvOut.encode(rec.forename), StandardCharsets.UTF_8) + ","
                        + new String(CsvOut.encode(rec.surname), StandardCharsets.UTF_8) + "," + rec.ncYear + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] m = marks[i];
                for (int s = 0; s < m.length; s++) {
                    if (m[s] == Mark.NONE) {
                        continue;
                    }
                    csv.raw(prefix);
                    csv.raw((s & 1) == 0 ? dayAm[s >> 1] : dayPm[s >> 1]);
                    csv.raw(codes[m[s]]);
                    csv.raw(suffix);
                }
            }
            csv.close();
            return csv.bytes();
        }
    }

    private long writeExclusions(List<ExclusionRecord> exclusions, List<Enrolment> enrolments, Recorded[] recorded) {
        LocalDate to = plan.settings().to();
        try (CsvOut csv = new CsvOut(dir.resolve("exclusions.csv"), "laestab,upn,category,reason,start_date,end_date,"
                + "sessions,appeal_received,appeal_result,appeal_result_date,reinstatement_date,forename,surname,nc_year,"
                + "exclusion_id")) {
            int seq = 0;
            for (ExclusionRecord x : exclusions) {
                Recorded rec = recorded[enrolments.indexOf(x.enrolment())];
                boolean decided = x.appealResultDate() != null && !x.appealResultDate().isAfter(to);
                boolean reinstatedYet = x.reinstatementDate() != null && !x.reinstatementDate().isAfter(to);
                csv.field(school.code()).field(rec.upn).field(x.category().code()).field(x.reason().code())
                        .field(x.start()).field(x.end()).field(x.sessions())
                        .field(x.appealReceived() == null ? null : x.appealReceived().toString())
                        .field(decided ? x.appealResult() : null).field(decided ? x.appealResultDate() : null)
                        .field(reinstatedYet ? x.reinstatementDate() : null)
                        .field(rec.forename).field(rec.surname).field(rec.ncYear)
                        .field(String.format("EX%s-%04d", school.code(), ++seq));
                csv.endRow();
            }
            csv.close();
            return csv.bytes();
        }
    }

    private long writeCtf(String name, LocalDate snapshot, List<Enrolment> enrolments, byte[][] marks,
                          Recorded[] recorded, SchoolCalendar cal, List<String[]> errors, List<String[]> incoming,
                          int[] positions) {
        Path file = dir.resolve(name);
        Settings s = plan.settings();
        CtfHeader header = new CtfHeader("Common Transfer File", CtfWriter.VERSION, snapshot + "T18:05:00", "full",
                "Rollbridge synthetic MIS", school.laestab().la(), school.laestab().estab(), school.urn(),
                school.name(), String.valueOf(s.academicYear()), school.laestab().la(), "MMM");
        int lastSession = 2 * cal.indexOnOrBefore(snapshot) + 1;
        try (OutputStream out = new FileSink(file)) {
            CtfWriter writer = new CtfWriter(out, header);
            int position = 0;
            for (int i = 0; i < enrolments.size(); i++) {
                Enrolment e = enrolments.get(i);
                if (!e.onRoll(snapshot)) {
                    continue;
                }
                position++;
                positions[i] = position;
                Recorded rec = recorded[i];
                Pupil p = RollRecord.of(e, rec, marks[i], cal, snapshot, plan.area(), s.academicYear());
                writer.write(p);
                if (rec.error != null && (rec.error != ErrorKind.ATTENDANCE_CODE_INVALID
                        || rec.invalidSession <= lastSession)) {
                    errors.add(new String[] {relDir + name, String.valueOf(position), rec.upn,
                            rec.error == ErrorKind.ATTENDANCE_CODE_INVALID ? "attendance_marks" : rec.field,
                            rec.error.name()});
                }
                if (incoming != null) {
                    incoming.add(new String[] {school.code() + "-" + position, rec.upn, e.child.formerUpn,
                            e.child.uln, rec.forename, rec.surname,
                            e.child.preferredForename, null, rec.dob, e.child.sex.code(), rec.postcode,
                            e.child.personId()});
                }
            }
            writer.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write " + file + ": " + ex.getMessage(), ex);
        }
        try {
            return Files.size(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean dual(Enrolment e) {
        return e.status == EnrolStatus.M || e.status == EnrolStatus.S;
    }
}
