package org.rollbridge.core.validation;

/**
 * What happens to a file on arrival: accepted (no errors), held back in part (records with errors are held
 * back, the rest go through) or refused (it could not be read, or an error about the whole file).
 */
public enum Outcome {
    ACCEPTED("accepted", "Accepted"),
    HELD_BACK_IN_PART("held_back_in_part", "Held back in part"),
    REFUSED("refused", "Refused");

    private final String label;
    private final String title;

    Outcome(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** The value in JSON reports. */
    public String label() {
        return label;
    }

    /** The words in a school's report. */
    public String title() {
        return title;
    }

    /** The worse of two outcomes, for a run of several files. */
    public Outcome worse(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
