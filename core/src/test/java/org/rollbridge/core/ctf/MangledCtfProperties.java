package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

/**
 * A real CTF damaged the ways files are damaged in transfer, by hand or on purpose (cut short, bytes changed,
 * markup inserted, another encoding, a DTD, an external entity) is either read or refused with a
 * {@link CtfReadException} that names the file: the reader never fails any other way, and never resolves an entity.
 */
@Timeout(60)
class MangledCtfProperties {

    private static final String[] INSERTS = {"<", "</Pupil>", "<Pupil>", "&", "&amp;", "&#0;", "&#x1;", "]]>",
        "<![CDATA[", "<!DOCTYPE CTfile [<!ENTITY x \"y\">]>", "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;",
        "\u0000", "\uFEFF", "\"", "'", "<?xml version=\"1.0\"?>", "<UPN>", "</CTfile>", "é", "\uD83D\uDE00"};

    @SeededCases(300)
    void aMangledFileIsReadOrRefusedWithItsLine(Seed seed) throws Exception {
        byte[] file = mangle(HostileCtfTest.sample(), seed);

        Throwable thrown = catchThrowable(() -> CtfReader.read(new ByteArrayInputStream(file), "school.xml",
                (pupil, where) -> assertThat(where.index()).isPositive()));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(CtfReadException.class);
            assertThat(thrown.getMessage()).startsWith("school.xml: ").doesNotContain("passwd:").doesNotContain("root:");
        }
    }

    /** One to three damages of the kinds files really suffer. */
    static byte[] mangle(byte[] original, Seed seed) {
        byte[] bytes = original;
        for (int n = seed.between(1, 3); n > 0; n--) {
            int at = seed.between(0, bytes.length);
            bytes = switch (seed.between(0, 4)) {
                case 0 -> java.util.Arrays.copyOf(bytes, at);
                case 1 -> {
                    byte[] changed = bytes.clone();
                    if (at < changed.length) {
                        changed[at] = (byte) seed.between(0, 255);
                    }
                    yield changed;
                }
                case 2 -> splice(bytes, at, seed.pick(INSERTS).getBytes(StandardCharsets.UTF_8));
                case 3 -> new String(bytes, StandardCharsets.UTF_8).replace("Amara", "Amára")
                        .getBytes(StandardCharsets.ISO_8859_1);
                default -> splice(bytes, at, seed.bytes(1, 8));
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
