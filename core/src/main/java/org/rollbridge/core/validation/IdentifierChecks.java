package org.rollbridge.core.validation;

import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Pupil;

/** UPN, former UPN, ULN and postcode. UPN_DUPLICATE needs the whole run and lives in {@link UpnRegister}. */
public final class IdentifierChecks {

    private IdentifierChecks() {
    }

    /** The UPN rules for one UPN as sent, shared by the CTF and CSV feeds. */
    public static void upn(String upn, FindingSink out) {
        switch (Upn.check(upn)) {
            case MISSING -> out.add(Rule.UPN_MISSING, "UPN", null);
            case FORMAT -> out.add(Rule.UPN_FORMAT, "UPN", upn, upn);
            case CHECK_LETTER -> out.add(Rule.UPN_CHECK_LETTER, "UPN", upn, upn, upn.charAt(0),
                    Upn.checkLetter(upn.substring(1)));
            case TEMPORARY -> out.add(Rule.UPN_TEMPORARY, "UPN", upn, upn);
            case VALID -> { }
        }
    }

    public static void upn(Pupil pupil, CheckContext context, FindingSink out) {
        upn(pupil.upn(), out);
    }

    public static void formerUpns(Pupil pupil, CheckContext context, FindingSink out) {
        for (String former : pupil.formerUpns()) {
            Upn.Check check = Upn.check(former);
            if (!check.usable() && check != Upn.Check.MISSING) {
                out.add(Rule.FORMER_UPN_INVALID, "FormerUPN", former, former,
                        check == Upn.Check.CHECK_LETTER ? "wrong check letter" : "not in the UPN format");
            }
        }
    }

    public static void uln(Pupil pupil, CheckContext context, FindingSink out) {
        String uln = pupil.uln();
        if (uln != null && !uln.isBlank() && !Uln.isValid(uln.strip())) {
            out.add(Rule.ULN_INVALID, "UniqueLearnerNumber", uln, uln);
        }
    }

    public static void postcode(Pupil pupil, CheckContext context, FindingSink out) {
        String postcode = pupil.address() == null ? null : pupil.address().postcode();
        if (postcode == null || postcode.isBlank()) {
            out.add(Rule.POSTCODE_MISSING, "PostCode", null);
        } else if (Postcode.parse(postcode).isEmpty()) {
            out.add(Rule.POSTCODE_FORMAT, "PostCode", postcode, postcode);
        }
    }
}
