package org.rollbridge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.Summary;
import org.rollbridge.synth.SyntheticLa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rollbridge generate}: writes a synthetic local authority with ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic local authority: schools, pupils in families, attendance, exclusions,",
            "movement, the LA's register and social-care list, injected data-quality errors and the ground truth.",
            "The same arguments always give byte-identical output. Formats: docs/formats.md."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--la", defaultValue = Settings.DEFAULT_LA, description = "LA code (default: ${DEFAULT-VALUE})")
    String la;

    @Option(names = "--schools", defaultValue = "40", description = "number of schools (default: ${DEFAULT-VALUE})")
    int schools;

    @Option(names = "--pupils", defaultValue = "12000", description = "number of pupils (default: ${DEFAULT-VALUE})")
    int pupils;

    @Option(names = "--from", defaultValue = "2025-09-01", description = "first day of the period (default: ${DEFAULT-VALUE})")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2026-03-20",
            description = "last day of the period; the full-roll CTFs are taken on it (default: ${DEFAULT-VALUE})")
    LocalDate to;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--error-rate", defaultValue = "0.02",
            description = "share of pupil records given a data-quality error (default: ${DEFAULT-VALUE})")
    double errorRate;

    @Option(names = "--duplicate-rate", defaultValue = "0.01",
            description = "duplicate person records in the LA register, as a share of it (default: ${DEFAULT-VALUE})")
    double duplicateRate;

    @Option(names = "--out", required = true, description = "output directory (created if missing)")
    Path out;

    /**
     * Whether stderr is a terminal worth drawing a progress bar on. From Java 22 {@code System.console()} is not null
     * when output is redirected, so {@code Console.isTerminal()} is asked too where it exists.
     */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = new Settings(la, schools, pupils, from, to, seed, errorRate, duplicateRate);
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        }
        PrintStream err = System.err;
        boolean terminal = terminal();
        long t0 = System.nanoTime();
        Summary summary;
        try {
            summary = SyntheticLa.generate(settings, out, (done, total) -> {
            if (terminal) {
                int width = 40;
                int filled = done * width / total;
                err.printf("\r[%s%s] %d/%d schools", "#".repeat(filled), " ".repeat(width - filled), done, total);
                if (done == total) {
                    err.println();
                }
            }
        }, Runtime.getRuntime().availableProcessors());
        } catch (java.io.UncheckedIOException e) {
            System.err.println("generate: " + e.getMessage() + ". Check that --out is a directory you can write to and "
                    + "that the disk has space, then run again.");
            return 1;
        }
        System.out.print(summary.text());
        System.out.printf("Written to %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
