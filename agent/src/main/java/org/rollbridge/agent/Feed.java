package org.rollbridge.agent;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The three feeds a school's MIS exports, recognised by file name as docs/formats.md asks. */
public enum Feed {
    CTF("ctf"), ATTENDANCE("attendance"), EXCLUSIONS("exclusions");

    private final String id;

    Feed(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Feed> parse(String id) {
        for (Feed f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Which feed a file in the drop folder is: any .xml is a CTF; a .csv by "attendance" or "exclusion" in its name. */
    public static Optional<Feed> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return Optional.of(CTF);
        }
        if (name.endsWith(".csv") && name.contains("attendance")) {
            return Optional.of(ATTENDANCE);
        }
        if (name.endsWith(".csv") && name.contains("exclusion")) {
            return Optional.of(EXCLUSIONS);
        }
        return Optional.empty();
    }
}
