package org.rollbridge.national.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The DfE's published 2025/26 year-to-date attendance by LA and phase (Open Government Licence): the header the
 * national output copies, the geography (region of each LA, its new code and name) and the figures the synthetic
 * nation is calibrated to. The whole published file, every column (the hub ships only the rates it shows).
 */
public final class PublishedFigures {

    public static final String RESOURCE = "/org/rollbridge/national/dfe-attendance-2025-26-ytd.csv";
    public static final String NATIONAL = "National";
    public static final String REGIONAL = "Regional";
    public static final String LOCAL_AUTHORITY = "Local authority";

    /** One published row, fields by column name; suppressed values are {@code c}. */
    public record Row(Map<String, String> fields) {
        public String get(String column) {
            return fields.getOrDefault(column, "");
        }

        public String level() {
            return get("geographic_level");
        }

        public String laCode() {
            return get("old_la_code");
        }

        public String phase() {
            return get("education_phase");
        }

        public boolean suppressed(String column) {
            return !get(column).matches("-?[0-9.]+([eE]-?[0-9]+)?");
        }

        public double number(String column) {
            return Double.parseDouble(get(column));
        }
    }

    /** Where an LA sits: its region and the names the DfE prints. */
    public record LocalAuthority(String oldCode, String newCode, String name, String regionCode,
                                 String regionName) {
    }

    private static final PublishedFigures INSTANCE = read();

    private final List<String> header;
    private final List<Row> rows;
    private final Map<String, LocalAuthority> authorities;

    private PublishedFigures(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        Map<String, LocalAuthority> las = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.level().equals(LOCAL_AUTHORITY)) {
                las.putIfAbsent(r.laCode(), new LocalAuthority(r.laCode(), r.get("new_la_code"), r.get("la_name"),
                        r.get("region_code"), r.get("region_name")));
            }
        }
        this.authorities = Collections.unmodifiableMap(las);
    }

    public static PublishedFigures get() {
        return INSTANCE;
    }

    /** The published columns, in order. */
    public List<String> header() {
        return header;
    }

    public Map<String, LocalAuthority> authorities() {
        return authorities;
    }

    public Optional<LocalAuthority> authority(String oldCode) {
        return Optional.ofNullable(authorities.get(oldCode));
    }

    public Optional<Row> la(String oldCode, String phase) {
        return rows.stream().filter(r -> r.level().equals(LOCAL_AUTHORITY) && r.laCode().equals(oldCode)
                && r.phase().equals(phase)).findFirst();
    }

    public Optional<Row> region(String regionCode, String phase) {
        return rows.stream().filter(r -> r.level().equals(REGIONAL) && r.get("region_code").equals(regionCode)
                && r.phase().equals(phase)).findFirst();
    }

    public List<Row> rows() {
        return rows;
    }

    private static PublishedFigures read() {
        try (InputStream in = PublishedFigures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The published DfE figures " + RESOURCE
                        + " are missing from the national jar: rebuild it");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(new Row(r.toMap()));
            }
            return new PublishedFigures(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
