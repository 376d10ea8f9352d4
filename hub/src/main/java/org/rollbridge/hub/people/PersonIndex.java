package org.rollbridge.hub.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The LA's person index: persons and the identifiers that lead to them, with where each came from. */
@Service
public class PersonIndex {

    private final PersonStore store;
    private final PersonQuery query;
    private final HeldRecords held;

    public PersonIndex(PersonStore store, PersonQuery query, HeldRecords held) {
        this.store = store;
        this.query = query;
        this.held = held;
    }

    /** A person as the LA's register (or a confirmed review) describes them. */
    public record Person(String registerId, String upn, List<String> formerUpns, String uln, String legalForename,
                         String legalSurname, LocalDate dob, String sex, String postcode) {
    }

    /**
     * Adds a person from the LA's register, or updates the one with the same register id, then releases any
     * records held for their identifiers. Returns the person id.
     */
    @Transactional
    public long register(Person p, String origin, String confirmedBy) {
        return add(p, origin, confirmedBy).id();
    }

    /** A person added or updated, and how many held records their identifiers released. */
    record Registered(long id, int released) {
    }

    @Transactional
    Registered add(Person p, String origin, String confirmedBy) {
        long id = store.upsert(p, origin);
        // Only a UPN this load newly gives the person releases what is held under it. A UPN the person already had
        // did not link a record held since: the matcher doubted it (e.g. the UPN keyed onto another child's
        // details), and loading the same register again must not overrule that doubt.
        int released = 0;
        if (identify(id, "UPN", p.upn(), origin, confirmedBy)) {
            released += held.releaseFor(p.upn(), id);
        }
        for (String former : p.formerUpns()) {
            if (identify(id, "FORMER_UPN", former, origin, confirmedBy)) {
                released += held.releaseFor(former, id);
            }
        }
        identify(id, "ULN", p.uln(), origin, confirmedBy);
        return new Registered(id, released);
    }

    private boolean identify(long person, String kind, String value, String rule, String confirmedBy) {
        return identify(person, kind, value, rule, null, null, confirmedBy);
    }

    /**
     * Records that an identifier leads to a person, how that was decided (rule, rule 5's score, the batch, who
     * confirmed it); an identifier already known is left as it is. True when the identifier is new.
     */
    public boolean identify(long person, String kind, String value, String rule, Double score, java.util.UUID batch,
                            String confirmedBy) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return store.identify(person, kind, value.strip(), rule, score, batch, confirmedBy);
    }

    /** The person an identifier leads to, if any. */
    public Optional<Long> byIdentifier(String kind, String value) {
        return query.byIdentifier(kind, value);
    }

    public Optional<Long> byUpn(String upn) {
        return query.byUpn(upn);
    }
}
