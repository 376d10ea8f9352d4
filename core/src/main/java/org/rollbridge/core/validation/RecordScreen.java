package org.rollbridge.core.validation;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.feed.AttendanceRow;
import org.rollbridge.core.feed.ExclusionRow;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.pupil.Pupil;

/**
 * Validates one file with exactly the rules, messages and severities of {@link Validator} (and so of
 * {@code rollbridge validate} and the school agent), handing each record on as soon as it has been checked with
 * whether it passed, so that a consumer such as the hub's staging reads the file once. A record passes when it has
 * no error; its warnings do not hold it back.
 *
 * <p>{@code school}, when given, is the LAESTAB the file was sent for: a CTF whose header names another school is
 * CTF_SCHOOL_MISMATCH, a CSV row naming another school LAESTAB_MISMATCH. When the returned report's
 * {@link FileReport#outcome() outcome} is {@link Outcome#REFUSED}, the consumer must discard every record it was
 * handed: the file as a whole is refused, and a truncated file must never look like a shorter one.
 */
public final class RecordScreen {

    /** Receives a CTF's header, then each pupil once checked. */
    public interface CtfRecords {
        default void header(CtfHeader header) {
        }

        void pupil(Pupil pupil, PupilPosition where, boolean passed);
    }

    /** Receives each CSV row once checked. */
    @FunctionalInterface
    public interface Rows<R> {
        void row(R row, boolean passed);
    }

    private final RuleSettings settings;
    private final LocalDate defaultDate;
    private final String school;

    /** @param defaultDate the file date when a CTF header has none (for ages and dates in the future) */
    public RecordScreen(RuleSettings settings, LocalDate defaultDate, String school) {
        this.settings = settings;
        this.defaultDate = defaultDate;
        this.school = school;
    }

    public FileReport ctf(Path file, String displayPath, CtfRecords records) {
        return ctf(FileSource.of(file), String.valueOf(file.getFileName()), displayPath, records);
    }

    /** As above, for a file opened from {@code source} and called {@code fileName} in its read errors. */
    public FileReport ctf(FileSource source, String fileName, String displayPath, CtfRecords records) {
        return CtfFileValidation.validate(source, fileName, displayPath, settings, defaultDate, new UpnRegister(),
                school, records);
    }

    public FileReport attendance(Path file, String displayPath, Rows<AttendanceRow> rows) {
        return attendance(FileSource.of(file), displayPath, rows);
    }

    public FileReport attendance(FileSource file, String displayPath, Rows<AttendanceRow> rows) {
        try {
            return AttendanceFileValidation.validate(file, displayPath, settings, school, rows);
        } catch (IOException e) {
            return unreadable(displayPath, e);
        }
    }

    public FileReport exclusions(Path file, String displayPath, Rows<ExclusionRow> rows) {
        return exclusions(FileSource.of(file), displayPath, rows);
    }

    public FileReport exclusions(FileSource file, String displayPath, Rows<ExclusionRow> rows) {
        try {
            return ExclusionFileValidation.validate(file, displayPath, settings, school, rows);
        } catch (IOException e) {
            return unreadable(displayPath, e);
        }
    }

    private FileReport unreadable(String displayPath, IOException e) {
        return Validator.unreadable(settings, displayPath, Rule.FILE_UNREADABLE, displayPath
                + ": the file could not be read (" + e.getMessage() + ").");
    }
}
