package org.rollbridge.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.matching.MatchField;
import org.rollbridge.core.matching.MatchResult;
import org.rollbridge.core.matching.MatchSettings;
import org.rollbridge.core.matching.PersonCsv;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./rollbridge match}: links incoming pupil records to the people in the LA's register. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {
            "Match incoming pupil records to the LA's person register: (1) UPN, current or former;",
            "(2) ULN; (3) date of birth + legal surname + first three letters of legal forename;",
            "(4) home postcode + the same names; (5) probabilistic (Fellegi-Sunter, m and u estimated",
            "from the data). Several candidates for one rule never link automatically.",
            "",
            "Both files have the header",
            "  id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode",
            "(any order and letter case; former_upns separated by ';'; dob YYYY-MM-DD; any column but id may",
            "be empty). Rows that cannot be read are reported on stderr with their line and skipped.",
            "",
            "Output, one row per readable incoming record in input order (CSV with a header):",
            "  incoming_id,register_id,decision,rule,score",
            "decision: link | review | new | conflict. rule: UPN | ULN | DOB_NAME | POSTCODE_NAME |",
            "PROBABILISTIC, empty for new. score: match weight in bits from rule 5, empty for rules 1-4.",
            "register_id is empty for new. --explain adds the weight in bits of each field against the",
            "register person: weight_upn, weight_uln, weight_forename, weight_surname, weight_dob,",
            "weight_sex, weight_postcode (empty when there is no register person).",
            "--format json writes a JSON array of objects with the same names; empty values are null.",
            "",
            "The match model (m, u and weight in bits per field and level, estimated from these files) is",
            "printed on stderr.",
            "",
            "Exit codes: 0 done (even if rows were skipped), 2 a file cannot be read or its header is wrong.",
            "See docs/matching.md for what the decisions mean and how to tune the thresholds."})
public final class MatchCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--register", required = true, paramLabel = "REGISTER.csv",
            description = "The LA's people.")
    Path register;

    @Option(names = "--incoming", required = true, paramLabel = "INCOMING.csv",
            description = "The records to match.")
    Path incoming;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
            description = "Output format: csv (default) or json.")
    Format format;

    @Option(names = "--explain", description = "Add the per-field agreement weights.")
    boolean explain;

    @Option(names = "--link-threshold", paramLabel = "BITS", defaultValue = "" + MatchSettings.DEFAULT_LINK,
            description = "Rule 5 links at or above this match weight (default: ${DEFAULT-VALUE}).")
    double linkThreshold;

    @Option(names = "--review-threshold", paramLabel = "BITS", defaultValue = "" + MatchSettings.DEFAULT_REVIEW,
            description = "Rule 5 sends for review at or above this match weight; below it, new (default: ${DEFAULT-VALUE}).")
    double reviewThreshold;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        if (reviewThreshold > linkThreshold) {
            err.println("match: --review-threshold must not be above --link-threshold");
            return 2;
        }
        PersonCsv.Read registerRows;
        PersonCsv.Read incomingRows;
        try {
            registerRows = PersonCsv.read(register);
            incomingRows = PersonCsv.read(incoming);
        } catch (PersonCsv.FileException e) {
            err.println(e.getMessage());
            return 2;
        }
        registerRows.problems().forEach(err::println);
        incomingRows.problems().forEach(err::println);

        MatchSettings settings = MatchSettings.defaults().withThresholds(linkThreshold, reviewThreshold);
        PersonRegister index = PersonRegister.of(registerRows.people());
        PersonMatcher matcher = PersonMatcher.estimated(index, incomingRows.people(), settings);
        List<MatchResult> results = matcher.match(incomingRows.people());
        // The figures the decisions rest on, learnt from this LA's own files; stdout keeps to the records.
        err.print(matcher.model().describe());

        Writer out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format == Format.json) {
            writeJson(results, out);
        } else {
            writeCsv(results, out);
        }
        out.flush();
        return 0;
    }

    static List<String> header(boolean explain) {
        List<String> header = new ArrayList<>(List.of("incoming_id", "register_id", "decision", "rule", "score"));
        if (explain) {
            for (MatchField f : MatchField.values()) {
                header.add("weight_" + f.column());
            }
        }
        return header;
    }

    private void writeCsv(List<MatchResult> results, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord(header(explain));
        List<String> values = new ArrayList<>();
        for (MatchResult r : results) {
            values.clear();
            values.add(r.incomingId());
            values.add(r.registerId() == null ? "" : r.registerId());
            values.add(r.decision().code());
            values.add(r.rule() == null ? "" : r.rule().name());
            values.add(r.score() == null ? "" : bits(r.score()));
            if (explain) {
                for (MatchField f : MatchField.values()) {
                    values.add(r.fieldWeights() == null ? "" : bits(r.fieldWeights()[f.ordinal()]));
                }
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    private void writeJson(List<MatchResult> results, Writer out) {
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (MatchResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("incoming_id", r.incomingId());
            row.put("register_id", r.registerId());
            row.put("decision", r.decision().code());
            row.put("rule", r.rule() == null ? null : r.rule().name());
            row.put("score", r.score() == null ? null : round(r.score()));
            if (explain) {
                for (MatchField f : MatchField.values()) {
                    row.put("weight_" + f.column(),
                            r.fieldWeights() == null ? null : round(r.fieldWeights()[f.ordinal()]));
                }
            }
            rows.add(row);
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out, rows);
    }

    private static String bits(double weight) {
        return String.format(Locale.ROOT, "%.2f", weight);
    }

    private static double round(double weight) {
        return Math.round(weight * 100) / 100.0;
    }
}
