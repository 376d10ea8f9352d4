package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.hub.UploadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys uploads are encrypted with at rest ({@link UploadCipher}): a ring of {@code id:key} entries (the key 32
 * bytes, base64), from ROLLBRIDGE_UPLOAD_KEYS or the file ROLLBRIDGE_UPLOAD_KEYS_FILE, one entry a line or comma.
 * The first entry encrypts new uploads; the others only open older ones, so a key is rotated by putting a new entry
 * first and dropping the old one once no kept upload names it (docs/configuration.md). With neither set, a key is
 * made once in the upload store's own directory (mode 600), which keeps a copy of the data directory without it
 * unreadable but not a copy of the whole disk: an LA sets its own key outside the data directory.
 */
public final class UploadKeys {

    private static final Logger log = LoggerFactory.getLogger(UploadKeys.class);
    private final Map<String, byte[]> ring;
    private final String current;

    private UploadKeys(Map<String, byte[]> ring) {
        this.ring = ring;
        this.current = ring.keySet().iterator().next();
    }

    /** The ring as configured, or the store's own key made on first start. */
    static UploadKeys configured(UploadSettings settings) {
        if (settings.keys() != null && !settings.keys().isBlank()) {
            return parse(settings.keys(), "ROLLBRIDGE_UPLOAD_KEYS");
        }
        try {
            if (settings.keysFile() != null) {
                return parse(Files.readString(settings.keysFile()), "ROLLBRIDGE_UPLOAD_KEYS_FILE");
            }
            Path own = Files.createDirectories(settings.dataDir()).resolve("upload.keys");
            if (!Files.exists(own)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(own, "k1:" + Base64.getEncoder().encodeToString(key) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                UploadStore.ownerOnly(own);
                log.warn("Uploads are encrypted with a key made in the data directory ({}); set "
                        + "ROLLBRIDGE_UPLOAD_KEYS_FILE to a key kept elsewhere", own);
            }
            return parse(Files.readString(own), own.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The upload keys could not be read: " + e.getMessage(), e);
        }
    }

    /** Parses {@code id:base64key} entries; {@code source} names where they came from in errors. */
    public static UploadKeys parse(String entries, String source) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        int n = 0;
        for (String entry : entries.split("[,\\n]")) {
            n++;
            String e = entry.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            int colon = e.indexOf(':');
            String id = colon < 0 ? "" : e.substring(0, colon).strip();
            byte[] key;
            try {
                key = colon < 0 ? new byte[0] : Base64.getDecoder().decode(e.substring(colon + 1).strip());
            } catch (IllegalArgumentException bad) {
                key = new byte[0];
            }
            if (!id.matches("[A-Za-z0-9_-]{1,32}") || key.length != 32) {
                throw new IllegalArgumentException(source + ": entry " + n + " is not 'id:key' with an id of 1 to "
                        + "32 letters, digits, '-' or '_' and a key of 32 bytes in base64 (e.g. made with "
                        + "'openssl rand -base64 32')");
            }
            if (ring.putIfAbsent(id, key) != null) {
                throw new IllegalArgumentException(source + ": key id '" + id + "' is given twice");
            }
        }
        if (ring.isEmpty()) {
            throw new IllegalArgumentException(source + " names no key; give at least one 'id:key'");
        }
        return new UploadKeys(ring);
    }

    String currentId() {
        return current;
    }

    byte[] current() {
        return ring.get(current);
    }

    Optional<byte[]> find(String id) {
        return Optional.ofNullable(ring.get(id));
    }
}
