package org.rollbridge.core.feed;

import java.util.Optional;

/**
 * What reading a feed CSV came to: how many data rows were handed on, whether the header had every required
 * column, and the school named on the first row (for reports).
 */
public record CsvReadResult(int rows, boolean headerComplete, String firstLaestab) {

    public Optional<String> laestab() {
        return Optional.ofNullable(firstLaestab);
    }
}
