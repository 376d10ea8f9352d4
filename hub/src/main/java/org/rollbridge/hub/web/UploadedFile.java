package org.rollbridge.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollbridge.hub.Refusal;

/**
 * One file from a page's upload form (multipart/form-data). The hub turns Spring's multipart handling off, so that
 * batches stream to disk unparsed; the few small files people upload from a page are read here, whole and bounded.
 */
record UploadedFile(String name, byte[] bytes) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** The form's file field {@code field}; empty when the form has none or it was left empty. */
    static Optional<UploadedFile> from(HttpServletRequest request, String field, int maxBytes) throws IOException {
        String type = request.getContentType();
        Matcher boundary = type == null ? null : BOUNDARY.matcher(type);
        if (boundary == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new Refusal.Invalid("The file is larger than " + maxBytes / 1_048_576 + " MB: upload the CSV alone,"
                    + " without other sheets or attachments");
        }
        byte[] delimiter = ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        // The first delimiter has no line break before it.
        int at = indexOf(body, Arrays.copyOfRange(delimiter, 2, delimiter.length), 0);
        while (at >= 0) {
            int headersFrom = at + delimiter.length - 2 + 2;
            int headersTo = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersFrom);
            if (headersTo < 0) {
                return Optional.empty();
            }
            int next = indexOf(body, delimiter, headersTo + 4);
            if (next < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersFrom, headersTo - headersFrom, StandardCharsets.UTF_8);
            Matcher name = FILE_NAME.matcher(headers);
            if (headers.contains("name=\"" + field + "\"") && name.find()) {
                byte[] file = Arrays.copyOfRange(body, headersTo + 4, next);
                return file.length == 0 ? Optional.empty() : Optional.of(new UploadedFile(name.group(1), file));
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
