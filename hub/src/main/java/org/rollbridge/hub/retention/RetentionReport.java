package org.rollbridge.hub.retention;

import java.util.List;

/**
 * What a run found and did, in the JSON contract of {@code rollbridge retention --format json} (docs/retention.md):
 * per category and in all, the people whose records were due, deleted and kept on a legal hold. A dry run reports
 * as deleted the people a real run on the same day would delete.
 */
public record RetentionReport(String asOf, boolean dryRun, List<CategoryCount> categories, Counts persons) {

    /** People whose governing category is this one. */
    public record CategoryCount(String category, long due, long deleted, long onHold) {
    }

    public record Counts(long due, long deleted, long onHold) {
    }
}
