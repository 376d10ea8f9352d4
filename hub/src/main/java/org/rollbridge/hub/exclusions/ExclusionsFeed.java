package org.rollbridge.hub.exclusions;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.code.CodeList;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.CopyRows;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.FeedCsv;
import org.rollbridge.hub.ingest.Finding;
import org.rollbridge.hub.ingest.Staged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exclusions CSV (docs/formats.md): one row per suspension or permanent exclusion, upserted by the MIS's
 * exclusion id when it sends one, else by pupil, category and start date.
 */
@Component
public class ExclusionsFeed implements Feed {

    static final List<String> REQUIRED = List.of("laestab", "upn", "category", "reason", "start_date", "end_date",
            "sessions");
    private final HubProperties settings;

    public ExclusionsFeed(HubProperties settings) {
        this.settings = settings;
    }

    @Override
    public BatchKind kind() {
        return BatchKind.EXCLUSIONS;
    }

    @Override
    public Staged stage(Batch batch, Connection connection) throws Exception {
        List<Finding> findings = new ArrayList<>();
        int read = 0;
        int staged = 0;
        try (FeedCsv csv = new FeedCsv(batch.storedPath());
             CopyRows copy = new CopyRows(connection, "stage_exclusions", "batch_id, line, upn, exclusion_ref, "
                     + "category, reason, start_date, end_date, sessions, appeal_received, appeal_result, "
                     + "appeal_result_date, reinstatement_date")) {
            List<String> missing = csv.missing(REQUIRED);
            if (!missing.isEmpty()) {
                copy.abort();
                findings.add(Finding.fileError("EXC-HEADER", "line 1", "The header lacks the required column(s) "
                        + String.join(", ", missing) + "; see the exclusions CSV in docs/formats.md"));
                return new Staged(findings, 0, 0);
            }
            for (FeedCsv.Row row : csv) {
                read++;
                int before = findings.size();
                String where = row.location();
                String upn = row.get("upn").toUpperCase(Locale.ROOT);
                if (!row.get("laestab").equals(batch.laestab())) {
                    findings.add(Finding.error("EXC-SCHOOL", where, "laestab '" + row.get("laestab")
                            + "' is not the sending school " + batch.laestab()));
                }
                if (!Upn.check(upn).usable()) {
                    findings.add(Finding.error("EXC-UPN", where, "upn is not a valid UPN (" + Upn.check(upn)
                            + "); correct it in the MIS"));
                }
                String categoryText = row.get("category").toUpperCase(Locale.ROOT);
                String category = categoryText.equals("FIXD") ? "SUSP" : categoryText;
                if (CodeList.lookup(ExclusionCategory.class, category).isEmpty()) {
                    findings.add(Finding.error("EXC-CATEGORY", where, "category '" + categoryText
                            + "' must be SUSP, PERM or LNCH"));
                }
                String reason = row.get("reason").toUpperCase(Locale.ROOT);
                if (CodeList.lookup(ExclusionReason.class, reason).isEmpty()) {
                    findings.add(Finding.error("EXC-REASON", where, "reason '" + reason
                            + "' is not a DfE exclusion reason code"));
                }
                LocalDate start = FeedCsv.date(row.get("start_date"));
                if (start == null) {
                    findings.add(Finding.error("EXC-START", where, "start_date '" + row.get("start_date")
                            + "' is not a date; use YYYY-MM-DD"));
                }
                LocalDate end = optionalDate(row, "end_date", where, findings);
                Integer sessions = null;
                if (!row.get("sessions").isEmpty()) {
                    try {
                        sessions = Integer.valueOf(row.get("sessions"));
                    } catch (NumberFormatException e) {
                        findings.add(Finding.error("EXC-SESSIONS", where, "sessions '" + row.get("sessions")
                                + "' is not a whole number"));
                    }
                }
                LocalDate appealDate = optionalDate(row, "appeal_result_date", where, findings);
                LocalDate reinstated = optionalDate(row, "reinstatement_date", where, findings);
                if (findings.subList(before, findings.size()).stream().anyMatch(f -> f.severity().equals("error"))) {
                    continue;
                }
                String ref = row.get("exclusion_id").isEmpty() ? upn + "|" + category + "|" + start
                        : "mis:" + row.get("exclusion_id");
                String appeal = row.get("appeal_received").toLowerCase(Locale.ROOT);
                Boolean appealReceived = appeal.isEmpty() ? null : List.of("true", "y", "1").contains(appeal);
                copy.field(batch.id()).field(read).field(upn).field(ref).field(category).field(reason).field(start)
                        .field(end).field(sessions).field(appealReceived)
                        .field(row.get("appeal_result").isEmpty() ? null : row.get("appeal_result"))
                        .field(appealDate).field(reinstated).endRow();
                staged++;
            }
        } catch (java.io.UncheckedIOException | java.io.IOException | IllegalStateException e) {
            findings.add(Finding.fileError("EXC-FILE", "line " + (read + 2),
                    "The file could not be read as a UTF-8 CSV (" + e.getMessage() + "); export it again"));
            return new Staged(findings, read, 0);
        }
        return new Staged(findings, read, staged);
    }

    private static LocalDate optionalDate(FeedCsv.Row row, String column, String where, List<Finding> findings) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        LocalDate d = FeedCsv.date(text);
        if (d == null) {
            findings.add(Finding.error("EXC-DATE", where, column + " '" + text + "' is not a date; use YYYY-MM-DD"));
        }
        return d;
    }

    @Override
    public void match(Batch batch, JdbcClient db) {
        db.sql("""
                update stage_exclusions s set person_id = pi.person_id
                from person_identifiers pi
                where s.batch_id = ? and pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN') and pi.value = s.upn""")
                .params(batch.id(), settings.la()).update();
    }

    @Override
    public Merged merge(Batch batch, JdbcClient db, Connection connection) {
        int imported = applyStaged(batch.id(), batch.id(), batch.laestab(), db);
        int held = db.sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, payload)
                select ?, batch_id, ?, 'exclusions', 'line ' || (line + 1), upn, 'UNMATCHED',
                       'No person in the LA''s index has this UPN; held until the LA confirms who the pupil is',
                       to_jsonb(s)
                from stage_exclusions s where batch_id = ? and person_id is null""")
                .params(settings.la(), batch.laestab(), batch.id()).update();
        return new Merged(imported, held);
    }

    /** Upserts the matched rows staged under {@code stagedAs}, which came from batch {@code batchId}. */
    int applyStaged(java.util.UUID stagedAs, java.util.UUID batchId, String laestab, JdbcClient db) {
        return db.sql("""
                insert into exclusions (la, person_id, laestab, exclusion_ref, category, reason, start_date, end_date,
                    sessions, appeal_received, appeal_result, appeal_result_date, reinstatement_date, batch_id)
                select distinct on (exclusion_ref) ?, person_id, ?, exclusion_ref, category, reason, start_date,
                       end_date, sessions, appeal_received, appeal_result, appeal_result_date, reinstatement_date, ?
                from stage_exclusions where batch_id = ? and person_id is not null
                order by exclusion_ref, line desc
                on conflict (la, laestab, exclusion_ref) do update set person_id = excluded.person_id,
                    category = excluded.category, reason = excluded.reason, start_date = excluded.start_date,
                    end_date = excluded.end_date, sessions = excluded.sessions,
                    appeal_received = excluded.appeal_received, appeal_result = excluded.appeal_result,
                    appeal_result_date = excluded.appeal_result_date,
                    reinstatement_date = excluded.reinstatement_date, batch_id = excluded.batch_id,
                    updated_at = now()""")
                .params(settings.la(), laestab, batchId, stagedAs).update();
    }

    @Override
    public void clear(Batch batch, JdbcClient db) {
        db.sql("delete from stage_exclusions where batch_id = ?").param(batch.id()).update();
    }
}
