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
                    "tools.jackson..", "com.fasterxml.jackson..")
            .because("core is plain Java that every module, tool and test can use without a framework");
}
