package org.rollbridge.hub.ingest;

/**
 * One thing found wrong in a batch: what, where (file line or pupil) and what to do.
 *
 * @param severity {@code file_error} refuses the batch, {@code error} holds the record back, {@code warning} imports
 */
public record Finding(String severity, String ruleId, String location, String message) {

    public static Finding fileError(String ruleId, String location, String message) {
        return new Finding("file_error", ruleId, location, message);
    }

    public static Finding error(String ruleId, String location, String message) {
        return new Finding("error", ruleId, location, message);
    }

    public static Finding warning(String ruleId, String location, String message) {
        return new Finding("warning", ruleId, location, message);
    }

    public boolean refusesFile() {
        return severity.equals("file_error");
    }
}
