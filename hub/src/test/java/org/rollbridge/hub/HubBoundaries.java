package org.rollbridge.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
import java.util.Set;

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

    /**
     * Every "today" and "now" asks the one clock (the root package's {@code HubClock}, Europe/London): nowhere else
     * a {@code now()} of java.time without a clock (a UTC or system-zone day differs near midnight in summer) or
     * a system clock, called or passed as a method reference.
     */
    static ArchRule oneClock(String root) {
        String clock = root + ".HubClock";
        DescribedPredicate<JavaAccess<?>> systemTime = DescribedPredicate.describe(
                "java.time's now() without a Clock, or a system Clock", a -> {
                    AccessTarget target = a.getTarget();
                    if (!(target instanceof AccessTarget.CodeUnitAccessTarget unit)
                            || !target.getOwner().getPackageName().equals("java.time")) {
                        return false;
                    }
                    List<JavaClass> parameters = unit.getRawParameterTypes();
                    boolean unclockedNow = target.getName().equals("now")
                            && !(parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class));
                    boolean systemClock = target.getOwner().isEquivalentTo(Clock.class)
                            && target.getName().startsWith("system");
                    return unclockedNow || systemClock;
                });
        return noClasses().that().resideInAPackage(root + "..")
                .and(DescribedPredicate.describe("are not " + clock, c -> !outermost(c).getName().equals(clock)))
                .should().accessTargetWhere(systemTime)
                .because("an alert's day, a page's academic year and a pupil's roll are the LA's day: ask the "
                        + "injected Clock (HubClock), which tests can fix");
    }

    /**
     * Settings are read once, by the root package's {@code HubSettings}, into typed records (docs/configuration.md):
     * nothing else looks at Spring's Environment, {@code @Value} or the process's variables and properties, so an
     * unknown or malformed value fails at start with the variable's name rather than where it is first used.
     */
    static ArchRule settingsReadOnce(String root) {
        String settings = root + ".HubSettings";
        Set<String> readers = Set.of("getenv", "getProperty", "getProperties");
        return noClasses().that().resideInAPackage(root + "..")
                .and(DescribedPredicate.describe("are not " + settings,
                        c -> !outermost(c).getName().equals(settings)))
                .should().dependOnClassesThat().resideInAPackage("org.springframework.core.env..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.beans.factory.annotation.Value")
                .orShould().callMethodWhere(DescribedPredicate.describe("System.getenv or System.getProperty",
                        call -> call.getTarget().getOwner().isEquivalentTo(System.class)
                                && readers.contains(call.getTarget().getName())))
                .because("every setting is a field of a settings record bound and checked at start by HubSettings");
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
