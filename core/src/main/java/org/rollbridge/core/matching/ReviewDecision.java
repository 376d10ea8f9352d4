package org.rollbridge.core.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A person's decision on a pupil record the matching held back (clerical review): link it to the candidate person,
 * say the candidate is not a match, or say the pupil is a new person to the LA. These are the rules of when each
 * may be taken, the same whether the decision comes from the API or a page; the hub stores the outcome.
 *
 * <p>Every decision needs a reason (it is kept in the audit log). A decided review item, or a held record that is
 * no longer held, cannot be decided again. A record is linked only to its candidate, and only if its UPN does not
 * already lead to someone else; a new person is created only if the UPN leads to nobody yet (else the record
 * belongs to that person, or the UPN is wrong) and none of the record's identifiers belonged to a person the LA
 * erased (a new person would recreate them).
 */
public enum ReviewDecision {
    LINK("link", "linked"), NOT_A_MATCH("not-a-match", "not_a_match"), NEW_PERSON("new-person", "new_person");

    /** The held-record reasons that may become a new person: unmatched, or held for review. */
    static final List<String> MAY_BECOME_NEW_PERSON = List.of("UNMATCHED", "REVIEW");

    private final String path;
    private final String status;

    ReviewDecision(String path, String status) {
        this.path = path;
        this.status = status;
    }

    /** As written in paths and in the audit log: link, not-a-match, new-person. */
    public String path() {
        return path;
    }

    /** As stored on the decided review item. */
    public String status() {
        return status;
    }

    /** The decision as the reviewer chooses it. */
    public String label() {
        return switch (this) {
            case LINK -> "Link to this person";
            case NOT_A_MATCH -> "Not a match";
            case NEW_PERSON -> "New person";
        };
    }

    /** A review item's stored status in words: open, or the decision taken on it. */
    public static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "open" -> "Waiting for a decision";
            case "linked" -> "Linked to this person";
            case "not_a_match" -> "Not a match";
            case "new_person" -> "New person created";
            case "superseded" -> "No longer needed: the record was decided on another item";
            default -> status;
        };
    }

    public static Optional<ReviewDecision> ofPath(String path) {
        return Arrays.stream(values()).filter(d -> d.path.equals(path)).findFirst();
    }

    /** A review item (one candidate for one held record) as it is when decided. */
    public record Item(long id, String status, String decidedBy, String decidedAt, long heldRecordId,
                       String heldStatus, Long candidate) {
    }

    /** A held record as it is when decided: its status, why it was held, its UPN. */
    public record Held(long id, String status, String reason, String upn) {
    }

    /** Whether a decision may be taken; when it may, the person the record then belongs to (none for not a match). */
    public sealed interface Verdict permits Allowed, Refused {
    }

    /** @param person the candidate to link to; empty for not a match and for a new person (created by the hub) */
    public record Allowed(Optional<Long> person) implements Verdict {
    }

    /** Refused, with the message for the person deciding. */
    public record Refused(Why why, String message) implements Verdict {
    }

    /** The request lacks something (a reason), or the records are not in a state that allows the decision. */
    public enum Why { INVALID, CONFLICT }

    /** Whether a reason was given: checked before anything is looked up, so a reasonless decision is refused whole. */
    public static Verdict reasonGiven(String reason) {
        return reason == null || reason.isBlank() ? noReason() : new Allowed(Optional.empty());
    }

    /**
     * This decision on a review item.
     *
     * @param upnOwner the person the held record's UPN (current or former) already leads to, if any
     * @param erasure the erasure decision that put one of the record's identifiers on the suppression list, if any
     */
    public Verdict on(Item item, Optional<Long> upnOwner, Optional<Long> erasure, String reason) {
        if (reasonGiven(reason) instanceof Refused r) {
            return r;
        }
        if (!"open".equals(item.status())) {
            return conflict("Review item " + item.id() + " was already decided (" + item.status() + " by "
                    + item.decidedBy() + " at " + item.decidedAt() + "); reload the review queue");
        }
        if (!"held".equals(item.heldStatus())) {
            return conflict("Held record " + item.heldRecordId() + " was already " + item.heldStatus()
                    + "; reload the review queue");
        }
        return switch (this) {
            case LINK -> {
                if (item.candidate() == null) {
                    yield conflict("Review item has no candidate person to link to");
                }
                if (upnOwner.isPresent() && !upnOwner.get().equals(item.candidate())) {
                    yield conflict("The record's UPN already leads to another person (person " + upnOwner.get()
                            + "); ask the school to check the UPN, or decide 'not a match'");
                }
                yield new Allowed(Optional.of(item.candidate()));
            }
            case NEW_PERSON -> newPerson(upnOwner, erasure);
            case NOT_A_MATCH -> new Allowed(Optional.empty());
        };
    }

    /**
     * "This held record is a new person", taken on the held record itself rather than on one of its review items
     * (a record held as unmatched has none).
     */
    public static Verdict newPersonFor(Held held, Optional<Long> upnOwner, Optional<Long> erasure, String reason) {
        if (reasonGiven(reason) instanceof Refused r) {
            return r;
        }
        if (!"held".equals(held.status()) || held.upn() == null
                || !MAY_BECOME_NEW_PERSON.contains(held.reason())) {
            return conflict("Held record " + held.id() + " is " + held.status() + " (" + held.reason()
                    + "); only an unmatched or review record can become a new person");
        }
        return newPerson(upnOwner, erasure);
    }

    private static Verdict newPerson(Optional<Long> upnOwner, Optional<Long> erasure) {
        if (erasure.isPresent()) {
            return conflict("The record's UPN or ULN belonged to a person the LA erased (erasure decision "
                    + erasure.get() + "): a new person would recreate them. Leave the record held and ask the school "
                    + "why it still sends this pupil, or ask the LA's data protection officer whether the decision "
                    + "still stands");
        }
        if (upnOwner.isPresent()) {
            return conflict("The record's UPN already leads to person " + upnOwner.get()
                    + "; link the record to that person, or ask the school to correct the UPN");
        }
        return new Allowed(Optional.empty());
    }

    private static Refused noReason() {
        return new Refused(Why.INVALID, "Give a reason for the decision (for example 'same child: the school "
                + "confirmed the date of birth'); it is kept in the audit log");
    }

    private static Refused conflict(String message) {
        return new Refused(Why.CONFLICT, message);
    }
}
