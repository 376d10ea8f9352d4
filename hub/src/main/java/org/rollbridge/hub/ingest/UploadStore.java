package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.core.ctf.ContactFilter;
import org.rollbridge.core.text.FileSource;
import org.rollbridge.hub.UploadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The durable store of uploads under ROLLBRIDGE_DATA_DIR. An upload is streamed to disk while it is hashed, never
 * held whole in memory, and synced before the batch is acknowledged. What is kept is minimal and unreadable to
 * anyone but the hub: a CTF loses the contacts the LA may not hold before it is filed (core's
 * {@link ContactFilter}, the rule the pupils' tables follow), every file is encrypted with AES-GCM
 * ({@link UploadCipher}, keys from {@link UploadKeys}) and readable by the hub's own user only (mode 600), and a
 * merged batch's file is deleted once ROLLBRIDGE_UPLOAD_KEEP_DAYS have passed ({@link UploadExpiry}).
 */
@Component
public class UploadStore {

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private final Path root;
    private final long maxBytes;
    private final UploadKeys keys;

    public UploadStore(UploadSettings settings) {
        this.root = settings.dataDir().toAbsolutePath();
        this.maxBytes = settings.maxBytes();
        this.keys = UploadKeys.configured(settings);
    }

    /** A received upload not yet filed under its batch; its hash and size are of the content as received. */
    public record Received(Path file, String sha256, long size) {
    }

    /** Thrown when an upload is larger than ROLLBRIDGE_MAX_UPLOAD_BYTES. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("The upload is larger than the hub accepts (" + max + " bytes after decompression); "
                    + "send the feed in smaller batches or ask the LA to raise ROLLBRIDGE_MAX_UPLOAD_BYTES");
        }
    }

    public Received receive(InputStream content, BatchKind kind) throws IOException {
        Path incoming = directory(root.resolve("incoming"));
        Path part = incoming.resolve(UUID.randomUUID() + ".part");
        Path minimal = kind == BatchKind.CTF ? incoming.resolve(UUID.randomUUID() + ".part") : null;
        boolean filtered = false;
        Arriving arriving;
        try (OutputStream asReceived = create(part)) {
            arriving = new Arriving(content, asReceived, maxBytes);
            if (minimal != null) {
                filtered = withoutContactsTheLaMayNotHold(arriving, minimal);
            }
            arriving.drain();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            if (minimal != null) {
                Files.deleteIfExists(minimal);
            }
            throw e;
        }
        Received received = new Received(part, HexFormat.of().formatHex(arriving.digest.digest()), arriving.size);
        if (!filtered) {
            return received;
        }
        Files.delete(part);
        return new Received(minimal, received.sha256(), received.size());
    }

    /**
     * Copies the CTF without the contacts the LA may not hold as it arrives, in the same pass that keeps it as
     * received, so the upload is read once and nothing is decrypted to be filtered. Returns false for a file that is
     * not readable XML: that file is kept as it came (the reader refuses it whole, so nothing of it reaches the LA's
     * tables, and it is deleted on the same terms). A failure of the upload itself (too large, cut off, a digest that
     * does not match) is the upload's error, not the file's, even where the XML reader saw it first.
     */
    private boolean withoutContactsTheLaMayNotHold(Arriving arriving, Path minimal) throws IOException {
        try (OutputStream out = create(minimal)) {
            ContactFilter.copy(arriving, out);
        } catch (ContactFilter.Unreadable e) {
            arriving.rethrowItsFailure();
            Files.deleteIfExists(minimal);
            log.info("A CTF that is not readable XML is kept as received until its batch is refused: {}",
                    e.getMessage());
            return false;
        }
        arriving.rethrowItsFailure();
        return true;
    }

    /**
     * The upload as it arrives: every byte read is hashed, counted against ROLLBRIDGE_MAX_UPLOAD_BYTES and written to
     * the copy kept as received. A failure reading the upload is remembered, since the XML reader wraps it.
     */
    private static final class Arriving extends InputStream {
        private final InputStream content;
        private final OutputStream asReceived;
        private final long maxBytes;
        private final MessageDigest digest = sha256();
        private long size;
        private IOException failure;

        Arriving(InputStream content, OutputStream asReceived, long maxBytes) {
            this.content = content;
            this.asReceived = asReceived;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            rethrowItsFailure();
            try {
                int n = content.read(b, off, len);
                if (n > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    digest.update(b, off, n);
                    asReceived.write(b, off, n);
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        /** Reads what the XML reader left (all of a file it refused, or what follows the document). */
        void drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) != -1) {
                // read keeps what it reads
            }
        }

        void rethrowItsFailure() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Files a received upload under its batch, synced to disk, and returns where it lies. */
    public Path file(Received received, String laestab, UUID batchId, BatchKind kind) throws IOException {
        Path dir = directory(root.resolve("batches").resolve(laestab));
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

    /** The stored upload's content, decrypted as it is read. */
    public InputStream open(Path stored) throws IOException {
        return UploadCipher.decrypting(Files.newInputStream(stored), keys);
    }

    /** The stored upload as core's readers take it. */
    public FileSource source(Path stored) {
        return () -> open(stored);
    }

    /** Whether a path lies inside the upload store, where the hub may delete it. */
    public boolean holds(Path file) {
        return file.toAbsolutePath().normalize().startsWith(root.normalize());
    }

    /** A new file only the hub's user can read, written encrypted; closing the stream seals its last segment. */
    private OutputStream create(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        return UploadCipher.encrypting(Channels.newOutputStream(FileChannel.open(file, StandardOpenOption.WRITE)),
                keys);
    }

    private static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        return dir;
    }

    /** Makes a file readable and writable by its owner only. */
    static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
