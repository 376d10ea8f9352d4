package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** A gzip body is one gzip stream, whole and checked, and nothing after it; a bomb stops early. */
class GzipBodyTest {

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] read(byte[] body, long ratio) throws Exception {
        try (GzipBody in = new GzipBody(new ByteArrayInputStream(body), ratio)) {
            return in.readAllBytes();
        }
    }

    @Test
    void oneStreamReadsBackWhole() throws Exception {
        byte[] plain = new byte[300_000];
        new SplittableRandom(7).nextBytes(plain);
        byte[] named = gzip("a,b\n".getBytes(StandardCharsets.UTF_8));
        named[3] = 8; // FNAME: a file name follows the header
        byte[] withName = new byte[named.length + 4];
        System.arraycopy(named, 0, withName, 0, 10);
        System.arraycopy("f.c\0".getBytes(StandardCharsets.US_ASCII), 0, withName, 10, 4);
        System.arraycopy(named, 10, withName, 14, named.length - 10);

        assertThat(read(gzip(plain), 200)).isEqualTo(plain);
        assertThat(read(withName, 200)).isEqualTo("a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read(gzip(new byte[0]), 200)).isEmpty();
    }

    @Test
    void anythingAfterTheStreamADamagedStreamOrOneCutShortIsRefused() throws Exception {
        byte[] one = gzip("a,b\n".getBytes(StandardCharsets.UTF_8));
        byte[] two = gzip("c,d\n".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        byte[] badCrc = one.clone();
        badCrc[badCrc.length - 8] ^= 1;

        assertThatThrownBy(() -> read(both, 200)).isInstanceOf(GzipBody.TrailingBytes.class);
        assertThatThrownBy(() -> read(Arrays.copyOf(one, one.length + 1), 200))
                .isInstanceOf(GzipBody.TrailingBytes.class);
        assertThatThrownBy(() -> read(badCrc, 200)).isInstanceOf(ZipException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> read(Arrays.copyOf(one, one.length - 3), 200)).isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> read("plain text".getBytes(StandardCharsets.UTF_8), 200))
                .isInstanceOf(ZipException.class);
    }

    @Test
    void aBodyInflatingBeyondTheRatioStopsWithinItsFirstBlocks() throws Exception {
        byte[] bomb = gzip(new byte[64 << 20]);
        long[] inflated = {0};

        assertThatThrownBy(() -> {
            try (GzipBody in = new GzipBody(new ByteArrayInputStream(bomb), 200)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    inflated[0] += n;
                }
            }
        }).isInstanceOf(GzipBody.TooCompressed.class);
        assertThat(inflated[0]).isLessThanOrEqualTo(200L * bomb.length + 64 * 1024).isLessThan(64L << 20);
    }
}
