package org.rollbridge.core.pupil;

import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.SenProvision;

/** SEN provision from a start date (and to an end date, when it ended). */
public record SenProvisionPeriod(RecordedDate start, RecordedDate end, Coded<SenProvision> provision) {

    public SenProvisionPeriod {
        start = start == null ? RecordedDate.absent() : start;
        end = end == null ? RecordedDate.absent() : end;
        provision = provision == null ? Coded.absent() : provision;
    }
}
