package org.rollbridge.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.sharing.ShareReport;
import org.rollbridge.hub.sharing.ShareRun;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rollbridge share}: builds one agreement's extract from the hub's data and logs its delivery. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Builds the extract of one sharing agreement (docs/sharing.md) as of a day into a folder for",
            "pick-up, and logs each file delivered; a file of that day delivered already is not written again.",
            "Only the agreement's items, for its cohort, less opt-outs in force, are written. The DfE daily feed is",
            "OUT/dfe-daily/YYYY-MM-DD/URN/pupils.csv and sessions.csv; the others OUT/NAME/YYYY-MM-DD/NAME.csv.",
            "An agreement delivered over HTTPS is sent, signed, to its recipient instead of the folder.",
            "--resend sends the day's files again; --acknowledge records the recipient's acknowledgement of them.",
            "Exit codes: 0 done, 1 the extract failed, 2 bad arguments, settings or agreement."})
public final class ShareCommand implements Callable<Integer> {

    @Option(names = "--agreement", required = true, paramLabel = "NAME", description = "The agreement, e.g. dfe-daily.")
    String agreement;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day of the extract (default: today in London).")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "share", description = "The delivery folder (default: ./share).")
    Path out;

    @Option(names = "--resend", description = "Send the day's files again, even those delivered already.")
    boolean resend;

    @Option(names = "--acknowledge", description = "Record that the recipient acknowledged the day's files (a folder delivery); nothing is sent.")
    boolean acknowledge;

    @Override
    public Integer call() {
        if (resend && acknowledge) {
            System.err.println("share: --resend and --acknowledge cannot be given together");
            return 2;
        }
        ConfigurableApplicationContext hub = HubTask.startFor("share");
        if (hub == null) {
            return 2;
        }
        try (hub) {
            ShareRun run = hub.getBean(ShareRun.class);
            ShareReport report;
            LocalDate day = asOf == null ? run.today() : asOf;
            String actor = "cli:" + System.getProperty("user.name");
            try {
                if (acknowledge) {
                    System.out.printf("%s as of %s: %d files acknowledged%n", agreement, day,
                            run.acknowledge(agreement, day, actor));
                    return 0;
                }
                report = run.share(agreement, day, out, actor, resend);
            } catch (Refusal e) {
                System.err.println("share: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("share: the extract failed: " + HubTask.rootMessage(e));
                return 1;
            }
            for (ShareReport.File f : report.files()) {
                System.out.printf("%s  %d rows  sha256 %s%s%n", f.path(), f.rows(), f.sha256(),
                        f.failure() != null ? "  NOT DELIVERED: " + f.failure()
                                : f.alreadyDelivered() ? "  (delivered already, not written again)"
                                : f.acknowledged() ? "  (acknowledged)" : "");
            }
            report.notes().forEach(n -> System.out.println("note: " + n));
            System.out.printf("%s as of %s: %d files%n", report.agreement(), report.asOf(), report.files().size());
            return report.failures() > 0 ? 1 : 0;
        }
    }
}
