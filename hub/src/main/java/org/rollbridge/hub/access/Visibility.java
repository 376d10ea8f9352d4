package org.rollbridge.hub.access;

import java.time.LocalDate;

/**
 * Whose pupil is this today? Pure functions over the organisation graph and the pupil's spells.
 *
 * <ul>
 *   <li>a school sees a pupil while on its roll and for {@code tailDays} after the pupil left (to finish the
 *       leaver's paperwork);</li>
 *   <li>an LA sees a pupil on the roll of one of its schools (with the same tail) and a pupil who lives in it;</li>
 *   <li>a trust sees a pupil on the roll of a school while that school is in the trust;</li>
 *   <li>the DfE sees no pupil here: only its own view of the daily attendance items.</li>
 * </ul>
 */
public final class Visibility {

    private final OrganisationGraph graph;
    private final int tailDays;

    public Visibility(OrganisationGraph graph, int tailDays) {
        if (tailDays < 0) {
            throw new IllegalArgumentException("ROLLBRIDGE_SCHOOL_TAIL_DAYS must be 0 or more; it was " + tailDays);
        }
        this.graph = graph;
        this.tailDays = tailDays;
    }

    public boolean visible(Organisation viewer, PupilFacts pupil, LocalDate today) {
        return switch (viewer.kind()) {
            case DFE -> false;
            case SCHOOL -> pupil.spells().stream().anyMatch(s -> s.school().equals(viewer.code())
                    && withTail(s, today));
            case LA -> viewer.code().equals(pupil.residenceLa()) || pupil.spells().stream().anyMatch(s ->
                    withTail(s, today) && graph.belongedDuring(s.school(), viewer, today.minusDays(tailDays), today));
            case TRUST -> pupil.spells().stream().anyMatch(s -> onRoll(s, today)
                    && graph.trustOf(s.school(), today).filter(viewer::equals).isPresent());
        };
    }

    /** Visibility for a user: the organisation must see the pupil, and a role's cohort must admit them. */
    public boolean visible(Role role, Organisation viewer, PupilFacts pupil, LocalDate today) {
        return role.admits(pupil) && visible(viewer, pupil, today);
    }

    private static boolean onRoll(PupilFacts.Spell spell, LocalDate today) {
        return !today.isBefore(spell.from()) && (spell.to() == null || !today.isAfter(spell.to()));
    }

    private boolean withTail(PupilFacts.Spell spell, LocalDate today) {
        return !today.isBefore(spell.from()) && (spell.to() == null || !today.isAfter(spell.to().plusDays(tailDays)));
    }
}
