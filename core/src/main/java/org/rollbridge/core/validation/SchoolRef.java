package org.rollbridge.core.validation;

import java.util.Optional;
import org.rollbridge.core.identity.Laestab;

/**
 * The school a file comes from, as the file names it: LA code and establishment number (either may be null), and
 * the school's name where the reader knows it (the hub does; a file alone may not say).
 */
public record SchoolRef(String la, String estab, String name) {

    public SchoolRef(String la, String estab) {
        this(la, estab, null);
    }

    public static Optional<SchoolRef> fromLaestab(String laestab) {
        return Laestab.parse(laestab).map(l -> new SchoolRef(l.la(), l.estab()));
    }

    public SchoolRef named(String schoolName) {
        return new SchoolRef(la, estab, schoolName == null || schoolName.isBlank() ? null : schoolName);
    }

    /** "926/2001", or with the name known "Riverside Primary (926/2001)". */
    public String label() {
        String code = la + "/" + estab;
        return name == null ? code : name + " (" + code + ")";
    }
}
