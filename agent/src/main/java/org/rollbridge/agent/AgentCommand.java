package org.rollbridge.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rollbridge.core.identity.Laestab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rollbridge agent}: what a school installs once. Exit codes: 0 done; 1 something needs attention (the
 * hub unreachable with batches waiting, a setting to fix); 2 wrong command-line usage; 3 the hub refused the
 * credential (enrol again); 4 sending is paused.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"The school agent: sends the MIS's nightly exports (CTF, attendance, exclusions) to the "
                + "LA's hub, only what changed, through an outbox that loses nothing. See docs/agent.md."},
        subcommands = {AgentCommand.Init.class, AgentCommand.Run.class, AgentCommand.Pause.class,
                AgentCommand.Resume.class, AgentCommand.Status.class})
public final class AgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --home, shared by every subcommand. */
    static class HomeOption {
        @Option(names = "--home", paramLabel = "DIR",
                description = "The agent's folder (default: ROLLBRIDGE_AGENT_HOME, else ~/.rollbridge-agent)")
        Path home;

        AgentHome home() {
            return AgentHome.locate(home);
        }
    }

    abstract static class Step implements Callable<Integer> {
        @CommandLine.Mixin
        HomeOption homeOption;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        ActivityLog log(AgentHome home) {
            return new ActivityLog(home.log(), err());
        }

        @Override
        public final Integer call() throws Exception {
            try {
                return perform(homeOption.home());
            } catch (AgentStopped e) {
                err().println(e.getMessage());
                AgentHome home = homeOption.home();
                if (home.initialised()) {
                    AgentStatus.load(home).withProblem(java.time.Instant.now() + " " + e.getMessage()).save(home);
                }
                return e.exitCode();
            } catch (IOException | IllegalArgumentException e) {
                err().println(e.getMessage());
                return 1;
            }
        }

        abstract int perform(AgentHome home) throws Exception;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Enrols this agent with the hub using the one-time code the LA gave the school.")
    static final class Init extends Step {
        @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub's https:// address")
        String hub;
        @Option(names = "--school", required = true, paramLabel = "LAESTAB", description = "The school's LAESTAB")
        String school;
        @Option(names = "--enrol-code", required = true, paramLabel = "CODE", description = "The one-time code")
        String code;
        @Option(names = "--drop", paramLabel = "DIR", description = "Where the MIS writes its exports "
                + "(default: HOME/drop)")
        Path drop;

        @Override
        int perform(AgentHome home) throws Exception {
            URI address = HubAddress.parse(hub);
            String laestab = Laestab.parse(school).orElseThrow(() -> new IllegalArgumentException("'" + school
                    + "' is not a LAESTAB: give the 7-digit LA code + establishment number, e.g. 9262001")).code();
            AgentHome.Credential credential = HubClient.enrol(address, laestab, code);
            Path dropFolder = (drop == null ? home.root().resolve("drop") : drop).toAbsolutePath().normalize();
            home.save(new AgentHome.Config(address.toString(), laestab, dropFolder.toString()), credential);
            log(home).info("Enrolled school " + laestab + " with " + address + " (credential "
                    + credential.credentialId() + ")");
            out().println("Enrolled. Credential stored in " + home.root() + " (readable by this account only).");
            out().println("The MIS should write its scheduled exports to: " + dropFolder);
            out().println("Next: 'rollbridge agent run' (or install it as a service, see docs/agent.md).");
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Watches the drop folder and sends what changed; --once for one pass.")
    static final class Run extends Step {
        @Option(names = "--once", description = "One pass, then exit (for a scheduled task)")
        boolean once;
        @Option(names = "--dry-run", description = "Show what would be sent; send and change nothing")
        boolean dryRun;
        @Option(names = "--resend-days", defaultValue = "7", paramLabel = "N",
                description = "Attendance marks of the last N days are resent when new or changed (default: 7)")
        int resendDays;
        @Option(names = "--poll-seconds", defaultValue = "60", paramLabel = "S",
                description = "How often the drop folder is checked (default: 60)")
        int pollSeconds;
        @Option(names = "--settle-seconds", paramLabel = "S", description = "An export is read once unchanged "
                + "this long, so a half-written file is never read (default: 10; 0 with --once)")
        Integer settleSeconds;
        @Option(names = "--retry-base-ms", defaultValue = "2000", hidden = true)
        long retryBaseMs;
        @Option(names = "--retry-max-ms", defaultValue = "300000", hidden = true)
        long retryMaxMs;
        @Option(names = "--reconcile-hours", defaultValue = "20", paramLabel = "H",
                description = "Hours from one reconciliation with the hub to the next (default: 20, so once a "
                        + "night; 0: every pass)")
        int reconcileHours;
        @Option(names = "--retry-attempts", defaultValue = "8", paramLabel = "N",
                description = "Tries per batch in one pass before leaving it for the next (default: 8)")
        int retryAttempts;

        @Override
        int perform(AgentHome home) throws Exception {
            if (resendDays < 1 || resendDays > 366) {
                throw new IllegalArgumentException("--resend-days must be 1 to 366; it was " + resendDays);
            }
            Duration settle = Duration.ofSeconds(settleSeconds != null ? settleSeconds : once || dryRun ? 0 : 10);
            Backoff backoff = new Backoff(Duration.ofMillis(retryBaseMs), Duration.ofMillis(retryMaxMs),
                    retryAttempts);
            AgentRun run = new AgentRun(home, log(home), backoff, resendDays, settle,
                    Duration.ofHours(Math.max(0, reconcileHours)));
            if (dryRun) {
                run.dryRun(out());
                out().flush();
                return 0;
            }
            if (once) {
                return run.once().needsAttention() ? 1 : 0;
            }
            run.watch(Duration.ofSeconds(pollSeconds));
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stops sending, and records the school's choice at the hub.")
    static final class Pause extends Step {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded at the hub)")
        String reason;

        @Override
        int perform(AgentHome home) throws Exception {
            AgentStatus.load(home).withPaused(true, Instant.now().toString()).save(home);
            return tell(home, true, reason, log(home), out());
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Sends again, and records the school's choice at the hub.")
    static final class Resume extends Step {
        @Override
        int perform(AgentHome home) throws Exception {
            int code = tell(home, false, null, log(home), out());
            if (code == 0) {
                AgentStatus.load(home).withPaused(false, null).save(home);
            }
            return code;
        }
    }

    static int tell(AgentHome home, boolean paused, String reason, ActivityLog log, PrintWriter out) throws IOException, InterruptedException,
            AgentStopped {
        AgentHome.Config config = home.config();
        HubClient hub = new HubClient(URI.create(config.hub()), config.laestab(), home.credential());
        String what = paused ? "paused" : "resumed";
        HubClient.Reply reply;
        try {
            reply = hub.pause(paused, reason);
        } catch (IOException e) {
            throw new AgentStopped(AgentStopped.OTHER, (paused ? "Sending is paused on this computer, but the "
                    : "Still paused: the ") + "hub could not be reached to record it (" + e.getMessage()
                    + "); run the command again when the network is back");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new AgentStopped(AgentStopped.CREDENTIAL, "The hub refused this school's credential: "
                    + reply.message());
        }
        if (!reply.ok()) {
            throw new AgentStopped(AgentStopped.OTHER, "The hub did not record it: " + reply.message());
        }
        log.info("Sending " + what
                + " by the school; recorded at the hub at " + reply.body().path("since").asString(""));
        out.println("Sending " + what + " (recorded at the hub at " + reply.body().path("since").asString("")
                + ").");
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the last export, the last acknowledged batch, pending batches, the last validation, "
                    + "and how many of the school's records the hub holds and how many of the LA's questions wait.")
    static final class Status extends Step {
        @Option(names = "--json", description = "As JSON")
        boolean json;

        @Override
        int perform(AgentHome home) throws Exception {
            AgentHome.Config config = home.config();
            AgentStatus status = AgentStatus.load(home);
            Outbox outbox = new Outbox(home);
            Outbox.Contents contents = outbox.list();
            List<Map<String, Object>> pending = new ArrayList<>();
            for (OutboxBatch b : contents.batches()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("batchId", b.id());
                p.put("feed", b.kind().id());
                p.put("records", b.records());
                p.put("bytes", b.bodyLength());
                p.put("created", b.created().toString());
                pending.add(p);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("home", home.root().toString());
            view.put("hub", config.hub());
            view.put("school", config.laestab());
            view.put("dropFolder", config.dropFolder());
            view.put("paused", status.paused());
            view.put("pausedAt", status.pausedAt());
            view.put("lastExtract", status.lastExtract());
            view.put("lastAcknowledged", status.lastAcknowledged());
            view.put("pending", pending);
            view.put("quarantined", outbox.quarantinedCount());
            view.put("lastValidation", status.lastValidation());
            view.put("lastProblem", status.lastProblem());
            Map<String, Object> atHub = heldAtHub(home, config);
            view.put("heldAtHub", atHub);
            if (json) {
                out().println(AgentHome.JSON.writeValueAsString(view));
                return 0;
            }
            PrintWriter o = out();
            o.println("School " + config.laestab() + " -> " + config.hub() + (status.paused()
                    ? "   PAUSED since " + status.pausedAt() : ""));
            o.println("Drop folder:        " + config.dropFolder());
            AgentStatus.Extract e = status.lastExtract();
            o.println("Last export:        " + (e == null ? "none yet" : e.file() + " (" + e.feed() + ", "
                    + e.records() + " records) at " + e.at() + (e.batchId() == null ? ", nothing new to send"
                    : " -> batch " + e.batchId() + " of " + e.batchRecords() + " records")));
            AgentStatus.Acknowledged a = status.lastAcknowledged();
            o.println("Last acknowledged:  " + (a == null ? "none yet" : a.batchId() + " (" + a.feed() + ", "
                    + a.records() + " records) at " + a.at() + ", hub status " + a.hubStatus()));
            o.println("Pending batches:    " + pending.size());
            for (OutboxBatch b : contents.batches()) {
                o.println("  " + b.id() + "  " + b.kind().id() + "  " + b.records() + " records  made " + b.created());
            }
            int quarantined = outbox.quarantinedCount();
            o.println("Quarantined files:  " + quarantined + (quarantined > 0 ? " (see " + home.quarantine() + ")"
                    : ""));
            ValidationSummary v = status.lastValidation();
            o.println("Last validation:    " + (v == null ? "none yet" : v.line()));
            o.println("Held at the hub:    " + (atHub.containsKey("error") ? "not known (" + atHub.get("error") + ")"
                    : atHub.get("held") + " records held, " + atHub.get("questionsWaiting")
                    + " questions from the LA waiting for your answer"
                    + (((Number) atHub.get("questionsWaiting")).longValue() > 0
                    ? " (answer them on the school's page at the hub)" : "")));
            if (status.lastProblem() != null) {
                o.println("Last problem:       " + status.lastProblem());
            }
            return 0;
        }

        /**
         * The school's own counts, asked of the hub with its credential: {held, questionsWaiting}, or {error} when
         * the hub could not be asked (status still reports everything the agent knows itself).
         */
        static Map<String, Object> heldAtHub(AgentHome home, AgentHome.Config config) throws InterruptedException {
            Map<String, Object> out = new LinkedHashMap<>();
            try {
                HubClient.Reply reply = new HubClient(URI.create(config.hub()), config.laestab(), home.credential())
                        .heldSummary();
                if (!reply.ok()) {
                    out.put("error", "the hub answered " + reply.status() + ": " + reply.message());
                    return out;
                }
                out.put("held", reply.body().path("held").asLong());
                out.put("questionsWaiting", reply.body().path("questionsWaiting").asLong());
            } catch (IOException | RuntimeException e) {
                out.put("error", "could not ask the hub: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
            return out;
        }
    }
}
