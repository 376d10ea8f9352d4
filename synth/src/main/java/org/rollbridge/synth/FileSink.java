package org.rollbridge.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A buffered file output stream without locking. The JDK's XML writer hands its output over a byte at a time, and
 * {@link java.io.BufferedOutputStream} takes a lock for each; one school's file is only ever written by one thread.
 */
final class FileSink extends OutputStream {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    FileSink(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    @Override
    public void write(int b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        out.close();
    }
}
