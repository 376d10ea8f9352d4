package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import java.util.List;

/**
 * What one share run did: each file with its rows and hash, whether it was delivered now or had been already, and
 * notes for the data manager (a school whose URN came from elsewhere, a school opted out).
 */
public record ShareReport(String agreement, LocalDate asOf, List<File> files, List<String> notes) {

    /**
     * A file of the extract, by its path under the output folder (or the HTTPS recipient's address): delivered now,
     * or already (and so not again), acknowledged by the recipient, or failed with the reason (not logged: the next
     * run sends it).
     */
    public record File(String path, int rows, String sha256, boolean alreadyDelivered, boolean acknowledged,
                       String failure) {
    }

    /** Files that could not be delivered. */
    public long failures() {
        return files.stream().filter(f -> f.failure() != null).count();
    }
}
