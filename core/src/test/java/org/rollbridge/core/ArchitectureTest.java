package org.rollbridge.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is plain Java: the product's knowledge must not depend on any framework or on a database API. */
@AnalyzeClasses(packages = "org.rollbridge.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoFramework = noClasses().that().resideInAPackage("org.rollbridge.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "picocli..", "jakarta..", "javax.persistence..", "java.sql..",
                    "tools.jackson.databind..", "com.fasterxml.jackson..")
            .because("core is plain Java that every module, tool and test can use without a framework");

    @ArchTest
    static final ArchRule onlyReportsWriteJsonAndOnlyByStreaming = noClasses()
            .that().resideOutsideOfPackage("org.rollbridge.core.validation.report")
            .and().resideInAPackage("org.rollbridge.core..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..")
            .because("only the validation report renderers write JSON, with Jackson's streaming API");

    @ArchTest
    static final ArchRule reportsUseNoDataBinding = noClasses()
            .that().resideInAPackage("org.rollbridge.core.validation.report")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson.databind..", "com.fasterxml.jackson..")
            .because("core stays free of object-mapping frameworks");
}
