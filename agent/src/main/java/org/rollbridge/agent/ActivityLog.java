package org.rollbridge.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The agent's log: to the console and appended to agent.log in its home. Callers write counts, file names and
 * batch ids only, never a pupil's details.
 */
public final class ActivityLog {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private final Path file;
    private final PrintWriter console;

    public ActivityLog(Path file, PrintWriter console) {
        this.file = file;
        this.console = console;
    }

    public void info(String message) {
        write("INFO ", message);
    }

    public void warn(String message) {
        write("WARN ", message);
    }

    private synchronized void write(String level, String message) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + level + message;
        console.println(line);
        console.flush();
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                // One previous file is kept, so the log never fills the disk of a machine nobody watches.
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            console.println("(could not write to " + file + ": " + e.getMessage() + ")");
        }
    }
}
