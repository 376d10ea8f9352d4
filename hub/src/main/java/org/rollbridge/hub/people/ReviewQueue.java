package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rollbridge.core.matching.MatchField;
import org.rollbridge.core.matching.MatchModel;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.NameEquivalents;
import org.rollbridge.core.matching.PairComparison;
import org.rollbridge.core.matching.PersonKeys;
import org.rollbridge.core.matching.ReviewDecision;
import org.rollbridge.core.matching.TermFrequencies;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.ingest.HeldRecords;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matching review queue: each open item is one candidate person for one held pupil record, shown side by side
 * with field agreement. A person decides: link (the record is released to that person), not a match (the
 * candidate is excluded and the record matched again) or new person (a person is created and the record
 * released). Every decision needs a reason and is audited; a decided item cannot be decided again. When a decision
 * may be taken is core's {@link ReviewDecision}, the same for the API and the pages, and for "new person" taken on a
 * held record itself ({@link #newPersonFor}); this class takes the decision, which {@link ReviewQueueStore} stores.
 */
@Service
public class ReviewQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NameEquivalents EQUIVALENTS = NameEquivalents.embedded();

    private final ReviewQueueQuery query;
    private final ReviewQueueStore store;
    private final PersonIndex persons;
    private final HeldRecords held;
    private final HeldRecordMatching heldMatching;
    private final AuditLog audit;

    public ReviewQueue(ReviewQueueQuery query, ReviewQueueStore store, PersonIndex persons, HeldRecords held,
                       HeldRecordMatching heldMatching, AuditLog audit) {
        this.query = query;
        this.store = store;
        this.persons = persons;
        this.held = held;
        this.heldMatching = heldMatching;
        this.audit = audit;
    }

    /** Who decides: a signed-in user or the LA administrator's token. */
    public record Reviewer(String name, String role) {
    }

    /**
     * One field side by side. {@code agreement} is {@code agree}, {@code partial}, {@code differ} or
     * {@code missing}; {@code level} is the comparison level the pair reached, in words; {@code weight} its evidence in bits.
     */
    public record FieldAgreement(String field, String label, String incoming, String candidate, String agreement,
                                 String level, Double weight) {
    }

    /**
     * One review item; {@code ruleLabel} and {@code statusLabel} are the rule and status in words, {@code schoolSays}
     * the school's answer to the LA's question on the held record, in words (null while it gave none).
     */
    public record Item(long id, long heldRecordId, String laestab, String status, String rule, Double score,
                       String why, String heldReason, Long candidatePersonId, String candidateRegisterId,
                       List<FieldAgreement> fields, Instant createdAt, String decidedBy, Instant decidedAt,
                       String decisionReason, String ruleLabel, String statusLabel, String schoolSays) {
    }

    public List<Item> open(int limit) {
        return query.open(limit);
    }

    public Optional<Item> item(long id) {
        return query.item(id);
    }

    /**
     * Audits a look at the queue or one item: both show children's details, the incoming records' (by UPN) and the
     * candidates' (by person).
     */
    public void viewed(Reviewer who, String subject, String detail, List<Item> shown) {
        Pupils pupils = new Pupils(shown.stream().map(Item::candidatePersonId).filter(Objects::nonNull).toList(),
                shown.stream().flatMap(i -> i.fields().stream()).filter(f -> "UPN".equals(f.field().toUpperCase()))
                        .map(FieldAgreement::incoming).toList());
        audit.record(who.name(), who.role(), AuditAction.VIEW_PUPIL, subject, null, detail, "ok", pupils);
    }

    /**
     * Takes a decision on a review item (core's {@link ReviewDecision} says whether it may be taken); returns what
     * became of the held record. Refused: no reason (invalid), unknown item (not found), decided already or the
     * records in the way (conflict).
     */
    @Transactional
    public Map<String, Object> decide(long id, ReviewDecision decision, String reason, Reviewer who) {
        allowed(ReviewDecision.reasonGiven(reason));
        Map<String, Object> row = store.lockItem(id).orElseThrow(() -> new Refusal.NotFound("No review item " + id));
        long heldId = ((Number) row.get("held_record_id")).longValue();
        String upn = (String) row.get("upn");
        String laestab = (String) row.get("laestab");
        Long candidate = row.get("candidate_person_id") == null ? null
                : ((Number) row.get("candidate_person_id")).longValue();
        ReviewDecision.Item item = new ReviewDecision.Item(id, (String) row.get("status"),
                (String) row.get("decided_by"), String.valueOf(row.get("decided_at")), heldId,
                (String) row.get("held_status"), candidate);
        Optional<Long> person = allowed(decision.on(item, persons.byUpn(upn), erasure(upn, (String) row.get("payload")),
                reason));
        String why = reason.strip();
        Long decided = switch (decision) {
            case LINK -> link(heldId, upn, person.orElseThrow(), (BigDecimal) row.get("score"),
                    (UUID) row.get("batch_id"), laestab, (String) row.get("payload"), who);
            case NEW_PERSON -> newPerson(heldId, upn, laestab, (String) row.get("payload"), who);
            case NOT_A_MATCH -> null;
        };
        store.decide(id, decision.status(), who.name(), why, decided);
        audit.record(who.name(), who.role(), AuditAction.REVIEW_DECISION, "review:" + id, why,
                decision.path() + ": held record " + heldId + " from school " + laestab
                        + (candidate == null ? "" : ", candidate person " + candidate)
                        + (decided == null ? "" : ", released to person " + decided), "ok");
        if (decision == ReviewDecision.NOT_A_MATCH) {
            if (!store.anyOpen(heldId)) {
                heldMatching.rematchRecord(heldId);
            }
        } else {
            registerChanged(heldId, decided, who);
        }
        Map<String, Object> heldNow = store.held(heldId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("decision", decision.path());
        out.put("heldRecordId", heldId);
        out.put("heldStatus", heldNow.get("status"));
        out.put("heldReason", heldNow.get("reason"));
        out.put("personId", heldNow.get("person_id"));
        return out;
    }

    /**
     * "This held record is a new person", decided on the held record itself (one held as unmatched has no review
     * item): the same rules and the same person, made from the held record, as the review item's new-person
     * decision. Its open review items are decided with it.
     */
    @Transactional
    public Map<String, Object> newPersonFor(long heldId, String reason, Reviewer who) {
        allowed(ReviewDecision.reasonGiven(reason));
        Map<String, Object> row = store.lockHeld(heldId).orElseThrow(() -> new Refusal.NotFound("No held record " + heldId));
        String upn = (String) row.get("upn");
        String laestab = (String) row.get("laestab");
        allowed(ReviewDecision.newPersonFor(new ReviewDecision.Held(heldId, (String) row.get("status"),
                (String) row.get("reason"), upn), upn == null ? Optional.empty() : persons.byUpn(upn),
                erasure(upn, (String) row.get("payload")), reason));
        String why = reason.strip();
        long person = newPerson(heldId, upn, laestab, (String) row.get("payload"), who);
        store.decideOpenFor(heldId, ReviewDecision.NEW_PERSON.status(), who.name(), why, person);
        audit.record(who.name(), who.role(), AuditAction.REVIEW_DECISION, "held:" + heldId, why,
                ReviewDecision.NEW_PERSON.path() + ": held record " + heldId + " from school " + laestab
                        + ", released to person " + person, "ok");
        registerChanged(heldId, person, who);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", person);
        out.put("heldRecordId", heldId);
        out.put("status", store.held(heldId).get("status"));
        return out;
    }

    /** The erasure decision one of the held record's identifiers is suppressed by, if any. */
    private Optional<Long> erasure(String upn, String payload) {
        return persons.erased(List.of(person(upn, payload))).values().stream().findFirst();
    }

    /** The person the held record describes, as a new person would be made from it. */
    private static PersonIndex.Person person(String upn, String payload) {
        JsonNode p = JSON.readTree(payload == null ? "{}" : payload);
        List<String> former = new ArrayList<>();
        p.path("former_upns").forEach(f -> former.add(f.asString()));
        String dob = p.path("dob").asString(null);
        return new PersonIndex.Person(null, upn, former, p.path("uln").asString(null),
                p.path("forename").asString(null), p.path("surname").asString(null),
                dob == null ? null : LocalDate.parse(dob), p.path("sex").asString(null),
                p.path("postcode").asString(null));
    }

    /** The person a verdict allows the record to go to, or the refusal, in the domain's terms. */
    private static Optional<Long> allowed(ReviewDecision.Verdict verdict) {
        return switch (verdict) {
            case ReviewDecision.Allowed a -> a.person();
            case ReviewDecision.Refused r -> throw switch (r.why()) {
                case INVALID -> new Refusal.Invalid(r.message());
                case CONFLICT -> new Refusal.Conflict(r.message());
            };
        };
    }

    /**
     * The record now belongs to a person: its other open review items are superseded, and the held records this
     * person could match are matched again, before the reply.
     */
    private void registerChanged(long heldId, long person, Reviewer who) {
        store.supersedeOpen(List.of(heldId), who.name());
        heldMatching.rematchAround(List.of(person));
    }

    private long link(long heldId, String upn, long candidate, BigDecimal score, UUID batch, String laestab,
                      String payload, Reviewer who) {
        Double s = score == null ? null : score.doubleValue();
        persons.identify(candidate, "UPN", upn, "REVIEW", s, batch, who.name());
        persons.identify(candidate, "ULN", JSON.readTree(payload).path("uln").asString(null), "REVIEW", s, batch,
                who.name());
        held.releaseRecord(heldId, candidate);
        held.releaseFor(upn, candidate);
        heldMatching.noteHowMatched(candidate, laestab, "REVIEW", null);
        return candidate;
    }

    /** A person made from the held record (names, date of birth, identifiers), who receives it and its kin. */
    private long newPerson(long heldId, String upn, String laestab, String payload, Reviewer who) {
        long person = persons.register(person(upn, payload), "review", who.name());
        held.releaseRecord(heldId, person);
        heldMatching.noteHowMatched(person, laestab, "REVIEW", null);
        return person;
    }

    /** Each field side by side with its agreement level, as the matching rules saw it. */
    static List<FieldAgreement> fields(MatchPerson in, MatchPerson candidate, double[] storedWeights) {
        PairComparison c = candidate == null ? null
                : PairComparison.of(PersonKeys.of(in), PersonKeys.of(candidate), EQUIVALENTS);
        double[] w = c == null ? null : storedWeights != null && storedWeights.length == MatchField.values().length
                ? storedWeights
                : MatchModel.defaults().fieldWeights(c, TermFrequencies.none(), TermFrequencies.none());
        List<FieldAgreement> out = new ArrayList<>();
        for (MatchField f : MatchField.values()) {
            String level = c == null ? "MISSING" : f.levels().get(c.level(f));
            String agreement = level.equals("MISSING") ? "missing"
                    : c.level(f) == 0 ? "agree" : level.endsWith("DIFFERENT") ? "differ" : "partial";
            out.add(new FieldAgreement(f.column(), label(f), show(f, in), candidate == null ? null : show(f, candidate),
                    agreement, MatchField.levelInWords(level),
                    w == null ? null : Math.round(w[f.ordinal()] * 10) / 10.0));
        }
        return out;
    }

    private static String label(MatchField f) {
        return switch (f) {
            case UPN -> "UPN (and former UPNs)";
            case ULN -> "ULN";
            case FORENAME -> "Legal forename (preferred)";
            case SURNAME -> "Legal surname (preferred)";
            case DOB -> "Date of birth";
            case SEX -> "Sex";
            case POSTCODE -> "Home postcode";
        };
    }

    private static String show(MatchField f, MatchPerson p) {
        return switch (f) {
            case UPN -> join(p.upn(), p.formerUpns().isEmpty() ? null : "former " + String.join(", ", p.formerUpns()));
            case ULN -> p.uln();
            case FORENAME -> join(p.legalForename(), p.preferredForename() == null ? null
                    : "(" + p.preferredForename() + ")");
            case SURNAME -> join(p.legalSurname(), p.preferredSurname() == null ? null
                    : "(" + p.preferredSurname() + ")");
            case DOB -> p.birthDate() == null ? null : p.birthDate().toString();
            case SEX -> p.sex();
            case POSTCODE -> p.postcode();
        };
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
