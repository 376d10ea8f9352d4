package org.rollbridge.hub.access;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.rollbridge.core.signing.RequestSignature;

/**
 * A request whose body is hashed as it streams and compared with its signed digest the moment the last declared
 * byte arrives: a body that differs fails that read, so the upload is discarded before it is recorded.
 */
final class DigestCheckedRequest extends HttpServletRequestWrapper {

    private final String expected;
    private ServletInputStream stream;

    DigestCheckedRequest(HttpServletRequest request, String expectedSha256) {
        super(request);
        this.expected = expectedSha256.toLowerCase(java.util.Locale.ROOT);
    }

    /** The body is not the one that was signed. */
    public static final class BodyDigestMismatch extends IOException {
        BodyDigestMismatch() {
            super("The request body does not match its signed " + RequestSignature.CONTENT_SHA256_HEADER
                    + "; it was changed or cut short on its way. Send it again");
        }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Checked(super.getInputStream(), getContentLengthLong());
        }
        return stream;
    }

    private final class Checked extends ServletInputStream {
        private final ServletInputStream in;
        private final long length;
        private final MessageDigest digest = RequestSignature.sha256();
        private long read;
        private Boolean matched;

        Checked(ServletInputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (Boolean.FALSE.equals(matched)) {
                throw new BodyDigestMismatch();
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                read += n;
            }
            if (matched == null && (n == -1 || read >= length)) {
                matched = HexFormat.of().formatHex(digest.digest()).equals(expected) && read == length;
                if (!matched) {
                    throw new BodyDigestMismatch();
                }
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
