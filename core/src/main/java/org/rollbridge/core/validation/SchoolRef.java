package org.rollbridge.core.validation;

import java.util.Optional;
import org.rollbridge.core.identity.Laestab;

/** The school a file comes from, as the file names it: LA code and establishment number (either may be null). */
public record SchoolRef(String la, String estab) {

    public static Optional<SchoolRef> fromLaestab(String laestab) {
        return Laestab.parse(laestab).map(l -> new SchoolRef(l.la(), l.estab()));
    }
}
