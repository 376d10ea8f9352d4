package org.rollbridge.core.pupil;

import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;

/** A suspension or permanent exclusion as the school's exclusions feed reports it. */
public record Exclusion(String upn, String laestab, Coded<ExclusionCategory> category,
                        Coded<ExclusionReason> reason, RecordedDate start, RecordedDate end,
                        Integer sessions, Appeal appeal) {

    public Exclusion {
        category = category == null ? Coded.absent() : category;
        reason = reason == null ? Coded.absent() : reason;
        start = start == null ? RecordedDate.absent() : start;
        end = end == null ? RecordedDate.absent() : end;
    }
}
