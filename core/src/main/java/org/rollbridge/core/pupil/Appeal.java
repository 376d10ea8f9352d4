package org.rollbridge.core.pupil;

/** An appeal (independent review) against a permanent exclusion. */
public record Appeal(Boolean received, String result, RecordedDate resultDate, RecordedDate reinstatementDate) {

    public Appeal {
        resultDate = resultDate == null ? RecordedDate.absent() : resultDate;
        reinstatementDate = reinstatementDate == null ? RecordedDate.absent() : reinstatementDate;
    }
}
