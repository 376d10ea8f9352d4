package org.rollbridge.core.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a file is: a Common Transfer File, an attendance CSV or an exclusions CSV. */
public enum FileKind {
    CTF, ATTENDANCE, EXCLUSIONS;

    private static final int SNIFF_BYTES = 4096;

    /** The name in reports: {@code ctf}, {@code attendance}, {@code exclusions}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decides by content: XML (after an optional byte-order mark and whitespace, or UTF-16) is read as a CTF, and
     * the CTF reader decides whether its root really is {@code CTfile}; a CSV by its header row (attendance has
     * {@code session} and {@code code}, exclusions {@code category} or {@code reason}), else by its file name.
     * Empty when it is neither.
     */
    public static Optional<FileKind> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (looksLikeXml(head)) {
            return Optional.of(CTF);
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String firstLine;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            firstLine = lines.readLine();
        }
        if (firstLine == null) {
            return byName(file);
        }
        Set<String> columns = Arrays.stream(firstLine.split(","))
                .map(c -> c.replace("\"", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_"))
                .collect(Collectors.toSet());
        if (columns.contains("session") && columns.contains("code")) {
            return Optional.of(ATTENDANCE);
        }
        if (columns.contains("category") || columns.contains("reason") || columns.contains("start_date")) {
            return Optional.of(EXCLUSIONS);
        }
        return columns.size() > 1 || columns.contains("upn") ? byName(file) : Optional.empty();
    }

    private static Optional<FileKind> byName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) {
            return Optional.empty();
        }
        if (name.contains("attendance")) {
            return Optional.of(ATTENDANCE);
        }
        if (name.contains("exclusion")) {
            return Optional.of(EXCLUSIONS);
        }
        return Optional.empty();
    }

    private static boolean looksLikeXml(byte[] head) {
        int i = 0;
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true; // UTF-16: only XML is sent that way here; the reader judges it
        }
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }
}
