package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Pupil;

class SyntheticLaTest {

    private final GeneratedLa la = GeneratedLa.get();

    @Test
    void attendanceFromTheSessionFilesLandsInEnglandsBands() {
        Map<String, String> phase = la.csv("schools.csv").stream()
                .collect(Collectors.toMap(r -> r.get("laestab"), r -> r.get("phase")));
        Map<String, int[]> pupils = new TreeMap<>();
        for (String school : la.schoolCodes()) {
            if (Set.of("NURSERY", "PRU").contains(phase.get(school))) {
                continue;
            }
            for (Map<String, String> row : la.csv("schools/" + school + "/attendance.csv")) {
                Optional<AttendanceCode> code = AttendanceCode.parse(row.get("code"));
                if (code.isEmpty() || !code.get().possible()) {
                    continue;
                }
                int[] c = pupils.computeIfAbsent(school + row.get("upn"), k -> new int[2]);
                c[0]++;
                c[1] += code.get().absence() ? 1 : 0;
            }
        }
        long possible = 0;
        long absent = 0;
        int counted = 0;
        int persistent = 0;
        int severe = 0;
        for (int[] c : pupils.values()) {
            possible += c[0];
            absent += c[1];
            if (c[0] >= 20) {
                counted++;
                persistent += c[1] * 10 >= c[0] ? 1 : 0;
                severe += c[1] * 2 >= c[0] ? 1 : 0;
            }
        }
        assertThat(counted).isGreaterThan(1000);
        assertThat(100.0 * absent / possible).as("overall absence %").isBetween(5.5, 9.0);
        assertThat(100.0 * persistent / counted).as("persistent absence %").isBetween(14.0, 26.0);
        assertThat(100.0 * severe / counted).as("severe absence %").isBetween(1.0, 4.0);
        assertThat(la.summary.rates().total().absenceRate()).isCloseTo(100.0 * absent / possible,
                org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void everyPhaseOfSchoolIsThereWithEnglandsNumbering() {
        List<Map<String, String>> schools = la.csv("schools.csv");
        assertThat(schools).extracting(r -> r.get("phase")).containsExactlyInAnyOrder("NURSERY", "PRIMARY",
                "SECONDARY", "ALL_THROUGH", "SPECIAL", "PRU");
        for (Map<String, String> s : schools) {
            assertThat(s.get("laestab")).startsWith("926").hasSize(7);
            assertThat(s.get("urn")).matches("\\d{6}");
            assertThat(Postcode.parse(s.get("postcode"))).isPresent();
            int estab = Integer.parseInt(s.get("laestab").substring(3));
            switch (s.get("phase")) {
                case "NURSERY" -> assertThat(estab).isBetween(1000, 1099);
                case "PRU" -> assertThat(estab).isBetween(1100, 1199);
                case "PRIMARY" -> assertThat(estab).isBetween(2000, 3999);
                case "SECONDARY", "ALL_THROUGH" -> assertThat(estab).isBetween(4000, 5999);
                case "SPECIAL" -> assertThat(estab).isBetween(7000, 7999);
                default -> throw new AssertionError(s);
            }
            assertThat(s.get("governance")).isIn("MAINTAINED", "ACADEMY");
            assertThat(s.get("trust_id").isEmpty()).isEqualTo(s.get("governance").equals("MAINTAINED"));
        }
    }

    @Test
    void calendarFollowsEnglandsTermsWithInsetDays() {
        List<Map<String, String>> days = la.csv("calendar.csv");
        for (String school : la.schoolCodes()) {
            Map<String, String> kind = days.stream().filter(d -> d.get("laestab").equals(school))
                    .collect(Collectors.toMap(d -> d.get("date"), d -> d.get("kind")));
            assertThat(kind.get("2025-12-25")).isEqualTo("HOLIDAY");
            assertThat(kind.get("2025-10-29")).as("October half-term").isEqualTo("HOLIDAY");
            assertThat(kind.get("2026-02-18")).as("February half-term").isEqualTo("HOLIDAY");
            assertThat(kind.get("2025-09-01")).isEqualTo("INSET");
            assertThat(kind).doesNotContainKey("2025-09-06");
            assertThat(kind.values().stream().filter("INSET"::equals).count()).isBetween(2L, 5L);
            assertThat(kind.values().stream().filter("TERM_DAY"::equals).count()).isBetween(120L, 135L);
        }
    }

    @Test
    void everyInjectedErrorIsInTheFileAtThatPupilAndEveryBadRecordIsAnInjectedError() {
        List<Map<String, String>> errors = la.csv("truth/errors.csv");
        Set<String> kinds = EnumSet.allOf(ErrorKind.class).stream().map(Enum::name).collect(Collectors.toSet());
        Map<String, List<Pupil>> files = new HashMap<>();
        for (String school : la.schoolCodes()) {
            files.put("schools/" + school + "/pupils-ctf.xml", la.ctf(school, "pupils-ctf.xml"));
            files.put("schools/" + school + "/pupils-ctf-previous.xml", la.ctf(school, "pupils-ctf-previous.xml"));
        }
        Map<String, String> person = new HashMap<>();
        la.csv("truth/people.csv").forEach(r -> person.put(r.get("record_id"), r.get("person_id")));
        Set<String> duplicateLines = errors.stream().filter(e -> e.get("file").equals("la/register.csv"))
                .map(e -> e.get("pupil_position")).collect(Collectors.toSet());
        Map<String, String> trueDob = new HashMap<>();
        List<Map<String, String>> register = la.csv("la/register.csv");
        for (int i = 0; i < register.size(); i++) {
            if (!duplicateLines.contains(String.valueOf(i + 1))) {
                trueDob.put(person.get(register.get(i).get("id")), register.get(i).get("dob"));
            }
        }
        Set<String> recorded = new HashSet<>();
        assertThat(errors).hasSizeGreaterThan(20);
        for (Map<String, String> e : errors) {
            assertThat(kinds).contains(e.get("kind"));
            String file = e.get("file");
            if (!file.endsWith(".xml")) {
                continue;
            }
            recorded.add(file + "#" + e.get("pupil_position"));
            Pupil p = files.get(file).get(Integer.parseInt(e.get("pupil_position")) - 1);
            assertThat(p.upn()).isEqualTo(e.get("upn"));
            String kind = e.get("kind");
            switch (kind) {
                case "UPN_CHECK_LETTER" -> assertThat(Upn.check(p.upn())).isEqualTo(Upn.Check.CHECK_LETTER);
                case "UPN_TEMPORARY" -> assertThat(Upn.check(p.upn())).isEqualTo(Upn.Check.TEMPORARY);
                case "UPN_DUPLICATE_ACROSS_SCHOOLS" -> assertThat(files.entrySet().stream()
                        .filter(f -> !f.getKey().startsWith(file.substring(0, 16)))
                        .flatMap(f -> f.getValue().stream()).anyMatch(o -> o.upn().equals(p.upn()))).isTrue();
                case "POSTCODE_MISSING" -> assertThat(p.address().postcode()).isNull();
                case "POSTCODE_MALFORMED" -> assertThat(Postcode.parse(p.address().postcode())).isEmpty();
                case "NAME_EXTRA_SPACES" -> {
                    String name = e.get("field").equals("surname") ? p.surname() : p.forename();
                    assertThat(name).contains("  ");
                }
                case "DOB_TYPO" -> {
                    LocalDate dob = p.dob().date().orElseThrow();
                    assertThat(NcYear.expectedFor(dob, GeneratedLa.SETTINGS.to())).contains(p.ncYear().code());
                    if (file.endsWith("pupils-ctf.xml")) {
                        String truth = trueDob.get(person.get(file.substring(8, 15) + "-" + e.get("pupil_position")));
                        assertThat(truth == null || !truth.equals(dob.toString())).as("a typo changes the date").isTrue();
                    }
                }
                case "DOB_IMPOSSIBLE" -> assertThat(p.dob().invalid()).isTrue();
                case "DOB_NC_YEAR_MISMATCH" -> assertThat(NcYear.expectedFor(p.dob().date().orElseThrow(),
                        GeneratedLa.SETTINGS.to())).isNotEqualTo(Optional.of(p.ncYear().code()));
                case "ETHNICITY_INVALID" -> assertThat(p.ethnicity().unknown()).isTrue();
                case "SEN_PROVISION_INVALID" -> assertThat(p.currentSenProvision().unknown()).isTrue();
                case "ATTENDANCE_CODE_INVALID" -> assertThat(p.attendance().get(0).sessionMarks())
                        .anyMatch(m -> m.attendanceCode().isEmpty());
                default -> throw new AssertionError("unexpected kind in a CTF: " + kind);
            }
        }
        // The other way round: whatever is wrong in a CTF was put there on purpose and recorded.
        files.forEach((file, pupils) -> {
            for (int i = 0; i < pupils.size(); i++) {
                Pupil p = pupils.get(i);
                boolean bad = Upn.check(p.upn()) != Upn.Check.VALID
                        || p.address().postcode() == null || Postcode.parse(p.address().postcode()).isEmpty()
                        || p.dob().invalid() || p.ethnicity().unknown() || p.currentSenProvision().unknown()
                        || !p.forename().equals(p.forename().strip()) || p.forename().contains("  ")
                        || !p.surname().equals(p.surname().strip()) || p.surname().contains("  ")
                        || !NcYear.expectedFor(p.dob().date().orElse(LocalDate.of(2000, 1, 1)),
                                GeneratedLa.SETTINGS.to()).map(y -> y == p.ncYear().code()).orElse(false)
                        || p.attendance().get(0).sessionMarks().stream().anyMatch(m -> m.attendanceCode().isEmpty());
                if (bad) {
                    assertThat(recorded).as("%s pupil %d has an unrecorded problem", file, i + 1)
                            .contains(file + "#" + (i + 1));
                }
                if (p.uln() != null) {
                    assertThat(Uln.isValid(p.uln())).isTrue();
                }
            }
        });
    }

    @Test
    void groundTruthNamesThePersonBehindEveryRecord() {
        Map<String, String> person = new HashMap<>();
        la.csv("truth/people.csv").forEach(r -> assertThat(person.put(r.get("record_id"), r.get("person_id"))).isNull());
        List<Map<String, String>> incoming = la.csv("la/incoming.csv");
        List<Map<String, String>> register = la.csv("la/register.csv");
        assertThat(person).hasSize(incoming.size() + register.size());
        incoming.forEach(r -> assertThat(person).containsKey(r.get("id")));
        register.forEach(r -> assertThat(person).containsKey(r.get("id")));
        int onRoll = 0;
        Map<String, Map<String, String>> byId = incoming.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        for (String school : la.schoolCodes()) {
            List<Pupil> pupils = la.ctf(school, "pupils-ctf.xml");
            onRoll += pupils.size();
            for (int i = 0; i < pupils.size(); i++) {
                Map<String, String> row = byId.get(school + "-" + (i + 1));
                assertThat(row.get("upn")).isEqualTo(pupils.get(i).upn());
                assertThat(row.get("legal_surname").strip()).isEqualTo(pupils.get(i).surname());
            }
        }
        assertThat(incoming).hasSize(onRoll);
        // Duplicates point at a real person who also has an ordinary record.
        long duplicates = la.csv("truth/errors.csv").stream().filter(e -> e.get("kind").startsWith("DUPLICATE_")).count();
        assertThat(duplicates).isEqualTo(la.summary.duplicates()).isPositive();
        assertThat(register.stream().map(r -> person.get(r.get("id"))).distinct().count())
                .isEqualTo(register.size() - duplicates);
    }

    @Test
    void movementEventsAgreeWithTheRolls() {
        Map<String, String> person = new HashMap<>();
        la.csv("truth/people.csv").forEach(r -> person.put(r.get("record_id"), r.get("person_id")));
        Map<String, Set<String>> rollAtEnd = new HashMap<>();
        Map<String, Map<String, EnrolStatus>> statusAtEnd = new HashMap<>();
        for (String school : la.schoolCodes()) {
            List<Pupil> pupils = la.ctf(school, "pupils-ctf.xml");
            for (int i = 0; i < pupils.size(); i++) {
                String who = person.get(school + "-" + (i + 1));
                rollAtEnd.computeIfAbsent(who, k -> new HashSet<>()).add(school);
                statusAtEnd.computeIfAbsent(who, k -> new HashMap<>()).put(school, pupils.get(i).enrolStatus().code());
            }
        }
        List<Map<String, String>> events = la.csv("truth/events.csv");
        Set<String> kinds = events.stream().map(e -> e.get("kind")).collect(Collectors.toSet());
        assertThat(kinds).contains("LEFT_NO_DESTINATION", "JOINED_NON_STANDARD", "LEFT_OUT_OF_LA",
                "DUAL_REGISTERED", "UNAUTHORISED_STREAK_10", "PART_TIME");
        for (Map<String, String> e : events) {
            String who = e.get("person_id");
            switch (e.get("kind")) {
                case "LEFT_NO_DESTINATION" -> {
                    assertThat(rollAtEnd).as("a CME leaver is on no roll at the end").doesNotContainKey(who);
                    // By UPN, unless the school's record of it was spoiled on purpose (then errors.csv says so).
                    boolean spoiledUpn = la.csv("truth/errors.csv").stream().anyMatch(x -> x.get("file").equals(
                            "schools/" + e.get("laestab") + "/pupils-ctf-previous.xml") && x.get("kind").startsWith("UPN_"));
                    assertThat(spoiledUpn || la.ctf(e.get("laestab"), "pupils-ctf-previous.xml").stream()
                            .anyMatch(p -> p.upn().equals(e.get("upn")))).as("a CME leaver was on the earlier snapshot")
                            .isTrue();
                    assertThat(LocalDate.parse(e.get("date_from"))).isAfter(GeneratedLa.SETTINGS.previousSnapshot())
                            .isBefore(GeneratedLa.SETTINGS.to());
                }
                case "LEFT_OUT_OF_LA" -> assertThat(rollAtEnd).doesNotContainKey(who);
                case "DUAL_REGISTERED" -> {
                    assertThat(statusAtEnd.get(who)).containsValues(EnrolStatus.M, EnrolStatus.S);
                    assertThat(statusAtEnd.get(who).get(e.get("laestab"))).isEqualTo(EnrolStatus.M);
                }
                case "UNAUTHORISED_STREAK_10", "ABSENCE_STREAK_10" ->
                        assertThat(Integer.parseInt(e.get("detail").split(" ")[0])).isGreaterThanOrEqualTo(10);
                default -> {
                }
            }
        }
    }

    @Test
    void dualRegisteredPupilsAreMarkedDAtTheMainSchoolOnTheSubsidiarysDays() {
        Map<String, String> dual = new HashMap<>();
        la.csv("truth/events.csv").stream().filter(e -> e.get("kind").equals("DUAL_REGISTERED"))
                .forEach(e -> dual.put(e.get("upn"), e.get("laestab")));
        assertThat(dual).isNotEmpty();
        dual.forEach((upn, school) -> {
            List<Map<String, String>> rows = la.csv("schools/" + school + "/attendance.csv").stream()
                    .filter(r -> r.get("upn").equals(upn)).toList();
            assertThat(rows).anyMatch(r -> r.get("code").equals("D"));
        });
    }

    @Test
    void ctfMarksAgreeWithTheSessionFile() {
        String school = la.schoolCodes().get(1);
        Pupil p = la.ctf(school, "pupils-ctf.xml").get(0);
        Map<String, String> fromCsv = new HashMap<>();
        la.csv("schools/" + school + "/attendance.csv").stream().filter(r -> r.get("upn").equals(p.upn()))
                .forEach(r -> fromCsv.put(r.get("date") + r.get("session"), r.get("code")));
        List<SessionMark> marks = p.attendance().get(0).sessionMarks().stream()
                .filter(m -> !m.code().equals("#") || fromCsv.containsKey(m.date() + m.session().name())).toList();
        assertThat(marks).hasSize(fromCsv.size());
        for (SessionMark m : marks) {
            assertThat(fromCsv.get(m.date().toString() + m.session()).charAt(0)).isEqualTo(m.code().charAt(0));
        }
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Settings.defaults().withSize(0, 100)).hasMessageContaining("--schools");
        assertThatThrownBy(() -> new Settings("92", 1, 100, Settings.DEFAULT_FROM, Settings.DEFAULT_TO, 1, 0, 0))
                .hasMessageContaining("3-digit");
        assertThatThrownBy(() -> Settings.defaults().withPeriod(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 9, 30)))
                .hasMessageContaining("one academic year");
        assertThatThrownBy(() -> Settings.defaults().withRates(0.9, 0)).hasMessageContaining("--error-rate");
    }
}
