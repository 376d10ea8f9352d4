package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which LA and which trust each school belonged to on any date. Immutable; loaded by {@link Organisations}. */
public final class OrganisationGraph {

    private final List<OrganisationLink> links;

    public OrganisationGraph(List<OrganisationLink> links) {
        this.links = List.copyOf(links);
    }

    public Optional<Organisation> laOf(String school, LocalDate day) {
        return parentOf(school, OrganisationKind.LA, day);
    }

    /** The trust of an academy on that date; empty while it is maintained by its LA. */
    public Optional<Organisation> trustOf(String school, LocalDate day) {
        return parentOf(school, OrganisationKind.TRUST, day);
    }

    /** The schools that belonged to a parent on that date. */
    public Set<String> schoolsOf(Organisation parent, LocalDate day) {
        return links.stream().filter(l -> l.parent().equals(parent) && l.activeOn(day))
                .map(OrganisationLink::school).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the school belonged to the parent on any day of [from, to]. */
    boolean belongedDuring(String school, Organisation parent, LocalDate from, LocalDate to) {
        return links.stream().anyMatch(l -> l.school().equals(school) && l.parent().equals(parent)
                && !l.from().isAfter(to) && (l.to() == null || !l.to().isBefore(from)));
    }

    private Optional<Organisation> parentOf(String school, OrganisationKind kind, LocalDate day) {
        return links.stream().filter(l -> l.school().equals(school) && l.parent().kind() == kind && l.activeOn(day))
                .map(OrganisationLink::parent).findFirst();
    }

    public List<OrganisationLink> links() {
        return links;
    }
}
