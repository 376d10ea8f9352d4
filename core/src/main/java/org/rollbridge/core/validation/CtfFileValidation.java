package org.rollbridge.core.validation;

import org.rollbridge.core.text.FileSource;
import java.nio.file.Path;
import java.time.LocalDate;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

/** Validates one Common Transfer File as the reader streams it: the header, then each pupil. */
final class CtfFileValidation implements CtfVisitor {

    static final int OLDEST_VERSION = 16;
    static final int NEWEST_VERSION = 25;

    private final String path;
    private final LocalDate defaultDate;
    private final UpnRegister upns;
    private final FileFindings findings;
    private final String expectedSchool;
    private final RecordScreen.CtfRecords downstream;
    private CheckContext context;
    private SchoolRef school;
    private int records;

    private CtfFileValidation(String path, RuleSettings settings, LocalDate defaultDate, UpnRegister upns,
                              String expectedSchool, RecordScreen.CtfRecords downstream) {
        this.path = path;
        this.expectedSchool = expectedSchool;
        this.downstream = downstream;
        this.defaultDate = defaultDate;
        this.upns = upns;
        this.findings = new FileFindings(settings);
        this.context = CheckContext.on(defaultDate);
    }

    static FileReport validate(Path file, String path, RuleSettings settings, LocalDate defaultDate,
                               UpnRegister upns) {
        return validate(FileSource.of(file), String.valueOf(file.getFileName()), path, settings, defaultDate, upns,
                null, (pupil, where, passed) -> { });
    }

    /** As above, for a file sent for {@code expectedSchool} (null: any), handing each pupil on once checked. */
    static FileReport validate(FileSource file, String fileName, String path, RuleSettings settings,
                               LocalDate defaultDate, UpnRegister upns, String expectedSchool,
                               RecordScreen.CtfRecords downstream) {
        CtfFileValidation v = new CtfFileValidation(path, settings, defaultDate, upns, expectedSchool, downstream);
        FileKind kind = FileKind.CTF;
        try {
            CtfReader.read(file, fileName, v);
        } catch (CtfReadException e) {
            Rule rule = switch (e.kind()) {
                case MALFORMED, ENCODING -> Rule.XML_MALFORMED;
                case DTD_FORBIDDEN -> Rule.XML_DTD_FORBIDDEN;
                case HEADER_MISSING -> Rule.CTF_HEADER_MISSING;
                case NOT_A_CTF -> Rule.FILE_KIND_UNKNOWN;
                case TOO_LARGE -> Rule.FILE_TOO_LARGE;
                case IO -> Rule.FILE_UNREADABLE;
            };
            if (rule == Rule.FILE_KIND_UNKNOWN) {
                kind = null;
            }
            RecordRef where = new RecordRef(e.pupilUpn(), e.pupilIndex() > 0 ? e.pupilIndex() : null,
                    e.line() > 0 ? (long) e.line() : null, null, null, null);
            v.findings.add(rule, where, rule.field(), null, e.getMessage());
        }
        return new FileReport(path, kind, v.school, v.records, v.findings.recordsWithErrors(), v.findings.findings());
    }

    @Override
    public void header(CtfHeader h) {
        LocalDate fileDate = RecordedDate.of(h.dateTime()).date().orElse(defaultDate);
        Integer academicYear = AttendanceChecks.parseYear(h.academicYear()).orElse(null);
        context = new CheckContext(fileDate, strip(h.sourceLea()), strip(h.sourceEstab()), academicYear);
        school = new SchoolRef(strip(h.sourceLea()), strip(h.sourceEstab()));
        FileFindings.RecordSink out = findings.record(RecordRef.file());
        String version = h.version();
        Integer major = version == null ? null : majorVersion(version);
        if (major == null || major < OLDEST_VERSION || major > NEWEST_VERSION) {
            out.add(Rule.CTF_VERSION_UNKNOWN, "CTFversion", version, version == null ? "(none)" : version);
        }
        boolean la = school.la() != null && school.la().matches("\\d{3}");
        boolean estab = school.estab() != null && school.estab().matches("\\d{4}");
        if (!la || !estab) {
            out.add(Rule.CTF_SCHOOL_MISMATCH, "SourceSchool", school.la() + "/" + school.estab(),
                    "The header's source school (LEA " + school.la() + ", Estab " + school.estab()
                            + ") is not a 3-digit LA code and 4-digit establishment number.");
        } else if (expectedSchool != null && !expectedSchool.equals(school.la() + school.estab())) {
            out.add(Rule.CTF_SCHOOL_MISMATCH, "SourceSchool", school.la() + "/" + school.estab(),
                    "The CTF comes from school " + school.la() + school.estab() + " but was sent for "
                            + expectedSchool + "; each school's CTF must be sent under its own credential.");
        }
        downstream.header(h);
    }

    @Override
    public void pupil(Pupil pupil, PupilPosition where) {
        records++;
        RecordRef ref = new RecordRef(pupil.upn(), where.index(), (long) where.line(), pupil.forename(),
                pupil.surname(), pupil.ncYear().raw());
        FileFindings.RecordSink out = findings.record(ref);
        upns.see(pupil.upn(), new UpnRegister.Place(where.index(), where.line(), path,
                pupil.enrolStatus().map(EnrolStatus::dualRegistered).orElse(false)), out);
        PupilValidator.check(pupil, context, out);
        downstream.pupil(pupil, where, !out.hasError());
    }

    private static Integer majorVersion(String version) {
        String v = version.strip();
        int dot = v.indexOf('.');
        try {
            return Integer.valueOf(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
