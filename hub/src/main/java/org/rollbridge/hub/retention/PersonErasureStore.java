package org.rollbridge.hub.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes people from every table that holds personal data, within the caller's transaction: the person index,
 * identifiers, every school's record, enrolments, marks and their history, tallies, exclusions, validation
 * findings naming them, held records (matched to them or carrying their UPN) and their review items, alert cases
 * and events, the LA's corrections of their record, social care rows, retention facts, released holds, staging rows; their audit rows become tombstones;
 * the raw uploads that held their records are queued for deletion. Adding a table with a person_id or upn column
 * means adding it here: {@code RetentionIT} fails until it is.
 */
@Component
public class PersonErasureStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public PersonErasureStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Makes this transaction give up on a row that daytime work holds, rather than make that work wait. */
    public void waitAtMost(Duration lockTimeout) {
        db.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout.toMillis() + "ms")
                .query(String.class).single();
    }

    /**
     * The run's next people to delete, locked; people daytime work holds are skipped (a later slice or night takes
     * them), and people put on hold since the run was planned are marked on hold instead.
     */
    public List<Long> claim(long runId, int limit) {
        db.sql("""
                update retention_run_persons set state = 'on-hold' where run_id = ? and state = 'due'
                and person_id in (select person_id from legal_holds where la = ? and released_at is null)""")
                .params(runId, settings.la()).update();
        return db.sql("""
                select rp.person_id from retention_run_persons rp join persons p on p.id = rp.person_id and p.la = ?
                where rp.run_id = ? and rp.state = 'due' order by rp.person_id limit ?
                for update of p skip locked""").params(settings.la(), runId, limit).query(Long.class).list();
    }

    public void markDeleted(long runId, List<Long> persons) {
        db.sql("update retention_run_persons set state = 'deleted' where run_id = ? and person_id = any(?::bigint[])")
                .params(runId, ids(persons)).update();
    }

    /** Deletes the people's records everywhere and queues the raw uploads that held them. */
    public void erase(List<Long> persons, LocalDate erasedOn) {
        String ids = ids(persons);
        String la = settings.la();
        List<String> upns = db.sql("""
                select value from person_identifiers where la = ? and person_id = any(?::bigint[])
                    and kind in ('UPN', 'FORMER_UPN')
                union select upn from pupils where la = ? and person_id = any(?::bigint[])""")
                .params(la, ids, la, ids).query(String.class).list();
        String upnArray = "{" + String.join(",", upns.stream().map(u -> "\"" + u.replace("\"", "") + "\"")
                .toList()) + "}";
        queueUploads(ids, upnArray);
        tombstoneAudit(ids, upnArray, erasedOn);
        db.sql("delete from alert_case_events where case_id in (select id from alert_cases where person_id = any(?::bigint[]))")
                .param(ids).update();
        db.sql("delete from alert_cases where person_id = any(?::bigint[])").param(ids).update();
        db.sql("delete from alert_recompute_pupils where person_id = any(?::bigint[])").param(ids).update();
        db.sql("""
                delete from review_queue where candidate_person_id = any(?::bigint[]) or decided_person_id = any(?::bigint[])
                   or held_record_id in (select id from held_records where person_id = any(?::bigint[])
                                         or (la = ? and upn = any(?::text[])))""")
                .params(ids, ids, ids, la, upnArray).update();
        db.sql("delete from held_records where person_id = any(?::bigint[]) or (la = ? and upn = any(?::text[]))")
                .params(ids, la, upnArray).update();
        db.sql("delete from batch_findings where la = ? and upn = any(?::text[])").params(la, upnArray).update();
        for (String table : List.of("mark_history", "attendance_tallies", "attendance_years")) {
            db.sql("delete from " + table + " where la = ? and person_id = any(?::bigint[])").params(la, ids).update();
        }
        for (String table : List.of("exclusions", "enrolments", "rectifications", "pupils", "person_identifiers",
                "social_care_cases", "retention_facts", "legal_holds", "stage_pupils", "stage_attendance", "stage_exclusions")) {
            db.sql("delete from " + table + " where person_id = any(?::bigint[])").param(ids).update();
        }
        db.sql("delete from persons where la = ? and id = any(?::bigint[])").params(la, ids).update();
    }

    /** Held records no person was ever found for, whose education period has passed: same clock, from the DOB sent. */
    public int eraseUnmatchedHeldRecords(LocalDate asOf, String educationPeriod, LocalDate erasedOn, int limit) {
        List<Long> held = db.sql("""
                select id from held_records where la = ? and person_id is null
                and (coalesce(case when payload ->> 'dob' ~ '^\\d{4}-\\d{2}-\\d{2}$' then (payload ->> 'dob')::date end,
                              (created_at at time zone 'Europe/London')::date) + cast(? as interval))::date <= ?
                order by id limit ? for update skip locked""")
                .params(settings.la(), educationPeriod, asOf, limit).query(Long.class).list();
        if (held.isEmpty()) {
            return 0;
        }
        String ids = ids(held);
        db.sql("""
                update audit_events set erased_on = ?, subject = split_part(subject, ':', 1), reason = null, detail = null
                where erased_on is null and subject in (select 'held:' || unnest(?::bigint[])
                    union all select 'review:' || id from review_queue where held_record_id = any(?::bigint[]))""")
                .params(erasedOn, ids, ids).update();
        db.sql("""
                insert into retention_upload_erasures (batch_id, stored_path)
                select b.id, b.stored_path from batches b
                where b.upload_erased_at is null and b.status in ('completed', 'refused', 'failed')
                and b.id in (select batch_id from held_records where id = any(?::bigint[]))
                on conflict (batch_id) do nothing""").param(ids).update();
        markUploadsErased();
        db.sql("""
                delete from batch_findings f using held_records h
                where h.id = any(?::bigint[]) and f.batch_id = h.batch_id and f.upn = h.upn""").param(ids).update();
        db.sql("delete from review_queue where held_record_id = any(?::bigint[])").param(ids).update();
        db.sql("delete from held_records where id = any(?::bigint[])").param(ids).update();
        return held.size();
    }

    private void queueUploads(String ids, String upns) {
        db.sql("""
                insert into retention_upload_erasures (batch_id, stored_path)
                select b.id, b.stored_path from batches b
                where b.la = ? and b.upload_erased_at is null and b.status in ('completed', 'refused', 'failed')
                and b.id in (
                    select batch_id from pupils where person_id = any(?::bigint[])
                    union select batch_id from attendance_years where person_id = any(?::bigint[])
                    union select batch_id from exclusions where person_id = any(?::bigint[])
                    union select batch_id from held_records where person_id = any(?::bigint[]) or upn = any(?::text[])
                    union select batch_id from person_identifiers where person_id = any(?::bigint[])
                    union select superseded_batch from rectifications where person_id = any(?::bigint[])
                    union select batch_id from mark_history where la = ? and person_id = any(?::bigint[])
                    union select started_batch from enrolments where person_id = any(?::bigint[])
                    union select ended_batch from enrolments where person_id = any(?::bigint[])
                    union select batch_id from batch_findings where la = ? and upn = any(?::text[])
                    union select s.id from batches s join enrolments e on e.laestab = s.laestab
                        where e.person_id = any(?::bigint[])
                        and (s.received_at at time zone 'Europe/London')::date
                            between e.from_date - 60 and coalesce(e.to_date, 'infinity'::date) + 30)
                on conflict (batch_id) do nothing""")
                .params(settings.la(), ids, ids, ids, ids, upns, ids, ids, settings.la(), ids, ids, ids, settings.la(),
                        upns, ids)
                .update();
        markUploadsErased();
    }

    private void markUploadsErased() {
        db.sql("update batches set upload_erased_at = now() where upload_erased_at is null "
                + "and id in (select batch_id from retention_upload_erasures)").update();
    }

    /** Rows about the people, their alert cases, held records and review items keep who, when and what kind only. */
    private void tombstoneAudit(String ids, String upns, LocalDate erasedOn) {
        // Reads that named them among other pupils lose their id and UPNs from the lists, and become tombstones too.
        db.sql("""
                update audit_events set erased_on = ?, subject = split_part(subject, ':', 1), reason = null, detail = null,
                    persons = nullif(array(select unnest(persons) except select unnest(?::bigint[])), '{}'),
                    upns = nullif(array(select unnest(upns) except select unnest(?::text[])), '{}')
                where erased_on is null and (persons && ?::bigint[] or upns && ?::text[] or subject in (
                    select 'person:' || unnest(?::bigint[])
                    union all select 'alert:' || id from alert_cases where person_id = any(?::bigint[])
                    union all select 'held:' || id from held_records where person_id = any(?::bigint[])
                                                                       or (la = ? and upn = any(?::text[]))
                    union all select 'review:' || q.id from review_queue q
                        where q.candidate_person_id = any(?::bigint[]) or q.decided_person_id = any(?::bigint[])
                           or q.held_record_id in (select id from held_records where person_id = any(?::bigint[]))))""")
                .params(erasedOn, ids, upns, ids, upns, ids, ids, ids, settings.la(), upns, ids, ids, ids).update();
        db.sql("""
                update audit_events set
                    persons = nullif(array(select unnest(persons) except select unnest(?::bigint[])), '{}'),
                    upns = nullif(array(select unnest(upns) except select unnest(?::text[])), '{}')
                where erased_on is not null and (persons && ?::bigint[] or upns && ?::text[])""")
                .params(ids, upns, ids, upns).update();
    }

    /** Raw uploads waiting to be deleted from the upload store. */
    public List<PendingUpload> pendingUploads() {
        return db.sql("select batch_id, stored_path from retention_upload_erasures")
                .query((rs, n) -> new PendingUpload(rs.getObject(1, java.util.UUID.class), Path.of(rs.getString(2))))
                .list();
    }

    public record PendingUpload(java.util.UUID batchId, Path file) {
    }

    public void uploadDeleted(java.util.UUID batchId) {
        db.sql("delete from retention_upload_erasures where batch_id = ?").param(batchId).update();
    }

    static String ids(List<Long> ids) {
        return RetentionRunStore.array(ids.stream().map(String::valueOf).toList());
    }
}
