package org.rollbridge.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * England's comparators from the national tier (docs/national.md).
 *
 * @param figures a folder of the national tier's output, one {@code YYYY-MM-DD/la_phase.csv} per as-of date; none
 *                means the DfE's published year
 */
@ConfigurationProperties("rollbridge.national")
public record NationalSettings(@Variable("ROLLBRIDGE_NATIONAL_FIGURES") Path figures) {
}
