package org.rollbridge.hub.audit;

import java.util.Collection;
import java.util.List;

/**
 * The pupils a read showed, as the audit log keeps them: persons the LA knows (by id) and the UPNs of records that
 * name no person yet (a batch report's rows, a held record). One audit row per request carries them all.
 */
public record Pupils(List<Long> persons, List<String> upns) {

    public static final Pupils NONE = new Pupils(List.of(), List.of());

    public Pupils {
        persons = persons.stream().distinct().sorted().toList();
        upns = upns.stream().filter(u -> u != null && !u.isBlank()).distinct().sorted().toList();
    }

    public static Pupils persons(Collection<Long> persons) {
        return new Pupils(List.copyOf(persons), List.of());
    }

    public static Pupils person(long person) {
        return persons(List.of(person));
    }

    public static Pupils upns(Collection<String> upns) {
        return new Pupils(List.of(), upns.stream().filter(u -> u != null).toList());
    }

    public Pupils and(Pupils other) {
        return new Pupils(java.util.stream.Stream.concat(persons.stream(), other.persons.stream()).toList(),
                java.util.stream.Stream.concat(upns.stream(), other.upns.stream()).toList());
    }

    public int count() {
        return persons.size() + upns.size();
    }
}
