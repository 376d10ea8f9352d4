package org.rollbridge.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rollbridge.hub.retention.RetentionReport;
import org.rollbridge.hub.retention.RetentionRun;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./rollbridge retention}: deletes what the retention schedule says is due, or reports it. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Deletes every person whose records' longest applicable retention period has passed, from",
            "every table and the upload store, leaving tombstones in the audit log; people on a legal hold are",
            "reported, not deleted. Runs against the hub's database (ROLLBRIDGE_* settings, as serve).",
            "A run that stopped part-way is taken up by the next run as of the same day.",
            "--format json prints {\"asOf\", \"dryRun\", \"categories\": [{\"category\", \"due\", \"deleted\",",
            "\"onHold\"}], \"persons\": {\"due\", \"deleted\", \"onHold\"}} (docs/retention.md).",
            "Exit codes: 0 done, 1 the run stopped (run again to take it up), 2 bad arguments or settings."})
public final class RetentionCommand implements Callable<Integer> {

    enum Format { json, text }

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Run as of this day (default: today in London).")
    LocalDate asOf;

    @Option(names = "--dry-run", description = "Delete nothing; report what a real run would do.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text", paramLabel = "json|text", description = "Output format (default: text).")
    Format format;

    @Override
    public Integer call() {
        ConfigurableApplicationContext hub = HubTask.startFor("retention");
        if (hub == null) {
            return 2;
        }
        try (hub) {
            RetentionRun run = hub.getBean(RetentionRun.class);
            RetentionReport report;
            try {
                report = run.run(asOf == null ? run.today() : asOf, dryRun, "cli:" + System.getProperty("user.name"));
            } catch (RuntimeException e) {
                System.err.println("retention: the run stopped (" + e.getClass().getSimpleName()
                        + "); run the same command again to take it up");
                return 1;
            }
            System.out.println(format == Format.json ? JsonMapper.builder().build().writeValueAsString(report)
                    : text(report));
            return 0;
        }
    }

    static String text(RetentionReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.dryRun() ? "Retention dry run" : "Retention run").append(" as of ").append(report.asOf())
                .append('\n');
        out.append(String.format("%-18s %8s %8s %8s%n", "category", "due", report.dryRun() ? "would go" : "deleted",
                "on hold"));
        for (RetentionReport.CategoryCount c : report.categories()) {
            out.append(String.format("%-18s %8d %8d %8d%n", c.category(), c.due(), c.deleted(), c.onHold()));
        }
        out.append(String.format("%-18s %8d %8d %8d", "people", report.persons().due(), report.persons().deleted(),
                report.persons().onHold()));
        return out.toString();
    }
}
