package org.rollbridge.core.validation;

import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;

/** The LA keeps only contacts with parental responsibility: a pupil whose contacts all lack it is left with none. */
public final class ContactChecks {

    private ContactChecks() {
    }

    public static void contacts(Pupil pupil, CheckContext context, FindingSink out) {
        if (pupil.contacts().isEmpty()) {
            out.add(Rule.CONTACT_MISSING, "Contacts", null);
            return;
        }
        for (Contact c : pupil.contacts()) {
            if (Boolean.TRUE.equals(c.parentalResponsibility())) {
                return;
            }
        }
        out.add(Rule.CONTACT_NO_PARENTAL_RESPONSIBILITY, "Responsibility", null, pupil.contacts().size());
    }
}
