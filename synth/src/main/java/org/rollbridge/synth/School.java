package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Laestab;

/** A school in the synthetic LA. {@code index} is its place in the output order. */
public record School(int index, Laestab laestab, String urn, String name, Phase phase, SchoolType type,
                     String postcode, Locality locality, LocalDate openFrom, List<NcYear> years, double weight) {

    public String code() {
        return laestab.code();
    }

    boolean teaches(NcYear year) {
        return years.contains(year);
    }
}
