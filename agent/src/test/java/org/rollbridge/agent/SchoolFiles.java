package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/**
 * The school's files in its drop folder, compared with what the hub holds as read through the read API: the end of
 * every fault-and-sequence test.
 */
final class SchoolFiles {

    private SchoolFiles() {
    }

    /** Each pupil's marks in an attendance export, "date session school" to code as the hub reads it. */
    static Map<String, Map<String, String>> marks(Path csv) throws Exception {
        Map<String, Map<String, String>> marks = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate day = LocalDate.parse(f[2]);
            AttendanceCode.interpret(f[4], day).ifPresent(code -> marks.computeIfAbsent(f[1], u -> new TreeMap<>())
                    .put(day + " " + f[3] + " " + f[0], code.code()));
        }
        return marks;
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    /** Each pupil's exclusions in an exclusions export, "start end category reason sessions", sorted. */
    static Map<String, List<String>> exclusions(Path csv) throws Exception {
        Map<String, List<String>> exclusions = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            exclusions.computeIfAbsent(f[1], u -> new java.util.ArrayList<>())
                    .add(String.join(" ", f[4], f[5], f[2], f[3], f[6]));
        }
        exclusions.values().forEach(java.util.Collections::sort);
        return exclusions;
    }

    /**
     * Expects the hub to hold, for every pupil of the school's attendance export, its CTF or {@code others} (pupils
     * the school no longer lists), exactly the export's marks from the school over the export's span (none for a
     * pupil it does not list), for every pupil of its exclusions export, its CTF or {@code others} exactly the
     * export's exclusions from the school, and for every pupil of its CTF the CTF's name, date of birth and postcode.
     */
    static void assertHubHolds(RunningHub hub, Path drop, String school, String... others) throws Exception {
        PupilApi api = new PupilApi(hub);
        Path csv = drop.resolve("attendance.csv");
        Path xml = drop.resolve("roll.xml");
        if (Files.exists(csv)) {
            Map<String, Map<String, String>> expected = marks(csv);
            List<LocalDate> days = expected.values().stream().flatMap(m -> m.keySet().stream())
                    .map(k -> LocalDate.parse(k.substring(0, 10))).sorted().toList();
            // Every pupil of the export, and every pupil of the CTF or named by the test whom the export lists with
            // no mark: the school's marks at the hub over the export's span are the export's, or none.
            java.util.Set<String> upns = new java.util.TreeSet<>(expected.keySet());
            upns.addAll(List.of(others));
            if (Files.exists(xml)) {
                CtfReader.read(xml, (pupil, where) -> upns.add(pupil.upn()));
            }
            for (String upn : days.isEmpty() ? List.<String>of() : upns) {
                Map<String, String> held = new TreeMap<>(api.marks(upn, days.getFirst(), days.getLast()));
                held.keySet().removeIf(k -> !k.endsWith(" " + school));
                assertThat(held).as("marks of pupil %s at the hub against %s", upn, csv)
                        .isEqualTo(expected.getOrDefault(upn, Map.of()));
            }
        }
        Path exclusions = drop.resolve("exclusions.csv");
        if (Files.exists(exclusions)) {
            Map<String, List<String>> expected = exclusions(exclusions);
            java.util.Set<String> upns = new java.util.TreeSet<>(expected.keySet());
            upns.addAll(List.of(others));
            if (Files.exists(xml)) {
                CtfReader.read(xml, (pupil, where) -> upns.add(pupil.upn()));
            }
            for (String upn : upns) {
                List<String> held = api.exclusions(upn).path("exclusions").valueStream()
                        .filter(e -> e.path("laestab").asString().equals(school))
                        .map(e -> String.join(" ", text(e.path("start")), text(e.path("end")),
                                text(e.path("category")), text(e.path("reason")), text(e.path("sessions"))))
                        .sorted().toList();
                assertThat(held).as("exclusions of pupil %s at the hub against %s", upn, exclusions)
                        .isEqualTo(expected.getOrDefault(upn, List.of()));
            }
        }
        if (Files.exists(xml)) {
            Map<String, Pupil> pupils = new HashMap<>();
            CtfReader.read(xml, (pupil, where) -> pupils.put(pupil.upn(), pupil));
            for (Pupil p : pupils.values()) {
                JsonNode records = api.pupil(p.upn()).path("records");
                JsonNode record = records.valueStream().filter(r -> r.path("laestab").asString().equals(school))
                        .findFirst().orElseThrow(() -> new AssertionError("no record of " + p.upn() + " from "
                                + school + " at the hub: " + records));
                assertThat(List.of(record.path("forename").asString(), record.path("surname").asString(),
                        record.path("dob").asString(), record.path("postcode").asString()))
                        .as("record of pupil %s at the hub against %s", p.upn(), xml)
                        .containsExactly(p.forename(), p.surname(), p.dob().date().orElseThrow().toString(),
                                p.address().postcode());
            }
        }
    }
}
