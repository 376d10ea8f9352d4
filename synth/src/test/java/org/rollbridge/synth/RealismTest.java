package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.pupil.Pupil;

class RealismTest {

    private final GeneratedLa la = GeneratedLa.get();

    @Test
    void theRegisterKnowsMostPupilsButNotAllAndSomeOfItIsStale() {
        Map<String, String> person = new HashMap<>();
        la.csv("truth/people.csv").forEach(r -> person.put(r.get("record_id"), r.get("person_id")));
        List<Map<String, String>> incoming = la.csv("la/incoming.csv");
        Map<String, Map<String, String>> registerByPerson = new HashMap<>();
        la.csv("la/register.csv").forEach(r -> registerByPerson.putIfAbsent(person.get(r.get("id")), r));
        int known = 0;
        int stalePostcode = 0;
        for (Map<String, String> in : incoming) {
            Map<String, String> reg = registerByPerson.get(person.get(in.get("id")));
            if (reg != null) {
                known++;
                if (!reg.get("postcode").isEmpty() && !in.get("postcode").isEmpty()
                        && !reg.get("postcode").equals(in.get("postcode"))) {
                    stalePostcode++;
                }
            }
        }
        assertThat((double) known / incoming.size()).isBetween(0.9, 0.995);
        assertThat(stalePostcode).isPositive();
        Set<String> newArrivals = la.csv("truth/events.csv").stream()
                .filter(e -> e.get("detail").equals("from outside the LA")).map(e -> e.get("person_id"))
                .collect(Collectors.toSet());
        assertThat(newArrivals).isNotEmpty();
        assertThat(newArrivals.stream().filter(registerByPerson::containsKey).count())
                .as("most arrivals from outside the LA are not yet known").isLessThan(newArrivals.size() / 2 + 1);
    }

    @Test
    void childrenLiveInFamiliesWithSiblingsAndTwins() {
        Map<String, String> person = new HashMap<>();
        la.csv("truth/people.csv").forEach(r -> person.put(r.get("record_id"), r.get("person_id")));
        Map<String, Set<String>> byHousehold = new HashMap<>();
        Map<String, Set<String>> byTwinKey = new HashMap<>();
        Set<String> schoolsOfSiblings = new HashSet<>();
        for (Map<String, String> in : la.csv("la/incoming.csv")) {
            String household = in.get("legal_surname").strip() + "|" + in.get("postcode");
            byHousehold.computeIfAbsent(household, k -> new HashSet<>()).add(person.get(in.get("id")));
            byTwinKey.computeIfAbsent(household + "|" + in.get("dob"), k -> new HashSet<>()).add(person.get(in.get("id")));
        }
        long withSiblings = byHousehold.values().stream().filter(s -> s.size() >= 2).count();
        long twins = byTwinKey.values().stream().filter(s -> s.size() == 2).count();
        assertThat(withSiblings).as("households with two or more children").isGreaterThan(100);
        assertThat(twins).as("pairs of twins").isPositive();
        for (Map<String, String> in : la.csv("la/incoming.csv")) {
            String household = in.get("legal_surname").strip() + "|" + in.get("postcode");
            if (byHousehold.get(household).size() >= 2) {
                schoolsOfSiblings.add(household + "|" + in.get("id").substring(0, 7));
            }
        }
        assertThat(schoolsOfSiblings.size()).as("siblings spread over more than one school")
                .isGreaterThan((int) withSiblings);
    }

    @Test
    void pupilsHaveRealisticAttributesAtPlausibleRates() {
        int pupils = 0;
        int fsm = 0;
        int senSupport = 0;
        int ehcp = 0;
        int lookedAfter = 0;
        int courtOrders = 0;
        Set<Ethnicity> ethnicities = new HashSet<>();
        for (String school : la.schoolCodes()) {
            for (Pupil p : la.ctf(school, "pupils-ctf.xml")) {
                pupils++;
                fsm += p.fsmHistory().isEmpty() ? 0 : 1;
                String sen = p.currentSenProvision().raw();
                senSupport += "K".equals(sen) ? 1 : 0;
                ehcp += "E".equals(sen) ? 1 : 0;
                lookedAfter += Boolean.TRUE.equals(p.lookedAfter().inCare()) ? 1 : 0;
                courtOrders += (int) p.contacts().stream().filter(c -> Boolean.TRUE.equals(c.courtOrder())).count();
                p.ethnicity().known().ifPresent(ethnicities::add);
                assertThat(p.contacts()).anyMatch(c -> c.mayBeStored());
                if (p.address().postcode() != null && Postcode.parse(p.address().postcode()).isPresent()) {
                    assertThat(p.address().postcode()).matches("(NR|IP|PE)\\d{1,2} .*");
                }
            }
        }
        assertThat(100.0 * fsm / pupils).as("FSM %").isBetween(15.0, 40.0);
        assertThat(100.0 * senSupport / pupils).as("SEN support %").isBetween(8.0, 20.0);
        assertThat(100.0 * ehcp / pupils).as("EHC plan %").isBetween(1.5, 12.0);
        assertThat(100.0 * lookedAfter / pupils).as("looked after %").isBetween(0.1, 2.5);
        assertThat(courtOrders).isPositive();
        assertThat(ethnicities).hasSizeGreaterThan(8).contains(Ethnicity.WBRI);
        List<Map<String, String>> care = la.csv("la/social-care.csv");
        long open = care.stream().filter(r -> r.get("end_date").isEmpty()).count();
        assertThat(100.0 * open / la.summary.children()).as("children with a social worker %").isBetween(1.5, 7.0);
        assertThat(care).allMatch(r -> r.get("end_date").isEmpty() || r.get("social_worker").equals("false"));
    }
}
