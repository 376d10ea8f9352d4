package org.rollbridge.hub.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The legal_holds rows: at most one active hold per person. */
@Component
public class LegalHoldStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public LegalHoldStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public record Hold(long id, long personId, String reason, LocalDate reviewOn, String heldBy, Instant heldAt,
                       String releasedBy, Instant releasedAt, String releaseReason) {

        public boolean active() {
            return releasedAt == null;
        }
    }

    public boolean personExists(long personId) {
        return db.sql("select exists (select 1 from persons where la = ? and id = ?)").params(settings.la(), personId)
                .query(Boolean.class).single();
    }

    /** Places a hold; empty when the person already has an active one. */
    public Optional<Long> place(long personId, String reason, LocalDate reviewOn, String by) {
        return db.sql("""
                insert into legal_holds (la, person_id, reason, review_on, held_by) values (?, ?, ?, ?, ?)
                on conflict (la, person_id) where released_at is null do nothing returning id""")
                .params(settings.la(), personId, reason, reviewOn, by).query(Long.class).optional();
    }

    /** Releases an active hold; empty when there is no such active hold. */
    public Optional<Hold> release(long holdId, String by, String reason) {
        return db.sql("""
                update legal_holds set released_by = ?, released_at = now(), release_reason = ?
                where la = ? and id = ? and released_at is null returning *""")
                .params(by, reason, settings.la(), holdId).query(LegalHoldStore::hold).optional();
    }

    public Optional<Hold> find(long holdId) {
        return db.sql("select * from legal_holds where la = ? and id = ?").params(settings.la(), holdId)
                .query(LegalHoldStore::hold).optional();
    }

    public List<Hold> active() {
        return db.sql("select * from legal_holds where la = ? and released_at is null order by review_on, id")
                .param(settings.la()).query(LegalHoldStore::hold).list();
    }

    public List<Hold> ofPerson(long personId) {
        return db.sql("select * from legal_holds where la = ? and person_id = ? order by id desc")
                .params(settings.la(), personId).query(LegalHoldStore::hold).list();
    }

    private static Hold hold(ResultSet rs, int n) throws SQLException {
        return new Hold(rs.getLong("id"), rs.getLong("person_id"), rs.getString("reason"),
                rs.getObject("review_on", LocalDate.class), rs.getString("held_by"),
                rs.getTimestamp("held_at").toInstant(), rs.getString("released_by"),
                rs.getTimestamp("released_at") == null ? null : rs.getTimestamp("released_at").toInstant(),
                rs.getString("release_reason"));
    }
}
