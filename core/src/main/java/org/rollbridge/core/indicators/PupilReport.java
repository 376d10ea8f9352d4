package org.rollbridge.core.indicators;

import java.util.List;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;

/** One pupil's line in an indicators report: the attendance indicators and the alerts raised. */
public record PupilReport(PupilKey key, PupilAttendance attendance, PupilExclusions exclusions, List<Alert> alerts) {

    public PupilReport {
        alerts = List.copyOf(alerts);
    }

    /** The distinct alert ids, in {@link AlertId} order. */
    public List<AlertId> alertIds() {
        return alerts.stream().map(Alert::id).distinct().sorted().toList();
    }
}
