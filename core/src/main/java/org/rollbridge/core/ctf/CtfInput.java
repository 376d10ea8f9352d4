package org.rollbridge.core.ctf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollbridge.core.text.StrictDecoder;

/**
 * Works out a file's encoding before the XML parser sees it: a byte-order mark wins (UTF-8, UTF-16 BE/LE);
 * without one, UTF-16 is recognised from its zero bytes and must not be declared as anything else, and an
 * 8-bit file is read in the encoding its declaration names (UTF-8 when none). Bytes that are not valid in the
 * chosen encoding fail the read instead of becoming replacement characters.
 */
final class CtfInput {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final int PEEK = 1024;

    /** Raised before parsing when the bytes and the declared encoding disagree. */
    static final class EncodingProblem extends Exception {
        EncodingProblem(String message) {
            super(message);
        }
    }

    private CtfInput() {
    }

    static InputGuard open(InputStream raw) throws IOException, EncodingProblem {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        Charset charset;
        int bom = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (b0 == 0) != (b1 == 0)) {
            charset = b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            String declared = declaredEncoding(new String(head, 0, head.length & ~1, charset));
            if (declared != null && !declared.toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
                throw new EncodingProblem("the file's bytes are UTF-16 (without a byte-order mark) but it declares "
                        + "encoding \"" + declared + "\"");
            }
        } else {
            String declared = declaredEncoding(new String(head, StandardCharsets.ISO_8859_1));
            charset = declared == null ? StandardCharsets.UTF_8 : charsetFor(declared);
        }
        in.skipNBytes(bom);
        return new InputGuard(new StrictDecoder(in, charset, bom));
    }

    private static Charset charsetFor(String declared) throws EncodingProblem {
        if (declared.toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
            throw new EncodingProblem("the file declares encoding \"" + declared + "\" but has no byte-order mark "
                    + "and its bytes are not UTF-16");
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            throw new EncodingProblem("the file declares encoding \"" + declared + "\", which is not one Rollbridge knows");
        }
    }

    private static String declaredEncoding(String head) {
        Matcher m = ENCODING.matcher(head.stripLeading());
        return m.find() ? m.group(1) : null;
    }
}
