package org.rollbridge.core.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates CTF XML files, attendance and exclusions CSVs, or folders of them, in one run: UPN_DUPLICATE is
 * reported across every file of the run. The file date (for ages and "in the future") is the CTF header's
 * DateTime, else {@code asOf}, else today by {@code clock}.
 *
 * <pre>{@code
 * ValidationReport report = new Validator(RuleSettings.defaults(), null, Clock.systemDefaultZone())
 *         .validate(List.of(Path.of("school.xml")));
 * }</pre>
 */
public final class Validator {

    private final RuleSettings settings;
    private final LocalDate defaultDate;
    private final UpnRegister upns = new UpnRegister();

    public Validator(RuleSettings settings, LocalDate asOf, Clock clock) {
        this.settings = settings;
        this.defaultDate = asOf != null ? asOf : LocalDate.now(clock);
    }

    public ValidationReport validate(List<Path> paths) {
        List<FileReport> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(validateFolder(path));
            } else {
                files.add(validateFile(path, path.toString()));
            }
        }
        return new ValidationReport(files);
    }

    private List<FileReport> validateFolder(Path folder) {
        List<Path> found;
        try (Stream<Path> entries = Files.list(folder)) {
            found = entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(unreadable(folder.toString(), Rule.FILE_UNREADABLE,
                    folder + ": the folder could not be listed (" + e.getMessage() + ")."));
        }
        List<FileReport> reports = new ArrayList<>();
        for (Path file : found) {
            if (kindOf(file).isPresent()) {
                reports.add(validateFile(file, file.toString()));
            }
        }
        if (reports.isEmpty()) {
            reports.add(unreadable(folder.toString(), Rule.FILE_KIND_UNKNOWN, folder
                    + ": the folder holds no Common Transfer File, attendance CSV or exclusions CSV."));
        }
        return reports;
    }

    private static Optional<FileKind> kindOf(Path file) {
        try {
            return FileKind.detect(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Validates one file; {@code displayPath} is how reports name it. */
    public FileReport validateFile(Path file, String displayPath) {
        Optional<FileKind> kind;
        try {
            kind = FileKind.detect(file);
        } catch (NoSuchFileException e) {
            return unreadable(displayPath, Rule.FILE_UNREADABLE,
                    displayPath + ": there is no such file. Check the path and try again.");
        } catch (IOException e) {
            return unreadable(displayPath, Rule.FILE_UNREADABLE, displayPath + ": the file could not be read ("
                    + e.getMessage() + "). Check it exists and can be read, then try again.");
        }
        if (kind.isEmpty()) {
            return unreadable(displayPath, Rule.FILE_KIND_UNKNOWN, displayPath + ": this is neither a Common "
                    + "Transfer File (XML with root CTfile) nor an attendance or exclusions CSV with the header "
                    + "row docs/formats.md lists.");
        }
        try {
            return switch (kind.get()) {
                case CTF -> CtfFileValidation.validate(file, displayPath, settings, defaultDate, upns);
                case ATTENDANCE -> AttendanceFileValidation.validate(file, displayPath, settings);
                case EXCLUSIONS -> ExclusionFileValidation.validate(file, displayPath, settings);
            };
        } catch (IOException e) {
            return unreadable(displayPath, Rule.FILE_UNREADABLE, displayPath + ": the file could not be read ("
                    + e.getMessage() + ").");
        }
    }

    private FileReport unreadable(String path, Rule rule, String message) {
        return unreadable(settings, path, rule, message);
    }

    static FileReport unreadable(RuleSettings settings, String path, Rule rule, String message) {
        FileFindings findings = new FileFindings(settings);
        findings.add(rule, RecordRef.file(), rule.field(), null, message);
        return new FileReport(path, null, null, 0, 0, findings.findings());
    }
}
