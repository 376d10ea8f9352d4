package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.rollbridge.hub.UploadSettings;
import org.springframework.stereotype.Component;

/**
 * The durable store of uploads under ROLLBRIDGE_DATA_DIR. An upload is streamed to disk while it is hashed,
 * never held whole in memory, and synced before the batch is acknowledged.
 */
@Component
public class UploadStore {

    private final Path root;
    private final long maxBytes;

    public UploadStore(UploadSettings settings) {
        this.root = settings.dataDir().toAbsolutePath();
        this.maxBytes = settings.maxBytes();
    }

    /** A received upload not yet filed under its batch. */
    public record Received(Path file, String sha256, long size) {
    }

    /** Thrown when an upload is larger than ROLLBRIDGE_MAX_UPLOAD_BYTES. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("The upload is larger than the hub accepts (" + max + " bytes after decompression); "
                    + "send the feed in smaller batches or ask the LA to raise ROLLBRIDGE_MAX_UPLOAD_BYTES");
        }
    }

    public Received receive(InputStream content) throws IOException {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path part = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.read(buffer)) != -1; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return new Received(part, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Files a received upload under its batch, synced to disk, and returns where it lies. */
    public Path file(Received received, String laestab, UUID batchId, BatchKind kind) throws IOException {
        Path dir = Files.createDirectories(root.resolve("batches").resolve(laestab));
        Path target = dir.resolve(batchId + "." + kind.id());
        try (FileChannel ch = FileChannel.open(received.file(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public void discard(Received received) throws IOException {
        Files.deleteIfExists(received.file());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
