package org.rollbridge.core.pupil;

import java.util.List;

/**
 * A pupil's contact. Only contacts with parental responsibility and no court order preventing contact may be
 * kept by the LA ({@link #mayBeStored()}); the rest are dropped at ingest.
 */
public record Contact(Integer order, String title, String surname, String forename, String relationship,
                      Boolean parentalResponsibility, Boolean courtOrder, Address address, List<Phone> phones,
                      String email) {

    public Contact {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public boolean mayBeStored() {
        return Boolean.TRUE.equals(parentalResponsibility) && !Boolean.TRUE.equals(courtOrder);
    }
}
