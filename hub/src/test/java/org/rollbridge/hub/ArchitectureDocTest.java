package org.rollbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md stays true to the code: every class, file, table, job and path it names exists, every hub
 * package depends only on the packages its code map allows (and every package is on the map), and every table has
 * one owner on the map.
 */
class ArchitectureDocTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve("docs/architecture.md");
    /** `Name` or `Name.member`: a class the document names (a capital, then a small letter: not UPN or CTF). */
    private static final Pattern CLASS = Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)((?:\\.[A-Za-z][A-Za-z0-9_]*)*)`");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z][A-Za-z0-9]*)");
    private static final Pattern MAP_ROW = Pattern.compile("^\\| `[a-z]+` \\|.*\\|$");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
    /** A file of the repository the document names: docs/hub.md, hub/src/main/resources/templates. */
    private static final Pattern FILE = Pattern.compile(
            "\\b((?:docs|hub|core|agent|cli|national|bench|synth)/[\\w./-]*\\w)");
    private static final Pattern ADR = Pattern.compile("\\bADR (\\d{4})\\b");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    private static final Pattern JOB = Pattern.compile("[a-z]+(?:-[a-z]+)+");
    private static final Pattern PACKAGE = Pattern.compile("org(?:\\.[a-z]+)+");
    private static final Pattern URL_PATH = Pattern.compile("(?:(?:GET|POST|PUT|DELETE) )?(/[\\w{}/.-]*)");
    /** PostgreSQL settings the document names beside the tables. */
    private static final Set<String> SERVER_SETTINGS = Set.of("synchronous_commit", "work_mem");

    @Test
    void everyClassTheDocumentNamesExists() throws IOException {
        Map<String, List<String>> declaredIn = declarations();
        List<String> missing = new ArrayList<>();
        Matcher m = CLASS.matcher(Files.readString(DOC));
        while (m.find()) {
            String type = m.group(1);
            List<String> sources = declaredIn.getOrDefault(type, List.of());
            if (sources.isEmpty()) {
                missing.add(m.group());
                continue;
            }
            for (String member : m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("\\.")) {
                if (sources.stream().noneMatch(text -> text.contains(member))) {
                    missing.add(m.group());
                }
            }
        }
        assertThat(missing).as("names in docs/architecture.md with no such class or member in the source tree")
                .isEmpty();
    }

    /**
     * The rest of what a reader follows: files and ADRs, tables (a {@code snake_case} name), the work queue's job
     * kinds (a {@code kebab-case} name, a string in the hub's code) and the paths the hub serves.
     */
    @Test
    void everyFileAdrTableJobAndPathTheDocumentNamesExists() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> tables = createdTables();
        String hub = hubSources();
        List<String> missing = new ArrayList<>();
        Matcher file = FILE.matcher(doc);
        while (file.find()) {
            if (!file.group(1).contains("/target/") && !Files.exists(ROOT.resolve(file.group(1)))) {
                missing.add("file " + file.group(1));
            }
        }
        Matcher adr = ADR.matcher(doc);
        while (adr.find()) {
            try (Stream<Path> adrs = Files.list(ROOT.resolve("docs/adr"))) {
                String number = adr.group(1);
                if (adrs.noneMatch(p -> p.getFileName().toString().startsWith(number + "-"))) {
                    missing.add("ADR " + number);
                }
            }
        }
        Matcher quoted = QUOTED.matcher(doc);
        while (quoted.find()) {
            String name = quoted.group(1);
            Matcher path = URL_PATH.matcher(name);
            if (TABLE.matcher(name).matches() && !tables.contains(name) && !SERVER_SETTINGS.contains(name)) {
                missing.add("table " + name);
            } else if (JOB.matcher(name).matches() && !hub.contains("\"" + name + "\"")) {
                missing.add("job " + name);
            } else if (PACKAGE.matcher(name).matches() && !packageExists(name)) {
                missing.add("package " + name);
            } else if (path.matches() && !hub.contains("\"" + path.group(1))) {
                missing.add("path " + name);
            }
        }
        assertThat(missing).as("files, ADRs, tables, jobs, packages and paths docs/architecture.md names that do not "
                + "exist").isEmpty();
    }

    @Test
    void theCodeMapSaysWhatEachPackageMayDependOn() throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        codeMap().forEach(row -> allowed.put(row.get(0), names(row.get(3))));
        Map<String, Set<String>> actual = dependencies();
        assertThat(allowed.keySet()).as("the packages of the code map in docs/architecture.md")
                .isEqualTo(actual.keySet());
        actual.forEach((pkg, uses) -> assertThat(allowed.get(pkg))
                .as("package %s depends on %s; the code map in docs/architecture.md allows %s", pkg, uses,
                        allowed.get(pkg))
                .containsAll(uses));
    }

    @Test
    void everyTableIsOwnedByOnePackageOfTheCodeMap() throws IOException {
        List<String> owned = codeMap().stream().flatMap(row -> names(row.get(2)).stream()).sorted().toList();
        Set<String> created = createdTables();
        assertThat(owned).as("the tables column of the code map in docs/architecture.md: each table once")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    /** Every table the hub's migrations create. */
    private static Set<String> createdTables() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(migration));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        return created;
    }

    /** The hub's main sources, as one text to search for a string literal. */
    private static String hubSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).map(ArchitectureDocTest::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    /** A package of any module's main or test sources. */
    private static boolean packageExists(String name) throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.anyMatch(m -> Files.isDirectory(m.resolve("src/main/java").resolve(name.replace('.', '/')))
                    || Files.isDirectory(m.resolve("src/test/java").resolve(name.replace('.', '/'))));
        }
    }

    /** The code map's rows: package, what it owns, its tables, what it may depend on. */
    private static List<List<String>> codeMap() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (MAP_ROW.matcher(line.strip()).matches()) {
                String[] cells = line.strip().split("\\|");
                rows.add(Arrays.stream(cells, 1, cells.length).map(c -> c.strip().replace("`", "")).toList());
            }
        }
        return rows;
    }

    /** The names in a cell ("a, b" or "none"). */
    private static Set<String> names(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(n -> !n.equals("none"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Which hub packages each hub package's classes use. */
    private static Map<String, Set<String>> dependencies() {
        // The hub's own compiled classes only: scanning the whole class path for the package takes many seconds.
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
        Map<String, Set<String>> out = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = capability(c);
            if (from == null) {
                continue;
            }
            Set<String> uses = out.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = capability(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    uses.add(to);
                }
            }
        }
        return out;
    }

    /** The first package below org.rollbridge.hub, or null for the root package and anything outside the hub. */
    private static String capability(JavaClass c) {
        String pkg = c.getPackageName();
        String prefix = HubBoundaries.HUB + ".";
        if (!pkg.startsWith(prefix)) {
            return null;
        }
        String rest = pkg.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Every type declared in the modules' sources (main and test), with the texts of the files declaring it. */
    private static Map<String, List<String>> declarations() throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(ROOT)) {
            sources = modules.flatMap(m -> Stream.of(m.resolve("src/main/java"), m.resolve("src/test/java")))
                    .filter(Files::isDirectory).toList();
        }
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String text = read(p);
                    Matcher d = DECLARED.matcher(text);
                    while (d.find()) {
                        out.computeIfAbsent(d.group(1), k -> new ArrayList<>()).add(text);
                    }
                });
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
