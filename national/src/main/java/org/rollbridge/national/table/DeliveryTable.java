package org.rollbridge.national.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The ingested session marks: Parquet files under {@code sessions/delivery=YYYY-MM-DD/id=COMMIT/}, and a commit log
 * {@code _log/NNNNNNNNNNNNNNNNNNNN.log} naming, for each delivery day, the one directory that is current. A reader
 * takes the latest log file (or an earlier one: time travel) and reads only what it names, so a half-written
 * ingest is never seen; a commit is one new log file, created with a hard link that fails if another writer got
 * there first. Directories a later commit replaced stay until they are vacuumed.
 */
public final class DeliveryTable {

    /** One delivery day's current data and the fingerprint of the files it was read from. */
    public record Entry(String delivery, String id, String fingerprint) {
    }

    /** One committed state of the table. */
    public record Version(long number, Map<String, Entry> entries) {
        public static final Version EMPTY = new Version(0, Map.of());
    }

    private final Path root;

    public DeliveryTable(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path sessions() {
        return root.resolve("sessions");
    }

    public Path dataDir(Entry e) {
        return sessions().resolve("delivery=" + e.delivery()).resolve("id=" + e.id());
    }

    public Path staging(String commitId) {
        return root.resolve("_staging").resolve(commitId);
    }

    private Path log() {
        return root.resolve("_log");
    }

    public Version latest() throws IOException {
        if (!Files.isDirectory(log())) {
            return Version.EMPTY;
        }
        try (Stream<Path> files = Files.list(log())) {
            Optional<Long> last = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{20}\\.log"))
                    .map(n -> Long.parseLong(n.substring(0, 20))).max(Long::compare);
            return last.isPresent() ? version(last.get()) : Version.EMPTY;
        }
    }

    public Version version(long number) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        for (String line : Files.readAllLines(logFile(number), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                entries.put(f[0], new Entry(f[0], f[1], f[2]));
            }
        }
        return new Version(number, Map.copyOf(entries));
    }

    /**
     * Commits {@code changes} on top of {@code base}: the next version names them in place of what {@code base}
     * named for the same days. Fails when another commit made {@code base} stale.
     */
    public Version commit(Version base, List<Entry> changes) throws IOException {
        Map<String, Entry> next = new TreeMap<>(base.entries());
        changes.forEach(e -> next.put(e.delivery(), e));
        Files.createDirectories(log());
        List<String> lines = new ArrayList<>();
        next.values().forEach(e -> lines.add(e.delivery() + "\t" + e.id() + "\t" + e.fingerprint()));
        Path tmp = Files.createTempFile(log(), "commit", ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Path target = logFile(base.number() + 1);
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Another ingest committed version " + (base.number() + 1)
                    + " of " + root + " first; run the ingest again", e);
        } finally {
            Files.delete(tmp);
        }
        return new Version(base.number() + 1, Map.copyOf(next));
    }

    /** Moves a staged delivery directory into the place its entry names. */
    public void publish(Path staged, Entry e) throws IOException {
        Path target = dataDir(e);
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(staged)) {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.createDirectories(target);     // a day whose files held no rows
        }
    }

    private Path logFile(long number) {
        return log().resolve(String.format("%020d.log", number));
    }
}
