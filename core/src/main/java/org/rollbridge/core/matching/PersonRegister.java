package org.rollbridge.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The LA's people, indexed for matching: exact keys for rules 1-4, blocking keys for rule 5 (so each incoming
 * record is compared with tens of people, not all of them) and name frequencies. Immutable once built; safe to
 * share between threads. Rebuild it when the register changes.
 */
public final class PersonRegister {

    private static final int[] NONE = new int[0];
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final List<PersonKeys> people;
    private final Map<String, int[]> byUpn = new HashMap<>();
    private final Map<String, int[]> byUln = new HashMap<>();
    private final Map<String, int[]> byDobName = new HashMap<>();
    private final Map<String, int[]> byPostcodeName = new HashMap<>();
    private final Map<String, int[]> blocks = new HashMap<>();
    private final TermFrequencies surnames;
    private final TermFrequencies forenames;
    private final TermFrequencies birthDates;

    private PersonRegister(List<PersonKeys> people, TermFrequencies surnames, TermFrequencies forenames) {
        this.people = people;
        List<String> surnameValues = new ArrayList<>(people.size());
        List<String> forenameValues = new ArrayList<>(people.size());
        List<String> dates = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            PersonKeys k = people.get(i);
            int index = i;
            k.upns().forEach(u -> add(byUpn, u, index));
            if (!k.uln().isEmpty()) {
                add(byUln, k.uln(), index);
            }
            String dobName = dobNameKey(k);
            if (dobName != null) {
                add(byDobName, dobName, index);
            }
            String postcodeName = postcodeNameKey(k);
            if (postcodeName != null) {
                add(byPostcodeName, postcodeName, index);
            }
            blockingKeys(k, false, key -> add(blocks, key, index));
            surnameValues.add(k.legalSurname());
            forenameValues.add(k.legalForename());
            dates.add(k.dobDigits());
        }
        // Counted over these people even for a register of candidates: the ratio that adjusts a weight stays
        // about the same as long as everyone born that day is among them (the hub fetches whole months of birth).
        this.birthDates = TermFrequencies.of(dates);
        this.surnames = surnames != null ? surnames : TermFrequencies.of(surnameValues);
        this.forenames = forenames != null ? forenames : TermFrequencies.of(forenameValues);
    }

    public static PersonRegister of(List<MatchPerson> register) {
        List<PersonKeys> keys = register.parallelStream().map(PersonKeys::of).toList();
        return new PersonRegister(keys, null, null);
    }

    /**
     * A register of just the people a few records could match (found by their keys in a database), with name
     * frequencies counted over the whole register, so that weights are the same as against the whole register.
     */
    public static PersonRegister of(List<MatchPerson> candidates, TermFrequencies surnames,
                                    TermFrequencies forenames) {
        return new PersonRegister(candidates.stream().map(PersonKeys::of).toList(), surnames, forenames);
    }

    public int size() {
        return people.size();
    }

    public PersonKeys person(int index) {
        return people.get(index);
    }

    public TermFrequencies surnames() {
        return surnames;
    }

    public TermFrequencies forenames() {
        return forenames;
    }

    /** How many people share each date of birth: twins and triplets make agreement on a date less telling. */
    public TermFrequencies birthDates() {
        return birthDates;
    }

    /** Register people sharing any current or former UPN with the record (rule 1). */
    int[] byUpn(PersonKeys k) {
        if (k.upns().size() == 1) {
            return byUpn.getOrDefault(k.upns().get(0), NONE);
        }
        return union(k.upns().stream().map(u -> byUpn.getOrDefault(u, NONE)).toList());
    }

    int[] byUln(PersonKeys k) {
        return k.uln().isEmpty() ? NONE : byUln.getOrDefault(k.uln(), NONE);
    }

    int[] byDobName(PersonKeys k) {
        String key = dobNameKey(k);
        return key == null ? NONE : byDobName.getOrDefault(key, NONE);
    }

    int[] byPostcodeName(PersonKeys k) {
        String key = postcodeNameKey(k);
        return key == null ? NONE : byPostcodeName.getOrDefault(key, NONE);
    }

    /** Everyone sharing a blocking key with the record, each once; blocks above the size cap are skipped. */
    int[] candidates(PersonKeys k, int maxBlockSize) {
        List<int[]> found = new ArrayList<>(8);
        blockingKeys(k, true, key -> {
            int[] block = blocks.get(key);
            if (block != null && block.length <= maxBlockSize) {
                found.add(block);
            }
        });
        return union(found);
    }

    static String dobNameKey(PersonKeys k) {
        if (k.dobDigits().isEmpty() || k.legalSurname().isEmpty() || k.legalForename().isEmpty()) {
            return null;
        }
        return k.dobDigits() + '|' + k.legalSurname() + '|' + k.forenamePrefix();
    }

    static String postcodeNameKey(PersonKeys k) {
        if (k.postcode().isEmpty() || k.legalSurname().isEmpty() || k.legalForename().isEmpty()) {
            return null;
        }
        return k.postcode() + '|' + k.legalSurname() + '|' + k.forenamePrefix();
    }

    /**
     * Blocking keys: date of birth; sound of a surname + birth year; postcode + forename initial; forename
     * prefix + birth month; the sounds of forename and surname together; the first two letters of surname and
     * forename; the first three of the surname and the forename's initial; day and month of birth and the
     * surname's initial. A true match is missed only when it shares none of them: the last four find a record
     * whose names are misspelt, whose date of birth is wrong and whose family moved. The querying side also
     * tries its date of birth with day and month swapped.
     */
    static void blockingKeys(PersonKeys k, boolean query, Consumer<String> sink) {
        String dob = k.dobDigits();
        if (!dob.isEmpty()) {
            sink.accept("D" + dob);
            if (query && !dob.regionMatches(4, dob, 6, 2)) {
                sink.accept("D" + dob.substring(0, 4) + dob.substring(6, 8) + dob.substring(4, 6));
            }
        }
        String year = dob.isEmpty() ? "" : dob.substring(0, 4);
        for (String surname : k.surnames()) {
            sink.accept("S" + METAPHONE.doubleMetaphone(surname) + year);
        }
        if (k.surnameParts().size() > 1) {
            for (String part : k.surnameParts()) {
                sink.accept("S" + METAPHONE.doubleMetaphone(part) + year);
            }
        }
        if (!k.legalForename().isEmpty() && !k.legalSurname().isEmpty()) {
            sink.accept("N" + METAPHONE.doubleMetaphone(k.legalForename()) + '|'
                    + METAPHONE.doubleMetaphone(k.legalSurname()));
            sink.accept("A" + k.legalSurname().substring(0, Math.min(2, k.legalSurname().length())) + '|'
                    + k.legalForename().substring(0, Math.min(2, k.legalForename().length())));
            sink.accept("B" + k.legalSurname().substring(0, Math.min(3, k.legalSurname().length())) + '|'
                    + k.legalForename().charAt(0));
            if (!dob.isEmpty()) {
                sink.accept("M" + dob.substring(4) + k.legalSurname().charAt(0));
            }
        }
        for (String forename : k.forenames()) {
            if (!k.postcode().isEmpty()) {
                sink.accept("P" + k.postcode() + forename.charAt(0));
            }
            if (!dob.isEmpty()) {
                sink.accept("F" + forename.substring(0, Math.min(3, forename.length())) + dob.substring(0, 6));
            }
        }
    }

    private static void add(Map<String, int[]> index, String key, int value) {
        int[] current = index.get(key);
        if (current == null) {
            index.put(key, new int[] {value});
        } else if (current[current.length - 1] != value) {
            int[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = value;
            index.put(key, grown);
        }
    }

    static int[] union(List<int[]> lists) {
        if (lists.isEmpty()) {
            return NONE;
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        int total = 0;
        for (int[] l : lists) {
            total += l.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] l : lists) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }
}
