package org.rollbridge.hub.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.rollbridge.hub.UploadSettings;
import org.springframework.stereotype.Component;

/**
 * What one school may upload: ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR batches in any hour, and
 * ROLLBRIDGE_SCHOOL_BYTES_PER_DAY decompressed bytes in a London day, so that one school's credential cannot fill
 * the hub's disk or queue. Checked when an upload starts, against what the school's batches already hold.
 */
@Component
public class SchoolQuota {

    private final BatchStore batches;
    private final Clock clock;
    private final int batchesPerHour;
    private final long bytesPerDay;

    public SchoolQuota(BatchStore batches, Clock clock, UploadSettings settings) {
        this.batches = batches;
        this.clock = clock;
        this.batchesPerHour = settings.schoolBatchesPerHour();
        this.bytesPerDay = settings.schoolBytesPerDay();
    }

    /** The school has sent its share: why, and when it may send again. */
    public record Exceeded(String message, Duration retryAfter) {
    }

    public Optional<Exceeded> exceeded(String laestab) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        OffsetDateTime hourAgo = now.toOffsetDateTime().minusHours(1);
        ZonedDateTime midnight = LocalDate.now(clock).atStartOfDay(now.getZone());
        BatchStore.Usage used = batches.usage(laestab, hourAgo, midnight.toOffsetDateTime());
        if (used.batchesInHour() >= batchesPerHour) {
            Duration wait = Duration.between(hourAgo, used.oldestInHour()).plusSeconds(1);
            return Optional.of(new Exceeded("School " + laestab + " has sent " + used.batchesInHour()
                    + " batches in the last hour, the most the hub accepts (ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR); "
                    + "send again after the time in Retry-After, or ask the LA to raise the limit", wait));
        }
        if (used.bytesToday() >= bytesPerDay) {
            return Optional.of(new Exceeded("School " + laestab + " has sent " + used.bytesToday()
                    + " bytes today, the most the hub accepts in a day (ROLLBRIDGE_SCHOOL_BYTES_PER_DAY); send again "
                    + "after midnight, or ask the LA to raise the limit",
                    Duration.between(now, midnight.plusDays(1))));
        }
        return Optional.empty();
    }
}
