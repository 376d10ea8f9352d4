package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void generatesASmallLaAndPrintsASummary(@TempDir Path out) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = RollbridgeCommand.commandLine().execute("generate", "--schools", "4", "--pupils", "500",
                    "--to", "2025-12-19", "--seed", "5", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        String summary = captured.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("4 schools", "500 children", "PA", "Injected errors");
        assertThat(Files.readAllLines(out.resolve("schools.csv"))).hasSize(5);
        assertThat(out.resolve("la/register.csv")).exists();
        assertThat(out.resolve("truth/events.csv")).exists();
    }

    @Test
    void refusesABadLaCodeWithExitCode2(@TempDir Path out) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = RollbridgeCommand.commandLine().execute("generate", "--la", "NOR", "--out", out.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--la must be a 3-digit LA code");
        assertThat(out.resolve("schools.csv")).doesNotExist();
    }

    @Test
    void saysSoWhenTheOutputCannotBeWritten(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = RollbridgeCommand.commandLine().execute("generate", "--schools", "2", "--pupils", "100",
                    "--out", file.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("not-a-directory", "--out");
    }
}
