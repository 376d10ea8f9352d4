package org.rollbridge.hub.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics up with the pipeline's own writes. The planner chooses joins from the row counts
 * and value spreads ANALYZE last recorded; a table a merge grows from empty (enrolments, pupils, tallies, alert
 * cases on an initial load) keeps the statistics of an empty table until autovacuum analyses it, which on a busy
 * server with three autovacuum workers can be many minutes. Planned on those, a merge's joins become nested loops
 * that scan the whole school once per pupil, and every school loaded is slower than the last. So after each step
 * that writes in bulk the pipeline analyses, at once, every table of the hub that has grown to four times its size
 * when it was last analysed: what autovacuum would do, without waiting for it.
 *
 * <p>Growth is read from the table's size on disk against the size ANALYZE recorded ({@code pg_class.relpages}),
 * exact at the moment it is asked, rather than from the statistics collector's counts, which a backend reports up
 * to a second late. The staging tables ({@code stage_...}) are analysed after a batch is staged and after it is
 * matched, grown or not: each batch is staged under a new id that no earlier statistics know, so without them the
 * planner takes a batch of 2,000 pupils for one row and rescans the batch for each of its rows.
 */
@Component
public class PlannerStatisticsStore {

    /** Tables smaller than this (in 8 kB pages) are left to autovacuum: any plan over them is cheap. */
    static final int SMALL_PAGES = 8;
    /**
     * Analysed again once four times the size on disk it was last analysed at: a join's plan turns on orders of
     * magnitude, so a table growing from empty is analysed a few times on the way (64 kB, 256 kB, 1 MB, ...), while
     * a night's updates, which leave a dead version of every pupil-year they rewrite and so double the marks and
     * tallies tables on disk without adding a row, do not analyse them after every school (with "grown by half"
     * they did, and the nightly delta paid for it).
     */
    static final double GROWTH = 3.0;

    private final JdbcClient db;

    public PlannerStatisticsStore(JdbcClient db) {
        this.db = db;
    }

    /**
     * Analyses the hub's tables that grew since their last analysis (a table being analysed by another worker or
     * by autovacuum is skipped, never waited for) and returns their names. Outside a transaction: ANALYZE commits
     * its statistics at once for every other connection's next plan. The staging tables are left out: see
     * {@link #analyseGrownAndStaged()}.
     */
    public List<String> analyseGrown() {
        return analyse(false);
    }

    /**
     * As {@link #analyseGrown()}, and every staging table that is not empty on disk, for the step that has just
     * staged or matched a batch. Only then: a staging table keeps the dead rows of earlier batches until vacuumed,
     * so its analysis reads far more than the batch, and after the merge the next batch's rows are not there yet.
     */
    public List<String> analyseGrownAndStaged() {
        return analyse(true);
    }

    /**
     * After a batch's staged rows are deleted: vacuums every staging table beyond {@link #SMALL_PAGES}, skipping
     * one another worker or autovacuum is vacuuming, and returns their names. A batch's staged rows are deleted
     * once it is merged, and until vacuumed they stay on disk: after an initial load of 30,000 pupils the marks'
     * and pupils' staging tables held 100 and 80 MB of dead rows, which every later ANALYZE of them read (up to
     * its 30,000-page sample) twice a batch, and the autovacuum of a server shared with other databases had not
     * come in the 5 minutes of the load. Vacuumed after every batch, they keep the size of the few batches in flight (the rows deleted while
     * another worker's job is open wait for the next vacuum). Without truncating: giving back the file's empty
     * end needs a lock no other worker may hold, which VACUUM waits seconds for; the free space is reused by the
     * next batch's COPY instead.
     */
    public List<String> vacuumStaging() {
        List<String> staging = db.sql("""
                select quote_ident(c.relname) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relname like 'stage\\_%'
                  and pg_relation_size(c.oid) / current_setting('block_size')::int > ?
                order by c.relname""")
                .param(SMALL_PAGES).query(String.class).list();
        if (!staging.isEmpty()) {
            db.sql("vacuum (skip_locked, truncate false) " + String.join(", ", staging)).update();
        }
        return staging;
    }

    private List<String> analyse(boolean staged) {
        List<String> grown = db.sql("""
                select quote_ident(c.relname) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r'
                  and (pg_relation_size(c.oid) / current_setting('block_size')::int
                           > greatest(c.relpages * (1 + ?), ?)
                       or ? and c.relname like 'stage\\_%' and pg_relation_size(c.oid) > 0)
                order by c.relname""")
                .params(GROWTH, SMALL_PAGES, staged).query(String.class).list();
        if (!grown.isEmpty()) {
            db.sql("analyze (skip_locked) " + String.join(", ", grown)).update();
        }
        return grown;
    }
}
