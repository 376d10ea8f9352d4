package org.rollbridge.core.indicators;

import java.time.LocalDate;

/**
 * A permanent exclusion and the date the LA's duty to provide full-time education (Education Act 1996 s19) starts:
 * the sixth school day of the exclusion, counting its first day as day 1.
 */
public record PermanentExclusionDuty(LocalDate start, LocalDate sixthSchoolDay, boolean dutyStarted) {
}
