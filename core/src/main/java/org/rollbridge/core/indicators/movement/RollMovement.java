package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.indicators.PupilKey;

/**
 * Compares two snapshots of an LA's school rolls. Pupils are matched by UPN (at a school: UPN and LAESTAB). A
 * subsidiary dual registration (EnrolStatus S: a place arranged alongside the main school) is not a joiner; it is
 * listed with the dual registrations.
 */
public final class RollMovement {

    private RollMovement() {
    }

    public static Movement between(RollSnapshot before, RollSnapshot after) {
        Map<PupilKey, RollEntry> wasOn = index(before.onRoll());
        List<RollEntry> nowOnList = after.onRoll();
        Map<PupilKey, RollEntry> nowOn = index(nowOnList);
        Map<PupilKey, RollEntry> latest = index(after.entries());
        Set<String> upnsOnRoll = new HashSet<>();
        Map<String, Integer> rollsPerUpn = new HashMap<>();
        for (RollEntry e : nowOnList) {
            upnsOnRoll.add(e.key().upn());
            rollsPerUpn.merge(e.key().upn(), 1, Integer::sum);
        }
        Map<String, NcYear> entryYears = entryYears(nowOnList);

        List<Joiner> joiners = new ArrayList<>();
        for (RollEntry e : nowOnList) {
            if (!wasOn.containsKey(e.key()) && !e.subsidiaryRegistration()) {
                LocalDate admitted = e.pupil().admissionDate().date().orElse(null);
                NcYear year = e.pupil().ncYear().known().orElse(null);
                boolean standard = TransitionPoint.standard(admitted, year, entryYears.get(e.laestab()));
                joiners.add(new Joiner(e, admitted, !standard));
            }
        }
        List<Leaver> leavers = new ArrayList<>();
        for (RollEntry e : wasOn.values()) {
            if (nowOn.containsKey(e.key())) {
                continue;
            }
            RollEntry record = latest.getOrDefault(e.key(), e);    // the leaving record, when the school sent one
            LocalDate left = record.pupil().leavingDate().date().orElse(null);
            String destination = record.pupil().leavingDestination();
            boolean elsewhere = upnsOnRoll.contains(e.key().upn());
            leavers.add(new Leaver(record, left, destination == null ? null : destination.strip(), elsewhere));
        }
        List<RollEntry> dual = nowOnList.stream()
                .filter(e -> e.dualRegistered() || rollsPerUpn.get(e.key().upn()) > 1)
                .toList();
        Comparator<RollEntry> byKey = Comparator.comparing(RollEntry::key);
        joiners.sort(Comparator.comparing(Joiner::entry, byKey));
        leavers.sort(Comparator.comparing(Leaver::entry, byKey));
        return new Movement(joiners, leavers, dual.stream().sorted(byKey).toList());
    }

    private static Map<PupilKey, RollEntry> index(List<RollEntry> entries) {
        Map<PupilKey, RollEntry> m = new HashMap<>();
        for (RollEntry e : entries) {
            m.put(e.key(), e);
        }
        return m;
    }

    /** Each school's entry year ({@link TransitionPoint#entryYear}) from the pupils on its roll. */
    private static Map<String, NcYear> entryYears(List<RollEntry> onRoll) {
        Map<String, List<NcYear>> years = new HashMap<>();
        for (RollEntry e : onRoll) {
            years.computeIfAbsent(e.laestab(), k -> new ArrayList<>()).add(e.pupil().ncYear().known().orElse(null));
        }
        Map<String, NcYear> m = new HashMap<>();
        years.forEach((school, ys) -> {
            NcYear entry = TransitionPoint.entryYear(ys);
            if (entry != null) {
                m.put(school, entry);
            }
        });
        return m;
    }
}
