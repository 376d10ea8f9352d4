package org.rollbridge.hub.alerts;

import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.MergeFollowUp;
import org.springframework.stereotype.Component;

/**
 * Movement alerts: a pupil who left a school's roll and is on no other roll in the LA is a potential child
 * missing education (LEFT_NO_DESTINATION). Raised inside the merge transaction of the CTF that recorded the leaving
 * (a full CTF ends the spells of pupils missing from it).
 */
@Component
public class MovementAlerts implements MergeFollowUp {

    public static final String LEFT_NO_DESTINATION = "LEFT_NO_DESTINATION";
    private final AlertCaseStore cases;

    public MovementAlerts(AlertCaseStore cases) {
        this.cases = cases;
    }

    /** For a CTF: an alert for each pupil whose spell the batch ended and who has no open spell anywhere. */
    @Override
    public void merged(Batch batch) {
        if (batch.kind() == BatchKind.CTF) {
            cases.raiseLeftNoDestination(batch.id(), batch.laestab());
        }
    }
}
