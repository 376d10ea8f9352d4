package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The folder the MIS writes its scheduled exports to. An export is taken once it has not changed for the settle
 * time (the MIS may still be writing it), and once only: the size and modification time of every export taken
 * are remembered, so that the same file is not read again until the MIS writes a new one.
 */
public final class DropFolder {

    private final Path dir;
    private final Path registry;
    private final Duration settle;

    public DropFolder(Path dir, AgentHome home, Duration settle) {
        this.dir = dir;
        this.registry = home.ledgers().resolve("taken.json");
        this.settle = settle;
    }

    /** An export ready to be read. */
    public record Export(Path file, Feed feed, long size, long modified) {
    }

    record Taken(long size, long modified) {
    }

    public Path dir() {
        return dir;
    }

    /** New exports, oldest first; files of no known feed are ignored. */
    public List<Export> ready() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + " (the drop folder) does not exist; create it, or point the MIS's "
                    + "scheduled export and 'agent init --drop' at the same folder");
        }
        Map<String, Taken> taken = taken();
        long cutoff = Instant.now().minus(settle).toEpochMilli();
        List<Export> ready = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(f) || Feed.of(f).isEmpty()) {
                    continue;
                }
                long size = Files.size(f);
                long modified = Files.getLastModifiedTime(f).toMillis();
                Taken before = taken.get(f.getFileName().toString());
                if (modified > cutoff || (before != null && before.size() == size && before.modified() == modified)) {
                    continue;
                }
                ready.add(new Export(f, Feed.of(f).get(), size, modified));
            }
        }
        ready.sort(Comparator.comparingLong(Export::modified).thenComparing(e -> e.file().getFileName().toString()));
        return ready;
    }

    /** Remembers an export as taken, after its batch is safely in the outbox. */
    public void taken(Export export) throws IOException {
        Map<String, Taken> taken = taken();
        taken.put(export.file().getFileName().toString(), new Taken(export.size(), export.modified()));
        DurableFiles.write(registry, AgentHome.JSON.writeValueAsBytes(taken));
    }

    private Map<String, Taken> taken() throws IOException {
        try {
            Map<String, Taken> read = AgentHome.JSON.readValue(Files.readAllBytes(registry),
                    AgentHome.JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, Taken.class));
            return new TreeMap<>(read);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
    }
}
