package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.hub.UploadSettings;

/**
 * The keys uploads are encrypted with at rest ({@link UploadCipher}): a ring of {@code id:key} entries (the key 32
 * bytes, base64), from ROLLBRIDGE_UPLOAD_KEYS or the file ROLLBRIDGE_UPLOAD_KEYS_FILE, one entry a line or comma.
 * The first entry encrypts new uploads; the others only open older ones, so a key is rotated by putting a new entry
 * first and dropping the old one once no kept upload names it (docs/configuration.md). The hub never makes a key
 * itself: one kept in the data directory would travel with every copy of the files it protects.
 */
public final class UploadKeys {

    private final Map<String, byte[]> ring;
    private final String current;

    private UploadKeys(Map<String, byte[]> ring) {
        this.ring = ring;
        this.current = ring.keySet().iterator().next();
    }

    /** The ring as configured: from the variable, or else the file (UploadSettings requires one of the two). */
    static UploadKeys configured(UploadSettings settings) {
        if (settings.keys() != null && !settings.keys().isBlank()) {
            return parse(settings.keys(), "ROLLBRIDGE_UPLOAD_KEYS");
        }
        try {
            return parse(Files.readString(settings.keysFile()), "ROLLBRIDGE_UPLOAD_KEYS_FILE");
        } catch (IOException e) {
            throw new UncheckedIOException("ROLLBRIDGE_UPLOAD_KEYS_FILE could not be read: " + e, e);
        }
    }

    /**
     * A new ring of one random key ({@code id:base64key}), for a hub that makes its own: the demo's, kept owner-only
     * beside its database, and each test hub's.
     */
    public static String newRing() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "k1:" + Base64.getEncoder().encodeToString(key) + "\n";
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
