package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.VisibilitySettings;
import org.springframework.stereotype.Service;

/**
 * The organisation graph as stored. A school with no dated LA link belongs to the hub's own LA throughout, so a
 * hub that never recorded conversions still answers correctly for its maintained schools. The links are
 * {@link OrganisationLinkStore}'s.
 */
@Service
public class Organisations {

    private static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);
    private final OrganisationLinkStore links;
    private final HubProperties settings;
    private final int tailDays;

    public Organisations(OrganisationLinkStore links, HubProperties settings, VisibilitySettings visibility) {
        this.links = links;
        this.settings = settings;
        this.tailDays = visibility.schoolTailDays();
    }

    public void link(String school, Organisation parent, LocalDate from, LocalDate to) {
        links.add(new OrganisationLink(school, parent, from, to));
    }

    /** A trust as people know it: its name from the DfE's file with its group UID, or "trust 2044". */
    public String trustName(Organisation trust) {
        return links.nameOf(trust).map(name -> name + " (trust " + trust.code() + ")")
                .orElse("trust " + trust.code());
    }

    public OrganisationGraph graph() {
        List<OrganisationLink> all = new ArrayList<>(links.all());
        links.schoolsWithoutLa().forEach(school -> all.add(new OrganisationLink(school, Organisation.la(settings.la()),
                ALWAYS, null)));
        return new OrganisationGraph(all);
    }

    public Visibility visibility() {
        return new Visibility(graph(), tailDays);
    }
}
