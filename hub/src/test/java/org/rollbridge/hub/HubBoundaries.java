package org.rollbridge.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules of {@link ArchitectureTest}, for any root package, so that {@link HubBoundariesTest} can show each one
 * failing on a small set of classes that break it.
 */
final class HubBoundaries {

    static final String HUB = "org.rollbridge.hub";

    /**
     * Classes outside controllers and the {@code web} package that are HTTP by nature, relative to the root package:
     * the filter that authenticates every machine request and its signed-request checks (they read the request), the
     * sign-in security set-up, what it keeps of a request and the filter that ends a changed account's sessions, the page/machine path split the security set-up uses,
     * the guard that turns a paused school's uploads away, and the two advices that write errors as HTTP responses.
     * Anything else that needs HTTP belongs in a controller or a page.
     */
    static final List<String> HTTP_BY_NATURE = List.of(
            "access.CredentialFilter", "access.SignedRequests", "access.DigestCheckedRequest",
            "access.SignatureErrors", "access.SignInSecurity", "access.SignInDetails", "access.PageAccess",
            "access.EndedSessions",
            "schools.PausedSchoolGuard", "ops.ApiErrors");

    private HubBoundaries() {
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .because("each capability depends on others in one direction only (docs/architecture.md); where "
                        + "a lower one must tell a higher one, it declares an interface the higher one implements");
    }

    static ArchRule onlyPagesKnowThePages(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".web..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                .because("the pages are the top layer: capabilities serve them and never call them");
    }

    static ArchRule httpStaysAtTheEdge(String root, List<String> httpByNature) {
        List<String> allowed = httpByNature.stream().map(c -> root + "." + c).toList();
        DescribedPredicate<JavaClass> edge = DescribedPredicate.describe(
                "a *Controller, a class of the web package or one HTTP by nature " + httpByNature, c -> {
                    JavaClass top = outermost(c);
                    return top.getSimpleName().endsWith("Controller")
                            || top.getPackageName().startsWith(root + ".web")
                            || allowed.contains(top.getName());
                });
        return noClasses().that().resideInAPackage(root + "..").and(DescribedPredicate.not(edge))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
                .because("capabilities speak the domain's language (Refusal, not HTTP statuses) so that the API "
                        + "and the pages can share them; ApiErrors and PageErrors map refusals to HTTP");
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
