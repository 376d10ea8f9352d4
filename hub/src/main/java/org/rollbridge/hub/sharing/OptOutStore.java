package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import java.util.Set;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opt-out register: pupils' opt-outs and their withdrawal, schools' opt-outs and their return, each checked
 * against what the agreement allows and audited (the subject is the UPN or the school, never a name).
 */
@Component
public class OptOutStore {

    private static final Set<String> RESTRICTIONS = Set.of("none", "name-address-dob");
    private static final Set<String> REQUESTERS = Set.of("parent", "pupil", "school");

    private final JdbcClient db;
    private final HubProperties settings;
    private final Agreements agreements;
    private final AuditLog audit;

    OptOutStore(JdbcClient db, HubProperties settings, Agreements agreements, AuditLog audit) {
        this.db = db;
        this.settings = settings;
        this.agreements = agreements;
        this.audit = audit;
    }

    /** Records a pupil's opt-out; one already in force for the same agreement is a conflict. */
    @Transactional
    public void record(String upn, String agreementName, String restriction, String requestedBy, LocalDate on,
                       String evidence, String recordedBy) {
        Agreement agreement = agreements.named(agreementName);
        if (!RESTRICTIONS.contains(restriction) || !agreement.optOuts().contains(restriction)) {
            throw new Refusal.Invalid("The " + agreement.name() + " agreement allows opt-outs "
                    + agreement.optOuts().stream().filter(RESTRICTIONS::contains).sorted().toList()
                    + "; '" + restriction + "' is not one of them");
        }
        if (!REQUESTERS.contains(requestedBy) || !mayAsk(agreement, requestedBy)) {
            throw new Refusal.Invalid("Under the " + agreement.name() + " agreement an opt-out may be asked by "
                    + agreement.optOutBy() + "; '" + requestedBy + "' may not ask");
        }
        String clean = upn.strip().toUpperCase(java.util.Locale.ROOT);
        boolean open = db.sql("""
                select exists (select 1 from share_optouts where la = ? and upn = ? and agreement = ?
                                  and withdrawn_on is null)""")
                .params(settings.la(), clean, agreement.name()).query(Boolean.class).single();
        if (open) {
            throw new Refusal.Conflict("UPN " + clean + " has an opt-out from " + agreement.name()
                    + " already; withdraw it first to record another");
        }
        db.sql("""
                insert into share_optouts (la, upn, agreement, restriction, requested_by, requested_on, evidence,
                                           recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(settings.la(), clean, agreement.name(), restriction, requestedBy, on, evidence, recordedBy)
                .update();
        audit.record(recordedBy, null, AuditAction.SHARING_OPT_OUT, clean, "opt-out from " + agreement.name(),
                restriction + " asked by " + requestedBy + " on " + on, "ok");
    }

    private static boolean mayAsk(Agreement agreement, String requestedBy) {
        return agreement.optOutBy().contains(requestedBy) || (agreement.optOutBy().contains("parent-until-16")
                && (requestedBy.equals("parent") || requestedBy.equals("pupil")));
    }

    /** Withdraws the pupil's opt-out in force: they are shared again from {@code on}. */
    @Transactional
    public void withdraw(String upn, String agreementName, LocalDate on, String recordedBy) {
        String clean = upn.strip().toUpperCase(java.util.Locale.ROOT);
        int changed = db.sql("""
                update share_optouts set withdrawn_on = ?, withdrawn_by = ?
                 where la = ? and upn = ? and agreement = ? and withdrawn_on is null""")
                .params(on, recordedBy, settings.la(), clean, agreements.named(agreementName).name()).update();
        if (changed == 0) {
            throw new Refusal.NotFound("UPN " + clean + " has no opt-out from " + agreementName + " to withdraw");
        }
        audit.record(recordedBy, null, AuditAction.SHARING_OPT_OUT_WITHDRAWN, clean, "opt-out from "
                + agreementName + " withdrawn", "from " + on, "ok");
    }

    /** A school stops the agreement for its pupils from {@code on} (the next file), where the agreement allows it. */
    @Transactional
    public void schoolOptOut(String laestab, String agreementName, LocalDate on, String recordedBy) {
        Agreement agreement = agreements.named(agreementName);
        if (!agreement.schoolMayOptOut()) {
            throw new Refusal.Invalid("A school cannot opt out of the " + agreement.name() + " agreement");
        }
        int open = db.sql("""
                select count(*) from school_share_optouts where la = ? and laestab = ? and agreement = ?
                   and to_date is null""").params(settings.la(), laestab, agreement.name()).query(Integer.class)
                .single();
        if (open > 0) {
            throw new Refusal.Conflict("School " + laestab + " has opted out of " + agreement.name() + " already");
        }
        db.sql("""
                insert into school_share_optouts (la, laestab, agreement, from_date, recorded_by)
                values (?, ?, ?, ?, ?)""").params(settings.la(), laestab, agreement.name(), on, recordedBy).update();
        audit.record(recordedBy, null, AuditAction.SHARING_OPT_OUT, laestab, "school opt-out from "
                + agreement.name(), "from " + on, "ok");
    }

    /** The school opts back in from {@code on}. */
    @Transactional
    public void schoolOptIn(String laestab, String agreementName, LocalDate on, String recordedBy) {
        int changed = db.sql("""
                update school_share_optouts set to_date = ?
                 where la = ? and laestab = ? and agreement = ? and to_date is null""")
                .params(on, settings.la(), laestab, agreements.named(agreementName).name()).update();
        if (changed == 0) {
            throw new Refusal.NotFound("School " + laestab + " has not opted out of " + agreementName);
        }
        audit.record(recordedBy, null, AuditAction.SHARING_OPT_OUT_WITHDRAWN, laestab, "school opted back in to "
                + agreementName, "from " + on, "ok");
    }
}
