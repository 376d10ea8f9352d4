package org.rollbridge.core.pupil;

import java.util.List;

/**
 * A home address as a CTF carries it: BS7666 parts, or free lines, and the postcode as written by the school.
 * A contact's address may instead say it is the pupil's ({@code addressAsPupil}).
 */
public record Address(String saon, String paon, String street, String locality, String town,
                      String administrativeArea, String postTown, String uprn, List<String> lines,
                      String postcode, boolean addressAsPupil) {

    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static Address bs7666(String paon, String street, String town, String administrativeArea,
                                 String postTown, String postcode) {
        return new Address(null, paon, street, null, town, administrativeArea, postTown, null, List.of(), postcode, false);
    }

    public static Address lines(List<String> lines, String postcode) {
        return new Address(null, null, null, null, null, null, null, null, lines, postcode, false);
    }

    public static Address sameAsPupil() {
        return new Address(null, null, null, null, null, null, null, null, List.of(), null, true);
    }

    public boolean bs7666() {
        return paon != null || saon != null || street != null || town != null || postTown != null
                || locality != null || administrativeArea != null;
    }
}
