package org.rollbridge.core.pupil;

/** A period of free school meals eligibility. */
public record FsmPeriod(RecordedDate start, RecordedDate end, String ukCountry) {

    public FsmPeriod {
        start = start == null ? RecordedDate.absent() : start;
        end = end == null ? RecordedDate.absent() : end;
    }
}
