package org.rollbridge.hub.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Renders docs/access.md from the roles, capabilities and field table, so the document cannot drift. */
public final class AccessDocument {

    private AccessDocument() {
    }

    public static String render() {
        StringBuilder md = new StringBuilder("""
                # Who sees what

                Generated from `Role`, `Capability` and `FieldAccess` in `org.rollbridge.hub.access`; a test fails
                when this file differs from them (copy `hub/target/access.md` over it after a change).

                Deny unless allowed: a user holds one role at one organisation, may do only what the role's
                capabilities list, and is shown only the field groups the table allows. A pupil is visible to a
                school while on its roll and for `ROLLBRIDGE_SCHOOL_TAIL_DAYS` (default 30) after leaving; to the LA
                of the school and the LA of residence; to a trust for its schools while they are in the trust; and
                to the DfE only through its own national view. A social care viewer sees only children with a
                social worker, looked after, or on a child protection plan.

                ## Roles

                | role | organisation | description | capabilities |
                |---|---|---|---|
                """);
        for (Role role : Role.values()) {
            md.append("| ").append(role.name()).append(" | ").append(role.organisationKind()).append(" | ")
                    .append(role.description()).append(" | ")
                    .append(Arrays.stream(Capability.values()).filter(role::may).map(Enum::name)
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        md.append("\n## Capabilities\n\n| capability | what it allows |\n|---|---|\n");
        for (Capability c : Capability.values()) {
            md.append("| ").append(c.name()).append(" | ").append(c.description()).append(" |\n");
        }
        md.append("\n## Field groups\n\n| group | fields |\n|---|---|\n");
        for (FieldGroup g : FieldGroup.values()) {
            md.append("| ").append(g.name().toLowerCase()).append(" | ").append(g.fields()).append(" |\n");
        }
        md.append("\n## Fields shown to each role\n\n").append(FieldAccess.markdown());
        return md.toString();
    }
}
