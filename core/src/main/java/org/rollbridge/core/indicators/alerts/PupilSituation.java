package org.rollbridge.core.indicators.alerts;

import java.util.Objects;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilExclusions;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.movement.Joiner;
import org.rollbridge.core.indicators.movement.Leaver;

/**
 * Everything known about a pupil that an alert can be raised on. Any part may be null when it is not known.
 *
 * @param safeguardingCohort the child has a social worker, is looked after or is on a child protection plan
 */
public record PupilSituation(PupilKey key, PupilAttendance attendance, PupilExclusions exclusions, Joiner joined,
                             Leaver left, boolean safeguardingCohort) {

    public PupilSituation {
        Objects.requireNonNull(key, "key");
    }

    public static PupilSituation of(PupilAttendance attendance) {
        return new PupilSituation(attendance.key(), attendance, null, null, null, false);
    }

    public PupilSituation withExclusions(PupilExclusions x) {
        return new PupilSituation(key, attendance, x, joined, left, safeguardingCohort);
    }

    public PupilSituation withJoined(Joiner j) {
        return new PupilSituation(key, attendance, exclusions, j, left, safeguardingCohort);
    }

    public PupilSituation withLeft(Leaver l) {
        return new PupilSituation(key, attendance, exclusions, joined, l, safeguardingCohort);
    }

    public PupilSituation inSafeguardingCohort(boolean c) {
        return new PupilSituation(key, attendance, exclusions, joined, left, c);
    }
}
