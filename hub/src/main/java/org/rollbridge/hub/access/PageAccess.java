package org.rollbridge.hub.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access rule of every page and user-facing endpoint, in one list. The security configuration is built from
 * it and anything not listed is denied; a test fails the build when a mapped endpoint matches no rule.
 */
public final class PageAccess {

    /** Who may open a path: anyone, any signed-in user, or the holders of one capability. */
    public record Rule(String pattern, Audience audience, Capability capability) {

        public boolean matches(String path) {
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            return parsed.matches(PathContainer.parsePath(path));
        }

        public boolean allows(Role role) {
            return switch (audience) {
                case ANYONE, SIGNED_IN -> true;
                case CAPABILITY -> role.may(capability);
            };
        }

        public String[] authorities() {
            return Arrays.stream(Role.values()).filter(r -> r.may(capability)).map(Role::authority)
                    .toArray(String[]::new);
        }
    }

    public enum Audience { ANYONE, SIGNED_IN, CAPABILITY }

    public static final List<Rule> RULES = List.of(
            open("/sign-in"), open("/sharing"), open("/assets/**"), open("/stylesheets/**"), open("/javascripts/**"), open("/error"),
            new Rule("/", Audience.SIGNED_IN, null),
            needs("/la/overview", Capability.LA_OVERVIEW), needs("/la/overview/*", Capability.LA_OVERVIEW),
            needs("/alerts/*/assign", Capability.ALERT_QUEUE), needs("/alerts/*/acknowledge", Capability.ALERT_QUEUE),
            needs("/alerts/*/resolve", Capability.ALERT_QUEUE), needs("/alerts/assign", Capability.ALERT_QUEUE),
            needs("/alerts", Capability.ALERT_VIEW), needs("/alerts/**", Capability.ALERT_VIEW),
            needs("/pupils/*/rectifications", Capability.RECTIFY),
            needs("/pupils/*/sharing/**", Capability.SHARING_OPT_OUTS),
            needs("/schools/*/sharing", Capability.SHARING_OPT_OUTS),
            needs("/schools/*/sharing/**", Capability.SHARING_OPT_OUTS),
            needs("/pupils/**", Capability.PUPIL_RECORD),
            needs("/schools/*/held/*/answer", Capability.ANSWER_HELD),
            needs("/schools/**", Capability.SCHOOL_PAGE),
            needs("/review/**", Capability.REVIEW_QUEUE),
            needs("/audit", Capability.AUDIT_SEARCH), needs("/audit/export", Capability.AUDIT_SEARCH),
            needs("/admin/tokens", Capability.ADMINISTER), needs("/admin/tokens/**", Capability.ADMINISTER),
            needs("/retention", Capability.ADMINISTER), needs("/retention/**", Capability.ADMINISTER),
            needs("/rights/**", Capability.ADMINISTER), needs("/admin/**", Capability.ADMINISTER),
            needs("/exports/**", Capability.PUPIL_EXPORT),
            needs("/planning/exports", Capability.PLANNING_EXPORT),
            needs("/planning/exports/**", Capability.PLANNING_EXPORT),
            needs("/trust", Capability.TRUST_OVERVIEW), needs("/trust/*", Capability.TRUST_OVERVIEW),
            needs("/national", Capability.NATIONAL_VIEW), needs("/national/*", Capability.NATIONAL_VIEW));

    /** Paths served to machines with a bearer credential (schools, the LA's operations); checked by {@link Caller}. */
    public static final List<String> MACHINE = List.of("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/v3/api-docs.yaml");

    private PageAccess() {
    }

    public static Optional<Rule> ruleFor(String path) {
        return RULES.stream().filter(r -> r.matches(path)).findFirst();
    }

    public static boolean machine(String path) {
        return MACHINE.stream().anyMatch(p -> PathPatternParser.defaultInstance.parse(p)
                .matches(PathContainer.parsePath(path)));
    }

    private static Rule open(String pattern) {
        return new Rule(pattern, Audience.ANYONE, null);
    }

    private static Rule needs(String pattern, Capability capability) {
        return new Rule(pattern, Audience.CAPABILITY, capability);
    }
}
