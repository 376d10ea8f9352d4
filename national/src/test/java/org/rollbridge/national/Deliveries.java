package org.rollbridge.national;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.national.synth.NationGenerator;

/** Builds small hand-made daily extracts: one school's sessions.csv for one delivery day. */
final class Deliveries {

    private final Path input;

    Deliveries(Path input) {
        this.input = input;
    }

    /** One school's delivery on {@code day}; rows are {@code upn,date,session,code}. */
    void deliver(LocalDate day, String urn, String... rows) throws IOException {
        Path dir = input.resolve(NationGenerator.DAILY).resolve(day.toString()).resolve(urn);
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("urn,upn,date,session,code");
        for (String r : rows) {
            lines.add(urn + "," + r);
        }
        Files.write(dir.resolve("sessions.csv"), lines, StandardCharsets.UTF_8);
    }

    void register(String... schools) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("urn,la_code,phase");
        lines.addAll(List.of(schools));
        Files.write(input.resolve("schools.csv"), lines, StandardCharsets.UTF_8);
    }
}
