package org.rollbridge.hub;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * How alerts are dated.
 *
 * @param asOf work alerts out as of this day rather than today, for a hub replaying a past term (the demo's
 *             synthetic LA, a trial on last year's files), where today would fall outside the marks and no alert
 *             could be raised; none in production
 */
@ConfigurationProperties("rollbridge.alerts")
public record AlertSettings(
        @Variable("ROLLBRIDGE_ALERTS_AS_OF") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
}
