package org.rollbridge.core.feed;

import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.pupil.Appeal;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * One row of the exclusions CSV, values as sent (stripped; null when empty). {@code line} is the file line it
 * starts on, {@code position} its 1-based place among the data rows.
 */
public record ExclusionRow(long line, int position, String laestab, String upn, Coded<ExclusionCategory> category,
                           Coded<ExclusionReason> reason, RecordedDate start, RecordedDate end, String sessions,
                           String appealReceived, String appealResult, RecordedDate appealResultDate,
                           RecordedDate reinstatementDate, String forename, String surname, String ncYear,
                           String exclusionId) {

    public ExclusionRow {
        category = category == null ? Coded.absent() : category;
        reason = reason == null ? Coded.absent() : reason;
        start = start == null ? RecordedDate.absent() : start;
        end = end == null ? RecordedDate.absent() : end;
        appealResultDate = appealResultDate == null ? RecordedDate.absent() : appealResultDate;
        reinstatementDate = reinstatementDate == null ? RecordedDate.absent() : reinstatementDate;
    }

    /** The sessions count when it is a whole number, else null. */
    public Integer sessionsValue() {
        if (sessions == null) {
            return null;
        }
        try {
            return Integer.valueOf(sessions.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code true}/{@code Y}/{@code 1} (any case) as true, {@code false}/{@code N}/{@code 0} as false, else null. */
    public Boolean appealReceivedValue() {
        if (appealReceived == null) {
            return null;
        }
        return switch (appealReceived.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "y", "yes", "1" -> Boolean.TRUE;
            case "false", "n", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The row as the domain's exclusion record. */
    public Exclusion toExclusion() {
        Appeal appeal = appealReceived == null && appealResult == null && !appealResultDate.present()
                && !reinstatementDate.present()
                ? null
                : new Appeal(appealReceivedValue(), appealResult, appealResultDate, reinstatementDate);
        return new Exclusion(upn, laestab, category, reason, start, end, sessionsValue(), appeal);
    }
}
