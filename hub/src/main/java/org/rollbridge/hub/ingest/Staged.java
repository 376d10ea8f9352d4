package org.rollbridge.hub.ingest;

import java.util.List;

/**
 * What staging a batch produced: the findings and counts. Records with errors were not staged.
 *
 * @param read records read from the file
 * @param staged records put in the staging table
 */
public record Staged(List<Finding> findings, int read, int staged) {

    public boolean refused() {
        return findings.stream().anyMatch(Finding::refusesFile);
    }

    public int errors() {
        return (int) findings.stream().filter(f -> f.severity().equals("error")).count();
    }
}
