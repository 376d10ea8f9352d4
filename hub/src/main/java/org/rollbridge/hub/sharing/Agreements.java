package org.rollbridge.hub.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.rollbridge.hub.Refusal;

/**
 * The LA's agreements, read and checked once as the hub starts: the checked-in default
 * (resources/sharing/agreements.properties) or the LA's own file. Every mistake is named together, with its key,
 * so a file with one stops the start rather than a night's delivery.
 */
public final class Agreements {

    static final String DEFAULT = "/sharing/agreements.properties";
    private static final Set<String> FREQUENCIES = Set.of("daily", "termly", "annually");
    private static final Set<String> OPT_OUTS = Set.of("school", "none", "name-address-dob");
    private static final Set<String> REQUESTERS = Set.of("parent", "pupil", "school", "parent-until-16");
    private static final Set<String> YEARS = Set.of("N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
            "11", "12", "13", "14");

    private final Map<String, Agreement> byName;

    private Agreements(Map<String, Agreement> byName) {
        this.byName = byName;
    }

    /** The LA's file, or the checked-in default when {@code file} is null. */
    public static Agreements load(Path file) {
        Properties p = new Properties();
        try (InputStream in = file == null ? Agreements.class.getResourceAsStream(DEFAULT) : Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("ROLLBRIDGE_SHARING_AGREEMENTS: " + file + " could not be read ("
                    + e.getMessage() + ")", e);
        }
        return parse(p, file == null ? "the default agreements" : file.toString());
    }

    static Agreements parse(Properties p, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        for (String name : list(p.getProperty("agreements", ""))) {
            if (!name.matches("[a-z0-9-]+")) {
                problems.add("agreement name '" + name + "' must be lower case letters, digits and hyphens");
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (String key : List.of("recipient", "purpose", "lawful-basis", "items", "cohort", "frequency",
                    "delivery", "retention", "opt-outs", "opt-out-by")) {
                String value = p.getProperty(name + "." + key, "").strip();
                if (value.isEmpty()) {
                    problems.add(name + "." + key + " is missing");
                }
                v.put(key, value);
            }
            List<SharedItem> items = new ArrayList<>();
            for (String item : list(v.get("items"))) {
                SharedItem.named(item).ifPresentOrElse(items::add, () -> problems.add(name + ".items: '" + item
                        + "' is not an item the hub can share (one of " + Arrays.stream(SharedItem.values())
                        .map(SharedItem::column).toList() + ")"));
            }
            Set<String> years = new LinkedHashSet<>();
            int fromAge = -1;
            String cohort = v.get("cohort");
            if (cohort.startsWith("years:")) {
                for (String y : list(cohort.substring(6))) {
                    if (YEARS.contains(y.toUpperCase(java.util.Locale.ROOT))) {
                        years.add(y.toUpperCase(java.util.Locale.ROOT));
                    } else {
                        problems.add(name + ".cohort: '" + y + "' is not an NC year (N1, N2, R, 1 to 14)");
                    }
                }
            } else if (cohort.matches("age-from:\\d{1,2}")) {
                fromAge = Integer.parseInt(cohort.substring(9));
            } else if (!cohort.isEmpty()) {
                problems.add(name + ".cohort must be 'years:' and NC years or 'age-from:' and an age; it was '"
                        + cohort + "'");
            }
            checkAll(problems, name + ".frequency", List.of(v.get("frequency")), FREQUENCIES);
            String delivery = v.get("delivery");
            if (!delivery.isEmpty() && !delivery.equals("folder") && !httpsOrLoopback(delivery)) {
                problems.add(name + ".delivery must be 'folder' or an https:// URL; it was '" + delivery + "'");
            }
            Period retention = Period.ZERO;
            try {
                retention = v.get("retention").isEmpty() ? Period.ZERO : Period.parse(v.get("retention"));
            } catch (DateTimeParseException e) {
                problems.add(name + ".retention must be an ISO 8601 period such as P7Y; it was '"
                        + v.get("retention") + "'");
            }
            Set<String> optOuts = new LinkedHashSet<>(list(v.get("opt-outs")));
            Set<String> optOutBy = new LinkedHashSet<>(list(v.get("opt-out-by")));
            checkAll(problems, name + ".opt-outs", optOuts, OPT_OUTS);
            checkAll(problems, name + ".opt-out-by", optOutBy, REQUESTERS);
            agreements.put(name, new Agreement(name, v.get("recipient"), v.get("purpose"), v.get("lawful-basis"),
                    List.copyOf(items), Set.copyOf(years), fromAge, v.get("frequency"), delivery, retention,
                    Set.copyOf(optOuts), Set.copyOf(optOutBy)));
        }
        if (agreements.isEmpty() && problems.isEmpty()) {
            problems.add("'agreements' must name at least one agreement");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ROLLBRIDGE_SHARING_AGREEMENTS: " + source + " cannot be used: "
                    + String.join("; ", problems));
        }
        return new Agreements(agreements);
    }

    /** An https:// address, or plain HTTP to this machine (for testing), as the school agent allows the hub. */
    static boolean httpsOrLoopback(String delivery) {
        try {
            java.net.URI uri = new java.net.URI(delivery);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                    && Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(uri.getHost())));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void checkAll(List<String> problems, String key, java.util.Collection<String> given,
                                 Set<String> allowed) {
        for (String g : given) {
            if (!g.isEmpty() && !allowed.contains(g)) {
                problems.add(key + ": '" + g + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<Agreement> all() {
        return List.copyOf(byName.values());
    }

    /** The agreements a pupil (or a parent, or the school for the pupil) may opt out of or narrow. */
    public List<Agreement> pupilMayOptOut() {
        return byName.values().stream().filter(a -> !a.schoolMayOptOut()).toList();
    }

    /** The agreements a school may stop for all its pupils. */
    public List<Agreement> schoolMayOptOut() {
        return byName.values().stream().filter(Agreement::schoolMayOptOut).toList();
    }

    public Optional<Agreement> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The agreement, or a refusal naming the ones there are. */
    public Agreement named(String name) {
        return find(name).orElseThrow(() -> new Refusal.NotFound("There is no sharing agreement '" + name
                + "'; the agreements are " + byName.keySet()));
    }
}
