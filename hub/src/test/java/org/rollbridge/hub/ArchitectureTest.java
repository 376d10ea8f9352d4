package org.rollbridge.hub;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hub's package boundaries (docs/architecture.md): capabilities depend one way, nothing below the pages
 * knows the pages, HTTP stays at the edge, "today" comes from one clock and settings are read once.
 * {@link HubBoundariesTest} proves each rule fails on a violation.
 */
@AnalyzeClasses(packages = HubBoundaries.HUB, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = HubBoundaries.noPackageCycles(HubBoundaries.HUB);

    @ArchTest
    static final ArchRule onlyPagesKnowThePages = HubBoundaries.onlyPagesKnowThePages(HubBoundaries.HUB);

    @ArchTest
    static final ArchRule httpStaysAtTheEdge = HubBoundaries.httpStaysAtTheEdge(HubBoundaries.HUB,
            HubBoundaries.HTTP_BY_NATURE);

    @ArchTest
    static final ArchRule oneClock = HubBoundaries.oneClock(HubBoundaries.HUB);

    @ArchTest
    static final ArchRule settingsReadOnce = HubBoundaries.settingsReadOnce(HubBoundaries.HUB);
}
