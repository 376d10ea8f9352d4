package org.rollbridge.core.pupil;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.rollbridge.core.code.Choice;
import org.rollbridge.core.code.CodeList;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.identity.Postcode;

/**
 * A field of a pupil's record the LA may correct (rectification, UK GDPR article 16): who the pupil is and where they
 * live, as the schools' records carry them. Each knows what a correct value looks like, so a correction is refused
 * with what was wrong before it is recorded.
 */
public enum CorrectableField implements Choice {
    FORENAME("Legal forename"),
    SURNAME("Legal surname"),
    DOB("Date of birth"),
    SEX("Sex"),
    POSTCODE("Home postcode");

    /** Longer is not a name but a paste gone wrong. */
    static final int LONGEST_NAME = 100;

    private final String label;

    CorrectableField(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** By its id, as the API and the database write it: forename, surname, dob, sex, postcode. */
    public static Optional<CorrectableField> ofId(String id) {
        return Choice.byId(CorrectableField.class, id);
    }

    /** Every id, for a message saying which fields may be corrected. */
    public static String ids() {
        return Choice.ids(CorrectableField.class);
    }

    /** The value in the form the records keep (a postcode in normal form, a sex code), or why it cannot be one. */
    public sealed interface Checked permits Accepted, Rejected {
    }

    public record Accepted(String value) implements Checked {
    }

    public record Rejected(String problem) implements Checked {
    }

    public Checked check(String value) {
        String given = value == null ? "" : value.strip();
        if (given.isEmpty()) {
            return new Rejected("Give the corrected " + label.toLowerCase());
        }
        return switch (this) {
            case FORENAME, SURNAME -> given.length() <= LONGEST_NAME ? new Accepted(given)
                    : new Rejected(label + " must be at most " + LONGEST_NAME + " characters; it was " + given.length());
            case DOB -> date(given);
            case SEX -> CodeList.lookup(Sex.class, given).filter(s -> !s.legacy())
                    .<Checked>map(s -> new Accepted(s.code()))
                    .orElseGet(() -> new Rejected("Sex must be M or F; it was '" + given + "'"));
            case POSTCODE -> Postcode.parse(given).<Checked>map(p -> new Accepted(p.value()))
                    .orElseGet(() -> new Rejected("'" + given + "' is not a UK postcode (e.g. NR6 6LY)"));
        };
    }

    private Checked date(String given) {
        try {
            LocalDate dob = LocalDate.parse(given);
            return dob.getYear() < 1900 ? new Rejected("Date of birth " + given + " is before 1900")
                    : new Accepted(dob.toString());
        } catch (DateTimeParseException e) {
            return new Rejected("Date of birth must be a date like 2015-03-14; it was '" + given + "'");
        }
    }
}
