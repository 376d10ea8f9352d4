package org.rollbridge.hub.exports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.audit.Actor;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.springframework.stereotype.Service;

/**
 * Pupil-level exports (docs/exports.md): each a password-protected XLSX made for one user, its password generated
 * for it and shown to that user once (never in the file's name, a log or the audit), the file kept for one download
 * within {@link #KEPT} and then forgotten. Each export is audited with the pupils it holds and the file's SHA-256.
 */
@Service
public class PupilExports {

    /** The agreement exports are made under (seed agreement 001, "exported from the data dashboard"). */
    public static final String AGREEMENT = "Data sharing agreement 001: the LA and its schools (pupil data to the LA)";
    static final Duration KEPT = Duration.ofMinutes(10);
    /** Letters and digits a reader cannot mistake for one another: no I, O, l, o, 0 or 1. */
    private static final char[] ALPHABET = IntStream.concat(IntStream.concat(
                    IntStream.rangeClosed('A', 'Z'), IntStream.rangeClosed('a', 'z')), IntStream.rangeClosed('2', '9'))
            .filter(c -> "IOlo".indexOf(c) < 0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
    private static final int PASSWORD_LENGTH = 20;

    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Prepared> ready = new ConcurrentHashMap<>();

    public PupilExports(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One pupil's line: whom it is about, as the audit records it ({@code person:12}, or {@code held-record:34} for
     * a record not yet linked to a person), and the cells shown.
     */
    /** How a line names a person the LA knows (others are held records, {@code held-record:ID}). */
    static final String PERSON = "person:";

    public record Line(String pupil, List<String> cells) {

        public static Line ofPerson(long personId, List<String> cells) {
            return new Line("person:" + personId, cells);
        }
    }

    /** What kind of export: the title of its first line. */
    public enum Kind {
        PUPIL_LEVEL("Rollbridge pupil-level export"),
        PLANNING("Rollbridge pseudonymised planning export");

        private final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** An export made: the token of its one download, the password to show once, the file's name and hash. */
    public record Made(String token, String password, String fileName, String sha256, int pupils) {
    }

    /** A file waiting for its download by the user who made it. */
    public record Prepared(String fileName, byte[] bytes, Instant until, String username) {
    }

    /** Makes the export of {@code what} (say, "Alert queue PA_10 open") for the user, for the purpose given. */
    public Made export(Actor user, Kind kind, String what, String purpose, List<String> header, List<Line> lines) {
        Instant now = clock.instant();
        String password = password();
        List<List<String>> preamble = List.of(
                List.of(kind.title, what),
                List.of("Exported by", user.username() + " (" + user.roleName() + ")"),
                List.of("Exported at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(clock))),
                List.of("Purpose", purpose),
                List.of("Agreement", AGREEMENT),
                List.of("Handling", "Keep in this password-protected file only; never print it or copy it to removable media."));
        byte[] bytes = ExportWorkbook.encrypted(preamble, header, lines.stream().map(Line::cells).toList(), password);
        String sha256 = RequestSignature.sha256Hex(bytes);
        String token = token();
        String fileName = "rollbridge-export-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(ZonedDateTime.now(clock)) + ".xlsx";
        ready.values().removeIf(p -> p.until().isBefore(now));
        ready.put(token, new Prepared(fileName, bytes, now.plus(KEPT), user.username()));
        String pupils = lines.stream().map(Line::pupil).distinct().collect(Collectors.joining(","));
        audit.record(user.username(), user.roleName(), AuditAction.EXPORT, "export:" + sha256, purpose,
                what + "; " + lines.size() + " line(s); pupils " + pupils, "ok",
                Pupils.persons(lines.stream().map(Line::pupil).filter(p -> p.startsWith(PERSON))
                        .map(p -> Long.parseLong(p.substring(PERSON.length()))).toList()));
        return new Made(token, password, fileName, sha256, lines.size());
    }

    /**
     * The file of a token, once, to the user who made it: a second download, one after {@link #KEPT}, or anyone
     * else's, finds nothing.
     */
    public Optional<Prepared> take(String token, Actor user) {
        Prepared prepared = ready.get(token);
        if (prepared == null || !prepared.username().equals(user.username()) || !ready.remove(token, prepared)) {
            return Optional.empty();
        }
        return prepared.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(prepared);
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
