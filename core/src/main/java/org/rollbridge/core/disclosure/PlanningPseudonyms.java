package org.rollbridge.core.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonyms of one planning purpose: a pupil's pseudonym is HMAC-SHA256 of their person id under a key of the
 * purpose's own, itself HMAC-SHA256 of the purpose's name under the LA's master key. The same pupil has the same
 * pseudonym in every export for one purpose (a project can follow its cohort from term to term) and unrelated ones
 * under two purposes, so two projects' files cannot be joined; without the master key nobody can recompute them,
 * so a pseudonym cannot be tried against a list of person ids.
 */
public final class PlanningPseudonyms {

    private static final String HMAC = "HmacSHA256";
    /** 128 bits: collisions among an LA's pupils are out of reach, and the file stays readable. */
    private static final int LENGTH_BYTES = 16;

    private final Mac mac;

    private PlanningPseudonyms(byte[] purposeKey) {
        this.mac = hmac(purposeKey);
    }

    /** The pseudonyms of {@code purpose} under the master key. */
    public static PlanningPseudonyms forPurpose(byte[] masterKey, String purpose) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the master key must be at least 32 bytes; it was " + masterKey.length);
        }
        Mac derive = hmac(masterKey);
        return new PlanningPseudonyms(derive.doFinal(("rollbridge planning purpose\u0000" + purpose)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The pupil's pseudonym: 32 hexadecimal digits. */
    public synchronized String of(long personId) {
        byte[] digest = mac.doFinal(("person\u0000" + personId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH_BYTES);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
