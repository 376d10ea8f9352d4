package org.rollbridge.national.figures;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.national.reference.Phase;

/**
 * Where each school is and what phase it is: {@code schools.csv} ({@code urn,la_code,phase}) beside the daily
 * extracts, as the DfE keeps it in its register of establishments. The daily feed does not carry a school's phase.
 */
public final class SchoolRegister {

    public static final String FILE = "schools.csv";
    private static final String[] HEADER = {"urn", "la_code", "phase"};

    public record School(String urn, String laCode, Phase phase) {
    }

    private final Map<String, School> schools;

    public SchoolRegister(Collection<School> schools) {
        Map<String, School> m = new LinkedHashMap<>();
        schools.forEach(s -> m.put(s.urn(), s));
        this.schools = Map.copyOf(m);
    }

    public Optional<School> school(String urn) {
        return Optional.ofNullable(schools.get(urn));
    }

    public Collection<School> schools() {
        return schools.values();
    }

    public static SchoolRegister read(Path inputDir) {
        Path file = inputDir.resolve(FILE);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, School> m = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Phase phase = Phase.parse(r.get("phase")).orElseThrow(() -> new IllegalArgumentException(
                        file + " line " + r.getRecordNumber() + ": phase '" + r.get("phase")
                                + "' is not Primary, Secondary or Special"));
                m.put(r.get("urn"), new School(r.get("urn"), r.get("la_code"), phase));
            }
            return new SchoolRegister(m.values());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the school register " + file
                    + " (urn,la_code,phase): " + e.getMessage(), e);
        }
    }

    public void write(Path inputDir) throws IOException {
        try (Writer w = Files.newBufferedWriter(inputDir.resolve(FILE), StandardCharsets.UTF_8);
             var csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get().print(w)) {
            for (School s : schools.values()) {
                csv.printRecord(s.urn(), s.laCode(), s.phase().published());
            }
        }
    }
}
