package org.rollbridge.hub.testing;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.people.PersonIndex;

/**
 * A person in the LA's register, as its register import would add them: by default Pat Pupil, a girl born on
 * 14 March 2015 (the pupil {@link CtfFixture} writes), so a school's CTF for the UPN links to them.
 */
public final class RegisteredPerson {

    private String registerId;
    private String upn;
    private String uln;
    private String forename = "Pat";
    private String surname = "Pupil";
    private LocalDate dob = LocalDate.of(2015, 3, 14);
    private String sex = "F";
    private String postcode;

    private RegisteredPerson(String registerId, String upn) {
        this.registerId = registerId;
        this.upn = upn;
    }

    /** A person known by their UPN, with a register id made from it. */
    public static RegisteredPerson withUpn(String upn) {
        return new RegisteredPerson("reg-" + upn, upn);
    }

    /** A person under the register's own id, with no UPN unless given. */
    public static RegisteredPerson withRegisterId(String registerId) {
        return new RegisteredPerson(registerId, null);
    }

    public RegisteredPerson upn(String value) {
        upn = value;
        return this;
    }

    public RegisteredPerson uln(String value) {
        uln = value;
        return this;
    }

    public RegisteredPerson named(String legalForename, String legalSurname) {
        forename = legalForename;
        surname = legalSurname;
        return this;
    }

    public RegisteredPerson born(LocalDate value) {
        dob = value;
        return this;
    }

    public RegisteredPerson sex(String value) {
        sex = value;
        return this;
    }

    public RegisteredPerson postcode(String value) {
        postcode = value;
        return this;
    }

    /** Adds the person to the hub's register; returns their person id. */
    public long in(RunningHub hub) {
        return hub.bean(PersonIndex.class).register(new PersonIndex.Person(registerId, upn, List.of(), uln, forename,
                surname, dob, sex, postcode), "register", null);
    }
}
