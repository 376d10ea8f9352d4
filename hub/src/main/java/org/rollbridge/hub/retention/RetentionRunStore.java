package org.rollbridge.hub.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The retention_runs rows and each real run's fixed list of due people with their progress. */
@Component
public class RetentionRunStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient db;
    private final HubProperties settings;

    public RetentionRunStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A run as the retention page lists it. */
    public record RecordedRun(long id, LocalDate asOf, boolean dryRun, String startedBy, Instant startedAt,
                      Instant finishedAt, String status, RetentionReport report) {
    }

    public long start(LocalDate asOf, boolean dryRun, String startedBy) {
        return db.sql("insert into retention_runs (la, as_of, dry_run, started_by) values (?, ?, ?, ?) returning id")
                .params(settings.la(), asOf, dryRun, startedBy).query(Long.class).single();
    }

    /** The latest real run, if it did not succeed (the process stopped, or it failed): the one to take up. */
    public Optional<RecordedRun> unfinished() {
        return db.sql(SELECT + " where la = ? and not dry_run order by id desc limit 1")
                .param(settings.la()).query((rs, n) -> run(rs)).optional().filter(r -> !r.status().equals("succeeded"));
    }

    /** Marks a stopped run as running again. */
    public void resume(long runId) {
        db.sql("update retention_runs set status = 'running', finished_at = null, error = null where id = ?")
                .param(runId).update();
    }

    /** Fixes the run's list: every due person, on hold or not, with the category that governs them. */
    public void plan(long runId, List<PersonRetention> due) {
        for (int from = 0; from < due.size(); from += 5000) {
            List<PersonRetention> part = due.subList(from, Math.min(due.size(), from + 5000));
            db.sql("""
                    insert into retention_run_persons (run_id, person_id, category, state)
                    select ?, unnest(?::bigint[]), unnest(?::text[]), unnest(?::text[])""")
                    .params(runId, array(part.stream().map(p -> String.valueOf(p.personId())).toList()),
                            array(part.stream().map(p -> p.governing().id()).toList()),
                            array(part.stream().map(p -> p.held() ? "on-hold" : "due").toList()))
                    .update();
        }
    }

    /** Per category and state, how many of the run's people: the report of a real run. */
    public List<CategoryState> counts(long runId) {
        return db.sql("select category, state, count(*) from retention_run_persons where run_id = ? "
                        + "group by category, state")
                .param(runId).query((rs, n) -> new CategoryState(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public record CategoryState(String category, String state, long count) {
    }

    /** Records the outcome; a run that succeeded no longer needs its list of people, whose ids it would keep. */
    public void finish(long runId, RetentionReport report, String status, String error) {
        db.sql("update retention_runs set finished_at = now(), status = ?, report = ?::jsonb, error = ? where id = ?")
                .params(status, JSON.writeValueAsString(report), error, runId).update();
        if (status.equals("succeeded")) {
            db.sql("delete from retention_run_persons where run_id = ?").param(runId).update();
        }
    }

    /** Leaves a run that stopped part-way as failed, e.g. when a later day's run starts instead. */
    public void abandon(long runId, String why) {
        db.sql("update retention_runs set finished_at = coalesce(finished_at, now()), status = 'failed', error = ? "
                + "where id = ?").params(why, runId).update();
    }

    public List<RecordedRun> latest(int limit) {
        return db.sql(SELECT + " where la = ? order by id desc limit ?").params(settings.la(), limit)
                .query((rs, n) -> run(rs)).list();
    }

    private static final String SELECT = """
            select id, as_of, dry_run, started_by, started_at, finished_at, status, report from retention_runs""";

    private static RecordedRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        String report = rs.getString("report");
        return new RecordedRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class), rs.getBoolean("dry_run"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("status"), report == null ? null : JSON.readValue(report, RetentionReport.class));
    }

    /** A PostgreSQL array literal of plain values (ids and category names: no quoting needed). */
    static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
