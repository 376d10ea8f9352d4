package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.feed.ExclusionsCsv;
import org.rollbridge.core.reconcile.PupilDigest;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.Validator;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation (docs/agent.md): once a night the agent sends the hub a digest of every pupil-year it holds in the
 * school's latest attendance export and CTF, the hub answers which pupils differ, and the agent resends those
 * pupils' marks whatever their date (and the CTF, when a record differs). So a mark corrected weeks back, beyond the
 * resend window, still reaches the hub. The exports are read where the MIS wrote them; the agent's home keeps only
 * their names and when the last reconciliation was.
 */
public final class Reconciler {

    /** How long a pass waits for the hub to finish the school's batches before it compares. */
    static final Duration WAIT_FOR_HUB = Duration.ofMinutes(2);
    static final Duration WAIT_STEP = Duration.ofMillis(500);

    private final AgentHome home;
    private final String school;
    private final HubClient hub;
    private final ActivityLog log;
    private final RuleSettings rules;
    private final Path stateFile;

    public Reconciler(AgentHome home, String school, HubClient hub, ActivityLog log, RuleSettings rules) {
        this.home = home;
        this.school = school;
        this.hub = hub;
        this.log = log;
        this.rules = rules;
        this.stateFile = home.ledgers().resolve("reconciliation.json");
    }

    /** The latest export taken of each feed compared, and the last reconciliation's outcome. */
    public record State(Map<String, String> exports, String lastAt, Integer compared, Integer differing,
                        Integer held, Integer resent) {
        static State empty() {
            return new State(Map.of(), null, null, null, null, null);
        }
    }

    /** What the hub answered: how many pupils it compared, were in step or held, and those that differ. */
    public record Answer(int compared, int inStep, int held, List<Difference> differing) {
    }

    public record Difference(String upn, boolean record, List<Integer> years, boolean exclusions) {
    }

    public State state() throws IOException {
        try {
            return AgentHome.JSON.readValue(Files.readAllBytes(stateFile), State.class);
        } catch (NoSuchFileException e) {
            return State.empty();
        }
    }

    private void save(State state) throws IOException {
        DurableFiles.write(stateFile, AgentHome.JSON.writeValueAsBytes(state));
    }

    /** Remembers the export just taken as the feed's latest, the one the next reconciliation reads. */
    public void taken(Feed feed, Path export) throws IOException {
        State s = state();
        Map<String, String> exports = new TreeMap<>(s.exports() == null ? Map.of() : s.exports());
        exports.put(feed.id(), export.getFileName().toString());
        save(new State(exports, s.lastAt(), s.compared(), s.differing(), s.held(), s.resent()));
    }

    /** Whether a reconciliation is due: never done, or {@code every} has passed since the last. */
    public boolean due(Duration every) throws IOException {
        State s = state();
        return s.exports() != null && !s.exports().isEmpty()
                && (s.lastAt() == null || !Instant.parse(s.lastAt()).plus(every).isAfter(Instant.now()));
    }

    /** The digests of the latest exports, and the rows to resend from them. */
    record Holding(byte[] digestJson, CsvExport attendance, String marksSpan, Path ctf, Path exclusions,
                   String exclusionsSpan, int pupils) {
    }

    Holding holding() throws IOException {
        Map<String, String> exports = state().exports();
        Map<String, PupilDigest.Marks> marks = new HashMap<>();
        Map<String, String> records = new HashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        CsvExport attendance = null;
        Path ctf = null;
        Path csv = export(exports, Feed.ATTENDANCE);
        if (csv != null) {
            FileReport report = new Validator(rules, null, Clock.systemDefaultZone()).validateFile(csv,
                    csv.getFileName().toString());
            attendance = CsvExport.read(Feed.ATTENDANCE, csv.getFileName().toString(), Files.readAllBytes(csv),
                    school, Instant.now().toString(), report);
            for (CsvExport.Row row : attendance.rows()) {
                LocalDate day = LocalDate.ofEpochDay(row.day());
                String session = row.fields().get("session").toUpperCase(Locale.ROOT);
                var code = AttendanceCode.interpret(row.fields().get("code"), day);
                if (code.isEmpty() || !(session.equals("AM") || session.equals("PM"))) {
                    continue;
                }
                from = from == null || day.isBefore(from) ? day : from;
                to = to == null || day.isAfter(to) ? day : to;
                marks.computeIfAbsent(row.fields().get("upn").toUpperCase(Locale.ROOT), u -> new PupilDigest.Marks())
                        .add(day, Session.valueOf(session), code.get().code());
            }
        }
        Path xml = export(exports, Feed.CTF);
        if (xml != null) {
            try {
                CtfReader.read(xml, (pupil, where) -> {
                    if (pupil.upn() != null && !pupil.upn().isBlank()) {
                        records.put(pupil.upn().strip().toUpperCase(Locale.ROOT), PupilDigest.record(pupil));
                    }
                });
                ctf = xml;
            } catch (CtfReadException e) {
                log.warn("Reconciliation leaves out the CTF " + xml.getFileName() + ": it cannot be read ("
                        + e.getMessage() + ")");
            }
        }
        Map<String, PupilDigest.Exclusions> excluded = new HashMap<>();
        LocalDate[] starts = new LocalDate[2];
        Path exclusions = export(exports, Feed.EXCLUSIONS);
        if (exclusions != null) {
            ExclusionsCsv.read(exclusions, row -> {
                LocalDate start = row.start().date().orElse(null);
                if (row.upn() == null || start == null) {
                    return;
                }
                starts[0] = starts[0] == null || start.isBefore(starts[0]) ? start : starts[0];
                starts[1] = starts[1] == null || start.isAfter(starts[1]) ? start : starts[1];
                excluded.computeIfAbsent(row.upn().strip().toUpperCase(Locale.ROOT), u -> new PupilDigest.Exclusions())
                        .add(start, row.end().date().orElse(null),
                                row.category().known().map(c -> c.code()).orElse(null),
                                row.reason().known().map(r -> r.code()).orElse(null), row.sessionsValue());
            }, problem -> { });
        }
        Set<String> upns = new HashSet<>(marks.keySet());
        upns.addAll(records.keySet());
        upns.addAll(excluded.keySet());
        List<Map<String, Object>> pupils = new ArrayList<>();
        for (String upn : upns.stream().sorted().toList()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("upn", upn);
            p.put("record", records.get(upn));
            p.put("years", marks.containsKey(upn) ? marks.get(upn).digests() : Map.of());
            p.put("exclusions", excluded.containsKey(upn) ? excluded.get(upn).digest() : null);
            pupils.add(p);
        }
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("marksFrom", from == null ? null : from.toString());
        digest.put("marksTo", to == null ? null : to.toString());
        // An exclusions export with no rows left (every exclusion deleted at the school) still covers the academic
        // year it was written in: the MIS's "today", the attendance export's last day, else the file's date.
        if (exclusions != null && starts[0] == null) {
            starts[0] = to != null ? to : LocalDate.ofInstant(Files.getLastModifiedTime(exclusions).toInstant(),
                    java.time.ZoneId.systemDefault());
            starts[1] = starts[0];
        }
        // The exclusions export covers whole academic years: an exclusion deleted at the school is found wherever
        // it started in the years the export's remaining rows fall in.
        if (starts[0] != null) {
            starts[0] = LocalDate.of(PupilDigest.academicYear(starts[0]), 8, 1);
            starts[1] = LocalDate.of(PupilDigest.academicYear(starts[1]) + 1, 7, 31);
        }
        digest.put("exclusionsFrom", starts[0] == null ? null : starts[0].toString());
        digest.put("exclusionsTo", starts[1] == null ? null : starts[1].toString());
        digest.put("pupils", pupils);
        return new Holding(AgentHome.JSON.writeValueAsBytes(digest), attendance, from == null ? null : from + ".." + to,
                ctf, starts[0] == null ? null : exclusions, starts[0] == null ? null : starts[0] + ".." + starts[1],
                pupils.size());
    }

    private Path export(Map<String, String> exports, Feed feed) throws IOException {
        String name = exports == null ? null : exports.get(feed.id());
        if (name == null) {
            return null;
        }
        Path file = home.dropFolder().resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * Sends the digest and returns the hub's answer, waiting while the hub is still merging the school's batches;
     * empty when the hub could not be reached or did not answer in time (the next pass tries again).
     */
    java.util.Optional<Answer> compare(Holding holding) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT_FOR_HUB);
        while (true) {
            HubClient.Reply reply;
            try {
                reply = hub.reconcile(holding.digestJson());
            } catch (IOException e) {
                log.warn("Reconciliation not done: the hub could not be reached (" + e.getClass().getSimpleName()
                        + "); it is tried again on the next run");
                return java.util.Optional.empty();
            }
            if (reply.ok()) {
                return java.util.Optional.of(answer(reply.body()));
            }
            if (reply.status() != 409 || Instant.now().isAfter(giveUp)) {
                log.warn("Reconciliation not done: the hub answered HTTP " + reply.status() + " (" + reply.message()
                        + "); it is tried again on the next run");
                return java.util.Optional.empty();
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
    }

    private static Answer answer(JsonNode body) {
        List<Difference> differing = new ArrayList<>();
        for (JsonNode d : body.path("differing")) {
            List<Integer> years = new ArrayList<>();
            d.path("years").forEach(y -> years.add(y.asInt()));
            differing.add(new Difference(d.path("upn").asString(), d.path("record").asBoolean(), years,
                    d.path("exclusions").asBoolean()));
        }
        return new Answer(body.path("compared").asInt(), body.path("inStep").asInt(), body.path("held").asInt(),
                differing);
    }

    /**
     * Puts in the outbox what the hub lacks: every mark of the differing pupils' differing years, whatever its date,
     * replacing those pupil-years' marks over the export's span (a mark deleted at the school is removed at the
     * hub), or the whole export replacing every pupil's when a differing pupil-year has no mark left in it; the CTF
     * whole when a record differs; and the exclusions export whole, replacing the school's exclusions over its start
     * dates, when a pupil's exclusions differ. Returns the number of batches added.
     */
    int resend(Holding holding, Answer answer, Outbox outbox, BatchSequence sequence) throws IOException {
        int added = 0;
        Map<String, Set<Integer>> years = new HashMap<>();
        boolean record = false;
        boolean exclusions = false;
        for (Difference d : answer.differing()) {
            years.put(d.upn(), new HashSet<>(d.years()));
            record |= d.record();
            exclusions |= d.exclusions();
        }
        if (holding.attendance() != null && holding.marksSpan() != null) {
            Set<String> carried = new HashSet<>();
            holding.attendance().rows().forEach(r -> carried.add(pupilYear(r)));
            // A pupil-year the hub holds marks for and the export has none of (every mark deleted at the school, or
            // the pupil no longer listed) can only be put right by the whole export, replacing the school's marks.
            boolean school = years.entrySet().stream().anyMatch(e -> e.getValue().stream()
                    .anyMatch(y -> !carried.contains(e.getKey() + "|" + y)));
            List<CsvExport.Row> rows = school ? holding.attendance().rows() : holding.attendance().rows().stream()
                    .filter(r -> years.getOrDefault(r.fields().get("upn").toUpperCase(Locale.ROOT), Set.of())
                            .contains(PupilDigest.academicYear(LocalDate.ofEpochDay(r.day())))).toList();
            if (!rows.isEmpty()) {
                OutboxBatch b = outbox.add(sequence.next(Feed.ATTENDANCE), Feed.ATTENDANCE, "reconciliation",
                        rows.size(), holding.attendance().write(rows), holding.marksSpan(), school);
                log.info("Reconciliation: " + rows.size() + (school ? " marks, the whole attendance export "
                        + "(pupils the school no longer lists hold marks at the hub), resent as batch "
                        : " marks of pupils that differ at the hub resent as batch ") + b.id());
                added++;
            }
        }
        if (record && holding.ctf() != null) {
            byte[] bytes = Files.readAllBytes(holding.ctf());
            OutboxBatch b = outbox.add(sequence.next(Feed.CTF), Feed.CTF, "reconciliation", answer.differing().size(),
                    bytes);
            log.info("Reconciliation: the CTF resent as batch " + b.id() + " for pupils whose record differs");
            added++;
        }
        if (exclusions && holding.exclusions() != null) {
            OutboxBatch b = outbox.add(sequence.next(Feed.EXCLUSIONS), Feed.EXCLUSIONS, "reconciliation",
                    answer.differing().size(), Files.readAllBytes(holding.exclusions()), holding.exclusionsSpan());
            log.info("Reconciliation: the exclusions export resent as batch " + b.id()
                    + " for pupils whose exclusions differ");
            added++;
        }
        return added;
    }

    private static String pupilYear(CsvExport.Row r) {
        return r.fields().get("upn").toUpperCase(Locale.ROOT) + "|"
                + PupilDigest.academicYear(LocalDate.ofEpochDay(r.day()));
    }

    /** Records the outcome of a reconciliation (counts only). */
    void done(Answer answer, int resent) throws IOException {
        State s = state();
        save(new State(s.exports(), Instant.now().toString(), answer.compared(), answer.differing().size(),
                answer.held(), resent));
        log.info("Reconciliation: " + answer.compared() + " pupils compared, " + answer.inStep() + " in step, "
                + answer.held() + " held back at the hub, " + answer.differing().size() + " differ");
    }
}
