package org.rollbridge.synth;

import java.time.LocalDate;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;

/** A suspension or permanent exclusion as the school's exclusions feed reports it. */
record ExclusionRecord(Enrolment enrolment, ExclusionCategory category, ExclusionReason reason, LocalDate start,
                       LocalDate end, Integer sessions, Boolean appealReceived, String appealResult,
                       LocalDate appealResultDate, LocalDate reinstatementDate) {
}
