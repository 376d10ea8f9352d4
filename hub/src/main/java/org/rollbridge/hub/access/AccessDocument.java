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
        md.append(pages());
        return md.toString();
    }

    /** Every page and who may open it, from {@link PageAccess}. */
    private static String pages() {
        StringBuilder md = new StringBuilder("""

                ## Pages and who may open them

                | path | who may open it |
                |---|---|
                """);
        for (PageAccess.Rule rule : PageAccess.RULES) {
            String who = switch (rule.audience()) {
                case ANYONE -> "anyone";
                case SIGNED_IN -> "any signed-in user";
                case CAPABILITY -> Arrays.stream(Role.values()).filter(r -> r.may(rule.capability())).map(Enum::name)
                        .collect(Collectors.joining(", ")) + " (" + rule.capability() + ")";
            };
            md.append("| `").append(rule.pattern()).append("` | ").append(who).append(" |\n");
        }
        md.append("""

                What the attendance dashboards show:

                - **LA overview** (`/la/overview`): the LA's attendance and absence this week, this term and this
                  academic year to date beside England's and the LA's published 2025/26 figures; persistent and severe
                  absence; absence by school week (a chart and the same figures in a table); breakdowns by cohort
                  (social worker, looked after, child protection plan, EHC plan, SEN support, free school meals), by
                  phase and by school. Aggregates only: no pupil is named, so the LA analyst may open it, under
                  disclosure control (below); roles that may open pupils' records see the exact figures.
                - **Trust overview** (`/trust`): the same, for the trust's schools only, each counted only for the
                  weeks it was in the trust (from the dated links of the organisation graph), under disclosure
                  control, and without the cohorts drawn from field groups the trust viewer is not shown (social care,
                  SEN, free school meals: none of them).
                - **National view** (`/national`): for the DfE, this LA by phase and in total, with no school and no
                  cohort breakdown. A line made up of fewer than 3 schools is withheld whole (`c`, it would be a
                  school's own figures); every other figure is under disclosure control; `x` means there is nothing to
                  count. The weekly trend is withheld when the LA has fewer than 3 schools. No pupil-level data is
                  shared here.
                - **A school's attendance** (`/schools/{laestab}/attendance`): the school's figures as a trust sees
                  them (this week, term and year, by cohort, under the same disclosure control), the year by year
                  group and by reason code, and the school's pupils at risk, by name for roles shown identity (UPN
                  otherwise). Pupil-level, so every view is audited and the page does not print.
                - **Pupil page** (`/pupils/{id}`): identity, enrolments, flags, where the record came from, and the
                  attendance calendar, each part only for roles shown its field group (table above); every view is
                  audited.

                ## Disclosure control

                Every figure shown below pupil level to a role that may not see the pupils (the trust overview, the
                national view, the LA overview of the LA analyst) goes through one rule, core's `DisclosureControl`:

                - a count of 1 to 9 pupils (below `ROLLBRIDGE_SMALLEST_COUNT`, default 10) is shown as `c`; zero is
                  shown, since that nobody is in a group tells nothing about a pupil;
                - a rate worked out from such a count (its pupils, or the persistently absent it counts) is `c` too;
                - where the lines of a breakdown add up to a total that is shown (schools and phases add up to the
                  headline), a lone `c` in a column could be worked out as the total less the others, so the smallest
                  other non-zero line of that column is shown as `c` as well (secondary suppression); a line whose
                  pupils are `c` has all its rates `c`;
                - the weekly trend is not shown when the whole is a small count.

                Each of those pages' tables downloads as CSV and XLSX with the same cells suppressed: the download is
                built from the figures the page shows (docs/exports.md). Pupil-level exports (`PUPIL_EXPORT`) are for
                whole-system access only; the LA analyst's pupil data is pseudonymised (`PLANNING_EXPORT`).

                ## Administration

                The LA administrator (`ADMINISTER`) manages access from pages under `/admin`, each form with its CSRF
                token and each change written to the audit log with who made it:

                - **Users** (`/admin/users`): every account with its role, organisation, status and last sign-in. A
                  new account (user name, full name, a role from the list above and its organisation: a school's
                  LAESTAB, a trust's group UID, or none for this LA) signs in as local accounts do: its first password
                  and authenticator secret are shown once, to pass on by a separate route. An account's page changes
                  its role or organisation, disables it (a disabled account cannot sign in, locally or through the
                  LA's identity provider; administrators cannot disable their own), enables it again, or resets its
                  second factor (a new authenticator secret, shown once; the password stays). Audited as
                  `USER_ADMINISTRATION`. A session open when its account is disabled, or its role or organisation
                  changed, ends at its next request, which is sent to sign in.
                - **Schools and trust membership** (`/admin/trust-links`): the DfE's establishment and trust-links
                  file from Get Information about Schools, as CSV: the school's name (`EstablishmentName`), `URN` (6
                  digits), `LAESTAB` (or `LA (code)` and `EstablishmentNumber`), phase (`PhaseOfEducation (name)`, one
                  of GIAS's phases), the trust's `Group UID` and `Group Name`, and `Date joined group` / `Date left
                  group` (`DD-MM-YYYY`, `DD/MM/YYYY` or `YYYY-MM-DD`). Columns may come in any order under GIAS's
                  names or plain ones (`School name`, `Trust UID`, `Join date`, ...) and others are ignored; the values
                  are checked strictly. One row per membership: a school that moved trust has two rows, which may not
                  overlap; a school in no trust has its trust columns empty. Each school in the file gets its name,
                  URN and phase, and its trust membership replaced by the file's (its LA links stay); schools not in
                  the file are left alone. A file with any bad row changes nothing, and every bad row is listed with
                  its line, column and what to put instead. Audited as `TRUST_LINKS_LOADED`.
                - **School credentials and pauses** (`/admin/schools`): each school with its credentials in use and
                  whether it is paused; issue an upload token (shown once), revoke every credential of a school, pause
                  or resume its sending, as the API's `/api/v1/admin/schools/...` endpoints do. Audited as
                  `SCHOOL_ACCESS`.
                - **Quarterly access review** (`/admin/access-review`): every account with its role, organisation,
                  last sign-in and status; an enabled account with no sign-in for `ROLLBRIDGE_DORMANT_DAYS` days
                  (default 90; one never used counts from its creation) is dormant, with a "disable" box. Recording
                  the review disables the accounts ticked and writes one `ACCESS_REVIEW` event naming the dormant
                  accounts kept and those disabled, with the reviewer's note.
                """);
        return md.toString();
    }
}
