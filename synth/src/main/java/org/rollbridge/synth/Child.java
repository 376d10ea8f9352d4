package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;

/** A true person: one child as they really are, whatever the school or the LA has recorded. */
final class Child {

    final int id;
    final Family family;
    final String forename;
    final String middleNames;
    final String preferredForename;
    final String surname;
    /** The surname the child had until recently (the LA may still hold it), or null. */
    final String formerSurname;
    final LocalDate dob;
    final Sex sex;
    final Ethnicity ethnicity;
    final String firstLanguage;
    final NcYear year;
    final boolean twin;

    final SenProvision sen;
    final List<SenNeed> needs;
    final LocalDate senStart;
    final LocalDate fsmStart;
    final LocalDate careStart;
    final LocalDate careEnd;

    /** Mean share of sessions missed through day-long absence (illness, unauthorised, other authorised). */
    double propensity;
    /** Of those absences, the share that is unauthorised. */
    double unauthorisedShare;
    double lateness;
    double lateAfterClose;
    /** Attends mornings only (part-time nursery place). */
    boolean mornings;

    String upn;
    String formerUpn;
    String uln;
    /** The LA knew the child before this year (false for arrivals from outside the LA and some new starters). */
    boolean knownToLa = true;

    Child(int id, Family family, String forename, String middleNames, String preferredForename, String surname,
          String formerSurname, LocalDate dob, Sex sex, Ethnicity ethnicity, String firstLanguage, NcYear year,
          boolean twin, SenProvision sen, List<SenNeed> needs, LocalDate senStart, LocalDate fsmStart,
          LocalDate careStart, LocalDate careEnd) {
        this.id = id;
        this.family = family;
        this.forename = forename;
        this.middleNames = middleNames;
        this.preferredForename = preferredForename;
        this.surname = surname;
        this.formerSurname = formerSurname;
        this.dob = dob;
        this.sex = sex;
        this.ethnicity = ethnicity;
        this.firstLanguage = firstLanguage;
        this.year = year;
        this.twin = twin;
        this.sen = sen;
        this.needs = List.copyOf(needs);
        this.senStart = senStart;
        this.fsmStart = fsmStart;
        this.careStart = careStart;
        this.careEnd = careEnd;
    }

    String personId() {
        return String.format("P%07d", id + 1);
    }

    boolean lookedAfter() {
        return family.socialCare == Family.SocialCare.LOOKED_AFTER;
    }

    boolean childProtection() {
        return family.socialCare == Family.SocialCare.CHILD_PROTECTION;
    }

    boolean socialWorker() {
        return family.socialCare != Family.SocialCare.NONE;
    }

    boolean freeMeals() {
        return fsmStart != null;
    }

    /** Of compulsory school age for the whole year (Year 1 to Year 11). */
    boolean compulsory() {
        int age = year.ageAtStartOfYear();
        return age >= 5 && age <= 15;
    }
}
