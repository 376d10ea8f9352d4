package org.rollbridge.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/**
 * A batch waiting in the outbox: its id (assigned once, when it was made, so every redelivery is the same batch
 * to the hub), its feed, where it came from, how many records, its gzip body with length and checksum, and the
 * SHA-256 of the content before compression (null in files made before it was recorded), and the span of days
 * whose records it replaces at the hub ("from..to", a reconciliation's resend; null for a batch that only adds and
 * changes), and whether it replaces them for every pupil of the school ({@code replacesSchool}: the school's whole
 * attendance export over the span) or only for the pupils it carries.
 */
public record OutboxBatch(Path file, String id, Feed kind, String source, int records, Instant created,
                          long bodyOffset, long bodyLength, String bodySha256, String contentSha256,
                          String replaces, boolean replacesSchool) {

    /** The body as sent: gzip. */
    public InputStream openBody() throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bodyOffset);
        return new java.io.BufferedInputStream(in, 64 * 1024) {
            long left = bodyLength;

            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public synchronized int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }
        };
    }

    /** The content as the MIS wrote it (or the delta of it). */
    public InputStream openContent() throws IOException {
        return new GZIPInputStream(openBody(), 64 * 1024);
    }
}
