package org.rollbridge.hub.ingest;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Uploads at rest: AES-256-GCM in segments of 64 KiB, so that a file of any size is written and read as a stream
 * and every segment is authenticated before its bytes are used. The file starts with a header naming the key it
 * was written with ({@link UploadKeys}), so older keys still open older files after a rotation:
 *
 * <pre>
 * "RBU1"  key id length (1 byte)  key id (ASCII)  nonce prefix (8 random bytes)
 * then segments: length (4 bytes; the top bit marks the last)  ciphertext with its 16-byte tag
 * </pre>
 *
 * A segment's nonce is the prefix and its number; its additional data is the header and whether it is the last,
 * so segments cannot be reordered, dropped, cut short or moved into another file unnoticed.
 */
final class UploadCipher {

    static final byte[] MAGIC = "RBU1".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENT = 64 * 1024;
    private static final int TAG_BITS = 128;
    private static final int LAST = 0x8000_0000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadCipher() {
    }

    /** The file cannot be read: damaged, cut short, or written under a key the hub no longer has. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Encrypts what is written to it into {@code out} under the ring's current key; close to finish the file. */
    static OutputStream encrypting(OutputStream out, UploadKeys keys) throws IOException {
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        byte[] header = header(keys.currentId(), prefix);
        out.write(header);
        return new Encrypting(out, new Segments(keys.current(), header, prefix));
    }

    /** Decrypts a file written by {@link #encrypting}, with whichever key of the ring its header names. */
    static InputStream decrypting(InputStream in, UploadKeys keys) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Unreadable("the stored upload is not an encrypted upload");
            }
            byte[] id = new byte[data.readUnsignedByte()];
            data.readFully(id);
            byte[] prefix = new byte[8];
            data.readFully(prefix);
            String keyId = new String(id, StandardCharsets.US_ASCII);
            byte[] key = keys.find(keyId).orElseThrow(() -> new Unreadable("the stored upload was encrypted with "
                    + "key '" + keyId + "', which is not in the hub's key ring; add it to ROLLBRIDGE_UPLOAD_KEYS "
                    + "(or its file) to read it"));
            return new Decrypting(data, new Segments(key, header(keyId, prefix), prefix));
        } catch (EOFException e) {
            throw new Unreadable("the stored upload is cut short");
        }
    }

    private static byte[] header(String keyId, byte[] prefix) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC.length + 1 + id.length + prefix.length).put(MAGIC).put((byte) id.length)
                .put(id).put(prefix).array();
    }

    /** The cipher of one file's segments, numbered from 0. */
    private static final class Segments {
        private final SecretKeySpec key;
        private final byte[] header;
        private final byte[] prefix;
        private int next;

        Segments(byte[] key, byte[] header, byte[] prefix) {
            this.key = new SecretKeySpec(key, "AES");
            this.header = header;
            this.prefix = prefix;
        }

        byte[] apply(int mode, byte[] bytes, int length, boolean last) throws IOException {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(next++).array();
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(header);
                cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
                return cipher.doFinal(bytes, 0, length);
            } catch (AEADBadTagException e) {
                throw new Unreadable("the stored upload could not be decrypted: it was changed, or the key is wrong");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
    }

    private static final class Encrypting extends FilterOutputStream {
        private final Segments segments;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private boolean closed;

        Encrypting(OutputStream out, Segments segments) {
            super(out);
            this.segments = segments;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == SEGMENT) {
                    // A full segment is the last only if nothing follows it: written once more arrives.
                    segment(false);
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void segment(boolean last) throws IOException {
            byte[] sealed = segments.apply(Cipher.ENCRYPT_MODE, buffer, filled, last);
            out.write(ByteBuffer.allocate(4).putInt(sealed.length | (last ? LAST : 0)).array());
            out.write(sealed);
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                segment(true);
                out.close();
            }
        }
    }

    private static final class Decrypting extends InputStream {
        private final DataInputStream in;
        private final Segments segments;
        private byte[] plain = new byte[0];
        private int at;
        private boolean ended;

        Decrypting(DataInputStream in, Segments segments) {
            this.in = in;
            this.segments = segments;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (at == plain.length) {
                if (ended) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(len, plain.length - at);
            System.arraycopy(plain, at, b, off, n);
            at += n;
            return n;
        }

        private void nextSegment() throws IOException {
            try {
                int word = in.readInt();
                boolean last = (word & LAST) != 0;
                int length = word & ~LAST;
                if (length < 16 || length > SEGMENT + 16) {
                    throw new Unreadable("the stored upload is damaged (a segment of " + length + " bytes)");
                }
                byte[] sealed = new byte[length];
                in.readFully(sealed);
                plain = segments.apply(Cipher.DECRYPT_MODE, sealed, length, last);
                at = 0;
                ended = last;
                if (last && in.read() != -1) {
                    throw new Unreadable("the stored upload has bytes after its last segment");
                }
            } catch (EOFException e) {
                throw new Unreadable("the stored upload is cut short");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
