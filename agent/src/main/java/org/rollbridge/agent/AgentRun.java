package org.rollbridge.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of the agent: take new exports from the drop folder, validate them, put what changed in the outbox,
 * then deliver the outbox. While the school has paused, nothing is read and nothing is sent.
 */
public final class AgentRun {

    private final AgentHome home;
    private final AgentHome.Config config;
    private final ActivityLog log;
    private final Outbox outbox;
    private final Ledgers ledgers;
    private final DropFolder drop;
    private final Extraction extraction;
    private final BatchSequence sequence;
    private final Delivery delivery;
    private final Reconciler reconciler;
    private final Duration reconcileEvery;

    public AgentRun(AgentHome home, ActivityLog log, Backoff backoff, int resendDays, Duration settle)
            throws IOException {
        this(home, log, backoff, resendDays, settle, Duration.ofHours(20));
    }

    /** {@code reconcileEvery}: how long after a reconciliation the next is due (zero: every pass). */
    public AgentRun(AgentHome home, ActivityLog log, Backoff backoff, int resendDays, Duration settle,
                    Duration reconcileEvery) throws IOException {
        this.reconcileEvery = reconcileEvery;
        this.home = home;
        this.config = home.config();
        this.log = log;
        this.outbox = new Outbox(home);
        this.ledgers = new Ledgers(home, config.laestab());
        this.drop = new DropFolder(home.dropFolder(), home, settle);
        var rules = org.rollbridge.core.validation.RuleSettings.resolve(null, System.getenv());
        this.extraction = new Extraction(config.laestab(), resendDays, rules);
        this.sequence = new BatchSequence(home);
        HubClient hub = new HubClient(URI.create(config.hub()), config.laestab(), home.credential());
        this.delivery = new Delivery(home, hub, outbox, ledgers, log, backoff, resendDays);
        this.reconciler = new Reconciler(home, config.laestab(), hub, log, rules);
    }

    /**
     * How a pass ended: the exports that were not sent (a file to fix in the MIS) and the delivery. Either needs a
     * person to look, which {@code agent run --once} says with exit code 1.
     */
    public record Pass(List<String> notSent, Delivery.Round delivery) {
        public boolean needsAttention() {
            return !notSent.isEmpty() || delivery.waiting() > 0;
        }
    }

    /** Takes new exports into the outbox and delivers it. */
    public Pass once() throws IOException, InterruptedException, AgentStopped {
        if (AgentStatus.load(home).paused()) {
            throw new AgentStopped(AgentStopped.PAUSED, "Sending is paused by the school (since "
                    + AgentStatus.load(home).pausedAt() + "); run 'rollbridge agent resume' to send again");
        }
        List<String> notSent = new ArrayList<>();
        for (DropFolder.Export export : drop.ready()) {
            if (!take(export)) {
                notSent.add(export.file().getFileName().toString());
            }
        }
        Delivery.Round round = delivery.deliver();
        if (round.waiting() == 0 && reconciler.due(reconcileEvery)) {
            round = reconcile(round);
        }
        if (round.waiting() > 0) {
            log.warn(round.waiting() + " batch(es) wait in the outbox for the hub; they are sent on the next run");
        }
        return new Pass(notSent, round);
    }

    /**
     * Compares what the school holds with what the hub holds, resends the pupils that differ, and compares again
     * so that the hub records the outcome of the resend. Returns the delivery round with the resent batches.
     */
    private Delivery.Round reconcile(Delivery.Round round) throws IOException, InterruptedException, AgentStopped {
        Reconciler.Holding holding = reconciler.holding();
        var answer = reconciler.compare(holding);
        if (answer.isEmpty()) {
            return round;
        }
        int resent = answer.get().differing().isEmpty() ? 0 : reconciler.resend(holding, answer.get(), outbox,
                sequence);
        if (resent == 0) {
            reconciler.done(answer.get(), 0);
            return round;
        }
        Delivery.Round again = delivery.deliver();
        var after = again.waiting() == 0 ? reconciler.compare(holding) : java.util.Optional.<Reconciler.Answer>empty();
        reconciler.done(after.orElse(answer.get()), resent);
        return new Delivery.Round(round.acknowledged() + again.acknowledged(), again.waiting());
    }

    /** Puts what changed in an export in the outbox under a new batch id; false when the export cannot be sent. */
    private boolean take(DropFolder.Export export) throws IOException {
        List<OutboxBatch> pending = outbox.list().batches();
        Extraction.Result result = extraction.extract(export.file(), export.feed(), ledgers, pending);
        String name = export.file().getFileName().toString();
        OutboxBatch batch = null;
        if (!result.summary().usable()) {
            log.warn("Export " + result.summary().line());
        } else if (result.hasBatch()) {
            batch = outbox.newestWithContent(result.feed(), result.content()).orElse(null);
            String how = batch == null ? " in the outbox" : " already in the outbox (the export was read again)";
            if (batch == null) {
                batch = outbox.add(sequence.next(result.feed()), result.feed(), name, result.batchRecords(),
                        result.content());
            }
            log.info("Export " + name + " (" + result.feed().id() + "): " + result.summary().records()
                    + " records read, batch " + batch.id() + " of " + result.batchRecords() + " records" + how);
        } else {
            log.info("Export " + name + " (" + result.feed().id() + "): " + result.summary().records()
                    + " records read, nothing new to send");
        }
        if (result.summary().usable() && result.summary().errors() > 0) {
            log.warn("Export " + result.summary().line());
        }
        drop.taken(export);
        if (result.summary().usable()) {
            reconciler.taken(result.feed(), export.file());
        }
        AgentStatus status = AgentStatus.load(home).withExtract(new AgentStatus.Extract(name, result.feed().id(),
                result.summary().at(), result.summary().records(), batch == null ? null : batch.id(),
                result.batchRecords()), result.summary());
        if (!result.summary().usable()) {
            status = status.withProblem(Instant.now() + " Export " + result.summary().line());
        }
        status.save(home);
        return result.summary().usable();
    }

    /** Shows what a run would send now, and changes nothing: no outbox file, no state, no request to the hub. */
    public void dryRun(PrintWriter out) throws IOException {
        List<OutboxBatch> pending = outbox.list().batches();
        if (AgentStatus.load(home).paused()) {
            out.println("Sending is paused by the school: a run would send nothing until 'agent resume'.");
        }
        out.println("Batches already in the outbox, to be sent first: " + pending.size());
        for (OutboxBatch b : pending) {
            out.println("  " + b.id() + "  " + b.kind().id() + "  " + b.records() + " records  " + b.bodyLength()
                    + " bytes");
        }
        List<DropFolder.Export> ready = drop.ready();
        out.println("New exports in " + drop.dir() + ": " + ready.size());
        for (DropFolder.Export export : ready) {
            Extraction.Result r = extraction.extract(export.file(), export.feed(), ledgers, pending);
            out.println("  " + r.summary().line());
            out.println(r.hasBatch()
                    ? "    would send a new " + r.feed().id() + " batch: " + r.batchRecords() + " " + r.feed().id()
                    + " records, " + r.content().length + " bytes before compression"
                    : r.summary().usable() ? "    nothing to send" : "    not sent");
        }
        out.println("Dry run: nothing was sent and nothing was changed.");
    }

    /** Runs passes until stopped, one every poll interval; stops only when a person must act. */
    public void watch(Duration poll) throws InterruptedException, AgentStopped {
        log.info("Watching " + drop.dir() + " every " + poll.toSeconds() + "s; sending to " + config.hub());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                once();
            } catch (AgentStopped e) {
                if (e.exitCode() != AgentStopped.PAUSED) {
                    throw e;
                }
            } catch (IOException e) {
                log.warn("This pass stopped: " + e.getMessage() + "; trying again in " + poll.toSeconds() + "s");
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
