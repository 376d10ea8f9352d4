package org.rollbridge.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.rollbridge.core.signing.RequestSignature;

/**
 * Batches on their way to the hub, one file each, made durably ({@link DurableFiles}) before any is sent and
 * removed only once the hub has acknowledged it. Each file starts with a text header that names the batch and
 * the length and SHA-256 of its gzip body, so a damaged file is recognised and moved to the quarantine rather
 * than sent. Files are sent in the order they were made.
 */
public final class Outbox {

    static final String MAGIC = "ROLLBRIDGE-BATCH 1";
    private static final int MAX_HEADER = 4096;
    private static final java.util.concurrent.atomic.AtomicLong LAST_STAMP = new java.util.concurrent.atomic.AtomicLong();
    private final Path dir;
    private final Path quarantine;

    public Outbox(AgentHome home) {
        this(home.outbox(), home.quarantine());
    }

    Outbox(Path dir, Path quarantine) {
        this.dir = dir;
        this.quarantine = quarantine;
    }

    /** A file that failed its checks and was moved aside, with why. */
    public record Quarantined(Path file, String why) {
    }

    /** What the outbox holds: batches ready to send, in order, and files moved to the quarantine just now. */
    public record Contents(List<OutboxBatch> batches, List<Quarantined> quarantined) {
    }

    /** Makes a batch durable in the outbox and returns it; an existing batch with the same id is kept as it is. */
    public OutboxBatch add(String id, Feed kind, String source, int records, byte[] content) throws IOException {
        return add(id, kind, source, records, content, null);
    }

    /**
     * As above, for a batch that replaces what the hub holds over {@code replaces} ("from..to", docs/agent.md,
     * "Reconciliation"): null for one that only adds and changes.
     */
    public OutboxBatch add(String id, Feed kind, String source, int records, byte[] content, String replaces)
            throws IOException {
        return add(id, kind, source, records, content, replaces, false);
    }

    /**
     * As above; {@code school}: the batch is the school's whole attendance export over {@code replaces}, so it
     * replaces the marks there of every pupil of the school, listed in it or not.
     */
    public OutboxBatch add(String id, Feed kind, String source, int records, byte[] content, String replaces,
                           boolean school) throws IOException {
        Files.createDirectories(dir);
        for (OutboxBatch existing : list().batches()) {
            if (existing.id().equals(id)) {
                return existing;
            }
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(gz, 64 * 1024)) {
            out.write(content);
        }
        byte[] body = gz.toByteArray();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("id", id);
        header.put("kind", kind.id());
        header.put("source", source.replaceAll("[\\r\\n]", "_"));
        header.put("records", Integer.toString(records));
        header.put("created", Instant.now().toString());
        header.put("body-length", Integer.toString(body.length));
        header.put("body-sha256", RequestSignature.sha256Hex(body));
        header.put("content-sha256", RequestSignature.sha256Hex(content));
        if (replaces != null) {
            header.put("replaces", replaces);
            if (school) {
                header.put("replaces-scope", "school");
            }
        }
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        header.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        text.append('\n');
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + body.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(body, 0, file, head.length, body.length);
        // The name orders batches by creation (a stamp that never repeats, so ids need not sort); the id keeps it unique.
        long stamp = LAST_STAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        Path target = dir.resolve(String.format("%013d-%s.batch", stamp, id));
        DurableFiles.write(target, file);
        return read(target);
    }

    /** Lists the batches in order, checking each; damaged files go to the quarantine. Leftover temporary files of
     * an interrupted write are removed: their batch was never made, and will be made again from the export. */
    public Contents list() throws IOException {
        List<OutboxBatch> batches = new ArrayList<>();
        List<Quarantined> moved = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Contents(batches, moved);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                } else if (p.getFileName().toString().endsWith(".batch")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        for (Path file : files) {
            try {
                batches.add(read(file));
            } catch (Damaged e) {
                moved.add(quarantine(file, e.getMessage()));
            }
        }
        return new Contents(batches, moved);
    }

    /**
     * The newest waiting batch of the feed when its content is exactly {@code content}: the export was made into a
     * batch and the agent stopped before it recorded the export as taken. Sending the same content again right
     * after it changes nothing, so the waiting batch stands for it.
     */
    public java.util.Optional<OutboxBatch> newestWithContent(Feed kind, byte[] content) throws IOException {
        List<OutboxBatch> ofFeed = list().batches().stream().filter(b -> b.kind() == kind).toList();
        if (ofFeed.isEmpty()) {
            return java.util.Optional.empty();
        }
        OutboxBatch newest = ofFeed.getLast();
        return RequestSignature.sha256Hex(content).equals(newest.contentSha256())
                ? java.util.Optional.of(newest) : java.util.Optional.empty();
    }

    /** The hub has the batch: it leaves the outbox. */
    public void acknowledged(OutboxBatch batch) throws IOException {
        Files.deleteIfExists(batch.file());
        DurableFiles.syncDirectory(dir);
    }

    /** Moves a file aside with a note of why, so that it is kept for IT support but never sent. */
    public Quarantined quarantine(Path file, String why) throws IOException {
        Files.createDirectories(quarantine);
        Path target = quarantine.resolve(file.getFileName());
        DurableFiles.move(file, target);
        DurableFiles.write(quarantine.resolve(file.getFileName() + ".why.txt"),
                (why + "\n").getBytes(StandardCharsets.UTF_8));
        DurableFiles.syncDirectory(dir);
        return new Quarantined(target, why);
    }

    public int quarantinedCount() throws IOException {
        if (!Files.isDirectory(quarantine)) {
            return 0;
        }
        try (var s = Files.list(quarantine)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".batch")).count();
        }
    }

    /** A batch file that fails its checks. */
    static final class Damaged extends IOException {
        Damaged(Path file, String what) {
            super(file.getFileName() + " is damaged: " + what);
        }
    }

    static OutboxBatch read(Path file) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        long offset;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(MAX_HEADER);
            String text = new String(start, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\n\n");
            if (!text.startsWith(MAGIC + "\n") || end < 0) {
                throw new Damaged(file, "it does not start with a batch header");
            }
            offset = end + 2;
            for (String line : text.substring(MAGIC.length() + 1, end).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    throw new Damaged(file, "its header line '" + line + "' is not 'name: value'");
                }
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        String id = header.get("id");
        Feed kind = Feed.parse(String.valueOf(header.get("kind"))).orElse(null);
        long length;
        int records;
        Instant created;
        try {
            length = Long.parseLong(header.get("body-length"));
            records = Integer.parseInt(header.get("records"));
            created = Instant.parse(header.get("created"));
        } catch (RuntimeException e) {
            throw new Damaged(file, "its header has a missing or unreadable field");
        }
        String sha = header.get("body-sha256");
        if (id == null || kind == null || sha == null) {
            throw new Damaged(file, "its header lacks the batch id, kind or checksum");
        }
        long actualLength = Files.size(file) - offset;
        if (actualLength != length) {
            throw new Damaged(file, "its body is " + actualLength + " bytes where the header says " + length);
        }
        MessageDigest digest = RequestSignature.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.skipNBytes(offset);
            digest.reset();
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha)) {
            throw new Damaged(file, "its checksum does not match (the file was changed or partly overwritten)");
        }
        return new OutboxBatch(file, id, kind, header.get("source"), records, created, offset, length, sha,
                header.get("content-sha256"), header.get("replaces"), "school".equals(header.get("replaces-scope")));
    }
}
