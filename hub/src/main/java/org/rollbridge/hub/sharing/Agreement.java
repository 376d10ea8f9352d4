package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * One onward flow of pupil data (docs/sharing.md): who receives it, why, under which law, what, for whom, how often,
 * how it is delivered, how long the recipient keeps it, and who may stop it.
 *
 * @param cohortYears the NC years shared, empty when the cohort is by age
 * @param cohortFromAge the age on the day of the extract from which pupils are shared, or -1 when by NC year
 * @param optOuts what may be asked: "school", "none" (full), "name-address-dob"
 * @param optOutBy who may ask: parent, pupil, school, parent-until-16
 */
public record Agreement(String name, String recipient, String purpose, String lawfulBasis, List<SharedItem> items,
                        Set<String> cohortYears, int cohortFromAge, String frequency, String delivery,
                        Period retention, Set<String> optOuts, Set<String> optOutBy) {

    /** Whether a pupil of this NC year and date of birth is in the cohort on {@code day}. */
    public boolean inCohort(String ncYear, LocalDate dob, LocalDate day) {
        if (cohortFromAge >= 0) {
            return dob != null && !dob.plusYears(cohortFromAge).isAfter(day);
        }
        return ncYear != null && cohortYears.contains(ncYear.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Whether the nightly share delivers this agreement's extract as of {@code day}: daily every day; termly on
     * 1 October, 1 February and 1 June (after each term's census has settled the rolls); annually on 1 October.
     */
    public boolean dueOn(LocalDate day) {
        return switch (frequency) {
            case "daily" -> true;
            case "termly" -> day.getDayOfMonth() == 1 && java.util.Set.of(10, 2, 6).contains(day.getMonthValue());
            case "annually" -> day.getDayOfMonth() == 1 && day.getMonthValue() == 10;
            default -> false;
        };
    }

    /** Delivered over HTTPS (signed) rather than into the delivery folder. */
    public boolean deliversOverHttps() {
        return !delivery.equals("folder");
    }

    /** A school may stop the whole flow for its pupils. */
    public boolean schoolMayOptOut() {
        return optOuts.contains("school");
    }

    /** Who may stop or narrow the sharing, in words, for the transparency page. */
    public String optOutText() {
        if (schoolMayOptOut()) {
            return "The school may opt out for all its pupils at any time, and opt back in; ask the school.";
        }
        String who = optOutBy.contains("parent-until-16") ? "a parent until the pupil is 16, then the pupil"
                : String.join(" or ", optOutBy.stream().sorted().toList());
        String what = optOuts.contains("name-address-dob") ? "limit what is shared to name, address and date of birth"
                : "stop it entirely";
        return "Asked by " + who + ", we " + what + "; contact the school or the local authority's data protection"
                + " officer.";
    }

    /** The cohort in words, for the transparency page. */
    public String cohortText() {
        return cohortFromAge >= 0 ? "pupils aged " + cohortFromAge + " or over"
                : "pupils in NC years " + String.join(", ", cohortYears);
    }
}
