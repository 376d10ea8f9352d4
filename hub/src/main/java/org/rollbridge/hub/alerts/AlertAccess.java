package org.rollbridge.hub.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.PupilFacts;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which alert cases a viewer may see: a condition on alert_cases narrows the search in the database by role and
 * organisation (the LA's officers see the LA's cases, a school its own, a social care viewer only children in a
 * social care cohort), then {@link Visibility} is applied to each case's pupil as on the pupil page.
 *
 * <p>The hub knows a child is looked after from the school's CTF; social worker and child protection flags are
 * not yet fed to the hub, so until they are a social care viewer sees the alerts of looked-after children only.
 */
@Component
public class AlertAccess {

    /** Who is looking: a role at an organisation (the machine API's callers map onto one). */
    public record Viewer(String name, Role role, Organisation organisation) {
    }

    /** A condition on alert_cases with its parameters. */
    record Scope(String sql, List<Object> params) {
    }

    private static final String COHORT = """
            exists (select 1 from pupils p where p.la = alert_cases.la and p.person_id = alert_cases.person_id
                    and (p.record -> 'lookedAfter' ->> 'inCare')::boolean)""";

    private final JdbcClient db;
    private final HubProperties settings;
    private final Organisations organisations;
    private final Clock clock;

    public AlertAccess(JdbcClient db, HubProperties settings, Organisations organisations, Clock signInClock) {
        this.db = db;
        this.settings = settings;
        this.organisations = organisations;
        this.clock = signInClock;
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
     * Each pupil's spells and looked-after flag. A school that sent marks or exclusions for a pupil it never sent a
     * CTF for has them on its roll as far as the hub knows, so the case's own school counts as a spell then.
     */
    private Map<Long, PupilFacts> facts(List<AlertCases.Case> cases) {
        Long[] ids = cases.stream().map(AlertCases.Case::personId).distinct().toArray(Long[]::new);
        Map<Long, List<PupilFacts.Spell>> spells = new HashMap<>();
        db.sql("select person_id, laestab, from_date, to_date from enrolments where la = ? and person_id = any(?)")
                .params(settings.la(), ids)
                .query(rs -> {
                    spells.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PupilFacts.Spell(
                            rs.getString(2).strip(), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
                });
        Set<Long> lookedAfter = new HashSet<>(db.sql("""
                select distinct person_id from pupils where la = ? and person_id = any(?)
                  and (record -> 'lookedAfter' ->> 'inCare')::boolean""").params(settings.la(), ids)
                .query(Long.class).list());
        Map<Long, PupilFacts> out = new HashMap<>();
        for (AlertCases.Case c : cases) {
            List<PupilFacts.Spell> known = new ArrayList<>(spells.getOrDefault(c.personId(), List.of()));
            if (c.laestab() != null && known.stream().noneMatch(s -> s.school().equals(c.laestab()))) {
                known.add(new PupilFacts.Spell(c.laestab(), LocalDate.MIN, null));
            }
            out.put(c.personId(), new PupilFacts(known, null, false, lookedAfter.contains(c.personId()), false));
        }
        return out;
    }
}
