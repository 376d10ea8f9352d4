package org.rollbridge.hub.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rollbridge.hub.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares a school agent's digest of every pupil-year it holds with what the hub holds (docs/hub.md,
 * "Reconciliation") and says which pupils differ, so that the agent resends them whatever their date. A pupil
 * whose records the hub holds back (unmatched, for review, with errors) is counted as held, not as differing:
 * resending cannot change that, an officer's decision or a correction in the MIS does.
 */
@Service
public class Reconciliation {

    private final ReconciliationQuery query;
    private final ReconciliationStore store;

    public Reconciliation(ReconciliationQuery query, ReconciliationStore store) {
        this.query = query;
        this.store = store;
    }

    /**
     * The agent's digests: the span of its attendance export, the span of its exclusions export's start dates
     * (null when it sent none), and each pupil's record, years of marks and exclusions.
     */
    public record Digest(LocalDate marksFrom, LocalDate marksTo, LocalDate exclusionsFrom, LocalDate exclusionsTo,
                         List<PupilDigests> pupils) {
    }

    /**
     * One pupil's digests: {@code record} null when the school's CTF does not hold them, {@code exclusions} null
     * when the exclusions export holds none of theirs.
     */
    public record PupilDigests(String upn, String record, Map<Integer, String> years, String exclusions) {
    }

    /** A pupil whose record, some years of marks or exclusions differ at the hub. */
    public record Difference(String upn, boolean record, List<Integer> years, boolean exclusions) {
    }

    public record Answer(int compared, int inStep, int held, List<Difference> differing) {
    }

    @Transactional
    public Answer compare(String laestab, Digest digest) {
        if (digest == null || digest.pupils() == null) {
            throw new Refusal.Invalid("Send the digest as JSON: {\"marksFrom\", \"marksTo\", \"pupils\": [{\"upn\", "
                    + "\"record\", \"years\": {\"2025\": \"...\"}}]} (docs/agent.md, Reconciliation)");
        }
        if ((digest.marksFrom() == null) != (digest.marksTo() == null)
                || digest.marksFrom() != null && digest.marksTo().isBefore(digest.marksFrom())) {
            throw new Refusal.Invalid("marksFrom and marksTo are the first and last day of the attendance export, "
                    + "both or neither, the first on or before the last");
        }
        long unfinished = query.unfinishedBatches(laestab);
        if (unfinished > 0) {
            throw new Refusal.Conflict(unfinished + " batch(es) from school " + laestab + " are still being "
                    + "processed; send the digest again once they have completed");
        }
        Set<String> upns = new HashSet<>();
        digest.pupils().forEach(p -> upns.add(p.upn()));
        Map<String, String> records = query.recordDigests(laestab);
        ReconciliationQuery.StoredMarks marks = digest.marksFrom() == null ? ReconciliationQuery.StoredMarks.NONE
                : query.storedMarks(laestab, digest.marksFrom(), digest.marksTo());
        if ((digest.exclusionsFrom() == null) != (digest.exclusionsTo() == null)
                || digest.exclusionsFrom() != null && digest.exclusionsTo().isBefore(digest.exclusionsFrom())) {
            throw new Refusal.Invalid("exclusionsFrom and exclusionsTo are the first and last start date of the "
                    + "exclusions export, both or neither, the first on or before the last");
        }
        Map<String, String> exclusions = digest.exclusionsFrom() == null ? Map.of()
                : query.exclusionDigests(laestab, digest.exclusionsFrom(), digest.exclusionsTo());
        Map<String, Set<String>> held = query.heldUpns(laestab);
        List<PupilDigests> pupils = new ArrayList<>(digest.pupils());
        // A pupil every one of whose marks in the span was deleted at the school is in no year of the digest, or not
        // in it at all: the hub's marks of them are compared with none.
        Set<Long> listed = new HashSet<>();
        upns.forEach(upn -> {
            if (marks.personByUpn().containsKey(upn)) {
                listed.add(marks.personByUpn().get(upn));
            }
        });
        marks.digests().keySet().stream().filter(person -> !listed.contains(person))
                .map(person -> marks.upnOf().get(person)).filter(Objects::nonNull).sorted()
                .forEach(upn -> {
                    if (upns.add(upn)) {
                        pupils.add(new PupilDigests(upn, null, Map.of(), null));
                    }
                });
        // So is a pupil whose every exclusion in the span was deleted.
        exclusions.keySet().stream().filter(upn -> !upns.contains(upn)).sorted()
                .forEach(upn -> pupils.add(new PupilDigests(upn, null, Map.of(), null)));
        int inStep = 0;
        int heldBack = 0;
        List<Difference> differing = new ArrayList<>();
        for (PupilDigests pupil : pupils) {
            boolean record = pupil.record() != null && !pupil.record().equals(records.get(pupil.upn()));
            boolean exclusionsDiffer = digest.exclusionsFrom() != null
                    && !Objects.equals(pupil.exclusions(), exclusions.get(pupil.upn()));
            Long person = marks.personByUpn().get(pupil.upn());
            Map<Integer, String> stored = person == null ? Map.of() : marks.digests().getOrDefault(person, Map.of());
            Map<Integer, String> sent = pupil.years() == null ? Map.of() : pupil.years();
            Set<Integer> compared = new java.util.TreeSet<>(sent.keySet());
            compared.addAll(stored.keySet());
            List<Integer> years = compared.stream().filter(y -> !Objects.equals(sent.get(y), stored.get(y))).toList();
            if (!record && years.isEmpty() && !exclusionsDiffer) {
                inStep++;
            } else if (record && held.getOrDefault("ctf", Set.of()).contains(pupil.upn())
                    || !years.isEmpty() && held.getOrDefault("attendance", Set.of()).contains(pupil.upn())
                    || exclusionsDiffer && held.getOrDefault("exclusions", Set.of()).contains(pupil.upn())) {
                heldBack++;
            } else {
                differing.add(new Difference(pupil.upn(), record, years, exclusionsDiffer));
            }
        }
        store.record(laestab, pupils.size(), differing.size(), heldBack);
        return new Answer(pupils.size(), inStep, heldBack, differing);
    }
}
