package org.rollbridge.synth;

/**
 * A pupil's identity as the school's MIS holds it: the truth, or the truth with one injected error. The school's
 * CTF, attendance CSV and exclusions CSV all show this same record.
 */
final class Recorded {

    String upn;
    String forename;
    String surname;
    String dob;
    String ncYear;
    String postcode;
    String ethnicity;
    String sen;
    ErrorKind error;
    String field;
    /** For an invalid attendance code: the session index and the code written there. */
    int invalidSession = -1;
    byte invalidMark;

    static Recorded of(Child c) {
        Recorded r = new Recorded();
        r.upn = c.upn;
        r.forename = c.forename;
        r.surname = c.surname;
        r.dob = c.dob.toString();
        r.ncYear = c.year.code();
        r.postcode = c.family.postcode;
        r.ethnicity = c.ethnicity.code();
        r.sen = c.sen.code();
        return r;
    }
}
