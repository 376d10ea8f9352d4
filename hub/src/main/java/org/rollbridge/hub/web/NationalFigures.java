package org.rollbridge.hub.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.hub.NationalSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The DfE's published 2025/26 attendance figures (national and every LA, by phase), the comparators the LA
 * overview shows beside the LA's own rates. Read once from reference/dfe-attendance-2025-26-ytd.csv. When the
 * national tier's output is configured ({@code ROLLBRIDGE_NATIONAL_FIGURES}: a folder with one
 * {@code YYYY-MM-DD/la_phase.csv} per as-of date, as {@code ./rollbridge national aggregate} writes it), England's
 * figures for a date come from there, and from the published year otherwise.
 */
@Component
public class NationalFigures {

    /** One published row; percentages as published, rounded to one decimal place for display. */
    public record Row(String level, String laCode, String laName, String phase, BigDecimal attendance,
                      BigDecimal absence, BigDecimal authorised, BigDecimal unauthorised, BigDecimal persistentAbsence) {
    }

    private final List<Row> rows;
    private final Path nationalOutput;

    public NationalFigures() {
        this(new NationalSettings(null));
    }

    @Autowired
    public NationalFigures(NationalSettings settings) {
        this.rows = read();
        this.nationalOutput = settings.figures();
    }

    /** The published figures, named as the DfE publishes them. */
    public static final String PUBLISHED = "DfE, Pupil attendance in schools, 2025/26 year to date (published)";

    /** The LA overview's table of comparators when every row in it is the DfE's published year. */
    public static final String PUBLISHED_CAPTION = "Published figures, 2025/26 year to date (DfE)";

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    /**
     * Where England's figures for a date come from, named with its publication and date: the national collection
     * to that date when the national tier has figures for it, else the DfE's published year.
     */
    public String source(LocalDate asOf) {
        return fromNationalCollection(asOf) ? "national collection to " + DAY.format(asOf) : PUBLISHED;
    }

    /** Whether England's figures for a date are the national tier's rather than the published year's. */
    public boolean fromNationalCollection(LocalDate asOf) {
        return tierFile(asOf).isPresent();
    }

    /**
     * England named with the source of its figures for a date: "England, national collection to 26 September
     * 2025", or "England (DfE, Pupil attendance in schools, 2025/26 year to date (published))".
     *
     * @param qualifier words after "England" (", primary"), or empty
     */
    public String englandLabel(String qualifier, LocalDate asOf) {
        return fromNationalCollection(asOf) ? "England" + qualifier + ", " + source(asOf)
                : "England" + qualifier + " (" + PUBLISHED + ")";
    }

    /**
     * The caption of the LA overview's comparators: the LA's rows are always the published year; England's are
     * the national collection's when it has figures for the date, and the caption says so.
     */
    public String comparatorsCaption(LocalDate asOf) {
        return fromNationalCollection(asOf)
                ? "Published figures, 2025/26 year to date (DfE), and England's " + source(asOf)
                : PUBLISHED_CAPTION;
    }

    private Optional<Path> tierFile(LocalDate asOf) {
        if (nationalOutput == null || asOf == null) {
            return Optional.empty();
        }
        Path file = nationalOutput.resolve(asOf.toString()).resolve("la_phase.csv");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** England's rows as of a date: the national tier's for that date when it has them, else the published year. */
    public List<Row> england(LocalDate asOf) {
        Optional<Path> file = tierFile(asOf);
        if (file.isPresent()) {
            try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                return parse(in).stream().filter(r -> r.level().equals("National")).toList();
            } catch (IOException | RuntimeException e) {
                return england();       // unreadable: the published figures rather than none
            }
        }
        return england();
    }

    public Optional<Row> england(String phase, LocalDate asOf) {
        return england(asOf).stream().filter(r -> r.phase().equals(phase)).findFirst();
    }

    public List<Row> england() {
        return rows.stream().filter(r -> r.level().equals("National")).toList();
    }

    public List<Row> la(String code) {
        return rows.stream().filter(r -> r.level().equals("Local authority") && r.laCode().equals(code)).toList();
    }

    /** England's row for a phase as published ("Primary", "Secondary", "Special", "Total"). */
    public Optional<Row> england(String phase) {
        return england().stream().filter(r -> r.phase().equals(phase)).findFirst();
    }

    public Optional<Row> la(String code, String phase) {
        return la(code).stream().filter(r -> r.phase().equals(phase)).findFirst();
    }

    /** The LA as people know it: its published name with its code ("Norfolk (LA 926)"), or "LA 926". */
    public String laName(String code) {
        return la(code, "Total").map(r -> r.laName() + " (LA " + code + ")").orElse("LA " + code);
    }

    public Optional<Row> englandTotal() {
        return england().stream().filter(r -> r.phase().equals("Total")).findFirst();
    }

    private static List<Row> read() {
        try (Reader in = new InputStreamReader(NationalFigures.class.getResourceAsStream(
                "/reference/dfe-attendance-2025-26-ytd.csv"), StandardCharsets.UTF_8)) {
            return parse(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The published DfE figures are missing from the hub: rebuild it", e);
        }
    }

    /** The published file and the national tier's la_phase.csv share these column names. */
    private static List<Row> parse(Reader in) throws IOException {
        List<Row> out = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                .setSkipHeaderRecord(true).get().parse(in)) {
            out.add(new Row(r.get("geographic_level"), r.get("old_la_code"), r.get("la_name"),
                    r.get("education_phase"), pct(r.get("attendance_perc")), pct(r.get("overall_absence_perc")),
                    pct(r.get("authorised_absence_perc")), pct(r.get("unauthorised_absence_perc")),
                    pct(r.get("pa_perc"))));
        }
        return List.copyOf(out);
    }

    /** A published percentage; the DfE's suppression marks (c, z, x, low) become no value. */
    private static BigDecimal pct(String text) {
        if (text == null || !text.strip().matches("-?[0-9.]+([eE]-?[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(text.strip()).setScale(1, RoundingMode.HALF_UP);
    }
}
