package org.rollbridge.core.validation;

import java.time.LocalDate;

/**
 * What record checks need to know about the file: the file date (CTF header DateTime, else --as-of, else today),
 * used for ages and "in the future"; and the sending school, for checks that compare against it.
 */
public record CheckContext(LocalDate fileDate, String sourceLa, String sourceEstab, Integer academicYear) {

    public static CheckContext on(LocalDate fileDate) {
        return new CheckContext(fileDate, null, null, null);
    }
}
