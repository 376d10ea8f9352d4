package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 column, truncated to 6 digits as authenticator apps use. */
    @Test
    void matchesTheRfc6238TestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, 59 / 30, 8, "HmacSHA1")).isEqualTo("94287082");
        assertThat(Totp.code(key, 1111111109L / 30, 8, "HmacSHA1")).isEqualTo("07081804");
        assertThat(Totp.code(key, 1234567890L / 30, 8, "HmacSHA1")).isEqualTo("89005924");
        assertThat(Totp.code(key, 20000000000L / 30, 8, "HmacSHA1")).isEqualTo("65353130");
        String secret = Totp.base32(key);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109L))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftAndNothingElse() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;

        assertThat(Totp.matchingStep(secret, Totp.code(secret, now), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(90)), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
    }

    @SeededCases
    void base32RoundTrips(Seed seed) {
        byte[] bytes = seed.bytes(0, 255);
        assertThat(Totp.decodeBase32(Totp.base32(bytes))).isEqualTo(bytes);
    }

    @Test
    void theUriCarriesIssuerAccountAndSecret() {
        assertThat(Totp.uri("Rollbridge 926", "pat", "ABC")).isEqualTo(
                "otpauth://totp/Rollbridge%20926:pat?secret=ABC&issuer=Rollbridge%20926&algorithm=SHA1&digits=6&period=30");
    }
}
