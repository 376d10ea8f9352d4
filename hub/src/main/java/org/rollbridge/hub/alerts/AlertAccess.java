package org.rollbridge.hub.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.PupilFacts;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Visibility;
import org.rollbridge.hub.alerts.AlertCaseQuery.Case;
import org.rollbridge.hub.alerts.AlertCaseQuery.Scope;
import org.springframework.stereotype.Component;

/**
 * Which alert cases a viewer may see: a {@link Scope} narrows the search in the database by role and
 * organisation (the LA's officers see the LA's cases, a school its own, a social care viewer only children in a
 * social care cohort), then {@link Visibility} is applied to each case's pupil as on the pupil page.
 *
 * <p>A social care viewer sees the alerts of children looked after (the school's CTF or children's social care's
 * list) or with an open social worker or child protection case (that list, loaded by {@code rollbridge import}).
 */
@Component
public class AlertAccess {

    /** Who is looking: a role at an organisation (the machine API's callers map onto one). */
    public record Viewer(String name, Role role, Organisation organisation) {
    }

    private final AlertCaseQuery query;
    private final HubProperties settings;
    private final Organisations organisations;
    private final Clock clock;
    private final PupilFactsQuery pupilFacts;

    public AlertAccess(AlertCaseQuery query, HubProperties settings, Organisations organisations, Clock clock,
                       PupilFactsQuery pupilFacts) {
        this.pupilFacts = pupilFacts;
        this.query = query;
        this.settings = settings;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The cases a viewer's role and organisation reach, before each pupil's {@link Visibility}. */
    Scope scope(Viewer viewer) {
        Organisation org = viewer.organisation();
        if (!viewer.role().may(Capability.ALERT_VIEW)) {
            return Scope.NOTHING;
        }
        if (org.kind() == OrganisationKind.SCHOOL) {
            return Scope.school(org.code());
        }
        if (org.kind() != OrganisationKind.LA || !org.code().equals(settings.la())) {
            return Scope.NOTHING;
        }
        if (viewer.role() == Role.SOCIAL_CARE_VIEWER) {
            return Scope.SOCIAL_CARE_COHORT;
        }
        return Scope.WHOLE_LA;
    }

    /** The cases of the list the viewer may see. */
    List<Case> visible(Viewer viewer, List<Case> cases) {
        if (cases.isEmpty()) {
            return cases;
        }
        Map<Long, PupilFacts> facts = facts(cases);
        Visibility visibility = organisations.visibility();
        LocalDate today = LocalDate.now(clock);
        return cases.stream().filter(c -> visibility.visible(viewer.role(), viewer.organisation(),
                facts.get(c.personId()), today)).toList();
    }

    boolean mayView(Viewer viewer, Case c) {
        return query.inScope(c.id(), scope(viewer)) && !visible(viewer, List.of(c)).isEmpty();
    }

    /**
     * Each pupil's facts for the access rules. A school that sent marks or exclusions for a pupil it never sent a
     * CTF for has them on its roll as far as the hub knows, so the case's own school counts as a spell then.
     */
    private Map<Long, PupilFacts> facts(List<Case> cases) {
        Map<Long, PupilFacts> known = pupilFacts.of(cases.stream().map(Case::personId).toList(),
                LocalDate.now(clock));
        Map<Long, PupilFacts> out = new HashMap<>();
        for (Case c : cases) {
            PupilFacts f = known.get(c.personId());
            List<PupilFacts.Spell> spells = new ArrayList<>(f.spells());
            if (c.laestab() != null && spells.stream().noneMatch(s -> s.school().equals(c.laestab()))) {
                spells.add(new PupilFacts.Spell(c.laestab(), LocalDate.MIN, null));
            }
            out.put(c.personId(), new PupilFacts(spells, f.residenceLa(), f.socialWorker(), f.lookedAfter(),
                    f.childProtectionPlan()));
        }
        return out;
    }
}
