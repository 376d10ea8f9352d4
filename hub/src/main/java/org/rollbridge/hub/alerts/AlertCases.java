package org.rollbridge.hub.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.core.indicators.alerts.CaseChange;
import org.rollbridge.core.indicators.alerts.CaseStatus;
import org.rollbridge.core.indicators.alerts.OfficerDecision;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert_cases table and its lifecycle. A case is named by the core alert's case key (kind, school, UPN,
 * situation) and there is at most one open case per pupil at a school and kind. The rules of a case's life are
 * core's, as plain functions: {@link CaseChange} says what a recompute does to a case (raise, move on to a new
 * episode, worsen, update, refresh quietly; never reopen a case resolved on the same evidence), and
 * {@link OfficerDecision} what officers may do (raised → assigned → acknowledged → resolved). This class hands
 * them what {@link AlertCaseStore} reads and gives the store what they decide.
 */
@Component
public class AlertCases {

    private final AlertCaseStore store;
    private final AlertCaseQuery query;
    private final HubProperties settings;

    public AlertCases(AlertCaseStore store, AlertCaseQuery query, HubProperties settings) {
        this.store = store;
        this.query = query;
        this.settings = settings;
    }

    /** An alert the rules raised now, with the figure the hub shows for it. */
    public record Raised(Alert alert, AlertKinds.Figure figure) {
    }

    /** What one recompute changed. */
    public record Changes(int raised, int updated, int worsened, int newEpisodes) {
        static final Changes NONE = new Changes(0, 0, 0, 0);

        Changes plus(Changes o) {
            return new Changes(raised + o.raised, updated + o.updated, worsened + o.worsened,
                    newEpisodes + o.newEpisodes);
        }
    }

    /**
     * Brings the cases of the given pupils at one school in line with the alerts raised now, in the caller's
     * transaction. Only the latest situation per pupil and kind counts: earlier ones have had their case.
     */
    Changes apply(String laestab, Map<Long, List<Raised>> raised, List<AlertId> kinds) {
        Map<String, Raised> latest = new HashMap<>();        // person|kind -> alert
        Comparator<Raised> order = Comparator.comparing(Raised::alert, CaseChange.RECENCY);
        raised.forEach((person, alerts) -> alerts.forEach(r ->
                latest.merge(person + "|" + r.alert().id(), r, (a, b) -> order.compare(a, b) >= 0 ? a : b)));
        if (raised.isEmpty()) {
            return Changes.NONE;
        }
        Map<String, AlertCaseStore.Stored> open = new HashMap<>();
        Map<String, Integer> resolvedSeverity = new HashMap<>();
        for (AlertCaseStore.Stored s : store.openOrResolvedAs(laestab, raised.keySet().toArray(Long[]::new),
                kinds.stream().map(Enum::name).toArray(String[]::new),
                latest.values().stream().map(r -> r.alert().caseKey()).toArray(String[]::new))) {
            if (s.status().equals("resolved")) {
                resolvedSeverity.merge(s.key(), s.severity(), Math::max);
            } else {
                open.put(s.person() + "|" + s.kind(), s);
            }
        }
        int inserted = 0;
        int updated = 0;
        int worsened = 0;
        int episodes = 0;
        List<AlertCaseStore.NewCase> raise = new ArrayList<>();
        List<AlertCaseStore.Refresh> refresh = new ArrayList<>();
        List<AlertCaseStore.RecomputeEvent> events = new ArrayList<>();
        for (Map.Entry<String, Raised> e : latest.entrySet()) {
            long person = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf('|')));
            Raised r = e.getValue();
            Alert a = r.alert();
            AlertCaseStore.Stored s = open.get(e.getKey());
            Optional<CaseChange.OpenCase> openCase = Optional.ofNullable(s)
                    .map(o -> new CaseChange.OpenCase(o.key(), o.severity(), o.figure(), o.detail()));
            // The rules of a case's life are core's (CaseChange); this method only stores their outcome.
            CaseChange change = CaseChange.of(a, r.figure().value(), openCase,
                    Optional.ofNullable(resolvedSeverity.get(a.caseKey())));
            switch (change) {
                case STAY_RESOLVED, NONE -> {
                    continue;
                }
                case RAISE -> inserted++;
                case NEW_EPISODE -> episodes++;
                case WORSEN -> worsened++;
                case UPDATE, REFRESH -> updated++;
            }
            if (change == CaseChange.RAISE) {
                raise.add(new AlertCaseStore.NewCase(person, a.id().name(), a.detail(), a.caseKey(), a.severity(),
                        r.figure().value(), r.figure().unit(), AlertKinds.firstEvidence(a), a.observedOn(),
                        AlertKinds.dueOn(a), AlertKinds.responsible(a.id(), settings.la(), laestab)));
                continue;
            }
            refresh.add(new AlertCaseStore.Refresh(s.id(), a.caseKey(), a.detail(),
                    CaseChange.severityAfter(a, openCase), r.figure().value(), r.figure().unit(),
                    AlertKinds.firstEvidence(a), a.observedOn(), AlertKinds.dueOn(a)));
            change.event().ifPresent(event -> events.add(new AlertCaseStore.RecomputeEvent(s.id(), event,
                    a.detail())));
        }
        // Each kind of write is one statement over arrays, however many cases it touches.
        store.raise(laestab, raise);
        store.refresh(refresh);
        store.record(events);
        return new Changes(inserted, updated, worsened, episodes);
    }

    /** Assigns a case to a user (again, if it was assigned); a raised case becomes assigned. */
    @Transactional
    public AlertCaseQuery.Case assign(long id, String username, String actor) {
        return decide(id, OfficerDecision.ASSIGN, next -> store.assign(id, username, next), actor, "to " + username);
    }

    @Transactional
    public AlertCaseQuery.Case acknowledge(long id, String actor) {
        return decide(id, OfficerDecision.ACKNOWLEDGE, next -> store.acknowledge(id, next), actor, null);
    }

    @Transactional
    public AlertCaseQuery.Case resolve(long id, String reason, String actor) {
        return decide(id, OfficerDecision.RESOLVE, next -> store.resolve(id, reason, next), actor, reason);
    }

    /**
     * An officer's decision, as core's {@link OfficerDecision} allows it from the case's status, with its event.
     * The row is locked until the transaction ends, so two officers' decisions on one case follow each other.
     */
    private AlertCaseQuery.Case decide(long id, OfficerDecision decision, Consumer<CaseStatus> write, String actor,
                                       String detail) {
        CaseStatus status = store.lockStatus(id)
                .orElseThrow(() -> new Refusal.NotFound("There is no alert case " + id));
        CaseStatus next = decision.from(status).orElseThrow(() -> new Refusal.Conflict(
                "Alert case " + id + " is " + status.label() + ": " + decision.refusal()));
        write.accept(next);
        store.record(id, decision.event(), actor, detail);
        return query.find(id).orElseThrow();
    }
}
