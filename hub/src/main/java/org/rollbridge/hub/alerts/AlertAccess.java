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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which alert cases a viewer may see: a condition on alert_cases narrows the search in the database by role and
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

    /** A condition on alert_cases with its parameters. */
    record Scope(String sql, List<Object> params) {
    }

    /** A first cut in SQL of a social care viewer's cohort; {@link PupilFactsQuery} then decides on the day. */
    private static final String COHORT = """
            (exists (select 1 from pupils p where p.la = alert_cases.la and p.person_id = alert_cases.person_id
                     and p.looked_after)
             or exists (select 1 from social_care_cases s where s.la = alert_cases.la
                        and s.person_id = alert_cases.person_id
                        and (s.social_worker or s.looked_after or s.child_protection)))""";

    private final JdbcClient db;
    private final HubProperties settings;
    private final Organisations organisations;
    private final Clock clock;
    private final PupilFactsQuery pupilFacts;
    private final AlertCases cases;

    public AlertAccess(JdbcClient db, HubProperties settings, Organisations organisations, Clock clock,
                       PupilFactsQuery pupilFacts, AlertCases cases) {
        this.cases = cases;
        this.pupilFacts = pupilFacts;
        this.db = db;
        this.settings = settings;
        this.organisations = organisations;
        this.clock = clock;
    }

    Scope scope(Viewer viewer) {
        Organisation org = viewer.organisation();
        if (!viewer.role().may(Capability.ALERT_VIEW)) {
            return new Scope("false", List.of());
        }
        if (org.kind() == OrganisationKind.SCHOOL) {
            return new Scope("laestab = ?", List.of(org.code()));
        }
        if (org.kind() != OrganisationKind.LA || !org.code().equals(settings.la())) {
            return new Scope("false", List.of());
        }
        if (viewer.role() == Role.SOCIAL_CARE_VIEWER) {
            return new Scope(COHORT, List.of());
        }
        return new Scope("true", List.of());
    }

    /**
     * The person's cases the viewer may see, as the queues would show them: a school's own, none for a trust, the
     * cohort's for social care, all for the LA.
     */
    public List<AlertCases.Case> ofPerson(Viewer viewer, long personId) {
        return visible(viewer, cases.ofPerson(personId, scope(viewer)));
    }

    /** The cases of the list the viewer may see. */
    List<AlertCases.Case> visible(Viewer viewer, List<AlertCases.Case> cases) {
        if (cases.isEmpty()) {
            return cases;
        }
        Map<Long, PupilFacts> facts = facts(cases);
        Visibility visibility = organisations.visibility();
        LocalDate today = LocalDate.now(clock);
        return cases.stream().filter(c -> visibility.visible(viewer.role(), viewer.organisation(),
                facts.get(c.personId()), today)).toList();
    }

    boolean mayView(Viewer viewer, AlertCases.Case c) {
        Scope scope = scope(viewer);
        List<Object> params = new ArrayList<>(List.of(c.id()));
        params.addAll(scope.params());
        boolean inScope = db.sql("select count(*) from alert_cases where id = ? and " + scope.sql()).params(params)
                .query(Long.class).single() > 0;
        return inScope && !visible(viewer, List.of(c)).isEmpty();
    }

    /**
     * Each pupil's facts for the access rules. A school that sent marks or exclusions for a pupil it never sent a
     * CTF for has them on its roll as far as the hub knows, so the case's own school counts as a spell then.
     */
    private Map<Long, PupilFacts> facts(List<AlertCases.Case> cases) {
        Map<Long, PupilFacts> known = pupilFacts.of(cases.stream().map(AlertCases.Case::personId).toList(),
                LocalDate.now(clock));
        Map<Long, PupilFacts> out = new HashMap<>();
        for (AlertCases.Case c : cases) {
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
