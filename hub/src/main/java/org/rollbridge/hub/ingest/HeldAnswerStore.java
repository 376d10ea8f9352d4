package org.rollbridge.hub.ingest;

import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The held_answers rows: the school's latest answer on each of its held records it is asked about. */
@Component
public class HeldAnswerStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public HeldAnswerStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * Keeps the school's answer on its held record, replacing an earlier one; false when this school has no such
     * record still held that it is asked about (core's {@link SchoolAnswer#asked}).
     */
    boolean answer(String laestab, long heldId, SchoolAnswer.Answer answer, String by) {
        return db.sql("""
                        insert into held_answers (held_record_id, la, laestab, answer, previously_at, answered_by)
                        select id, la, laestab, ?, ?, ? from held_records
                        where la = ? and laestab = ? and id = ? and status = 'held' and feed = 'ctf'
                          and reason = any (?)
                        on conflict (held_record_id) do update set answer = excluded.answer,
                            previously_at = excluded.previously_at, answered_by = excluded.answered_by,
                            answered_at = now()""")
                .params(answer.answer().id(), answer.previouslyAt(), by, settings.la(), laestab, heldId,
                        SchoolAnswer.ASKED_REASONS.toArray(String[]::new))
                .update() == 1;
    }
}
