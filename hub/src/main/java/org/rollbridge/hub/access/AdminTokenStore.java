package org.rollbridge.hub.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Administrators' personal API tokens, kept as SHA-256 hashes ({@link AdminTokens} makes and checks them). */
@Repository
public class AdminTokenStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public AdminTokenStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A token as listed to administrators: never its value. */
    public record Listed(long id, String username, String label, String createdBy, Instant createdAt,
                         Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

        public boolean current(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    public long add(long userId, String label, String tokenHash, String createdBy, Instant expiresAt) {
        return db.sql("""
                insert into admin_tokens (la, user_id, label, token_hash, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(settings.la(), userId, label, tokenHash, createdBy, Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    /**
     * The user of a current token (not revoked, not expired, the account enabled and still an administrator's),
     * noting that it was used.
     */
    public Optional<HubUser> use(String tokenHash, Instant now, List<String> administratorRoles) {
        return db.sql("""
                update admin_tokens t set last_used_at = ?
                from users u
                where t.token_hash = ? and t.la = ? and t.revoked_at is null and t.expires_at > ?
                  and u.id = t.user_id and u.enabled and u.role = any(?::text[])
                returning u.id, u.username, u.display_name, u.role, u.organisation_kind, u.organisation_code""")
                .params(Timestamp.from(now), tokenHash, settings.la(), Timestamp.from(now),
                        "{" + String.join(",", administratorRoles) + "}")
                .query((rs, n) -> new HubUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")), new Organisation(
                        OrganisationKind.valueOf(rs.getString("organisation_kind")),
                        rs.getString("organisation_code")))).optional();
    }

    /** True when the hash is of a token that was revoked or has expired: the caller is told so. */
    public boolean lapsed(String tokenHash, Instant now) {
        return db.sql("""
                select count(*) from admin_tokens
                where token_hash = ? and la = ? and (revoked_at is not null or expires_at <= ?)""")
                .params(tokenHash, settings.la(), Timestamp.from(now)).query(Long.class).single() > 0;
    }

    /** Revokes a current token; the user name it belonged to, or empty when there was none to revoke. */
    public Optional<String> revoke(long id, String by, Instant now) {
        return db.sql("""
                update admin_tokens t set revoked_at = ?, revoked_by = ? from users u
                where t.id = ? and t.la = ? and t.revoked_at is null and u.id = t.user_id returning u.username""")
                .params(Timestamp.from(now), by, id, settings.la()).query(String.class).optional();
    }

    public List<Listed> all() {
        return db.sql("""
                select t.id, u.username, t.label, t.created_by, t.created_at, t.expires_at, t.revoked_at,
                       t.revoked_by, t.last_used_at
                from admin_tokens t join users u on u.id = t.user_id where t.la = ? order by t.id desc""")
                .param(settings.la())
                .query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")),
                        rs.getString("revoked_by"), instant(rs.getTimestamp("last_used_at")))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
