package org.rollbridge.hub.access;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Nonces of signed requests seen recently, in PostgreSQL so that every hub instance refuses a replay. A nonce is
 * kept until its request's timestamp could no longer be accepted, then purged ({@link RequestNonceStore}).
 */
@Component
public class RequestNonces {

    private static final int PURGE_EVERY = 256;
    private final RequestNonceStore nonces;
    private final AtomicInteger uses = new AtomicInteger();

    public RequestNonces(RequestNonceStore nonces) {
        this.nonces = nonces;
    }

    /** Records the nonce; false when it was already used with this credential. */
    public boolean firstUse(String credentialId, String nonce, Instant keepUntil) {
        if (uses.incrementAndGet() % PURGE_EVERY == 0) {
            nonces.purgeExpired();
        }
        return nonces.addFirst(credentialId, nonce, keepUntil);
    }
}
