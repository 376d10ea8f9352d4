package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The upload store's encryption: streams of any length, keys rotated, and nothing readable once changed. */
class UploadCipherTest {

    private static String key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    private static final UploadKeys OLD = UploadKeys.parse("old:" + key(1), "test");
    private static final UploadKeys ROTATED = UploadKeys.parse("new:" + key(2) + "\nold:" + key(1), "test");

    private static byte[] plain() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 200_000; i++) {
            b.append("9262001,B801200005001,2025-09-08,AM,/,row ").append(i).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(byte[] plain, UploadKeys keys) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = UploadCipher.encrypting(out, keys)) {
            enc.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed, UploadKeys keys) throws Exception {
        return UploadCipher.decrypting(new ByteArrayInputStream(sealed), keys).readAllBytes();
    }

    @Test
    void aFileWrittenUnderTheOldKeyIsReadAfterRotationAndNewFilesUseTheNewKey() throws Exception {
        byte[] plain = plain();
        byte[] before = encrypt(plain, OLD);
        byte[] after = encrypt(plain, ROTATED);

        assertThat(decrypt(before, ROTATED)).isEqualTo(plain);
        assertThat(decrypt(after, ROTATED)).isEqualTo(plain);
        assertThat(new String(before, StandardCharsets.ISO_8859_1)).doesNotContain("B801200005001");
        assertThatThrownBy(() -> decrypt(after, OLD)).isInstanceOf(UploadCipher.Unreadable.class)
                .hasMessageContaining("key 'new'");
        assertThat(decrypt(encrypt(new byte[0], OLD), OLD)).isEmpty();
    }

    @Test
    void aFileCutShortChangedOrMissingASegmentDoesNotDecrypt() throws Exception {
        byte[] sealed = encrypt(plain(), OLD);
        byte[] flipped = sealed.clone();
        flipped[sealed.length / 2] ^= 1;
        int header = UploadCipher.MAGIC.length + 1 + "old".length() + 8;
        int segment = 4 + 64 * 1024 + 16;
        byte[] missingSecond = new byte[sealed.length - segment];
        System.arraycopy(sealed, 0, missingSecond, 0, header + segment);
        System.arraycopy(sealed, header + 2 * segment, missingSecond, header + segment,
                sealed.length - header - 2 * segment);

        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, sealed.length - 10), OLD))
                .isInstanceOf(UploadCipher.Unreadable.class);
        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, header + segment), OLD))
                .isInstanceOf(UploadCipher.Unreadable.class);
        assertThatThrownBy(() -> decrypt(flipped, OLD)).isInstanceOf(UploadCipher.Unreadable.class);
        assertThatThrownBy(() -> decrypt(missingSecond, OLD)).isInstanceOf(UploadCipher.Unreadable.class);
    }

    @Test
    void aKeyRingThatIsNotIdColonKeyIsRefusedSayingWhere() {
        assertThatThrownBy(() -> UploadKeys.parse("k1:" + key(1) + ",k2:short", "ROLLBRIDGE_UPLOAD_KEYS"))
                .hasMessageStartingWith("ROLLBRIDGE_UPLOAD_KEYS: entry 2 is not 'id:key'");
        assertThatThrownBy(() -> UploadKeys.parse("k1:" + key(1) + ",k1:" + key(2), "ROLLBRIDGE_UPLOAD_KEYS"))
                .hasMessageContaining("given twice");
    }
}
