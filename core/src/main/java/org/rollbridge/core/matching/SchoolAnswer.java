package org.rollbridge.core.matching;

import java.util.List;
import java.util.Optional;
import org.rollbridge.core.code.Choice;

/**
 * The school's answer to the LA's question on a pupil record held because it matched nobody: "Is this child new to
 * the LA, or starting in a first setting?". The answer helps the LA's review (a new person, a search for the school
 * named, or waiting for the school's corrected UPN); it decides nothing itself.
 *
 * <p>The question is asked of every pupil record a school reads as unmatched: held as unmatched, for review or as a
 * conflict, since the school is not told which (that would say whether the LA knows the UPN or the child).
 */
public enum SchoolAnswer implements Choice {
    NEW_TO_LA("New to the LA, or starting in a first setting"),
    PREVIOUSLY_AT("Previously at a school or LA"),
    UPN_WRONG("The UPN is wrong and will be corrected in the MIS");

    /** The question, as the school's page and the API put it. */
    public static final String QUESTION = "Is this child new to the LA, or starting in a first setting?";

    /** The longest school or LA name the school may write. */
    public static final int PREVIOUSLY_AT_MAX = 200;

    /** The held-record reasons a school reads as unmatched, and so is asked about. */
    public static final List<String> ASKED_REASONS = List.of("UNMATCHED", "REVIEW", "CONFLICT");

    private final String label;

    SchoolAnswer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** By its id, as written in the form, the API and the store: new-to-la, previously-at, upn-wrong. */
    public static Optional<SchoolAnswer> of(String id) {
        return Choice.byId(SchoolAnswer.class, id);
    }

    /** Whether the school is asked about a held record of this feed held for this reason: pupil records read as unmatched. */
    public static boolean asked(String feed, String reason) {
        return "ctf".equals(feed) && ASKED_REASONS.contains(reason);
    }

    /** A valid answer: the choice, and for "previously at" the school or LA the school named (else null). */
    public record Answer(SchoolAnswer answer, String previouslyAt) {

        /** What the school says, in words for the LA's reviewer. */
        public String says() {
            return switch (answer) {
                case NEW_TO_LA -> "the child is new to the LA, or starting in a first setting";
                case PREVIOUSLY_AT -> "the child was previously at " + previouslyAt;
                case UPN_WRONG -> "the UPN is wrong and will be corrected in the MIS";
            };
        }
    }

    /** What is wrong with an answer: the form field it concerns and the message to show beside it. */
    public record Problem(String field, String message) {
    }

    /** Checks an answer as the school gave it; either the answer or what is wrong with it. */
    public static Checked check(String answer, String previouslyAt) {
        Optional<SchoolAnswer> chosen = of(answer);
        if (chosen.isEmpty()) {
            return new Checked(null, new Problem("answer",
                    "Select whether the child is new to the LA, was previously at a school or LA, or has a wrong UPN"));
        }
        if (chosen.get() != PREVIOUSLY_AT) {
            return new Checked(new Answer(chosen.get(), null), null);
        }
        String named = previouslyAt == null ? "" : previouslyAt.strip().replaceAll("\\s+", " ");
        if (named.isEmpty()) {
            return new Checked(null, new Problem("previously-at", "Enter the school or LA the child was previously at"));
        }
        if (named.length() > PREVIOUSLY_AT_MAX) {
            return new Checked(null, new Problem("previously-at",
                    "The school or LA must be " + PREVIOUSLY_AT_MAX + " characters or fewer"));
        }
        return new Checked(new Answer(PREVIOUSLY_AT, named), null);
    }

    /** Exactly one of {@code answer} and {@code problem}. */
    public record Checked(Answer answer, Problem problem) {
        public boolean valid() {
            return answer != null;
        }
    }
}
