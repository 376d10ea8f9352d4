package org.rollbridge.cli.indicators;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rollbridge.core.indicators.IndicatorRun;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilReport;
import org.rollbridge.core.indicators.alerts.AlertRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rollbridge indicators}: attendance indicators and alerts for every pupil in the files given. */
@Command(name = "indicators",
        mixinStandardHelpOptions = true,
        description = "Attendance, absence, exclusion and movement indicators per pupil, and the alerts an LA "
                + "must act on. Reads CTF files, attendance CSVs and exclusions CSVs (file name containing "
                + "'exclusion'), or folders of them. Writes JSON (or CSV) to standard output; problems with the "
                + "files go to standard error. Definitions: docs/indicators.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file was read",
            "1:the report was written, but a file could not be read, or not to its end (see standard error)",
            "2:the command line was wrong"})
public final class IndicatorsCommand implements Callable<Integer> {

    enum Format { json, csv }

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "CTF XML files, attendance or exclusions CSV files, or folders holding them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Marks after this date are not counted; alerts are judged on it (default: today).")
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day of the period (default: 1 September of the academic year of --as-of).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Last day of the period (default: 31 August of the academic year of --as-of).")
    LocalDate to;

    @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json",
            description = "Output format: json (default) or csv, one row per pupil.")
    Format format;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The LA's alert table, CSV with columns id,enabled,threshold (default: the national rules).")
    Path rules;

    @Option(names = "--cohort", paramLabel = "FILE",
            description = "Children with a social worker, looked after or on a child protection plan: one UPN a "
                    + "line, or a CSV with a upn column (open cases only when it has end_date). Looked-after "
                    + "children are also known from the CTF.")
    Path cohort;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        Period year = Period.academicYearContaining(day);
        LocalDate start = from != null ? from : year.from();
        LocalDate end = to != null ? to : year.to();
        if (end.isBefore(start)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--to " + end + " is before --from " + start + "; give a period that ends after it starts.");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        p + ": there is no such file or folder. Check the path and try again.");
            }
        }
        AlertRules alertRules = loadRules();
        if (cohort != null && !Files.isRegularFile(cohort)) {
            throw new CommandLine.ParameterException(spec.commandLine(), cohort + ": there is no such file.");
        }
        Reports measured = measure(paths, cohort, new Period(start, end), day, alertRules, err);
        err.flush();
        List<PupilReport> reports = measured.reports();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            IndicatorsOutput.csv(reports, out);
        } else {
            IndicatorsOutput.json(day, reports, out);
            out.println();
        }
        out.flush();
        return measured.unreadableFiles() > 0 ? 1 : 0;
    }

    /** Every pupil's indicators and alerts, and how many files could not be read (or not to their end). */
    public record Reports(List<PupilReport> reports, int unreadableFiles) {
    }

    /**
     * What this command reports on the files at {@code paths}, with the safeguarding cohort of {@code cohortFile}
     * (null for none); problems with the files go to {@code err}. The hub's alerts are checked against this.
     */
    public static Reports measure(List<Path> paths, Path cohortFile, Period period, LocalDate day, AlertRules rules,
                                  PrintWriter err) throws IOException {
        IndicatorRun run = new IndicatorRun();
        if (cohortFile != null) {
            run.addToSafeguardingCohort(CohortFile.read(cohortFile, day));
        }
        IndicatorInputs inputs = new IndicatorInputs(run, err);
        for (Path file : IndicatorInputs.files(paths)) {
            inputs.read(file);
        }
        return new Reports(run.run(period, day, rules), inputs.unreadableFiles());
    }

    private AlertRules loadRules() throws IOException {
        if (rules == null) {
            return AlertRules.defaults();
        }
        try (Reader r = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
            return AlertRules.parse(r, rules.toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), rules + ": there is no such file.");
        }
    }
}
