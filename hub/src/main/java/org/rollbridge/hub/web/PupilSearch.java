package org.rollbridge.hub.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.PupilFacts;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.Visibility;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.rollbridge.hub.people.PupilSearchQuery;
import org.springframework.stereotype.Component;

/**
 * Finding pupils as a user may: the one search behind the "Find a pupil" page and the export of its result, so the
 * file always holds what the page found. A pupil the user may not see is not found.
 */
@Component
public class PupilSearch {

    private final PupilRecordQuery records;
    private final Organisations organisations;
    private final PupilFactsQuery pupilFacts;
    private final Clock clock;
    private final PupilSearchQuery query;

    public PupilSearch(PupilRecordQuery records, Organisations organisations, PupilFactsQuery pupilFacts,
                       Clock clock, PupilSearchQuery query) {
        this.query = query;
        this.records = records;
        this.organisations = organisations;
        this.pupilFacts = pupilFacts;
        this.clock = clock;
    }

    /** The most pupils one search reads before scoping, and the most the page shows. */
    static final int CANDIDATES = 500;
    static final int SHOWN = 50;

    /** The pupils the user may see among the closest matches to the terms, closest first. */
    public List<PupilSearchQuery.Found> find(HubUser user, PupilSearchQuery.Terms terms) {
        LocalDate today = LocalDate.now(clock);
        Visibility visibility = organisations.visibility();
        List<PupilSearchQuery.Found> candidates = query.find(terms, CANDIDATES);
        Map<Long, PupilFacts> facts = pupilFacts.of(candidates.stream().map(PupilSearchQuery.Found::personId)
                .toList(), today);
        return candidates.stream().filter(f -> {
            PupilFacts pupil = facts.get(f.personId());
            return pupil != null && !pupil.spells().isEmpty()
                    && visibility.visible(user.role(), user.organisation(), pupil, today);
        }).toList();
    }

    /** The persons the user may see with this UPN (current or former), as the search page lists them. */
    public List<Long> byUpn(HubUser user, String upn) {
        String wanted = upn.strip().toUpperCase(Locale.ROOT);
        return records.personsWithUpn(wanted).stream().filter(id -> visible(user, id)).toList();
    }

    /** Whether the user may see this person now: in their organisation's schools, cohort and time. */
    public boolean visible(HubUser user, long personId) {
        LocalDate today = LocalDate.now(clock);
        PupilFacts facts = pupilFacts.of(personId, today);
        return !facts.spells().isEmpty()
                && organisations.visibility().visible(user.role(), user.organisation(), facts, today);
    }
}
