package org.rollbridge.core.validation;

import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RankedNeed;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/** Fields that must hold a code from a DfE list. */
public final class CodeChecks {

    private CodeChecks() {
    }

    public static void sex(Pupil pupil, CheckContext context, FindingSink out) {
        Coded<?> sex = pupil.sexOrGender();
        String field = pupil.sex().present() ? "Sex" : "Gender";
        if (!sex.present()) {
            out.add(Rule.SEX_INVALID, "Sex", null, "The pupil's sex is missing.");
        } else if (sex.unknown()) {
            out.add(Rule.SEX_INVALID, field, sex.raw(), "Sex \"" + sex.raw() + "\" is not M or F.");
        }
    }

    public static void ethnicity(Pupil pupil, CheckContext context, FindingSink out) {
        if (pupil.ethnicity().unknown()) {
            out.add(Rule.ETHNICITY_CODE, "Ethnicity", pupil.ethnicity().raw(), pupil.ethnicity().raw());
        }
    }

    public static void sen(Pupil pupil, CheckContext context, FindingSink out) {
        for (SenProvisionPeriod period : pupil.senProvisions()) {
            Coded<SenProvision> p = period.provision();
            if (p.unknown()) {
                out.add(Rule.SEN_PROVISION_CODE, "SENprovision", p.raw(), p.raw(), "is not a SEN provision code");
            } else if (p.known().map(SenProvision::legacy).orElse(false) && !period.end().present()) {
                out.add(Rule.SEN_PROVISION_CODE, "SENprovision", p.raw(), p.raw(),
                        "was withdrawn in 2014 and cannot be a current provision");
            }
        }
        for (RankedNeed need : pupil.senNeeds()) {
            if (need.need().unknown()) {
                out.add(Rule.SEN_NEED_CODE, "NeedType", need.need().raw(), need.need().raw(),
                        "is not a DfE type of need");
            } else if (need.need().present() && (need.rank() == null || need.rank() < 1)) {
                out.add(Rule.SEN_NEED_CODE, "Rank", need.need().raw(), need.need().raw(),
                        "has no rank (1 for the primary need)");
            }
        }
    }

    public static void ncYear(Pupil pupil, CheckContext context, FindingSink out) {
        if (!pupil.ncYear().present()) {
            out.add(Rule.NC_YEAR_CODE, "NCyearActual", null, "The pupil has no year group (NC year actual).");
        } else if (pupil.ncYear().unknown()) {
            out.add(Rule.NC_YEAR_CODE, "NCyearActual", pupil.ncYear().raw(),
                    "Year group \"" + pupil.ncYear().raw() + "\" is not a national curriculum year code.");
        }
    }

    public static void enrolStatus(Pupil pupil, CheckContext context, FindingSink out) {
        if (!pupil.enrolStatus().present()) {
            out.add(Rule.ENROL_STATUS_CODE, "EnrolStatus", null, "The pupil has no enrolment status.");
        } else if (pupil.enrolStatus().unknown()) {
            out.add(Rule.ENROL_STATUS_CODE, "EnrolStatus", pupil.enrolStatus().raw(),
                    "Enrolment status \"" + pupil.enrolStatus().raw() + "\" is not C, M, S, G or P.");
        }
    }
}
