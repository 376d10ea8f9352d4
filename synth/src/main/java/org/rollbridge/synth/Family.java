package org.rollbridge.synth;

import java.time.LocalDate;

/**
 * A household: parents and the children who live there, one address. Siblings share surname, address, contacts,
 * social-care involvement and term-time holidays, whichever schools they attend.
 */
final class Family {

    final int id;
    final Origin origin;
    final Origin otherParentOrigin;
    final String surname;
    final String houseNumber;
    final String street;
    final Locality locality;
    final String postcode;
    /** The postcode the family lived at before a recent move (the LA's register may still hold it), or null. */
    final String previousPostcode;
    final String motherForename;
    final String motherSurname;
    /** Null in a single-parent household. */
    final String fatherForename;
    final boolean fatherCourtOrder;
    final boolean stepParent;
    final String grandparentForename;
    final SocialCare socialCare;
    final boolean freeMeals;
    /** A term-time holiday taken by the whole family, or null. */
    final LocalDate holidayFrom;
    final LocalDate holidayTo;
    /** Whether the family keeps the religious festival of its faith with a day off school. */
    final boolean keepsFestivals;
    final String phone;

    enum SocialCare { NONE, CHILD_IN_NEED, CHILD_PROTECTION, LOOKED_AFTER }

    Family(int id, Origin origin, Origin otherParentOrigin, String surname, String houseNumber, String street,
           Locality locality, String postcode, String previousPostcode, String motherForename, String motherSurname,
           String fatherForename, boolean fatherCourtOrder, boolean stepParent, String grandparentForename,
           SocialCare socialCare, boolean freeMeals, LocalDate holidayFrom, LocalDate holidayTo,
           boolean keepsFestivals, String phone) {
        this.id = id;
        this.origin = origin;
        this.otherParentOrigin = otherParentOrigin;
        this.surname = surname;
        this.houseNumber = houseNumber;
        this.street = street;
        this.locality = locality;
        this.postcode = postcode;
        this.previousPostcode = previousPostcode;
        this.motherForename = motherForename;
        this.motherSurname = motherSurname;
        this.fatherForename = fatherForename;
        this.fatherCourtOrder = fatherCourtOrder;
        this.stepParent = stepParent;
        this.grandparentForename = grandparentForename;
        this.socialCare = socialCare;
        this.freeMeals = freeMeals;
        this.holidayFrom = holidayFrom;
        this.holidayTo = holidayTo;
        this.keepsFestivals = keepsFestivals;
        this.phone = phone;
    }
}
