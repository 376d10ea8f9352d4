package org.rollbridge.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to characters and fails on bytes that are not valid in the charset, where
 * {@link java.io.InputStreamReader} would quietly put U+FFFD in their place and a school's Latin-1 file would reach
 * the LA with its accented names turned into question marks. It first hands over every character decoded before
 * the bad bytes, so a reader stops at the line where they are; the failure ({@link InvalidBytes}) names that line
 * and the bad bytes' offset in the file.
 */
public final class StrictDecoder extends Reader {

    /** Bytes that are not valid text in the file's encoding: where they are, for the school to find them. */
    public static final class InvalidBytes extends CharacterCodingException {
        private final transient Charset charset;
        private final long line;
        private final long byteOffset;
        private final int length;

        InvalidBytes(Charset charset, long line, long byteOffset, int length) {
            this.charset = charset;
            this.line = line;
            this.byteOffset = byteOffset;
            this.length = length;
        }

        /** The 1-based line the bad bytes are on. */
        public long line() {
            return line;
        }

        /** The 0-based offset in the file of the first bad byte (after any byte-order mark the caller skipped). */
        public long byteOffset() {
            return byteOffset;
        }

        @Override
        public String getMessage() {
            return "line " + line + ", byte " + byteOffset + ": " + length + " byte(s) that are not valid "
                    + charset.name() + " text";
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean endOfBytes;
    private boolean flushed;
    private InvalidBytes pending;
    /** Bytes decoded so far (the file offset of the next byte to decode) and line breaks among them. */
    private long decodedBytes;
    private long lineBreaks;

    /** @param skipped bytes the caller already read past (a byte-order mark), so offsets are the file's */
    public StrictDecoder(InputStream in, Charset charset, long skipped) {
        this.in = in;
        this.charset = charset;
        this.decodedBytes = skipped;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes more characters; false at the end of the input. Throws once the good characters are used up. */
    private boolean fill() throws IOException {
        if (pending != null) {
            throw pending;
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (flushed) {
                    return false;
                }
                int bytesBefore = bytes.position();
                int charsBefore = chars.position();
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                count(bytesBefore, charsBefore);
                if (result.isError()) {
                    InvalidBytes e = new InvalidBytes(charset, lineBreaks + 1, decodedBytes, result.length());
                    if (chars.position() == 0) {
                        throw e;
                    }
                    pending = e;
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfBytes) {
                    decoder.flush(chars);
                    flushed = true;
                    break;
                }
                if (chars.position() > 0) {
                    break; // hand over what is decoded rather than block for more
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfBytes = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining() || !flushed;
    }

    /** Keeps the position of the next byte and the line it is on, from what the last decode step consumed. */
    private void count(int bytesBefore, int charsBefore) {
        decodedBytes += bytes.position() - bytesBefore;
        char[] decoded = chars.array();
        for (int i = charsBefore; i < chars.position(); i++) {
            if (decoded[i] == '\n') {
                lineBreaks++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
