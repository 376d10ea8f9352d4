package org.rollbridge.core.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.rollbridge.core.pupil.RecordedDate;

/**
 * One person as matching sees them: a row of the LA's register or an incoming pupil record. Text is kept as
 * sent; comparison keys are derived by {@link PersonKeys}. Any field but {@code id} may be null or empty.
 *
 * @param dob the date of birth as sent; {@link #birthDate()} gives the date when the text is one
 */
public record MatchPerson(String id, String upn, List<String> formerUpns, String uln, String legalForename,
                          String legalSurname, String preferredForename, String preferredSurname, RecordedDate dob,
                          String sex, String postcode) {

    public MatchPerson {
        Objects.requireNonNull(id, "id");
        formerUpns = formerUpns == null ? List.of() : List.copyOf(formerUpns);
        dob = dob == null ? RecordedDate.absent() : dob;
    }

    public LocalDate birthDate() {
        return dob.date().orElse(null);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fixture and adapter friendly construction: unset fields stay empty. */
    public static final class Builder {
        private final String id;
        private String upn;
        private List<String> formerUpns = List.of();
        private String uln;
        private String legalForename;
        private String legalSurname;
        private String preferredForename;
        private String preferredSurname;
        private RecordedDate dob = RecordedDate.absent();
        private String sex;
        private String postcode;

        private Builder(String id) {
            this.id = id;
        }

        public Builder upn(String v) { upn = v; return this; }
        public Builder formerUpns(String... v) { formerUpns = List.of(v); return this; }
        public Builder formerUpns(List<String> v) { formerUpns = v; return this; }
        public Builder uln(String v) { uln = v; return this; }
        public Builder forename(String v) { legalForename = v; return this; }
        public Builder surname(String v) { legalSurname = v; return this; }
        public Builder preferredForename(String v) { preferredForename = v; return this; }
        public Builder preferredSurname(String v) { preferredSurname = v; return this; }
        public Builder dob(String v) { dob = RecordedDate.of(v); return this; }
        public Builder birthDate(LocalDate v) { dob = v == null ? RecordedDate.absent() : RecordedDate.of(v); return this; }
        public Builder sex(String v) { sex = v; return this; }
        public Builder postcode(String v) { postcode = v; return this; }

        public MatchPerson build() {
            return new MatchPerson(id, upn, formerUpns, uln, legalForename, legalSurname, preferredForename,
                    preferredSurname, dob, sex, postcode);
        }
    }
}
