package org.rollbridge.agent;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Sends the outbox to the hub in order, each batch under its own id, retrying with {@link Backoff}, and removes a
 * batch only once the hub answers 2xx (202 new, 200 already had it). A batch the hub can never accept (bad
 * request, id conflict, too large) is quarantined with the hub's message; a refused credential or a pause stops
 * the agent, with what to do.
 */
public final class Delivery {

    private static final Set<String> CREDENTIAL_REASONS = Set.of("credential_revoked", "credential_unknown",
            "signature_invalid");
    private final AgentHome home;
    private final HubClient hub;
    private final Outbox outbox;
    private final Ledgers ledgers;
    private final ActivityLog log;
    private final Backoff backoff;
    private final int resendDays;

    public Delivery(AgentHome home, HubClient hub, Outbox outbox, Ledgers ledgers, ActivityLog log, Backoff backoff,
                    int resendDays) {
        this.home = home;
        this.hub = hub;
        this.outbox = outbox;
        this.ledgers = ledgers;
        this.log = log;
        this.backoff = backoff;
        this.resendDays = resendDays;
    }

    /** How a delivery round ended: batches acknowledged, and how many are still waiting. */
    public record Round(int acknowledged, int waiting) {
    }

    public Round deliver() throws IOException, InterruptedException, AgentStopped {
        Outbox.Contents contents = outbox.list();
        contents.quarantined().forEach(q -> log.warn("Outbox file moved to quarantine: " + q.why()
                + " It will not be sent; the export it came from is sent again when the MIS next writes it."));
        List<OutboxBatch> batches = contents.batches();
        int acknowledged = 0;
        for (int i = 0; i < batches.size(); i++) {
            if (!send(batches.get(i), i + 1, batches.size())) {
                return new Round(acknowledged, batches.size() - i);
            }
            acknowledged++;
        }
        return new Round(acknowledged, 0);
    }

    /** True when the batch left the outbox (acknowledged or quarantined); false when the hub stayed unreachable. */
    private boolean send(OutboxBatch batch, int n, int of) throws IOException, InterruptedException, AgentStopped {
        for (int tried = 0; ; tried++) {
            if (tried > 0) {
                Thread.sleep(backoff.delayBefore(tried - 1).toMillis());
            }
            HubClient.Reply reply;
            try {
                reply = hub.upload(batch, Progress.start("Sending " + batch.kind().id() + " " + n + "/" + of,
                        batch.bodyLength()));
            } catch (IOException e) {
                log.warn("Batch " + batch.id() + " not sent: the hub could not be reached (" + e.getClass()
                        .getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
                if (!backoff.another(tried + 1)) {
                    return false;
                }
                continue;
            }
            if (reply.ok()) {
                acknowledged(batch, reply);
                return true;
            }
            if (reply.status() == 401 || reply.status() == 403) {
                if (CREDENTIAL_REASONS.contains(reply.reason()) || reply.status() == 403) {
                    throw new AgentStopped(AgentStopped.CREDENTIAL, "The hub refused this school's credential: "
                            + reply.message() + ". Nothing is lost: " + "the outbox keeps every batch until the "
                            + "agent is enrolled again.");
                }
                if (reply.reason().equals("timestamp_skew")) {
                    throw new AgentStopped(AgentStopped.OTHER, reply.message());
                }
            } else if (reply.status() == 423) {
                throw new AgentStopped(AgentStopped.PAUSED, reply.message());
            } else if (reply.status() / 100 == 4 && reply.status() != 408 && reply.status() != 429
                    && !reply.reason().equals("body_digest_mismatch")) {
                Outbox.Quarantined q = outbox.quarantine(batch.file(), "The hub refused batch " + batch.id()
                        + " (HTTP " + reply.status() + "): " + reply.message());
                log.warn(q.why() + " Moved to " + q.file());
                return true;
            }
            log.warn("Batch " + batch.id() + " not accepted yet (HTTP " + reply.status() + " " + reply.reason()
                    + "); trying again");
            if (!backoff.another(tried + 1)) {
                return false;
            }
        }
    }

    private void acknowledged(OutboxBatch batch, HubClient.Reply reply) throws IOException {
        // The ledger first: if the agent stops before the file is removed, the batch is sent again and the hub
        // answers 200 with the batch it already has.
        ledgers.acknowledge(batch, resendDays);
        outbox.acknowledged(batch);
        String hubId = reply.body().path("id").asString("");
        AgentStatus.load(home).withAcknowledged(new AgentStatus.Acknowledged(batch.id(), batch.kind().id(),
                batch.records(), hubId, reply.body().path("status").asString(""), Instant.now().toString()))
                .save(home);
        log.info("Batch " + batch.id() + " acknowledged by the hub (" + batch.kind().id() + ", " + batch.records()
                + " records, hub batch " + hubId + (reply.status() == 200 ? ", already received" : "") + ")");
    }
}
