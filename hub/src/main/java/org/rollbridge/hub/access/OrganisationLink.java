package org.rollbridge.hub.access;

import java.time.LocalDate;

/**
 * A school's membership of a parent organisation (its LA, or the trust of an academy) from one date to another
 * inclusive; {@code to} is null while it lasts. A conversion or a trust move ends one link and starts another.
 */
public record OrganisationLink(String school, Organisation parent, LocalDate from, LocalDate to) {

    public OrganisationLink {
        if (parent.kind() != OrganisationKind.LA && parent.kind() != OrganisationKind.TRUST) {
            throw new IllegalArgumentException("A school belongs to an LA or a trust, not to " + parent);
        }
        if (from == null) {
            throw new IllegalArgumentException("School " + school + "'s link to " + parent + " needs a start date");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("School " + school + "'s link to " + parent + " ends (" + to
                    + ") before it starts (" + from + ")");
        }
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
