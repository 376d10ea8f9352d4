package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.List;

/**
 * What the access rules need to know of a pupil: the school spells, the LA of residence, and the social care
 * cohorts that admit a social care viewer.
 */
public record PupilFacts(List<Spell> spells, String residenceLa, boolean socialWorker, boolean lookedAfter,
                         boolean childProtectionPlan) {

    public PupilFacts {
        spells = List.copyOf(spells);
    }

    /** A spell on a school's roll; {@code to} is null while the pupil is on it. */
    public record Spell(String school, LocalDate from, LocalDate to) {
    }

    public boolean inSocialCareCohort() {
        return socialWorker || lookedAfter || childProtectionPlan;
    }
}
