package org.rollbridge.core.indicators.movement;

import java.util.List;

/**
 * What changed on the rolls between two snapshots.
 *
 * @param joiners                      pupils new to a school's roll
 * @param leavers                      pupils off a school's roll, with or without a known destination
 * @param dualRegistrations            pupils on roll as main or subsidiary dual registrations (EnrolStatus M, S),
 *                                     or on two schools' rolls at once, in the later snapshot
 */
public record Movement(List<Joiner> joiners, List<Leaver> leavers, List<RollEntry> dualRegistrations) {

    public Movement {
        joiners = List.copyOf(joiners);
        leavers = List.copyOf(leavers);
        dualRegistrations = List.copyOf(dualRegistrations);
    }

    /** Leavers on no roll in the LA any more: children potentially missing education. */
    public List<Leaver> missingEducationCandidates() {
        return leavers.stream().filter(Leaver::missingEducationCandidate).toList();
    }

    public List<Leaver> leaversWithoutDestination() {
        return leavers.stream().filter(l -> !l.knownDestination()).toList();
    }

    public List<Leaver> leaversWithDestination() {
        return leavers.stream().filter(Leaver::knownDestination).toList();
    }
}
