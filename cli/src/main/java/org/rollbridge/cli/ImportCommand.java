package org.rollbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.DirectImport;
import org.rollbridge.hub.people.RegisterImport;
import org.rollbridge.hub.people.SocialCareImport;
import org.rollbridge.hub.sharing.OptOutImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rollbridge import PATH... [--school LAESTAB]}: loads files through the hub's pipeline. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Loads feed files directly (for LAs that receive files by other means) through the same",
            "pipeline and rules as uploads, and prints a summary per file. A directory is searched for",
            "register.csv (the LA's person register, loaded first), CTF *.xml, *attendance*.csv and",
            "*exclusion*.csv, social-care.csv and optouts.csv (sharing opt-outs: upn,agreement,restriction,",
            "requested_by,date; docs/sharing.md). Importing the same file again changes nothing.",
            "Exit code: 0 all files imported, 1 some file refused or failed, 2 bad arguments."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or directories")
    List<Path> paths;

    @Option(names = "--school", paramLabel = "LAESTAB",
            description = "the school that sent the files (default: a 7-digit folder in the path)")
    String school;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println(p + ": no such file or directory");
                return 2;
            }
            files.addAll(expand(p));
        }
        try (ConfigurableApplicationContext hub = HubTask.start()) {
            return importAll(hub, files, Optional.ofNullable(school));
        }
    }

    /** Imports the files into a running hub's database, printing a line per file; returns the exit code. */
    static int importAll(ConfigurableApplicationContext hub, List<Path> files, Optional<String> school)
            throws Exception {
        DirectImport imports = hub.getBean(DirectImport.class);
        int bad = 0;
        for (Path f : files) {
            if (f.getFileName().toString().equals("register.csv")) {
                var r = hub.getBean(RegisterImport.class).load(f);
                System.out.printf("%s: register, %d read, %d loaded, %d held records released%n", f, r.read(), r.loaded(),
                        r.released());
                r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
                continue;
            }
            if (f.getFileName().toString().equals("social-care.csv")) {
                var r = hub.getBean(SocialCareImport.class).load(f);
                System.out.printf("%s: children's social care, %d read, %d loaded%n", f, r.read(), r.loaded());
                r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
                continue;
            }
            if (f.getFileName().toString().equals("optouts.csv")) {
                var r = hub.getBean(OptOutImport.class).load(f);
                System.out.printf("%s: sharing opt-outs, %d read, %d recorded, %d in force already%n", f, r.read(),
                        r.recorded(), r.unchanged());
                r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
                bad += r.problems().isEmpty() ? 0 : 1;
                continue;
            }
            Batch batch;
            try {
                batch = imports.process(imports.queue(f, school));
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
                bad++;
                continue;
            }
            System.out.printf("%s: school %s, %s, %s: %s read, %s imported, %s held%n", f, batch.laestab(),
                    batch.kind().id(), batch.status(), nz(batch.recordsRead()), nz(batch.recordsImported()),
                    nz(batch.recordsHeld()));
            if (!batch.status().equals("completed")) {
                bad++;
            }
        }
        return bad == 0 ? 0 : 1;
    }

    private static int nz(Integer n) {
        return n == null ? 0 : n;
    }

    /** A directory's feed files in the order they must load: register, pupils, then attendance and exclusions. */
    static List<Path> expand(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> all = Files.walk(p)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().equals("register.csv")
                            || f.getFileName().toString().equals("social-care.csv")
                            || f.getFileName().toString().equals("optouts.csv")
                            || BatchKind.fromFileName(f.getFileName().toString()).isPresent())
                    .filter(f -> !f.toString().contains("/truth/"))
                    .sorted(Comparator.comparingInt(ImportCommand::order).thenComparing(Path::toString))
                    .toList();
        }
    }

    private static int order(Path f) {
        String n = f.getFileName().toString();
        if (n.equals("register.csv")) {
            return 0;
        }
        if (n.equals("social-care.csv") || n.equals("optouts.csv")) {
            return 5;
        }
        if (n.contains("previous")) {
            return 1;
        }
        return switch (BatchKind.fromFileName(n).orElseThrow()) {
            case CTF -> 2;
            case ATTENDANCE -> 3;
            case EXCLUSIONS -> 4;
        };
    }
}
