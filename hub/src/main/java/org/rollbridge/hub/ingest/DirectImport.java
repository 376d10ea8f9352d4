package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.rollbridge.hub.jobs.Workers;
import org.springframework.stereotype.Service;

/**
 * {@code ./rollbridge import}: files an LA received by other means go through the same intake and pipeline as
 * uploads. The batch id is the content's SHA-256, so importing the same file twice imports it once.
 */
@Service
public class DirectImport {

    private static final Pattern LAESTAB = Pattern.compile("(?<!\\d)(\\d{7})(?!\\d)");
    private final BatchIntake intake;
    private final BatchStore batches;
    private final Workers workers;

    public DirectImport(BatchIntake intake, BatchStore batches, Workers workers) {
        this.intake = intake;
        this.batches = batches;
        this.workers = workers;
    }

    /** Queues one file; the school comes from {@code school}, else from the file's path or its first record. */
    public Batch queue(Path file, Optional<String> school) throws IOException {
        BatchKind kind = BatchKind.fromFileName(file.getFileName().toString()).orElseThrow(() ->
                new IllegalArgumentException(file + ": cannot tell which feed this is; name a CTF *.xml, an "
                        + "attendance CSV *attendance*.csv and an exclusions CSV *exclusion*.csv"));
        String laestab = school.or(() -> schoolFromPath(file)).orElseThrow(() -> new IllegalArgumentException(
                file + ": cannot tell which school sent this file; give --school LAESTAB"));
        String sha = sha256(file);
        try (InputStream in = open(file)) {
            return intake.receive(laestab, "import:" + sha, kind, "import", file.getFileName().toString(), in).batch();
        }
    }

    /** Processes everything queued, in this thread, and returns the batch as it ended. */
    public Batch process(Batch batch) throws Exception {
        workers.drain();
        return batches.find(batch.id()).orElseThrow();
    }

    static Optional<String> schoolFromPath(Path file) {
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null) {
                Matcher m = LAESTAB.matcher(p.getFileName().toString());
                if (m.matches()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        Matcher m = LAESTAB.matcher(file.getFileName().toString());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = UploadStore.sha256();
        try (InputStream in = new DigestInputStream(open(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
