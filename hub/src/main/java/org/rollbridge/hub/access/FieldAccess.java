package org.rollbridge.hub.access;

import static org.rollbridge.hub.access.FieldGroup.*;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule table of field minimisation: which groups of a pupil's fields each role is shown. Anything not
 * listed is withheld. docs/access.md is rendered from this table and a test fails when they differ.
 */
public final class FieldAccess {

    private static final Map<Role, Set<FieldGroup>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.LA_ADMIN, EnumSet.allOf(FieldGroup.class));
        TABLE.put(Role.LA_ATTENDANCE_OFFICER, EnumSet.of(IDENTITY, ADDRESS, CONTACTS, SEN, FSM, SOCIAL_CARE,
                ENROLMENTS, ATTENDANCE, EXCLUSIONS, PROVENANCE));
        TABLE.put(Role.LA_CME_OFFICER, EnumSet.of(IDENTITY, ADDRESS, CONTACTS, SOCIAL_CARE, ENROLMENTS, ATTENDANCE));
        TABLE.put(Role.SOCIAL_CARE_VIEWER, EnumSet.of(IDENTITY, ADDRESS, CONTACTS, SPECIAL_CATEGORY, SEN,
                SOCIAL_CARE, ENROLMENTS, ATTENDANCE, EXCLUSIONS));
        TABLE.put(Role.LA_ANALYST, EnumSet.noneOf(FieldGroup.class));
        TABLE.put(Role.SCHOOL_DATA_MANAGER, EnumSet.of(IDENTITY, ENROLMENTS, ATTENDANCE, PROVENANCE));
        TABLE.put(Role.TRUST_VIEWER, EnumSet.of(IDENTITY, ENROLMENTS, ATTENDANCE));
        TABLE.put(Role.DFE_ANALYST, EnumSet.noneOf(FieldGroup.class));
    }

    private FieldAccess() {
    }

    public static Set<FieldGroup> shownTo(Role role) {
        return Set.copyOf(TABLE.get(role));
    }

    public static boolean shows(Role role, FieldGroup group) {
        return TABLE.get(role).contains(group);
    }

    /** The table as Markdown: roles down, field groups across. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| role | ").append(Arrays.stream(FieldGroup.values()).map(g -> g.name().toLowerCase())
                .collect(Collectors.joining(" | "))).append(" |\n");
        md.append("|---".repeat(FieldGroup.values().length + 1)).append("|\n");
        for (Role role : Role.values()) {
            md.append("| ").append(role.name()).append(" | ").append(Arrays.stream(FieldGroup.values())
                    .map(g -> shows(role, g) ? "yes" : "-").collect(Collectors.joining(" | "))).append(" |\n");
        }
        return md.toString();
    }
}
