package org.rollbridge.hub.store;

/**
 * The transaction-scoped advisory locks that serialise work on one school's rows, each with its key in one
 * place. {@link TransactionLocks} takes them.
 */
public enum SchoolLock {

    /** The school's intake: batches are numbered in the order their records commit (BatchIntake). */
    INTAKE("intake-"),
    /** The school's pupils, marks and exclusions: a batch's merge, a held record's release, a re-tally. */
    DATA("school-"),
    /** The school's attendance_cohort_weeks: a batch's rewrite and a viewer's recount never interleave. */
    COHORT_WEEKS("cohort-weeks-"),
    /** The school's alert cases: two recomputes of one school never interleave. */
    ALERTS("alerts-");

    private final String prefix;

    SchoolLock(String prefix) {
        this.prefix = prefix;
    }

    /** The text the lock is keyed by (hashed by PostgreSQL's hashtext). */
    public String key(String laestab) {
        return prefix + laestab.strip();
    }
}
