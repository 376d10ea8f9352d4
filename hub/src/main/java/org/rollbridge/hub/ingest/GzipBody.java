package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip body read as exactly one gzip stream: its header, its deflated data, its trailer (CRC-32 and length
 * checked), and then the end of the body. The JDK's reader stops at the end of what it can read as gzip and ignores
 * what follows, so a body could carry bytes nobody read (and, signed, whose digest was never checked); here a second
 * member or anything else after the first is refused ({@link TrailingBytes}), and the body is always read to its end.
 * It also refuses, as it inflates, a body that grows more than {@code maxRatio} times the compressed bytes read so
 * far ({@link TooCompressed}): a small gzip bomb stops within its first compressed block, not after filling the disk.
 */
public final class GzipBody extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    /** Inflated bytes allowed beyond the ratio, so that a tiny but legitimate body is not refused. */
    private static final long SLACK = 64 * 1024;
    private final InputStream in;
    private final long maxRatio;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    /** Bytes of {@link #buffer} last given to the inflater. */
    private int filled;
    private long compressed;
    private long inflated;
    private boolean ended;

    /** The body inflates more than the hub allows. */
    public static final class TooCompressed extends IOException {
        TooCompressed(long ratio) {
            super("The gzip body inflates to more than " + ratio + " times its compressed size, which the hub does "
                    + "not accept (ROLLBRIDGE_MAX_COMPRESSION_RATIO); send the file uncompressed or in smaller batches");
        }
    }

    /** Bytes follow the gzip stream. */
    public static final class TrailingBytes extends ZipException {
        TrailingBytes() {
            super("bytes follow the end of the gzip stream (a second gzip member or other data); send the file as "
                    + "one gzip stream and nothing after it");
        }
    }

    public GzipBody(InputStream in, long maxRatio) throws IOException {
        this.in = in;
        this.maxRatio = maxRatio;
        header();
    }

    private int next() throws IOException {
        int b = in.read();
        if (b == -1) {
            throw new ZipException("the gzip stream ends before its header does");
        }
        compressed++;
        return b;
    }

    private void header() throws IOException {
        if (in.read() != 0x1f || in.read() != 0x8b) {
            throw new ZipException("Not in GZIP format");
        }
        compressed += 2;
        if (next() != 8) {
            throw new ZipException("the gzip stream is not deflated");
        }
        int flags = next();
        for (int i = 0; i < 6; i++) {
            next(); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int length = next() | next() << 8;
            for (int i = 0; i < length; i++) {
                next();
            }
        }
        if ((flags & FNAME) != 0) {
            while (next() != 0) {
                // the original file name, not used
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (next() != 0) {
                // a comment, not used
            }
        }
        if ((flags & FHCRC) != 0) {
            next();
            next();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    inflated += n;
                    if (inflated > maxRatio * compressed + SLACK) {
                        throw new TooCompressed(maxRatio);
                    }
                    return n;
                }
                if (inflater.finished()) {
                    trailer();
                    ended = true;
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new ZipException("the gzip stream needs a preset dictionary, which gzip never has");
                }
                if (inflater.needsInput()) {
                    int read = in.read(buffer);
                    if (read == -1) {
                        throw new ZipException("the gzip stream is cut short");
                    }
                    compressed += read;
                    filled = read;
                    inflater.setInput(buffer, 0, read);
                }
            }
        } catch (DataFormatException e) {
            throw new ZipException("the deflated data is damaged (" + e.getMessage() + ")");
        }
    }

    /** The trailer after the deflated data (partly still in the buffer), then nothing but the body's end. */
    private void trailer() throws IOException {
        int left = inflater.getRemaining();
        int start = filled - left;
        long[] trailer = new long[8];
        for (int i = 0; i < 8; i++) {
            if (left > 0) {
                trailer[i] = buffer[start++] & 0xff;
                left--;
            } else {
                int b = in.read();
                if (b == -1) {
                    throw new ZipException("the gzip stream ends before its trailer does");
                }
                trailer[i] = b;
            }
        }
        long sum = trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24;
        long size = trailer[4] | trailer[5] << 8 | trailer[6] << 16 | trailer[7] << 24;
        if (sum != crc.getValue() || size != (inflated & 0xffff_ffffL)) {
            throw new ZipException("the gzip stream's checksum or length does not match its data");
        }
        // Read to the body's end even when nothing is left, so that a signed body's digest is checked.
        if (left > 0 || in.read() != -1) {
            throw new TrailingBytes();
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
